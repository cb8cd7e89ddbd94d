"""The guide's structured content: article and sections, treatment profiles, the
comparison grid, FAQs, references and the clinic's details.

Every editable item shares the same editorial fields (status, review date, reviewer,
history) through `EditorialItem`, so the public pages, the preview and the loader
treat them all alike.
"""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from content.rendering import render_markdown


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft (only editors can see it)")
    PUBLISHED = "published", _("Published (patients can see it)")


class EditorialQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Status.PUBLISHED)

    def visible(self, *, include_drafts: bool):
        """Everything for an editor's preview, published items only for everyone else."""
        return self if include_drafts else self.published()


class EditorialItem(models.Model):
    """Fields every editable piece of content carries."""

    status = models.CharField(
        _("status"),
        max_length=10,
        choices=Status.choices,
        default=Status.DRAFT,
        help_text=_("Only published items appear on the public site. Save as draft, "
                    "preview it from the admin, then publish."),
    )
    last_reviewed_on = models.DateField(
        _("last reviewed on"),
        null=True,
        blank=True,
        help_text=_("The date a reviewer last checked this item against the evidence, "
                    "e.g. 2026-11-26. The footer shows the most recent date."),
    )
    reviewed_by = models.CharField(
        _("reviewed by"),
        max_length=200,
        blank=True,
        help_text=_("Name or team of the reviewer, e.g. “hairtx clinical content team”."),
    )
    # Hash of the shipped default as last written by `load_guide`; empty for rows an
    # editor created. Lets the loader tell an untouched default from an editor's change.
    default_content_hash = models.CharField(
        _("default content fingerprint"), max_length=64, blank=True, editable=False
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    history = HistoricalRecords(inherit=True)
    objects = EditorialQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED


class Article(EditorialItem):
    title = models.CharField(
        _("title"), max_length=200,
        help_text=_("The page heading, e.g. “PRP and mesotherapy for hair loss: a guide”."),
    )
    slug = models.SlugField(
        _("slug"), max_length=80, unique=True,
        help_text=_("Short name used by the loader, e.g. “guide”. Do not change it."),
    )
    summary = models.TextField(
        _("summary"),
        help_text=_("One or two plain sentences shown under the heading, e.g. “This guide "
                    "explains two scalp treatments so you can talk them through with a "
                    "doctor.”"),
    )

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        ordering = ["title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("content:guide")


class Section(EditorialItem):
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="sections", verbose_name=_("article"),
    )
    order = models.PositiveIntegerField(
        _("order"), default=0,
        help_text=_("Position in the guide, smallest first, e.g. 10, 20, 30 (gaps make "
                    "reordering easy)."),
    )
    title = models.CharField(
        _("title"), max_length=200,
        help_text=_("Section heading in plain words, e.g. “How hair grows”."),
    )
    slug = models.SlugField(
        _("anchor"), max_length=80, unique=True,
        help_text=_("The link anchor (/guide/#anchor), e.g. “how-hair-grows”. The "
                    "questionnaire links to these, so never rename an existing one."),
    )
    body = models.TextField(
        _("body (Markdown)"),
        help_text=_("Markdown: a blank line between paragraphs, “- ” for a list, "
                    "**bold**, [link text](/compare/). Headings start with “###”. Use "
                    "short sentences."),
    )

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        ordering = ["article", "order", "pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return f"{reverse('content:guide')}#{self.slug}"

    @property
    def body_html(self) -> str:
        return render_markdown(self.body)


class OptionProfile(EditorialItem):
    """One option a patient can choose, from medicines to watchful waiting.

    Every option answers the same questions, in the same order, in equal detail
    (IPDAS certifying criterion "equal detail"), so one model serves them all.
    """

    # The public profile shows these fields in this order for every option.
    PROFILE_FIELDS = (
        "what_it_is",
        "how_it_is_done",
        "how_often_and_how_long",
        "what_studies_show",
        "common_harms",
        "rare_harms",
        "who_should_not_have_it",
        "cost_and_time",
        "when_you_stop",
    )

    order = models.PositiveIntegerField(
        _("order"), default=0,
        help_text=_("Position in lists, smallest first. Standard treatments come first, "
                    "e.g. 10 for minoxidil, 50 for PRP."),
    )
    name = models.CharField(
        _("name"), max_length=100, help_text=_("e.g. “PRP (platelet-rich plasma)”."),
    )
    slug = models.SlugField(
        _("slug"), max_length=80, unique=True,
        help_text=_("Used in the address /options/<slug>/, e.g. “prp”. Do not change it."),
    )
    summary = models.CharField(
        _("one-line summary"), max_length=300,
        help_text=_("One plain sentence, e.g. “Your own blood, spun to concentrate "
                    "platelets, injected into the scalp.”"),
    )
    what_it_is = models.TextField(
        _("what it is"),
        help_text=_("Markdown. What it is and what it is meant to do, in a few short "
                    "sentences."),
    )
    how_it_is_done = models.TextField(
        _("how it is done"),
        help_text=_("Markdown. What happens at home or at a visit, e.g. “Blood is taken "
                    "from your arm.”"),
    )
    how_often_and_how_long = models.TextField(
        _("how often and for how long"),
        help_text=_("Markdown. Sessions or doses, gaps, and when a change may show, e.g. "
                    "“Three sessions, about a month apart.”"),
    )
    what_studies_show = models.TextField(
        _("what studies show, and how sure they are"),
        help_text=_("Markdown. Each effect with its range and certainty in words. Give "
                    "“x out of 100” only where a cited study reports it; otherwise say no "
                    "such figure is known. An icon array: a line like "
                    "“[icon-array 45 of 100: had pain during the injections]”."),
    )
    common_harms = models.TextField(
        _("common harms and burdens"),
        help_text=_("Markdown list, e.g. “- Pain during the injections”."),
    )
    rare_harms = models.TextField(
        _("rare but serious harms"),
        help_text=_("Markdown list, e.g. “- An infection where the needles went in”."),
    )
    who_should_not_have_it = models.TextField(
        _("who should not have it"),
        help_text=_("Markdown list, e.g. “- People who are pregnant or breastfeeding”."),
    )
    cost_and_time = models.TextField(
        _("cost and time"),
        help_text=_("Markdown. Who pays, and the time it takes, e.g. “You pay for each "
                    "session. Not on the NHS.”"),
    )
    when_you_stop = models.TextField(
        _("what happens when you stop"),
        help_text=_("Markdown, e.g. “Any gain fades over the following months.”"),
    )

    class Meta:
        verbose_name = _("option profile")
        verbose_name_plural = _("option profiles")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("content:option", kwargs={"slug": self.slug})

    def profile(self) -> list[tuple[str, str, str]]:
        """(anchor, label, sanitised HTML) triples in the fixed profile order."""
        return [
            (name.replace("_", "-"), self._meta.get_field(name).verbose_name,
             render_markdown(getattr(self, name)))
            for name in self.PROFILE_FIELDS
        ]


class ComparisonRow(EditorialItem):
    """One row of the Option-Grid-style table: a question and an answer per option."""

    # Column order on the page; every option gets the same cell shape.
    # Standard treatments first, the injections after them, waiting last.
    OPTION_FIELDS = (
        "established_medicines", "hair_transplant", "prp", "mesotherapy", "watchful_waiting",
    )

    order = models.PositiveIntegerField(
        _("order"), default=0, help_text=_("Row position, smallest first, e.g. 10."),
    )
    slug = models.SlugField(
        _("slug"), max_length=80, unique=True,
        help_text=_("Short name for the row, e.g. “how-many-visits”."),
    )
    question = models.CharField(
        _("question"), max_length=200,
        help_text=_("A question patients ask, e.g. “How many visits?”"),
    )
    prp = models.TextField(
        _("PRP"), help_text=_("Short answer for PRP, e.g. “About 3 monthly sessions, then "
                              "every 3 to 6 months.”"),
    )
    mesotherapy = models.TextField(
        _("mesotherapy"), help_text=_("Short answer for mesotherapy, e.g. “Often weekly "
                                      "for 4 to 10 sessions.”"),
    )
    established_medicines = models.TextField(
        _("established medicines"),
        help_text=_("Short answer for minoxidil and finasteride, e.g. “Daily use at home.”"),
    )
    hair_transplant = models.TextField(
        _("hair transplant"),
        help_text=_("Short answer for hair transplant surgery, e.g. “One operation, "
                    "then check-ups.”"),
    )
    watchful_waiting = models.TextField(
        _("watchful waiting"), help_text=_("Short answer for no treatment for now, e.g. "
                                           "“None.”"),
    )

    class Meta:
        verbose_name = _("comparison row")
        verbose_name_plural = _("comparison rows")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.question

    def get_absolute_url(self):
        return f"{reverse('content:compare')}#{self.slug}"

    def answers(self) -> list[tuple[str, str]]:
        """(column label, answer) pairs in the fixed column order."""
        return [(self._meta.get_field(name).verbose_name, getattr(self, name))
                for name in self.OPTION_FIELDS]


class FAQ(EditorialItem):
    order = models.PositiveIntegerField(
        _("order"), default=0, help_text=_("Position on the page, smallest first, e.g. 10."),
    )
    slug = models.SlugField(
        _("anchor"), max_length=80, unique=True,
        help_text=_("Link anchor (/faq/#anchor), e.g. “can-i-combine-them”."),
    )
    question = models.CharField(
        _("question"), max_length=200,
        help_text=_("As a patient would ask it, e.g. “Can I have both?”"),
    )
    answer = models.TextField(
        _("answer (Markdown)"),
        help_text=_("Markdown, a few short sentences, e.g. “Some clinics combine them. "
                    "There are no good trials of the pair.”"),
    )

    class Meta:
        verbose_name = _("FAQ")
        verbose_name_plural = _("FAQs")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.question

    def get_absolute_url(self):
        return f"{reverse('content:faq')}#{self.slug}"

    @property
    def answer_html(self) -> str:
        return render_markdown(self.answer)


class Reference(EditorialItem):
    order = models.PositiveIntegerField(
        _("order"), default=0, help_text=_("Position in the list, smallest first, e.g. 10."),
    )
    slug = models.SlugField(
        _("key"), max_length=80, unique=True,
        help_text=_("Short key and anchor (/sources/#key), e.g. “kieling-2024”."),
    )
    citation = models.CharField(
        _("citation"), max_length=500,
        help_text=_("Authors, title, journal, volume and pages, e.g. “Kieling L et al. "
                    "An Bras Dermatol 2024;99(6):847.”"),
    )
    url = models.URLField(
        _("link"), max_length=500, blank=True,
        help_text=_("Where a reader can find it, e.g. https://doi.org/10.1016/… Leave "
                    "empty if there is no stable link."),
    )
    year = models.PositiveSmallIntegerField(
        _("year"), null=True, blank=True,
        help_text=_("Year published, e.g. 2024. Leave empty only for an undated web page."),
    )
    supports = models.TextField(
        _("what it supports"),
        help_text=_("Which statement in the guide rests on it, e.g. “PRP adds a modest "
                    "number of hairs per cm² on average; low certainty.”"),
    )

    class Meta:
        verbose_name = _("reference")
        verbose_name_plural = _("references")
        ordering = ["order", "pk"]

    def __str__(self):
        return f"{self.citation} ({self.year})" if self.year else self.citation

    def get_absolute_url(self):
        return f"{reverse('content:sources')}#{self.slug}"


# Shown next to the guide and on every summary until the clinic writes its own
# (IPDAS: conflicts of interest disclosed). Plain words, grade 8 or lower.
DEFAULT_DECLARATION_OF_INTEREST = (
    "The clinic that runs this site offers PRP and mesotherapy, and it is paid for them. "
    "This guide does not ask you to choose either of them. You are free to choose any "
    "option, or none, and to have care somewhere else."
)


class ClinicDetails(EditorialItem):
    """The one row of clinic details shown in the header, footer and PDF."""

    SINGLETON_PK = 1

    name = models.CharField(
        _("clinic name"), max_length=200, help_text=_("As patients know it, e.g. “Riverside "
                                                      "Dermatology”."),
    )
    address = models.TextField(
        _("address"), blank=True, help_text=_("One line per line of the address, e.g. "
                                              "“12 High Street” then “Leeds LS1 1AA”."),
    )
    phone = models.CharField(
        _("phone"), max_length=40, blank=True, help_text=_("As it should be dialled, e.g. "
                                                           "“0113 496 0000”."),
    )
    booking_url = models.URLField(
        _("booking link"), max_length=500, blank=True,
        help_text=_("Page where patients book, e.g. https://example-clinic.co.uk/book"),
    )
    logo = models.ImageField(
        _("logo"), upload_to="clinic/", blank=True,
        help_text=_("PNG or JPEG, about 400 × 120 pixels. Shown in the header and PDF."),
    )
    logo_alt_text = models.CharField(
        _("logo description"), max_length=200, blank=True,
        help_text=_("What the logo says, for screen readers, e.g. “Riverside Dermatology "
                    "logo”."),
    )
    declaration_of_interest = models.TextField(
        _("declaration of interest"),
        default=DEFAULT_DECLARATION_OF_INTEREST,
        help_text=_("Which of the options in the guide the clinic sells, in plain words. "
                    "Shown next to the guide and on every summary, e.g. “We offer PRP "
                    "and mesotherapy, and we are paid for them.”"),
    )

    class Meta:
        verbose_name = _("clinic details")
        verbose_name_plural = _("clinic details")
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(pk=1), name="clinicdetails_single_row"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("content:home")

    def save(self, *args, **kwargs):
        # There is only ever one row: editing it in one place changes every page.
        self.pk = self.SINGLETON_PK
        super().save(*args, **kwargs)

    def address_lines(self) -> list[str]:
        return [line.strip() for line in self.address.splitlines() if line.strip()]


# Registered with this app; kept in its own module (content/approvals/).
from content.approvals.models import ContentChange  # noqa: F401
