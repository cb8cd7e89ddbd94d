"""Write the shipped default content into the database without touching editors' work.

Each row written by the loader stores a fingerprint (SHA-256) of the default values it
was given. On a later run a row is:
- created, when no row has that slug (unless an editor deleted it: the history says so);
- kept as the editor left it, when its values differ from the fingerprint (an editor
  changed it, or a reviewer approved it) or it has no fingerprint (an editor created it);
- left alone, when it already holds the current default;
- updated, when it still equals the default shipped last time (nobody edited it) and
  the shipped default has changed since.

A corrected default never overwrites an edited row: it goes to the clinical reviewers as
a proposal (`propose_correction`), the edited version staying live until one approves.
The fingerprint then moves to the new default, so the next run does not ask again.

Shipped content is published without a clinician's approval; every such item is put in
the clinical reviewers' queue (content/approvals) and the site says it is unreviewed.
"""

import copy
import hashlib
import json
from dataclasses import dataclass, field

from django.db import transaction

from content import default_content
from content.approvals import registry
from content.approvals import services as approvals
from content.approvals.models import ContentChange
from content.approvals.signals import shipped_content_published
from content.default_content.comparison import COMPARISON_ROWS
from content.default_content.faqs import FAQS
from content.default_content.guide import ARTICLE, SECTIONS
from content.default_content.methods import METHODS_ARTICLE, METHODS_SECTIONS
from content.default_content.options import OPTIONS
from content.default_content.references import REFERENCES
from content.models import FAQ, Article, ComparisonRow, OptionProfile, Reference, Section

CHANGE_REASON = "Default content from load_guide"
# The summary of a proposal that brings a corrected default to an edited row.
CORRECTION_SUMMARY = "Corrected default content from load_guide"


@dataclass
class LoadReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept_editor_version: list[str] = field(default_factory=list)
    skipped_deleted: list[str] = field(default_factory=list)
    # Edited rows whose corrected default now waits for a clinical reviewer.
    correction_proposed: list[str] = field(default_factory=list)
    # Edited rows whose corrected default waits until an editor's own proposal is decided.
    correction_deferred: list[str] = field(default_factory=list)
    # Published items no clinician has approved yet (each has a proposal waiting).
    unapproved: int = 0

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
        if item.default_content_hash and item.default_content_hash != shipped:
            content = {name: value for name, value in values.items()
                       if name not in default_content.EDITORIAL_DEFAULTS}
            propose_correction(item, content, shipped, report, label)
        return item
    if item.default_content_hash == shipped:
        report.unchanged.append(label)
        return item

    for name, value in values.items():
        setattr(item, name, value)
    item.default_content_hash = shipped
    item._change_reason = CHANGE_REASON
    item.save()
    # The loader's own "review as published" request holds the old words: replace it
    # (below, ask_review_of_unapproved), or approving it would bring them back.
    ContentChange.objects.pending().for_object(item).filter(proposed_by=None).update(
        state=ContentChange.State.SUPERSEDED)
    report.updated.append(label)
    return item


def _last_loaded_default(item):
    """The row as load_guide last wrote it (its history), or None if that is not known."""
    return (item.history.filter(history_change_reason=CHANGE_REASON)
            .order_by("-history_date").first())


def corrected_values(item, default: dict) -> tuple[dict, list[str]]:
    """The row's patient-facing values with the corrected default merged in, and the
    fields where the editor's words give way to it.

    A field takes the new default unless only the editor changed it (the default did
    not change there since it was loaded): then the editor's words stay. Where both
    changed, the correction wins and the field is named, so the reviewer checks nothing
    of the editor's is lost.
    """
    base = _last_loaded_default(item)
    merged = copy.copy(item)
    replaced = []
    for name, new in default.items():
        ours = getattr(item, name)
        if base is not None and getattr(base, name) == new:
            continue  # the default did not change here: keep whatever the row holds
        if base is None or ours != getattr(base, name):
            if ours != new:
                replaced.append(name)
        setattr(merged, name, new)
    return registry.values_of(merged), replaced


def propose_correction(item, default: dict, shipped: str, report: LoadReport, label: str):
    """Send a corrected default for an edited row to the clinical reviewers."""
    values, replaced = corrected_values(item, default)
    changes = ContentChange.objects.for_object(item)
    if values == registry.values_of(item) or changes.filter(
            fingerprint=registry.fingerprint(values)).exists():
        pass  # the row already says it, or a reviewer has it (or has decided on it)
    elif changes.pending().exclude(proposed_by=None).exists():
        # One proposal per item: never push aside a person's; ask on a later run. (The
        # loader's own "review as published" request gives way to the correction.)
        report.correction_deferred.append(label)
        return
    else:
        summary = CORRECTION_SUMMARY
        if replaced:
            labels = registry.field_labels(type(item))
            summary += (". Replaces the editor's words in: "
                        + ", ".join(labels.get(name, name) for name in replaced))
        approvals.propose(item, values=values,
                          outcome=approvals.outcome_keeping(item.status), summary=summary)
        report.correction_proposed.append(label)
    type(item).objects.filter(pk=item.pk).update(default_content_hash=shipped)


def corrections_waiting() -> list[str]:
    """Corrected defaults sent for edited rows that no reviewer has decided on yet."""
    return list(ContentChange.objects.pending()
                .filter(proposed_by=None, summary__startswith=CORRECTION_SUMMARY)
                .values_list("item_label", flat=True))


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
    # The shipped guide goes live so the site works from the first command, but it is
    # not approved: each unapproved item gets a proposal in the clinical reviewers' queue,
    # and the site says that no clinician has reviewed it (content/approvals).
    if report.changed_anything:
        shipped_content_published.send(sender=LoadReport, labels=report.created + report.updated)
    approvals.ask_review_of_unapproved()
    report.unapproved = len(approvals.unapproved_published_items())
    return report
