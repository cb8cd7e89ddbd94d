"""Load the guide's default content: `python manage.py load_guide`.

Safe to run on every deploy. It is idempotent (a second run changes nothing) and it
never overwrites an editor's work: a corrected default for an edited row is sent to the
clinical reviewers as a proposal instead. Each row remembers a fingerprint of the
default it was loaded from; a row is updated only while it still equals that fingerprint, i.e.
nobody has edited it since. We chose this over "only create missing rows" so that a
corrected default (a fixed typo, a new study) reaches sites whose editors never touched
that row, while any row an editor changed, created or deleted stays as they left it.
Clinic details are not loaded: they belong to each clinic and are entered in the admin.
"""

from django.core.management.base import BaseCommand

from content.loading import load_default_guide


class Command(BaseCommand):
    help = "Create or update the default guide content, keeping every editor's change."

    def handle(self, *args, **options):
        report = load_default_guide()
        self.stdout.write(
            f"Guide content: {len(report.created)} created, {len(report.updated)} updated, "
            f"{len(report.unchanged)} unchanged, "
            f"{len(report.kept_editor_version)} kept as edited, "
            f"{len(report.skipped_deleted)} deleted by an editor and not restored."
        )
        if report.unapproved:
            self.stdout.write(
                f"{report.unapproved} published item(s) are not yet approved by a clinical "
                "reviewer; they wait in the admin under “Guide changes for clinical review”."
            )
        for label in report.kept_editor_version:
            self.stdout.write(f"  kept editor's version of {label}")
        for label in report.correction_proposed:
            self.stdout.write(f"  corrected default sent to a clinical reviewer for {label} "
                              "(the edited version stays live until one approves)")
        for label in report.correction_deferred:
            self.stdout.write(f"  corrected default for {label} waits: an editor's proposal "
                              "is pending; run load_guide again once it is decided")
        for label in report.skipped_deleted:
            self.stdout.write(f"  not restored (an editor deleted it): {label}")
