"""Response headers that Django's SecurityMiddleware does not set."""

import re

from django.conf import settings

# Pages whose own URL is a secret (a patient's link) or leads to one, and that post no
# forms: they send no referrer at all. Every other page keeps the site-wide
# "same-origin" (SECURE_REFERRER_POLICY), which never sends a URL to another site.
# "no-referrer" cannot go on pages with forms: browsers then post with "Origin: null",
# which Django's CSRF protection rightly refuses.
NO_REFERRER_PATHS = re.compile(
    r"^/(?:summary/[^/]+/(?:pdf/)?"
    r"|questionnaire/resume/[^/]+/"
    r"|staff/assessments/[^/]+/(?:pdf|print|fhir)/)$"
)


class PrivacyHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        if NO_REFERRER_PATHS.match(request.path):
            response.headers["Referrer-Policy"] = "no-referrer"
        return response
