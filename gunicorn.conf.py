"""gunicorn settings for claimtrace, used by the Procfile and `make run` (`gunicorn -c gunicorn.conf.py`).

Deployment values come from the environment: PORT, WEB_CONCURRENCY (worker processes), WEB_THREADS
(threads per worker) and the CLAIMTRACE_* settings, which are checked here before anything starts.
"""

import os
import shutil
import sys
from pathlib import Path

from service.config import Settings, SettingsError

try:
    _settings = Settings.from_env()
except SettingsError as error:
    # One line naming the variable, instead of a traceback and "Worker failed to boot" from each worker.
    sys.exit(f"claimtrace: {error}")

# Prometheus multiprocess mode: each worker writes its samples to files in this folder and /metrics adds
# them up. Set before the app (and prometheus_client) is imported; emptied at each start, since files of
# an earlier run would add its counts to this one's.
_metrics_dir = Path(os.environ.get("PROMETHEUS_MULTIPROC_DIR") or Path(_settings.data_dir) / "metrics")
shutil.rmtree(_metrics_dir, ignore_errors=True)
_metrics_dir.mkdir(parents=True)
os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(_metrics_dir)


def when_ready(server):
    """Drop the master's own live gauges: it built the app (preload) but answers nothing, so its index
    position would stay at the start-up value and read as lag."""
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(os.getpid())


def pre_fork(server, worker):
    """Freeze the loaded app's objects before a worker forks (service/server/heap.py): a worker's full
    garbage collections then neither walk them (100 ms and more inside a request) nor copy the pages
    the workers share with the master."""
    from service.server.heap import freeze_heap

    freeze_heap()


def post_worker_init(worker):
    """Freeze what the worker built itself (all of the app when it was not preloaded)."""
    from service.server.heap import freeze_heap

    worker.log.info("froze %d objects out of the garbage collector's walks", freeze_heap())


def child_exit(server, worker):
    """Drop a dead worker's live gauges (its index position) from /metrics."""
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)


wsgi_app = "service:create_app()"
bind = [f"0.0.0.0:{os.environ.get('PORT', '8000')}"]
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))

# Threads, not sync workers: a sync worker is held by one slow client from its first byte to its last,
# so two clients trickling bodies stalled /health for 19 s. gthread parks idle and kept-alive
# connections in a poller, hands a connection to a thread only once it has sent data, and the app reads
# each body against CLAIMTRACE_BODY_TIMEOUT (408 after), so a trickling client holds one thread for at
# most that long and the others keep answering. Async workers (gevent) were ruled out: SQLite calls and
# CPU-bound matching block their event loop, and the store keeps one connection per thread.
worker_class = "service.server.worker.ProblemThreadWorker"
threads = int(os.environ.get("WEB_THREADS", "32"))
# The worker (service/server/worker.py) accepts a connection only while one of its threads is free,
# so one whose threads are all held by slow clients leaves new connections to another worker (or the
# listen backlog) instead of queueing them behind the slow ones. Kept-alive idle connections hold no thread.
timeout = 30  # a worker whose main loop is stuck this long is restarted; requests are far shorter
graceful_timeout = 20
keepalive = 5
preload_app = True  # the store is opened and the corpus loaded once, before the workers fork
control_socket_disable = True  # gunicorn 27 would open ~/.gunicorn/gunicorn.ctl, shared by every instance

# Request line and header limits, answered by the worker as problem+json (414 and 431).
limit_request_line = 8190  # gunicorn's maximum: path and query string of up to ~8 KB
limit_request_fields = 100
limit_request_field_size = 8190

accesslog = "-"
access_log_format = '%(h)s "%(r)s" %(s)s %(B)s %(M)sms pid=%(p)s request_id=%({x-request-id}o)s "%(a)s"'
