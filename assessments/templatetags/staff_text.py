"""Filters for staff pages."""

from django import template

from assessments.plain_text import show_invisible_controls

register = template.Library()


@register.filter
def show_invisible(value) -> str:
    """Stored text with any bidi or zero-width character shown as [U+XXXX] (see
    assessments/plain_text.py); the result is still escaped by the template."""
    return show_invisible_controls(str(value))
