"""Write the shipped default content into the database without touching editors' work.

Each row written by the loader stores a fingerprint (SHA-256) of the default values it
was given. On a later run a row is:
- created, when no row has that slug (unless an editor deleted it: the history says so);
- kept as the editor left it, when its values differ from the fingerprint (an editor
  changed it) or it has no fingerprint (an editor created it);
- left alone, when it already holds the current default;
- updated, when it still equals the default shipped last time (nobody edited it) and
  the shipped default has changed since.
"""

import hashlib
import json
from dataclasses import dataclass, field

from django.db import transaction

from content import default_content
from content.default_content.comparison import COMPARISON_ROWS
from content.default_content.faqs import FAQS
from content.default_content.guide import ARTICLE, SECTIONS
from content.default_content.methods import METHODS_ARTICLE, METHODS_SECTIONS
from content.default_content.options import OPTIONS
from content.default_content.references import REFERENCES
from content.models import FAQ, Article, ComparisonRow, OptionProfile, Reference, Section

CHANGE_REASON = "Default content from load_guide"


@dataclass
class LoadReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept_editor_version: list[str] = field(default_factory=list)
    skipped_deleted: list[str] = field(default_factory=list)

    @property
    def changed_anything(self) -> bool:
        return bool(self.created or self.updated)


def fingerprint(values: dict) -> str:
    encoded = json.dumps(values, sort_keys=True, default=str).encode()
    return hashlib.sha256(encoded).hexdigest()


def _sync(model, report: LoadReport, default: dict, **create_only):
    """Bring one row in line with its default, following the rules in the module docstring."""
    values = {**default, **default_content.EDITORIAL_DEFAULTS}
    slug = values.pop("slug")
    shipped = fingerprint(values)
    label = f"{model._meta.verbose_name} “{slug}”"

    item = model.objects.filter(slug=slug).first()
    if item is None:
        if model.history.filter(slug=slug, history_type="-").exists():
            report.skipped_deleted.append(label)
            return None
        item = model(slug=slug, default_content_hash=shipped, **values, **create_only)
        item._change_reason = CHANGE_REASON
        item.save()
        report.created.append(label)
        return item

    current = fingerprint({name: getattr(item, name) for name in values})
    if not item.default_content_hash or current != item.default_content_hash:
        report.kept_editor_version.append(label)
        return item
    if item.default_content_hash == shipped:
        report.unchanged.append(label)
        return item

    for name, value in values.items():
        setattr(item, name, value)
    item.default_content_hash = shipped
    item._change_reason = CHANGE_REASON
    item.save()
    report.updated.append(label)
    return item


@transaction.atomic
def load_default_guide() -> LoadReport:
    report = LoadReport()
    # Read at call time (not bound as defaults) so tests can swap the shipped text.
    for article_default, section_defaults in (
        (ARTICLE, SECTIONS),
        (METHODS_ARTICLE, METHODS_SECTIONS),
    ):
        article = _sync(Article, report, article_default)
        if article is not None:
            for section in section_defaults:
                _sync(Section, report, section, article=article)
    for model, defaults in (
        (OptionProfile, OPTIONS),
        (ComparisonRow, COMPARISON_ROWS),
        (FAQ, FAQS),
        (Reference, REFERENCES),
    ):
        for default in defaults:
            _sync(model, report, default)
    return report
