from __future__ import annotations

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from strategia.core.forms import DateInput, StrategiaForm, StrategiaModelForm
from strategia.core.uploads import validate_pdf
from strategia.processes.blueprints import BLUEPRINTS
from strategia.processes.enums import ActivityStatus, DatePrecision, ResolutionKind
from strategia.processes.models import Activity, ScheduleChange, StrategyProcess
from strategia.processes.periods import quarter_end, quarter_of, quarter_start

RESERVED_SLUGS = {"admin", "konto", "jezyk", "static", "media", "panel", "api"}


class ProcessCreateForm(StrategiaForm):
    blueprint = forms.ChoiceField(label=_("Template"), choices=[(b.code, b.label) for b in BLUEPRINTS.values()])
    title = forms.CharField(label=_("Title"), max_length=300,
                            help_text=_("e.g. Strategia rozwoju gminy Przykładowo do 2035 roku"))
    slug = forms.SlugField(label=_("Address in the portal"), max_length=80,
                           help_text=_("Lower-case letters, digits and hyphens, e.g. strategia-2035."))
    horizon_year = forms.IntegerField(label=_("Horizon (year)"), min_value=2000, max_value=2100, required=False)
    start_year = forms.IntegerField(label=_("Work starts in year"), min_value=2000, max_value=2100)
    start_quarter = forms.TypedChoiceField(label=_("… in quarter"), coerce=int,
                                           choices=[(1, "1"), (2, "2"), (3, "3"), (4, "4")])

    def __init__(self, *args, municipality=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.municipality = municipality

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        if slug in RESERVED_SLUGS:
            raise ValidationError(_("This address is reserved. Please choose another one."))
        if StrategyProcess.objects.filter(municipality=self.municipality, slug=slug).exists():
            raise ValidationError(_("Another process already uses this address."))
        return slug


class ProcessSettingsForm(StrategiaModelForm):
    class Meta:
        model = StrategyProcess
        fields = ["title", "horizon_year", "status", "summary", "shift_to_working_day", "legal_basis",
                  "consultation_procedure"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 4}), "legal_basis": forms.Textarea(attrs={"rows": 4}),
                   "consultation_procedure": forms.Textarea(attrs={"rows": 4})}


class ActivityForm(StrategiaForm):
    """Texts, status and actual dates of an activity; the service (activity_update) validates the dates."""

    title = forms.CharField(label=_("Wording"), max_length=500, widget=forms.Textarea(attrs={"rows": 2}))
    short_title = forms.CharField(label=_("Short name"), max_length=200)
    description = forms.CharField(label=_("Description for residents"), required=False,
                                  widget=forms.Textarea(attrs={"rows": 4}))
    responsible_unit = forms.CharField(label=_("Responsible unit"), max_length=200, required=False)
    status = forms.ChoiceField(label=_("Status"), choices=ActivityStatus.choices,
                               help_text=_("“In progress” is shown to residents as “trwa”."))
    actual_start = forms.DateField(label=_("Actual start"), required=False, widget=DateInput(),
                                   help_text=_("Actual dates record what happened; they can always be changed."))
    actual_end = forms.DateField(label=_("Actual end"), required=False, widget=DateInput())

    @classmethod
    def initial_for(cls, activity: Activity) -> dict:
        return {name: getattr(activity, name) for name in cls.base_fields}


def _normalise(start: dt.date, end: dt.date, precision: str) -> tuple[dt.date, dt.date]:
    if precision == DatePrecision.QUARTER:
        return quarter_start(start.year, quarter_of(start)), quarter_end(end.year, quarter_of(end))
    if precision == DatePrecision.MONTH:
        import calendar

        return start.replace(day=1), end.replace(day=calendar.monthrange(end.year, end.month)[1])
    return start, end


class PlannedDatesForm(StrategiaForm):
    planned_precision = forms.ChoiceField(label=_("Planned as"), choices=DatePrecision.choices,
                                          help_text=_("Quarters and months are widened to their whole length."))
    planned_start = forms.DateField(label=_("Planned start"), widget=DateInput())
    planned_end = forms.DateField(label=_("Planned end"), widget=DateInput())
    reason = forms.CharField(label=_("Reason for the change"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
                             help_text=_("Required once the council has fixed the schedule: the change then waits "
                                         "for an amending resolution."))

    def clean(self):
        data = super().clean()
        start, end, precision = data.get("planned_start"), data.get("planned_end"), data.get("planned_precision")
        if start and end and precision:
            data["planned_start"], data["planned_end"] = _normalise(start, end, precision)
        return data


class ResolutionForm(StrategiaForm):
    kind = forms.ChoiceField(label=_("Kind"), choices=ResolutionKind.choices)
    number = forms.CharField(label=_("Number"), max_length=60, help_text=_("e.g. XXIV/215/2026"))
    adopted_on = forms.DateField(label=_("Adopted on"), widget=DateInput())
    title = forms.CharField(label=_("Title"), max_length=500, required=False,
                            help_text=_("The words after “w sprawie”."))
    file = forms.FileField(label=_("File (PDF)"), required=False, validators=[validate_pdf],
                           help_text=_("Optional. A PDF of the signed resolution."))
    adopt_changes = forms.ModelMultipleChoiceField(
        label=_("Draft changes adopted by this resolution"), required=False,
        queryset=ScheduleChange.objects.none(), widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, pending_changes=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["adopt_changes"].queryset = pending_changes if pending_changes is not None else \
            ScheduleChange.objects.none()

    def clean(self):
        data = super().clean()
        if data.get("kind") == ResolutionKind.PROCEDURE and data.get("adopt_changes"):
            self.add_error("adopt_changes", _("Only an amending resolution adopts draft changes."))
        return data
