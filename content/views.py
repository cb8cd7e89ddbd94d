"""Public pages of the guide. Only published content is shown, except to an editor
who asks for a preview (`?preview=1`)."""

import io
import logging

from django.conf import settings
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET

from content.models import FAQ, Article, ComparisonRow, OptionProfile, Reference
from content.page_cache import public_page
from content.selectors import clinic_details, declaration_of_interest
from hairtx.middleware import service_unavailable_response

logger = logging.getLogger(__name__)

GUIDE_SLUG = "guide"
METHODS_SLUG = "how-this-guide-was-made"
PREVIEW_PERMISSION = "content.change_section"


def wants_preview(request) -> bool:
    """Drafts are shown only to a content editor who asked for them."""
    return request.GET.get("preview") == "1" and request.user.has_perm(PREVIEW_PERMISSION)


def _render(request, template, context):
    preview = wants_preview(request)
    response = render(request, template, {**context, "preview": preview})
    if preview:
        # Drafts must never sit in a shared or browser cache.
        response.headers["Cache-Control"] = "private, no-store"
    return response


@require_GET
@public_page
def home(request):
    """Models: OptionProfile. Template: content/home.html."""
    options = OptionProfile.objects.published()
    return _render(request, "content/home.html", {"options": options})


@require_GET
@public_page
def guide(request):
    """The whole guide on one page, with a table of contents.

    Models: Article, Section. Template: content/guide.html.
    """
    preview = wants_preview(request)
    article = get_object_or_404(
        Article.objects.visible(include_drafts=preview), slug=GUIDE_SLUG
    )
    sections = article.sections.visible(include_drafts=preview)
    return _render(
        request,
        "content/guide.html",
        {"article": article, "sections": sections, "declaration": declaration_of_interest()},
    )


@require_GET
@public_page
def methods(request):
    """How this guide was made: methods, authors, review, interests, funding, updates.

    Models: Article, Section, ClinicDetails. Template: content/methods.html.
    """
    preview = wants_preview(request)
    article = get_object_or_404(
        Article.objects.visible(include_drafts=preview), slug=METHODS_SLUG
    )
    return _render(
        request,
        "content/methods.html",
        {
            "article": article,
            "sections": article.sections.visible(include_drafts=preview),
            "declaration": declaration_of_interest(),
        },
    )


@require_GET
@public_page
def option(request, slug):
    """One option's profile. Models: OptionProfile. Template: content/option.html."""
    visible = OptionProfile.objects.visible(include_drafts=wants_preview(request))
    option = get_object_or_404(visible, slug=slug)
    return _render(
        request,
        "content/option.html",
        {
            "option": option,
            "other_options": visible.exclude(pk=option.pk),
            "declaration": declaration_of_interest(),
        },
    )


@require_GET
def old_treatment_address(request, slug):
    """Profiles used to live at /treatments/<slug>/; printed copies still link there."""
    return redirect("content:option", slug=slug, permanent=True)


@require_GET
@public_page
def compare(request):
    """Option-Grid table. Models: ComparisonRow. Template: content/compare.html."""
    rows = ComparisonRow.objects.visible(include_drafts=wants_preview(request))
    columns = [ComparisonRow._meta.get_field(name).verbose_name
               for name in ComparisonRow.OPTION_FIELDS]
    return _render(
        request,
        "content/compare.html",
        {"rows": rows, "columns": columns, "declaration": declaration_of_interest()},
    )


@require_GET
@public_page
def faq(request):
    """Models: FAQ. Template: content/faq.html."""
    faqs = FAQ.objects.visible(include_drafts=wants_preview(request))
    return _render(request, "content/faq.html", {"faqs": faqs})


@require_GET
@public_page
def sources(request):
    """Models: Reference. Template: content/sources.html."""
    references = Reference.objects.visible(include_drafts=wants_preview(request))
    return _render(request, "content/sources.html", {"references": references})


@require_GET
def privacy(request):
    """What is stored, why and for how long. Template: content/privacy.html."""
    return _render(
        request,
        "content/privacy.html",
        {
            "draft_days": settings.HAIRTX_DRAFT_DAYS,
            "retention_days": settings.HAIRTX_RETENTION_DAYS,
            "audit_retention_days": settings.HAIRTX_AUDIT_RETENTION_DAYS,
            "insights_min_count": settings.HAIRTX_INSIGHTS_MIN_COUNT,
        },
    )


@require_GET
def clinic_logo(request):
    """Serve the clinic logo from storage.

    Uploaded files are private (MEDIA_URL is not served, because stored PDFs live
    there too), so the one public upload gets its own view.
    """
    clinic = clinic_details()
    if clinic is None or not clinic.logo:
        raise Http404("No clinic logo.")
    try:
        # Read whole (at most HAIRTX_MAX_UPLOAD_BYTES) so a store failing half-way fails
        # here, before the response starts.
        with clinic.logo.open("rb") as stored:
            body = stored.read()
    except Exception:  # the file store did not answer (see assessments.pdf)
        logger.exception("Could not read the clinic logo from storage.")
        return service_unavailable_response("")
    response = FileResponse(io.BytesIO(body), filename=clinic.logo.name.rsplit("/", 1)[-1])
    response.headers["Cache-Control"] = "public, max-age=3600"
    return response
