"""Admin pieces shared by the apps."""


class RecordOnlyAdminMixin:
    """For rows that are a record (audit events, assessments, approvals, proposals):
    shown in the admin, never added, changed or deleted there, not even by a superuser.
    Decisions and deletions go through their own audited views and commands."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
