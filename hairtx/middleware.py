"""Response headers that Django's SecurityMiddleware does not set."""

from django.conf import settings

# Pages whose URL holds a secret (a patient's token) or that show health data.
NO_REFERRER_PREFIXES = ("/summary/", "/questionnaire/", "/staff/", "/admin/")


class PrivacyHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        if request.path.startswith(NO_REFERRER_PREFIXES):
            response.headers["Referrer-Policy"] = "no-referrer"
        return response
