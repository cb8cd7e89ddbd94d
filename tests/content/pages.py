"""Every public page of the guide, as URL names and arguments."""

from content.default_content.options import OPTIONS

PUBLIC_PAGES = [
    ("content:home", {}),
    ("content:guide", {}),
    *[("content:option", {"slug": option["slug"]}) for option in OPTIONS],
    ("content:methods", {}),
    ("content:compare", {}),
    ("content:faq", {}),
    ("content:sources", {}),
    ("content:privacy", {}),
]
