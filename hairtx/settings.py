"""hairtx settings: one module, every value from the environment, safe development defaults.

Production sets DJANGO_DEBUG=false, DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS and DATABASE_URL
(see README "Settings"). Nothing lives only in production: the same code paths run in
development, tests and CI.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from hairtx.object_storage import default_storage_from_environment

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    try:
        return int(value) if value else default
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from None


# GENERAL
# ------------------------------------------------------------------------------
DEBUG = env_bool("DJANGO_DEBUG", True)
_DEV_SECRET = "dev-only-insecure-key-do-not-use-in-production-7f3a9c2e1b"
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", _DEV_SECRET if DEBUG else "")
if not SECRET_KEY:
    raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is false.")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "")

LANGUAGE_CODE = "en-gb"
TIME_ZONE = os.environ.get("DJANGO_TIME_ZONE", "Europe/London")
USE_I18N = True
USE_TZ = True

ROOT_URLCONF = "hairtx.urls"
WSGI_APPLICATION = "hairtx.wsgi.application"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# APPS
# ------------------------------------------------------------------------------
INSTALLED_APPS = [
    # Django's admin with secrets kept out of change-list lookups (hairtx/admin_site.py).
    "hairtx.admin_site.HairtxAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.forms",
    "crispy_forms",
    "crispy_bootstrap5",
    "simple_history",
    "axes",
    "django_tasks_db",
    "content",
    "assessments",
    "worker",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Outermost after security, so that every response gets these headers, errors too.
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "hairtx.middleware.PrivacyHeadersMiddleware",
    # A database that does not answer: "try again" (503), not a 500 (issue 25, storage-v3).
    "hairtx.middleware.ServiceUnavailableMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # Kept public pages and stored PDFs: answered here, before the session stack.
    "hairtx.middleware.SessionFreeMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, so that a locked-out login never reaches the view.
    "axes.middleware.AxesMiddleware",
]

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
                "content.context_processors.site_content",
            ],
        },
    },
]
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

# DATABASES
# ------------------------------------------------------------------------------
# Default: an SQLite file under var/ in WAL mode. Production and
# scale-out: DATABASE_URL=postgres://user:pass@host:5432/name (psycopg 3).
VAR_DIR = Path(os.environ.get("HAIRTX_VAR_DIR", BASE_DIR / "var"))
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'hairtx.sqlite3'}",
        conn_max_age=env_int("DJANGO_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets readers and one writer work at once; IMMEDIATE avoids the
        # "database is locked" upgrade deadlock when two requests write at once.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    # The test database (in memory, or a file for live-server tests): tests/conftest.py.

# CACHES, SESSIONS: shared by every application server (never per-process memory)
# ------------------------------------------------------------------------------
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "hairtx_cache",
        "TIMEOUT": 600,
    },
    # Sessions read through a table of their own: culling it never drops the content
    # version kept in "default" (the database cache culls the lowest keys first). Past
    # 20,000 rows it drops the expired ones, then a third of the rest: those sessions are
    # read from the database again when next used.
    "sessions": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "hairtx_session_cache",
        "OPTIONS": {"MAX_ENTRIES": 20_000},
    },
}
# The database stays the sessions' record (sign-out deletes the row and the cached copy;
# purge_expired removes expired ones); the shared cache table above answers the reads.
# Performance (issue 24): one raw SELECT and an unpickle instead of an ORM query and a
# signature check, about 0.3 ms of CPU off every request that reads its session, a
# questionnaire step POST among them (docs/performance.md). The price: a new or changed
# session (start, resume, sign-in) also writes its cached copy.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_CACHE_ALIAS = "sessions"
SESSION_COOKIE_AGE = 60 * 60 * 8
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True

# BACKGROUND TASKS (django.tasks with django-tasks-db's database queue)
# ------------------------------------------------------------------------------
# Summary PDFs are made by `manage.py run_worker` (README "Running in production").
# Without a worker nothing breaks: a PDF is then made when it is first asked for.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# The worker process restarts after this many tasks, so its memory stays flat.
HAIRTX_WORKER_MAX_TASKS = env_int("HAIRTX_WORKER_MAX_TASKS", 250)
# Pages wait for the worker only if it reported within this many seconds.
HAIRTX_WORKER_SEEN_SECONDS = env_int("HAIRTX_WORKER_SEEN_SECONDS", 30)
# A task still running after this long was left by a worker that died: run it again.
HAIRTX_TASK_STALE_SECONDS = env_int("HAIRTX_TASK_STALE_SECONDS", 300)
# Finished task rows are pruned after this many days (failed ones after four times as many).
HAIRTX_TASK_RESULT_DAYS = env_int("HAIRTX_TASK_RESULT_DAYS", 7)
# Public guide pages are kept in each process until the content changes; a process
# looks at the shared content version at most this often (content/page_cache.py).
HAIRTX_CONTENT_RECHECK_SECONDS = env_int("HAIRTX_CONTENT_RECHECK_SECONDS", 1)
# Run once in each worker process before its first task (fonts, stylesheets).
HAIRTX_WORKER_WARM_UP = ["assessments.pdf.warm_up"]

# AUTH
# ------------------------------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "staff:login"
LOGIN_REDIRECT_URL = "staff:list"
LOGOUT_REDIRECT_URL = "staff:login"

# Trusted reverse proxies in front (0: clients connect directly). The client address
# for axes, the rate limits and the audit log comes from hairtx.addresses.client_address
# (limits group IPv6 by /64 through client_network).
HAIRTX_PROXY_COUNT = env_int("HAIRTX_PROXY_COUNT", 0)

# django-axes: lock a username+address pair out after repeated failed logins.
AXES_FAILURE_LIMIT = env_int("HAIRTX_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 0.5  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_LOCKOUT_CALLABLE = "assessments.ratelimit.login_locked_out_response"
# Without this axes keys on REMOTE_ADDR (its own proxy count needs django-ipware): behind
# a proxy one attacker would lock a username out for everyone. IPv6 counts per /64.
AXES_CLIENT_IP_CALLABLE = "hairtx.addresses.client_network"
AXES_ENABLE_ACCESS_FAILURE_LOG = False  # keep fewer personal data rows
# axes' log of successful sign-ins (username, network, time) says from which networks
# each account signed in lately: a network in it is not slowed by the per-account limit
# (assessments/ratelimit.py). purge_expired deletes rows older than this many days.
HAIRTX_LOGIN_LOG_DAYS = env_int("HAIRTX_LOGIN_LOG_DAYS", 30)
AXES_VERBOSE = False  # no start-up banner on every manage.py command

# STATIC AND MEDIA
# ------------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", VAR_DIR / "media"))
# Stored PDFs and uploads: the server's user and group only (Django's default follows
# the umask, 0644 on most systems: every local user could read a patient's summary).
FILE_UPLOAD_PERMISSIONS = 0o640
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o750

# OBJECT STORAGE (issue 25, storage-v3) --------------------------------------------
# Stored PDFs and the clinic logo: private files, never served under MEDIA_URL. The local
# disk (MEDIA_ROOT) unless HAIRTX_S3_BUCKET is set; then an S3-compatible object store,
# configured by the HAIRTX_S3_* variables (hairtx/object_storage.py, README "Settings").
_default_file_storage = default_storage_from_environment(os.environ)
# ---------------------------------------------------------------- end object storage
STORAGES = {
    "default": _default_file_storage,
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_MAX_AGE = 60 * 60 * 24 * 30 if not DEBUG else 0

# SECURITY
# ------------------------------------------------------------------------------
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
# X-Forwarded-Proto is believed only when a proxy of ours is there to set it; otherwise
# any client could claim HTTPS. Health probes speak plain HTTP to the app: no redirect.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if HAIRTX_PROXY_COUNT else None
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env_int("DJANGO_SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
X_FRAME_OPTIONS = "DENY"
# Strict policy: nothing from third parties, no inline scripts or styles.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "object-src": [CSP.NONE],
}
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), "
    "browsing-topics=()"
)
DATA_UPLOAD_MAX_MEMORY_SIZE = 64 * 1024  # no form here needs more than a few KB
DATA_UPLOAD_MAX_NUMBER_FIELDS = 200
# DATA_UPLOAD_MAX_MEMORY_SIZE does not count files. Only the clinic logo form takes one:
# a file part posted anywhere else is refused (400) before it is read, see hairtx/uploads.py.
DATA_UPLOAD_MAX_NUMBER_FILES = 1
FILE_UPLOAD_MAX_MEMORY_SIZE = 64 * 1024
FILE_UPLOAD_HANDLERS = [
    "hairtx.uploads.RefuseUnexpectedFilesHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
HAIRTX_MAX_UPLOAD_BYTES = 2 * 1024 * 1024  # the clinic logo

# CRISPY FORMS
# ------------------------------------------------------------------------------
CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# HAIRTX
# ------------------------------------------------------------------------------
HAIRTX_DRAFT_DAYS = env_int("HAIRTX_DRAFT_DAYS", 14)
HAIRTX_RETENTION_DAYS = env_int("HAIRTX_RETENTION_DAYS", 180)
HAIRTX_AUDIT_RETENTION_DAYS = env_int("HAIRTX_AUDIT_RETENTION_DAYS", 730)
# Clinic insights: a count of people below this is shown as "fewer than N" everywhere.
HAIRTX_INSIGHTS_MIN_COUNT = env_int("HAIRTX_INSIGHTS_MIN_COUNT", 5)
if HAIRTX_INSIGHTS_MIN_COUNT < 1:
    raise ImproperlyConfigured("HAIRTX_INSIGHTS_MIN_COUNT must be 1 or more.")
# (attempts, per seconds) per client address (per staff user for "reference");
# see assessments/ratelimit.py.
HAIRTX_RATE_LIMITS = {
    "start": (env_int("HAIRTX_RATE_START_PER_HOUR", 30), 3600),
    "submit": (env_int("HAIRTX_RATE_SUBMIT_PER_HOUR", 20), 3600),
    "resume": (env_int("HAIRTX_RATE_RESUME_PER_15MIN", 10), 900),
    # Every look-up by reference code (search, detail, print, PDF, review), per staff user.
    "reference": (env_int("HAIRTX_RATE_REFERENCE_PER_HOUR", 300), 3600),
    # Failed sign-ins per address across all usernames (password spraying); the axes
    # lock-out above counts per username and address.
    "login": (env_int("HAIRTX_RATE_LOGIN_FAILURES_PER_HOUR", 30), 3600),
    # Failed sign-ins per account from all networks (guesses spread over many
    # addresses). Over it, only networks the account signed in from lately may try.
    "login_account": (env_int("HAIRTX_RATE_LOGIN_ACCOUNT_FAILURES_PER_DAY", 20), 86400),
}
HAIRTX_PDF_PAGE_SIZE = os.environ.get("HAIRTX_PDF_PAGE_SIZE", "A4")
if HAIRTX_PDF_PAGE_SIZE not in {"A4", "letter"}:
    raise ImproperlyConfigured("HAIRTX_PDF_PAGE_SIZE must be A4 or letter.")
# FHIR (assessments/fhir). The canonical URLs name the Questionnaire and the answer code
# system wherever hairtx runs, so they are not per clinic; the identifier system says
# whose reference codes these are, so each clinic sets its own.
HAIRTX_FHIR_QUESTIONNAIRE_URL = "https://hairtx.example/fhir/Questionnaire/hairtx-intake"
HAIRTX_FHIR_CODE_SYSTEM_URL = "https://hairtx.example/fhir/CodeSystem/hairtx-intake-answers"
HAIRTX_FHIR_IDENTIFIER_SYSTEM = os.environ.get(
    "HAIRTX_FHIR_IDENTIFIER_SYSTEM", "https://hairtx.example/fhir/reference-code"
)

# LOGGING: never answers, tokens or codes (see hairtx/logging.py)
# ------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact": {"()": "hairtx.logging.RedactSecretsFilter"}},
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["redact"], "formatter": "plain"}
    },
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "django.request": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        "weasyprint": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        "fontTools": {"level": "WARNING"},
    },
}
