"""The public, read-only FHIR endpoints: the intake Questionnaire and the regret scale's.

It holds no patient data, so it may be cached anywhere; the ETag lets a clinic's system
check for a new version cheaply.
"""

import hashlib
from functools import lru_cache

from django.http import HttpResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import etag, require_safe

from assessments.decisions.fhir import regret_questionnaire

from .canonical import FhirNames, fhir_names
from .export import FHIR_JSON
from .questionnaire import intake_questionnaire

# An hour: long enough to spare the server, short enough that a new release shows soon.
CACHE_SECONDS = 3600


@lru_cache(maxsize=4)
def _questionnaire_json(names: FhirNames) -> str:
    return intake_questionnaire(names).model_dump_json(indent=2)


@lru_cache(maxsize=4)
def _regret_questionnaire_json(names: FhirNames) -> str:
    return regret_questionnaire(names).model_dump_json(indent=2)


def _questionnaire_etag(request) -> str:
    return hashlib.sha256(_questionnaire_json(fhir_names()).encode()).hexdigest()[:32]


def _regret_etag(request) -> str:
    return hashlib.sha256(_regret_questionnaire_json(fhir_names()).encode()).hexdigest()[:32]


@require_safe
@etag(_questionnaire_etag)
def questionnaire(request):
    return _public(_questionnaire_json(fhir_names()))


@require_safe
@etag(_regret_etag)
def regret_questionnaire_view(request):
    """The Decision Regret Scale as hairtx asks it (assessments.decisions.fhir)."""
    return _public(_regret_questionnaire_json(fhir_names()))


def _public(body: str) -> HttpResponse:
    response = HttpResponse(body, content_type=FHIR_JSON)
    patch_cache_control(response, public=True, max_age=CACHE_SECONDS)
    # Form renderers that run in a browser on another site (SDC tools) may fetch it too;
    # no cookies are involved and the resource holds nothing private.
    response["Access-Control-Allow-Origin"] = "*"
    return response
