"""The fact-checkers' web page: Flask templates and local static assets over the service layer."""
