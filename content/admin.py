"""Editors' admin: draft → preview → publish, with history and restore on every item."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from content.models import (
    FAQ,
    Article,
    ClinicDetails,
    ComparisonRow,
    OptionProfile,
    Reference,
    Section,
    Status,
)

REVIEW_FIELDSET = (
    _("Publishing and review"),
    {
        "fields": ("status", "last_reviewed_on", "reviewed_by"),
        "description": _("Publish only after a clinician has checked the text. Set the "
                         "review date whenever you check an item, even if nothing changed."),
    },
)


class EditorialAdmin(SimpleHistoryAdmin):
    """Shared behaviour: status filters, and a "View on site" link that previews drafts."""

    list_filter = ("status", "last_reviewed_on")
    readonly_fields = ("updated_at",)
    actions = ("publish", "unpublish")

    def view_on_site(self, obj):
        url = obj.get_absolute_url()
        if obj.status == Status.PUBLISHED:
            return url
        # Drafts are 404 for the public; editors see them through the preview flag.
        path, _, anchor = url.partition("#")
        return f"{path}?preview=1" + (f"#{anchor}" if anchor else "")

    @admin.action(description=_("Publish the selected items"), permissions=["change"])
    def publish(self, request, queryset):
        self._set_status(request, queryset, Status.PUBLISHED)

    @admin.action(description=_("Return the selected items to draft"), permissions=["change"])
    def unpublish(self, request, queryset):
        self._set_status(request, queryset, Status.DRAFT)

    def _set_status(self, request, queryset, status):
        # Save one by one (not queryset.update) so each change lands in the history
        # and the cached footer date is refreshed.
        for item in queryset:
            item.status = status
            item.save()
        self.message_user(request, _("%(count)d item(s) updated.") % {"count": len(queryset)})


class SectionInline(admin.StackedInline):
    model = Section
    extra = 0
    ordering = ("order",)
    fields = ("order", "title", "slug", "status", "body", "last_reviewed_on", "reviewed_by")
    show_change_link = True


@admin.register(Article)
class ArticleAdmin(EditorialAdmin):
    list_display = ("title", "status", "last_reviewed_on", "reviewed_by", "updated_at")
    search_fields = ("title", "summary")
    fieldsets = (
        (None, {"fields": ("title", "slug", "summary")}),
        REVIEW_FIELDSET,
        (_("Advanced options"), {"classes": ("collapse",), "fields": ("updated_at",)}),
    )
    inlines = (SectionInline,)


@admin.register(Section)
class SectionAdmin(EditorialAdmin):
    list_display = ("title", "order", "slug", "status", "last_reviewed_on", "reviewed_by")
    list_filter = ("status", "article", "last_reviewed_on")
    list_editable = ("order",)
    search_fields = ("title", "slug", "body")
    fieldsets = (
        (None, {"fields": ("article", "order", "title", "slug", "body")}),
        REVIEW_FIELDSET,
        (_("Advanced options"), {"classes": ("collapse",), "fields": ("updated_at",)}),
    )


@admin.register(OptionProfile)
class OptionProfileAdmin(EditorialAdmin):
    list_display = ("name", "order", "status", "last_reviewed_on", "reviewed_by")
    list_editable = ("order",)
    search_fields = ("name", "summary", *OptionProfile.PROFILE_FIELDS)
    fieldsets = (
        (None, {"fields": ("name", "slug", "order", "summary")}),
        (_("Profile (the same questions, in this order, for every option)"),
         {"fields": OptionProfile.PROFILE_FIELDS}),
        REVIEW_FIELDSET,
        (_("Advanced options"), {"classes": ("collapse",), "fields": ("updated_at",)}),
    )


@admin.register(ComparisonRow)
class ComparisonRowAdmin(EditorialAdmin):
    list_display = ("question", "order", "status", "last_reviewed_on")
    list_editable = ("order",)
    search_fields = ("question", *ComparisonRow.OPTION_FIELDS)
    fieldsets = (
        (None, {"fields": ("question", "slug", "order")}),
        (_("Answers (one per column, same length for each)"),
         {"fields": ComparisonRow.OPTION_FIELDS}),
        REVIEW_FIELDSET,
        (_("Advanced options"), {"classes": ("collapse",), "fields": ("updated_at",)}),
    )


@admin.register(FAQ)
class FAQAdmin(EditorialAdmin):
    list_display = ("question", "order", "status", "last_reviewed_on")
    list_editable = ("order",)
    search_fields = ("question", "answer")
    fieldsets = (
        (None, {"fields": ("question", "slug", "order", "answer")}),
        REVIEW_FIELDSET,
        (_("Advanced options"), {"classes": ("collapse",), "fields": ("updated_at",)}),
    )


@admin.register(Reference)
class ReferenceAdmin(EditorialAdmin):
    list_display = ("citation", "year", "status", "last_reviewed_on")
    list_filter = ("status", "year")
    search_fields = ("citation", "supports", "slug")
    fieldsets = (
        (None, {"fields": ("citation", "year", "url", "supports", "slug", "order")}),
        REVIEW_FIELDSET,
        (_("Advanced options"), {"classes": ("collapse",), "fields": ("updated_at",)}),
    )


@admin.register(ClinicDetails)
class ClinicDetailsAdmin(EditorialAdmin):
    """A single row, edited in one place: no second row, never deleted."""

    list_display = ("name", "phone", "status", "last_reviewed_on")
    search_fields = ("name",)
    actions = ()
    fieldsets = (
        (None, {"fields": ("name", "address", "phone", "booking_url")}),
        (_("Logo"), {"fields": ("logo", "logo_alt_text")}),
        (_("Declaration of interest"), {
            "fields": ("declaration_of_interest",),
            "description": _("Patients must know which options the clinic sells. This "
                             "text is shown next to the guide and on every summary."),
        }),
        REVIEW_FIELDSET,
    )

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not ClinicDetails.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False
