"""The admin side of two-person publishing.

Editors: `SignOffAdminMixin` turns a save of a published item into a proposal (the live
row is not touched), creates new items as drafts, and replaces "publish" with "ask a
clinical reviewer to publish", each with the editor's one-line reason; the item history
says who wrote each version and who approved it. Reviewers: `ContentChangeAdmin` lists
proposals and shows one with its author and reason, a word-level diff, a link to a
preview in the public layout, and an approve / send-back form.
"""

from collections import Counter
from dataclasses import dataclass

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.options import ActionLocation
from django.contrib.contenttypes.models import ContentType
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from simple_history.template_utils import HistoricalRecordContextHelper

from content.approvals import authorship, preview, registry, services
from content.approvals.models import ContentChange
from content.models import Status
from hairtx.addresses import client_address
from hairtx.admin_mixins import RecordOnlyAdminMixin

REVIEW_MANAGED_FIELDS = ("status", "last_reviewed_on", "reviewed_by")


def _change_url(change: ContentChange) -> str:
    return reverse("admin:content_contentchange_change", args=[change.pk])


REASON_FIELDSET_TITLE = _("Why this change")


@dataclass(frozen=True)
class OutcomeWords:
    """What the reviewer reads about approving one kind of change: what it will do and,
    once done, what happened (for patients too)."""

    button: str
    done: str  # after one approval; %(item)s is the item
    done_count: str  # after the list page's bulk approval; %(count)d changes


OUTCOME_WORDS = {
    ContentChange.Outcome.PUBLISH: OutcomeWords(
        button=_("Approve and publish"),
        done=_("Approved and published: %(item)s. Patients now see this version."),
        done_count=_("%(count)d change(s) approved and published."),
    ),
    ContentChange.Outcome.UNPUBLISH: OutcomeWords(
        button=_("Approve and take off the site"),
        done=_("Approved and taken off the public site: %(item)s. Patients no longer see it."),
        done_count=_("%(count)d change(s) approved and taken off the public site."),
    ),
}
SENT_BACK = _("Sent back to the editor: %(item)s. Patients see no change.")


class ReasonForm(forms.Form):
    change_reason = forms.CharField(
        label=_("Reason for this change"), max_length=200, strip=True,
        help_text=_("One line for the clinical reviewer. Up to 200 characters."),
        error_messages={"required": _("Say in one line why: the clinical reviewer reads it.")},
    )


class SignOffForm(forms.ModelForm):
    """Every content form: saving a published item sends it to a clinical reviewer, so
    the editor says why in one line (stored with the proposal, shown to the reviewer)."""

    change_reason = forms.CharField(
        label=_("Reason for this change"), max_length=200, required=False,
        help_text=_("One line for the clinical reviewer, e.g. “Adds the 2024 review's "
                    "figure”. Up to 200 characters."),
    )

    def clean(self):
        cleaned = super().clean()
        for name, value in cleaned.items():
            if isinstance(value, str) and "\r" in value:
                # Browsers post text areas with CRLF line ends: stored as LF, or every line
                # of the shipped text would read as changed.
                cleaned[name] = value.replace("\r\n", "\n").replace("\r", "\n")
        if self.instance.pk and self.instance.status == Status.PUBLISHED and not (
                cleaned.get("change_reason") or "").strip():
            self.add_error("change_reason", _(
                "Say in one line why you made this change: the clinical reviewer reads it."))
        return cleaned


class SignOffAdminMixin:
    """Mix into the ModelAdmin of every registered (patient-facing) content model."""

    form = SignOffForm
    # The history says who wrote each version's words and who approved them, in full.
    object_history_list_template = "admin/content/object_history_list.html"
    history_list_display = ("words_by", "approved_by")

    def words_by(self, record):
        return authorship.words_by(record)

    def approved_by(self, record):
        return authorship.approved_by(record)

    def get_historical_record_context_helper(self, request, historical_record):
        # simple_history cuts each old and new value to 100 characters: show them whole.
        return HistoricalRecordContextHelper(self.model, historical_record,
                                             max_displayed_delta_change_chars=10**7)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or obj.status != Status.PUBLISHED:
            return fieldsets
        return (*fieldsets, (REASON_FIELDSET_TITLE, {"fields": ("change_reason",)}))

    def get_readonly_fields(self, request, obj=None):
        # Status and the review stamp change only through a reviewer's approval.
        return (*super().get_readonly_fields(request, obj), *REVIEW_MANAGED_FIELDS)

    def get_actions(self, request, action_location=ActionLocation.CHANGE_LIST):
        actions = super().get_actions(request, action_location)
        actions.pop("delete_selected", None)  # a published item is removed through review
        return actions

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.status == Status.PUBLISHED:
            return False
        return super().has_delete_permission(request, obj)

    def save_model(self, request, obj, form, change):
        stored = type(obj).objects.filter(pk=obj.pk).first() if obj.pk is not None else None
        # Status and the review stamp come from the live row, never from the form or from
        # an old version on the history page: only a reviewer's approval sets them.
        _keep_review_bookkeeping(obj, stored)
        if stored is None or stored.status != Status.PUBLISHED:
            super().save_model(request, obj, form, change)
            if change and services.withdraw_pending(obj):
                # The reviewer must see what will be published, not an older draft.
                self.message_user(request, _(
                    "The draft changed after it was sent for review, so that request was "
                    "withdrawn. Ask a clinical reviewer again when it is ready."), messages.WARNING)
            return
        self._commit_uploaded_files(obj)
        values = registry.values_of(obj)
        if values == registry.values_of(stored):
            return  # nothing patients read has changed
        services.propose(
            stored, values=values, proposed_by=request.user,
            # The list page's inline edits (order, status) have no reason field.
            summary=(form.cleaned_data.get("change_reason") or "").strip()
            or str(_("Changed on the list page (no reason is asked there).")),
            ip_address=client_address(request),
        )

    @staticmethod
    def _commit_uploaded_files(obj) -> None:
        # The live row is not saved, so a new upload must reach storage here.
        for field in registry.tracked_fields(type(obj)):
            value = getattr(obj, field.attname, None)
            if hasattr(value, "_committed") and value and not value._committed:
                value.save(value.name, value.file, save=False)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        """simple-history lets anyone who may *view* an item post its revert form. Here a
        revert is an edit like any other: it needs the right to change the item (to add
        it, for a deleted one) and goes through save_model, so it becomes a proposal."""
        if request.method == "POST" and not self._may_revert(request, unquote(object_id)):
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)

    def _may_revert(self, request, object_id) -> bool:
        live = self.model._default_manager.filter(pk=object_id).first()
        if live is None:
            return self.has_add_permission(request)
        return self.has_change_permission(request, live)

    def get_object(self, request, object_id, from_field=None):
        """On the edit form, an item with a pending proposal shows the proposed values, so
        a second edit builds on the first instead of silently dropping it."""
        obj = super().get_object(request, object_id, from_field)
        if obj is None or not _opens_edit_form(request, self.opts):
            return obj
        latest = ContentChange.objects.for_object(obj).order_by("-proposed_at", "-pk").first()
        if latest is None:
            return obj
        link = _change_url(latest)
        if latest.is_pending and latest.values != registry.values_of(obj):
            registry.apply_values(obj, latest.values)
            self.message_user(request, format_html(
                _("This form shows <a href=\"{}\">a proposed change</a>, waiting for "
                  "a clinical reviewer; patients still see the published version. Saving "
                  "replaces that proposal."), link), messages.WARNING)
        elif latest.state == ContentChange.State.SENT_BACK:
            self.message_user(request, format_html(
                _("A clinical reviewer <a href=\"{}\">sent the last change back</a>: “{}”"),
                link, latest.comment), messages.WARNING)
        return obj

    def response_change(self, request, obj):
        """After a save (or a revert from the history page): a save of a published item
        became a proposal, so say so instead of Django's "changed successfully"."""
        change = _proposal_from_save(obj)
        if change is None:
            return super().response_change(request, obj)
        self.message_user(request, _(
            "Your change is saved as a proposal. Patients keep seeing the published version "
            "until a clinical reviewer approves it."), messages.WARNING)
        return HttpResponseRedirect(_change_url(change))

    @admin.action(
        description=_("Ask a clinical reviewer to approve and publish the selected items"),
        permissions=["change"],
    )
    def ask_to_publish(self, request, queryset):
        return self._propose_all(request, queryset, ContentChange.Outcome.PUBLISH)

    @admin.action(description=_("Ask a clinical reviewer to take the selected items off the site"),
                  permissions=["change"])
    def ask_to_unpublish(self, request, queryset):
        return self._propose_all(request, queryset, ContentChange.Outcome.UNPUBLISH)

    def _propose_all(self, request, queryset, outcome):
        """Ask for the editor's one-line reason on a page of its own, then propose."""
        reason_form = ReasonForm(request.POST if "change_reason" in request.POST else None)
        if not reason_form.is_valid():
            return TemplateResponse(request, "admin/content/ask_reviewer.html", {
                **self.admin_site.each_context(request),
                "title": _("Why are you sending these to a clinical reviewer?"),
                "opts": self.model._meta, "items": queryset, "form": reason_form,
                "action": request.POST.get("action", ""),
                "selected_name": helpers.ACTION_CHECKBOX_NAME,
            })
        reason = reason_form.cleaned_data["change_reason"]
        proposed = 0
        for obj in queryset:
            if services.nothing_to_approve(obj, outcome):
                continue
            services.propose(obj, outcome=outcome, proposed_by=request.user, summary=reason,
                             ip_address=client_address(request))
            proposed += 1
        self.message_user(request, _(
            "%(count)d item(s) sent to a clinical reviewer. Nothing changes for patients until "
            "one approves.") % {"count": proposed})


class GuideContentFilter(admin.SimpleListFilter):
    """The kinds of guide content only, not every model the site has."""

    title = _("kind of content")
    parameter_name = "kind"

    def lookups(self, request, model_admin):
        return [(ContentType.objects.get_for_model(model).pk,
                 str(model._meta.verbose_name).capitalize())
                for model in registry.registered_models()]

    def queryset(self, request, queryset):
        known = {str(pk) for pk, _label in self.lookup_choices}
        return queryset.filter(content_type_id=self.value()) if self.value() in known else queryset


def _opens_edit_form(request, opts) -> bool:
    """Whether this request shows the item's edit form (not its history, deletion...)."""
    match = request.resolver_match
    return request.method == "GET" and match is not None and match.url_name == (
        f"{opts.app_label}_{opts.model_name}_change")


def _proposal_from_save(obj) -> ContentChange | None:
    """The proposal an admin save of ``obj`` (holding the form's values, not saved) has
    just made: the item is published and the values differ from its live ones."""
    live = type(obj).objects.filter(pk=obj.pk).first()
    if live is None or live.status != Status.PUBLISHED:
        return None
    values = registry.values_of(obj)
    if values == registry.values_of(live):
        return None
    return ContentChange.objects.pending().for_object(obj).filter(
        fingerprint=registry.fingerprint(values)).first()


def _keep_review_bookkeeping(obj, stored) -> None:
    """Reset what only an approval may set on `obj` before an admin save.

    A new item, or one revived from the history of a deleted one, is a draft with no
    review stamp. An existing item keeps its live status; its stamp goes when a draft's
    words change, since no reviewer has read the new ones."""
    if stored is None:
        obj.status, obj.last_reviewed_on, obj.reviewed_by = Status.DRAFT, None, ""
        return
    obj.status = stored.status
    obj.last_reviewed_on, obj.reviewed_by = stored.last_reviewed_on, stored.reviewed_by
    if stored.status != Status.PUBLISHED and registry.values_of(obj) != registry.values_of(stored):
        obj.last_reviewed_on, obj.reviewed_by = None, ""


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=(("approve", "Approve"), ("send_back", "Send back")))
    comment = forms.CharField(
        label=_("Comment for the editor"), required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when you send a change back: say what needs to change."),
    )


@admin.register(ContentChange)
class ContentChangeAdmin(RecordOnlyAdminMixin, admin.ModelAdmin):
    """Proposals, newest first; a reviewer decides from the detail page (decide_view),
    never through a form on the row, and the record of who approved what is kept."""

    change_form_template = "admin/content/contentchange/change_form.html"
    list_display = ("item_label", "content_type", "state", "outcome", "proposed_by",
                    "proposed_at", "decided_by_name", "decided_at")
    list_filter = ("state", GuideContentFilter)
    search_fields = ("item_label", "summary", "comment")
    fields = ("item_label", "content_type", "state", "outcome", "summary", "proposed_by",
              "proposed_at", "decided_by_name", "decided_at", "comment")
    readonly_fields = fields
    list_select_related = ("content_type", "proposed_by")
    actions = ("approve_selected",)

    def has_approve_permission(self, request):
        return request.user.has_perm(services.APPROVE_PERMISSION)

    @admin.action(description=_("Approve the selected changes (each one recorded)"),
                  permissions=["approve"])
    def approve_selected(self, request, queryset):
        """For the first review of the shipped guide: many items, each still its own record.
        Changes the user proposed, or already decided, are skipped with the reason."""
        approved, refused = Counter(), []
        ip_address = client_address(request)
        for change in queryset.order_by("pk"):
            try:
                services.approve(change, reviewer=request.user, ip_address=ip_address)
                approved[change.outcome] += 1
            except services.ApprovalRefused as refusal:
                refused.append(f"{change.item_label}: {refusal}")
        for outcome, words in OUTCOME_WORDS.items():
            if approved[outcome]:
                self.message_user(request, words.done_count % {"count": approved[outcome]})
        if not approved:
            self.message_user(request, _("No change was approved."), messages.WARNING)
        for reason in refused[:10]:
            self.message_user(request, reason, messages.WARNING)

    def get_urls(self):
        decide = path("<int:pk>/decide/", self.admin_site.admin_view(self.decide_view),
                      name="content_contentchange_decide")
        show = path("<int:pk>/preview/", self.admin_site.admin_view(self.preview_view),
                    name="content_contentchange_preview")
        return [decide, show, *super().get_urls()]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        change = get_object_or_404(ContentChange, pk=object_id)
        extra_context = {
            **(extra_context or {}),
            "review": services.review_view(change),
            "refusal": services.can_decide(change, request.user),
            "decision_form": DecisionForm(),
            "approve_button": OUTCOME_WORDS[change.outcome].button,
            "decide_url": reverse("admin:content_contentchange_decide", args=[change.pk]),
            "preview_url": reverse("admin:content_contentchange_preview", args=[change.pk]),
            "author": authorship.person(change.proposed_by) or authorship.SHIPPED,
        }
        return super().change_view(request, object_id, form_url, extra_context)

    def preview_view(self, request, pk):
        """The proposed version in the public layout (public templates and CSS)."""
        change = get_object_or_404(ContentChange, pk=pk)
        if not self.has_view_permission(request, change):
            raise PermissionDenied
        template, context = preview.preview_page(change)
        # admin_view marks it never_cache (private, no-store), like every admin page.
        return render(request, template, {
            **context, "proposal_preview": change, "review_url": _change_url(change)})

    def decide_view(self, request, pk):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        return _decide(self, request, pk)


def _decide(model_admin, request, pk):
    if not request.user.has_perm(services.APPROVE_PERMISSION):
        raise PermissionDenied
    change = get_object_or_404(ContentChange, pk=pk)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        model_admin.message_user(request, _("Choose approve or send back."), messages.ERROR)
        return HttpResponseRedirect(_change_url(change))
    comment = form.cleaned_data["comment"]
    ip_address = client_address(request)
    try:
        if form.cleaned_data["decision"] == "approve":
            services.approve(change, reviewer=request.user, comment=comment, ip_address=ip_address)
            done = OUTCOME_WORDS[change.outcome].done
        else:
            services.send_back(change, reviewer=request.user, comment=comment,
                               ip_address=ip_address)
            done = SENT_BACK
        model_admin.message_user(request, done % {"item": change.item_label})
    except services.ApprovalRefused as refusal:
        model_admin.message_user(request, str(refusal), messages.ERROR)
        return HttpResponseRedirect(_change_url(change))
    return HttpResponseRedirect(
        reverse("admin:content_contentchange_changelist") + "?state__exact=pending")
