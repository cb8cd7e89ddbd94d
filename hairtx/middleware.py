"""Response headers that Django's SecurityMiddleware does not set."""

import re

from django.conf import settings

# URLs that are secrets (a patient's link, a resume link) or pages reached through one:
# no referrer at all, so the link never travels in a Referer header, not even to this
# site. Every other page keeps the site-wide "same-origin" (SECURE_REFERRER_POLICY),
# which never sends a URL to another site.
# "no-referrer" makes browsers post forms with "Origin: null", which Django's CSRF check
# refuses; the one form on such a page, the patient's delete button, is protected by the
# secret in its own URL instead (see assessments.views.delete).
NO_REFERRER_PATHS = re.compile(
    r"^/(?:summary/[^/]+/(?:pdf/(?:status/)?|delete/)?"
    r"|questionnaire/resume/[^/]+/"
    r"|staff/assessments/[^/]+/(?:pdf|print|fhir)/)$"
)

# Pages no search engine should keep even if it finds a link to them: secret links,
# the questionnaire beyond its start page, and everything for staff and editors.
NOINDEX_PATHS = re.compile(r"^/(?:summary/|questionnaire/.|staff/|admin/)")


class PrivacyHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        if NO_REFERRER_PATHS.match(request.path):
            response.headers["Referrer-Policy"] = "no-referrer"
        if NOINDEX_PATHS.match(request.path):
            response.headers["X-Robots-Tag"] = "noindex, nofollow"
        return response
