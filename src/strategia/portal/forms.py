from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from strategia.core.forms import DateInput, StrategiaForm, StrategiaModelForm
from strategia.portal.models import AccessibilityStatement
from strategia.portal.services import STATEMENT_FIELDS
from strategia.portal.uploads import validate_captions, validate_video


class AccessibilityStatementForm(StrategiaModelForm):
    mark_reviewed = forms.BooleanField(
        label=_("I have reviewed the whole statement today"), required=False,
        help_text=_("The statement must be reviewed every year by 31 March and after any change that may "
                    "affect accessibility. Ticking this records today as the date of the last review."),
    )

    class Meta:
        model = AccessibilityStatement
        fields = STATEMENT_FIELDS
        widgets = {
            "site_published_on": DateInput(), "site_updated_on": DateInput(), "prepared_on": DateInput(),
            "non_accessible_content": forms.Textarea(attrs={"rows": 6}),
            "exemptions": forms.Textarea(attrs={"rows": 4}),
            "architectural_accessibility": forms.Textarea(attrs={"rows": 6}),
            "mobile_apps": forms.Textarea(attrs={"rows": 3}),
        }

    def _post_clean(self):
        # The service validates the statement as a whole (and reports next to the fields); the model form's
        # own instance validation would only repeat it before the service runs.
        pass


class SignLanguageVideoForm(StrategiaForm):
    video_file = forms.FileField(
        label=_("Video (MP4 or WebM)"), validators=[validate_video],
        help_text=_("A recording in Polish Sign Language (PJM), at most 300 MB."),
        widget=forms.FileInput(attrs={"accept": ".mp4,.m4v,.webm,video/mp4,video/webm"}),
    )
    captions_file = forms.FileField(
        label=_("Captions (WebVTT)"), validators=[validate_captions],
        help_text=_("A .vtt file with Polish captions of the recording, saved in UTF-8."),
        widget=forms.FileInput(attrs={"accept": ".vtt,text/vtt"}),
    )
    transcript = forms.CharField(
        label=_("Transcript"), widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("The full text of what is signed; it is shown below the recording."),
    )
    is_published = forms.BooleanField(label=_("Show the recording on the page"), required=False)

    def __init__(self, *args, existing=None, **kwargs):
        super().__init__(*args, **kwargs)
        if existing is not None:
            # Replacing: the files already stored stay unless new ones are chosen.
            for name in ("video_file", "captions_file"):
                self.fields[name].required = False
            self.fields["video_file"].help_text = _("Choose a file only to replace the current recording.")
            self.fields["captions_file"].help_text = _("Choose a file only to replace the current captions.")
            self._set_hint_ids()
