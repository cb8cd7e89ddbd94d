"""The admin front page's "sent back to you" list (content/approvals/inbox)."""

from django import template

from content.approvals.inbox import sent_back_to

register = template.Library()


@register.inclusion_tag("admin/content/_sent_back.html")
def changes_sent_back_to(user):
    return {"changes": sent_back_to(user)}
