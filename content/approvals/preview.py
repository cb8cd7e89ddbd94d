"""A proposed change shown in the public layout, before anyone approves it.

The reviewer opens the item's public page (same templates, same CSS, nothing from
another site) with the proposed values in place of the published ones, so they read
what patients would read. Nothing is saved: the proposal is applied to a copy in memory.
"""

import copy

from content import views
from content.approvals import registry
from content.approvals.models import ContentChange
from content.models import (
    FAQ,
    Article,
    ClinicDetails,
    ComparisonRow,
    OptionProfile,
    Reference,
    Section,
)
from content.selectors import declaration_of_interest


def proposed_item(change: ContentChange):
    """The item with the proposal's values applied (unsaved)."""
    model = change.content_type.model_class()
    stored = model.objects.filter(pk=change.object_id).first()
    item = copy.copy(stored) if stored is not None else model(pk=change.object_id)
    registry.apply_values(item, change.values)
    return item


def _in_place_of(queryset, item) -> list:
    """The published list with the item put in (or in place of its published self)."""
    rows = [item if row.pk == item.pk else row for row in queryset]
    if all(row.pk != item.pk for row in rows):
        rows.append(item)
    return sorted(rows, key=lambda row: (getattr(row, "order", 0), row.pk or 0))


def _article_page(article, sections) -> tuple[str, dict]:
    template = ("content/methods.html" if article.slug == views.METHODS_SLUG
                else "content/guide.html")
    return template, {"article": article, "sections": sections,
                      "declaration": declaration_of_interest()}


def preview_page(change: ContentChange) -> tuple[str, dict]:
    """The public template and its context, showing the proposed version of the item."""
    item = proposed_item(change)
    if isinstance(item, Section):
        return _article_page(item.article, _in_place_of(item.article.sections.published(), item))
    if isinstance(item, Article):
        return _article_page(item, list(item.sections.published()))
    if isinstance(item, OptionProfile):
        others = OptionProfile.objects.published().exclude(pk=item.pk)
        return "content/option.html", {"option": item, "other_options": others,
                                       "declaration": declaration_of_interest()}
    if isinstance(item, ComparisonRow):
        columns = [ComparisonRow._meta.get_field(name).verbose_name
                   for name in ComparisonRow.OPTION_FIELDS]
        return "content/compare.html", {
            "rows": _in_place_of(ComparisonRow.objects.published(), item), "columns": columns,
            "declaration": declaration_of_interest()}
    if isinstance(item, FAQ):
        return "content/faq.html", {"faqs": _in_place_of(FAQ.objects.published(), item)}
    if isinstance(item, Reference):
        return "content/sources.html", {
            "references": _in_place_of(Reference.objects.published(), item)}
    if isinstance(item, ClinicDetails):
        article = Article.objects.published().filter(slug=views.METHODS_SLUG).first()
        template, context = _article_page(article, list(article.sections.published()))
        return template, {**context, "declaration": item.declaration_of_interest}
    raise LookupError(f"No public page shows a {type(item).__name__}.")
