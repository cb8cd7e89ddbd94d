"""Filters for staff pages."""

from django import template

from assessments.plain_text import show_invisible_controls

register = template.Library()


@register.filter
def show_invisible(value) -> str:
    """Stored text with any bidi or zero-width character shown as [U+XXXX] (see
    assessments/plain_text.py); the result is still escaped by the template."""
    return show_invisible_controls(str(value))


@register.filter
def paired_with(labels, values) -> list[tuple]:
    """``labels|paired_with:values``: (label, value) pairs, so each cell of a wide table
    can carry its column's name (``data-label``) when the table reflows."""
    return list(zip(labels, values, strict=True))
