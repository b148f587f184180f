"""What runs the service under gunicorn: the worker class, WSGI middleware and the gunicorn hooks."""
