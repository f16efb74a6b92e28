"""gunicorn for the web processes: `gunicorn -c cms/gunicorn.conf.py`.

Configured from the environment only, and stateless: logs go to standard
output, and nothing is written to local disk that another web process, or
the next start, would need. cms.wsgi loads cms.settings.production unless
DJANGO_SETTINGS_MODULE says otherwise.
"""

import os


def _number(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    try:
        return int(value) if value else default
    except ValueError:
        raise SystemExit(f"{name} must be a whole number, not {value!r}.") from None


wsgi_app = "cms.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", f"0.0.0.0:{_number('PORT', 8000)}")
# Processes × threads requests at once, and as many database connections
# (each thread keeps its own; see DB_CONN_MAX_AGE). A fixed number of threads
# per process is what lets production keep its connections.
workers = _number("WEB_CONCURRENCY", 2)
worker_class = "gthread"
threads = _number("GUNICORN_THREADS", 4)
# A request still running after this many seconds is stopped and its process
# replaced; long work belongs in a task.
timeout = _number("GUNICORN_TIMEOUT", 30)
graceful_timeout = _number("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = _number("GUNICORN_KEEPALIVE", 5)
# Replacing a process now and then bounds what a slow leak can grow to.
max_requests = _number("GUNICORN_MAX_REQUESTS", 0)
max_requests_jitter = _number("GUNICORN_MAX_REQUESTS_JITTER", 0)
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# gunicorn's control socket would be a file under $HOME that two servers on
# one machine share; its heartbeat files go to memory where there is some.
control_socket_disable = True
if os.path.isdir("/dev/shm"):
    worker_tmp_dir = "/dev/shm"
