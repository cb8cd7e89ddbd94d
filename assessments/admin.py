"""Admin: the audit log and assessments, readable by superusers only and never editable.

Drafts are not registered: they are patients' unfinished answers and nobody needs them.
Staff work with assessments in the staff area (/staff/), which audits every look.
"""

from axes.models import AccessAttempt
from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ChangeList
from django.contrib.auth import get_user_model

from assessments.models import (
    Assessment,
    AuditEvent,
    ReviewerProfile,
    RulesetApproval,
    normalise_code,
)
from assessments.summary import LEANING_LABELS
from hairtx.admin_mixins import RecordOnlyAdminMixin


class BoundedDateHierarchyChangeList(ChangeList):
    """Django's date hierarchy turns ?created_at__year=2147483648 (OverflowError) or
    ?created_at__year=9999 (year 10000, ValueError) into a 500; here they are bad lookup
    parameters, which the admin answers by showing the list with an error flag."""

    def get_filters(self, request):
        try:
            return super().get_filters(request)
        except (OverflowError, ValueError) as exc:
            raise IncorrectLookupParameters(exc) from exc


class SuperuserReadOnlyAdmin(RecordOnlyAdminMixin, admin.ModelAdmin):
    """Visible to superusers only; no adding, changing or deleting, not even for them."""

    actions = None
    # No "View on site": an assessment's only page is the patient's secret link.
    view_on_site = False

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser

    def get_changelist(self, request, **kwargs):
        return BoundedDateHierarchyChangeList

    def get_search_results(self, request, queryset, search_term):
        # Reference codes are stored without the dash and in capitals: forgive both.
        return super().get_search_results(request, queryset, normalise_code(search_term))


@admin.register(AuditEvent)
class AuditEventAdmin(SuperuserReadOnlyAdmin):
    list_display = ["created_at", "actor_name", "action", "reference_code", "ip_address", "detail"]
    list_filter = ["action", ("created_at", admin.DateFieldListFilter)]
    search_fields = ["=reference_code"]
    search_help_text = "Search by reference code, e.g. ABCD-2345."
    date_hierarchy = "created_at"
    fields = ["created_at", "actor", "actor_name", "action", "assessment", "reference_code",
              "detail", "ip_address"]
    list_select_related = ["actor"]
    show_full_result_count = False


class LeaningFilter(admin.SimpleListFilter):
    """The leaning by its label, every value listed (even one no assessment has yet)."""

    title = "what to discuss"
    parameter_name = "leaning"

    def lookups(self, request, model_admin):
        return list(LEANING_LABELS.items())

    def queryset(self, request, queryset):
        return queryset.filter(leaning=self.value()) if self.value() else queryset


@admin.register(Assessment)
class AssessmentAdmin(SuperuserReadOnlyAdmin):
    list_display = ["reference_display", "created_at", "leaning_label", "has_red_flags",
                    "reviewed_at", "ruleset_version"]
    list_filter = ["has_red_flags", LeaningFilter, "ruleset_version",
                   ("reviewed_at", admin.EmptyFieldListFilter), "created_at"]
    search_fields = ["=reference_code"]
    search_help_text = "Search by reference code, e.g. ABCD-2345."
    date_hierarchy = "created_at"
    # The patient's secret link token is never shown, not even to superusers.
    exclude = ["token"]
    show_full_result_count = False

    @admin.display(description="what to discuss", ordering="leaning")
    def leaning_label(self, obj):
        return obj.leaning_label

    @admin.display(description="reference code", ordering="reference_code")
    def reference_display(self, obj):
        return obj.reference_display


@admin.register(ReviewerProfile)
class ReviewerProfileAdmin(admin.ModelAdmin):
    """Made by an administrator for each clinical reviewer (reviewers cannot edit users)."""

    list_display = ["full_name", "profession", "registration_number", "user"]
    search_fields = ["full_name", "registration_number", "user__username"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        # Pick the person by name from a plain list (works without JavaScript), not by a
        # numeric id: staff accounts only, since a reviewer signs in to the admin.
        if db_field.name == "user":
            kwargs["queryset"] = get_user_model().objects.filter(
                is_staff=True, is_active=True).order_by("username")
            field = super().formfield_for_foreignkey(db_field, request, **kwargs)
            field.label_from_instance = lambda user: (
                f"{user.get_username()} ({user.get_full_name()})" if user.get_full_name()
                else user.get_username())
            field.help_text = "The reviewer's staff account, by user name."
            return field
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(RulesetApproval)
class RulesetApprovalAdmin(RecordOnlyAdminMixin, admin.ModelAdmin):
    """The record of ruleset sign-offs: readable, never changed (approve on /staff/rulebook/)."""

    list_display = ["ruleset_version", "reviewer_name", "reviewer_profession", "approved_at"]
    fields = ["ruleset_version", "fingerprint", "reviewer_name", "reviewer_profession",
              "reviewer_registration", "approved_by", "approved_at", "note"]
    readonly_fields = fields
    actions = None


# django-axes 8.3's "Clean up expired attempts" action reads request.axes_attempt_time,
# which axes sets only on sign-in requests: from the admin it was a 500 (found by the
# bulk-action walk in tests/test_admin_exposure.py). Expired attempts are also removed by
# purge_expired; the action now works from "now".
_AxesAttemptAdmin = type(admin.site._registry[AccessAttempt])


class AccessAttemptAdmin(_AxesAttemptAdmin):
    @admin.action(description="Clean up expired attempts")
    def cleanup_expired_attempts(self, request, queryset):
        request.axes_attempt_time = None
        return super().cleanup_expired_attempts(request, queryset)


admin.site.unregister(AccessAttempt)
admin.site.register(AccessAttempt, AccessAttemptAdmin)
