"""Logging filter that keeps secrets and health data out of log lines.

Patient links carry a secret token (/summary/<token>/), drafts carry a draft token and
staff URLs can carry a reference code. Django's request loggers print the path, so every
record passes through this filter before it is written.
"""

import logging
import re

# Path segments that follow these prefixes are secrets or identifiers.
_SECRET_PATH = re.compile(
    r"(/(?:summary|questionnaire/draft|questionnaire/resume|staff/assessments|staff/decisions)/)[^/\s?\"']+"
)
# Query parameters that may hold a code or search term.
_SECRET_QUERY = re.compile(r"([?&](?:q|code|token|draft)=)[^&\s\"']*", re.IGNORECASE)


def redact(text: str) -> str:
    text = _SECRET_PATH.sub(r"\1[redacted]", text)
    return _SECRET_QUERY.sub(r"\1[redacted]", text)


class RedactSecretsFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, ()
        # django.request attaches the request object; its repr includes the path.
        if hasattr(record, "request"):
            record.request = None
        return True
