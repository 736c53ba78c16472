"""Forms of the back-office document editor. They parse input; the services in documents/services.py decide
(their ValidationErrors are put next to the fields with core.forms.add_service_errors)."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from strategia.core.forms import StrategiaForm
from strategia.documents import statutory_items
from strategia.documents.enums import FROZEN_STAGES, BlockKind, DocumentKind, VersionStage
from strategia.documents.models import Document

# The address of the "new document" page sits next to the documents' addresses.
RESERVED_DOCUMENT_SLUGS = {"nowy-dokument"}

MARKDOWN_HINT = _(
    "You can use: an empty line between paragraphs; **bold** and *italic*; a list with lines starting with "
    "“- ” or “1. ”; a table with lines like “| Column | Column |” and “|---|---|” under the header row; a link "
    "as [text](https://…). HTML is shown as typed, not interpreted."
)


class DocumentCreateForm(StrategiaForm):
    title = forms.CharField(label=_("Title"), max_length=300,
                            help_text=_("e.g. Projekt Strategii rozwoju gminy Przykładowo do 2035 roku"))
    slug = forms.SlugField(label=_("Address"), max_length=80,
                           help_text=_("Lower-case letters, digits and hyphens, e.g. projekt-strategii."))
    kind = forms.ChoiceField(label=_("Kind of document"), choices=DocumentKind.choices,
                             initial=DocumentKind.STRATEGY)

    def __init__(self, *args, process=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.process = process

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        if slug in RESERVED_DOCUMENT_SLUGS:
            raise ValidationError(_("This address is reserved. Please choose another one."))
        if self.process is not None and Document.objects.filter(process=self.process, slug=slug).exists():
            raise ValidationError(_("Another document of this process already uses this address."))
        return slug


def _statutory_choices():
    return [("", _("– none –")), *((item.code, f"{item.label} ({item.citation})")
                                    for item in statutory_items.STATUTORY_ITEMS)]


class ChapterForm(StrategiaForm):
    title = forms.CharField(label=_("Title of the chapter"), max_length=500)
    parent = forms.TypedChoiceField(
        label=_("Place in the document"), coerce=int, empty_value=None, required=False,
        help_text=_("A chapter of the first level, or a sub-chapter of a chapter (up to three levels)."),
    )
    statutory_item = forms.ChoiceField(
        label=_("Statutory content it fulfils"), required=False, choices=_statutory_choices,
        help_text=_("Tagging the chapter fills the completeness checklist (art. 10e ust. 3–4 u.s.g.)."),
    )

    def __init__(self, *args, parent_choices=None, with_parent: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if with_parent:
            self.fields["parent"].choices = [("", _("– a chapter of the first level –")),
                                             *(parent_choices or [])]
        else:
            del self.fields["parent"]


class ParagraphForm(StrategiaForm):
    """Create (with ``kind``) or edit (kind fixed) a paragraph. Text is Markdown; a figure has an image and its
    text alternative."""

    kind = forms.ChoiceField(label=_("Kind of paragraph"), choices=BlockKind.choices, initial=BlockKind.TEXT,
                             help_text=_("A list or a table is written in Markdown, like the text."))
    text = forms.CharField(label=_("Text"), required=False, help_text=MARKDOWN_HINT,
                           widget=forms.Textarea(attrs={"rows": 10}))
    image = forms.ImageField(label=_("Image (figures only)"), required=False,
                             help_text=_("PNG, JPEG or GIF. For a figure, the text above is its caption."))
    alt_text = forms.CharField(label=_("Text alternative (figures only)"), required=False,
                               widget=forms.Textarea(attrs={"rows": 3}),
                               help_text=_("What the figure shows, for people who cannot see it."))

    def __init__(self, *args, with_kind: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if not with_kind:
            del self.fields["kind"]


class FreezeForm(StrategiaForm):
    stage = forms.ChoiceField(
        label=_("Freeze as"), choices=[("", _("– choose the stage –")),
                                       *((s.value, s.label) for s in FROZEN_STAGES)],
        help_text=_("Freezing makes an unchangeable, citable version; editing continues in a new working version."),
    )
    label = forms.CharField(label=_("Label (optional)"), max_length=200, required=False,
                            help_text=_("e.g. “projekt do konsultacji, luty 2027”"))

    def clean_stage(self):
        stage = self.cleaned_data["stage"]
        if stage == VersionStage.WORKING:
            raise ValidationError(_("Choose the stage this version is frozen for."))
        return stage
