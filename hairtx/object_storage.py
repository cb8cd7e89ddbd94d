"""Where stored files live: the local disk, or an S3-compatible object store.

``default_storage_from_environment`` builds ``STORAGES["default"]`` from environment
variables (README "Settings" and "Running on several servers"). With no ``HAIRTX_S3_*``
variable set, files go to ``MEDIA_ROOT`` on the local disk, as on one machine. With
``HAIRTX_S3_BUCKET`` set, they go to that bucket through django-storages' S3 backend.

What goes there: the patients' summary PDFs and the clinic logo. Both reach people only
through the app (the PDF behind the patient's secret link or a staff login, the logo
through its own view), never through a URL of the store: objects are private (no ACL
is sent, so the bucket's own "private" default applies) and the app never hands out a
signed URL. Signed URLs would work, but they are bearer links to health data that end
up in browser history, they need the store reachable from every patient's browser (a
third-party request from our pages), and a download through them would not be in the
staff audit log.
"""

from collections.abc import Mapping

from django.core.exceptions import ImproperlyConfigured

S3_BACKEND = "storages.backends.s3.S3Storage"
LOCAL_BACKEND = "django.core.files.storage.FileSystemStorage"
ADDRESSING_STYLES = {"path", "virtual", "auto"}
# A store that does not answer must not hold a gunicorn worker until gunicorn's own
# 30-second timeout kills it: a slow answer becomes the "try again" page instead.
DEFAULT_TIMEOUT_SECONDS = 5
# botocore's "standard" mode counts the first try: 2 means one retry.
MAX_ATTEMPTS = 2
# Sent with every object. If an object were ever fetched from the store directly (it is
# not: see the module docstring), no cache may keep it and the browser saves it.
OBJECT_PARAMETERS = {"CacheControl": "private, no-store", "ContentDisposition": "attachment"}


def _positive_int(environ: Mapping[str, str], name: str, default: int) -> int:
    value = environ.get(name, "")
    try:
        number = int(value) if value else default
    except ValueError:
        number = 0
    if number < 1:
        raise ImproperlyConfigured(f"{name} must be a whole number of seconds, 1 or more.")
    return number


def default_storage_from_environment(environ: Mapping[str, str]) -> dict:
    """The ``STORAGES["default"]`` entry that the environment asks for."""
    bucket = environ.get("HAIRTX_S3_BUCKET", "").strip()
    if not bucket:
        others = sorted(name for name, value in environ.items()
                        if name.startswith("HAIRTX_S3_") and value)
        if others:
            raise ImproperlyConfigured(
                f"{', '.join(others)} set without HAIRTX_S3_BUCKET: set the bucket to use "
                "object storage, or unset them to keep files on the local disk."
            )
        return {"BACKEND": LOCAL_BACKEND}

    from botocore.config import Config

    access_key = environ.get("HAIRTX_S3_ACCESS_KEY_ID", "")
    secret_key = environ.get("HAIRTX_S3_SECRET_ACCESS_KEY", "")
    if bool(access_key) != bool(secret_key):
        raise ImproperlyConfigured(
            "Set both HAIRTX_S3_ACCESS_KEY_ID and HAIRTX_S3_SECRET_ACCESS_KEY, or neither "
            "(then the server's own credentials are used, e.g. an instance role)."
        )
    endpoint_url = environ.get("HAIRTX_S3_ENDPOINT_URL", "") or None
    # Most S3-compatible servers only know path-style addresses; AWS prefers virtual.
    addressing_style = environ.get("HAIRTX_S3_ADDRESSING_STYLE", "") or (
        "path" if endpoint_url else "auto"
    )
    if addressing_style not in ADDRESSING_STYLES:
        raise ImproperlyConfigured("HAIRTX_S3_ADDRESSING_STYLE must be path, virtual or auto.")
    timeout = _positive_int(environ, "HAIRTX_S3_TIMEOUT", DEFAULT_TIMEOUT_SECONDS)
    return {
        "BACKEND": S3_BACKEND,
        "OPTIONS": {
            "bucket_name": bucket,
            "endpoint_url": endpoint_url,
            "region_name": environ.get("HAIRTX_S3_REGION", "") or None,
            # None: boto3 finds credentials itself (instance role, AWS_* variables...).
            "access_key": access_key or None,
            "secret_key": secret_key or None,
            "location": environ.get("HAIRTX_S3_PREFIX", "").strip("/"),
            "default_acl": None,
            "object_parameters": dict(OBJECT_PARAMETERS),
            # Never a bare public URL, should anything ever ask for one; and a short life.
            "querystring_auth": True,
            "querystring_expire": 60,
            # Names are random (uuid4 for PDFs); never replace an object in place.
            "file_overwrite": False,
            # Given whole: django-storages ignores its addressing and signature options
            # once a client configuration is passed.
            "client_config": Config(
                s3={"addressing_style": addressing_style},
                signature_version="s3v4",
                connect_timeout=timeout,
                read_timeout=timeout,
                retries={"max_attempts": MAX_ATTEMPTS, "mode": "standard"},
            ),
        },
    }
