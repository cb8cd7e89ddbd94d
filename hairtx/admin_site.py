"""The project's admin site: Django's, with secrets kept out of every list's URL.

Django's change list takes any lookup on a model's own fields from its URL, so a
superuser could find a patient's link token by binary search (?token__gte=...), and a
password hash the same way. Every ModelAdmin registered here, ours or a library's (auth,
axes), refuses a lookup that touches a secret field, and may not list, filter, order or
search on one.
"""

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.core.exceptions import ImproperlyConfigured
from django.db.models.constants import LOOKUP_SEP

# Field names whose value opens something: a patient's summary or draft, an account, a
# session. No admin lookup, filter, ordering or search may use them.
SECRET_FIELD_NAMES = frozenset(
    {"token", "resume_code", "password", "session_key", "session_data", "session_hash"}
)
# ModelAdmin options that name fields to list, filter, order or search on.
FIELD_OPTIONS = ("list_display", "list_filter", "search_fields", "ordering", "sortable_by",
                 "list_editable", "date_hierarchy")


def touches_secret(path: str) -> bool:
    """Whether a lookup or option such as ``assessment__token__gte`` or ``=token`` uses a
    secret field anywhere along its path."""
    return any(part.lstrip("=^@-") in SECRET_FIELD_NAMES for part in path.split(LOOKUP_SEP))


class NoSecretLookupsMixin:
    def lookup_allowed(self, lookup, value, request):
        if touches_secret(lookup):
            return False  # the change list answers 400 (DisallowedModelAdminLookup)
        return super().lookup_allowed(lookup, value, request)


class HairtxAdminSite(admin.AdminSite):
    site_header = "hairtx administration"
    site_title = "hairtx admin"

    def register(self, model_or_iterable, admin_class=None, **options):
        admin_class = admin_class or admin.ModelAdmin
        for option in FIELD_OPTIONS:
            names = getattr(admin_class, option, None) or ()
            names = [names] if isinstance(names, str) else names
            if any(isinstance(name, str) and touches_secret(name) for name in names):
                raise ImproperlyConfigured(
                    f"{admin_class.__name__}.{option} uses a secret field ({names}).")
        if not issubclass(admin_class, NoSecretLookupsMixin):
            admin_class = type(admin_class.__name__, (NoSecretLookupsMixin, admin_class),
                               {"__module__": admin_class.__module__})
        super().register(model_or_iterable, admin_class, **options)


class HairtxAdminConfig(AdminConfig):
    """Replaces "django.contrib.admin" in INSTALLED_APPS."""

    default_site = "hairtx.admin_site.HairtxAdminSite"
