"""Back-office forms for managing a consultation: its settings (the consulted version, the forecast, the period,
the procedure resolution's settings), the extension of the last day, and meetings (with attendance and minutes
once held). Uploads are checked by their content (core/uploads.py)."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

from strategia.consultation.enums import DecisiveDate, MeetingForm, MeetingKind
from strategia.consultation.staff_forms import DateTimeLocalInput
from strategia.core.deadlines import earliest_allowed_last_day, today_local
from strategia.core.forms import DateInput, StrategiaForm
from strategia.core.statutory import Rule, period
from strategia.core.uploads import validate_pdf
from strategia.documents.enums import VersionStage
from strategia.documents.models import DocumentVersion
from strategia.processes.models import Activity

DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]


def period_hint(*, event_day: dt.date, with_forecast: bool) -> dict:
    """The statutory minimum and the earliest allowed last day for an announcement on ``event_day`` (the same
    rules the service applies: core/statutory.py through core/deadlines.py)."""
    rules = [Rule.CONSULTATION_MIN_DAYS] + ([Rule.SEA_PUBLIC_PARTICIPATION_MIN_DAYS] if with_forecast else [])
    minimums = [period(rule, on=event_day) for rule in rules]
    earliest = max(earliest_allowed_last_day(rule=rule, event_day=event_day) for rule in rules)
    return {"event_day": event_day, "minimums": minimums, "earliest": earliest}


class ConsultationSettingsForm(StrategiaForm):
    """Creating a consultation and editing it until it is announced."""

    title = forms.CharField(label=_("Title"), max_length=300,
                            help_text=_("The heading of the announcement, e.g. “Konsultacje społeczne projektu "
                                        "Strategii Rozwoju Gminy”."))
    document_version = forms.ModelChoiceField(
        label=_("Consulted version"), queryset=DocumentVersion.objects.none(),
        help_text=_("Only versions frozen as the draft for consultation can be consulted."))
    planned_announcement_on = forms.DateField(
        label=_("Planned announcement day"), widget=DateInput(),
        help_text=_("The day the announcement is published on the website; the comment period starts the day "
                    "after. It is checked again when the announcement is actually published."))
    ends_on = forms.DateField(label=_("Last day for remarks"), widget=DateInput())
    forecast_title = forms.CharField(
        label=_("Environmental impact forecast (title)"), max_length=300, required=False,
        help_text=_("Only when the forecast is consulted together with the draft (art. 39 ust. 1 u.o.o.ś.)."))
    forecast_file = forms.FileField(
        label=_("Forecast (PDF, optional)"), required=False, validators=[validate_pdf],
        help_text=_("A PDF, at most 20 MB. If the form shows an error, attach the file again: files are not kept "
                    "between attempts."))
    remove_forecast_file = forms.BooleanField(label=_("Remove the attached forecast"), required=False)
    anonymous_remarks_considered = forms.BooleanField(
        label=_("Anonymous remarks are considered"), required=False,
        help_text=_("As the council's resolution on the consultation procedure says."))
    decisive_date = forms.ChoiceField(label=_("Which date decides whether a posted remark is on time"),
                                      choices=DecisiveDate.choices, initial=DecisiveDate.RECEIPT,
                                      widget=forms.RadioSelect)
    late_remarks_considered = forms.BooleanField(
        label=_("Late remarks on the strategy may still be considered (with a justification)"), required=False,
        help_text=_("Late remarks on the forecast are always left unconsidered (art. 41 u.o.o.ś.)."))
    activity = forms.ModelChoiceField(label=_("Activity of the schedule (optional)"), required=False,
                                      queryset=Activity.objects.none())

    SERVICE_FIELDS = ("title", "document_version", "planned_announcement_on", "ends_on", "forecast_title",
                      "anonymous_remarks_considered", "decisive_date", "late_remarks_considered", "activity")

    def __init__(self, *args, process, consultation=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["document_version"].queryset = (
            DocumentVersion.objects.filter(document__process=process, stage=VersionStage.CONSULTATION,
                                           frozen_at__isnull=False)
            .select_related("document").order_by("document__title", "-number"))
        self.fields["document_version"].label_from_instance = (
            lambda v: f"{v.document.title} – {v}" + (f" – {v.label}" if v.label else ""))
        self.fields["activity"].queryset = (Activity.objects.filter(stage__process=process)
                                            .select_related("stage").order_by("stage__number", "position"))
        if consultation is None or not consultation.forecast_file:
            del self.fields["remove_forecast_file"]
        self.period = period_hint(event_day=self._event_day(), with_forecast=self._with_forecast(consultation))
        self.fields["ends_on"].help_text = self._ends_on_hint()
        self._set_hint_ids()

    def _event_day(self) -> dt.date:
        raw = self.data.get(self.add_prefix("planned_announcement_on")) if self.is_bound else \
            self.initial.get("planned_announcement_on")
        if isinstance(raw, dt.date):
            return raw
        try:
            return dt.date.fromisoformat(str(raw))
        except ValueError:
            return today_local()

    def _with_forecast(self, consultation) -> bool:
        if self.is_bound:
            return bool(self.data.get(self.add_prefix("forecast_title"), "").strip()
                        or self.files.get(self.add_prefix("forecast_file"))
                        or (consultation is not None and consultation.forecast_file
                            and not self.data.get(self.add_prefix("remove_forecast_file"))))
        return bool(self.initial.get("forecast_title") or (consultation is not None and consultation.forecast_file))

    def _ends_on_hint(self) -> str:
        minimums = "; ".join(_("at least %(days)s days (%(citation)s)") % {"days": p.days, "citation": p.citation}
                             for p in self.period["minimums"])
        return _("Remarks are accepted from the day after the announcement: %(minimums)s. With the announcement on "
                 "%(day)s the last day can be %(earliest)s at the earliest.") % {
            "minimums": minimums, "day": self.period["event_day"].strftime("%d.%m.%Y"),
            "earliest": self.period["earliest"].strftime("%d.%m.%Y")}

    def service_kwargs(self) -> dict:
        data = {name: self.cleaned_data[name] for name in self.SERVICE_FIELDS}
        data["title"] = data["title"].strip()
        data["forecast_title"] = data["forecast_title"].strip()
        if self.cleaned_data.get("forecast_file"):
            data["forecast_file"] = self.cleaned_data["forecast_file"]
        return data


class ExtendForm(StrategiaForm):
    ends_on = forms.DateField(label=_("New last day for remarks"), widget=DateInput(),
                              help_text=_("The period can be extended but never shortened."))


class MeetingSettingsForm(StrategiaForm):
    """A consultation meeting or the public discussion; attendance and minutes appear when editing."""

    kind = forms.ChoiceField(label=_("Kind"), choices=MeetingKind.choices, initial=MeetingKind.MEETING,
                             widget=forms.RadioSelect)
    starts_at = forms.DateTimeField(label=_("Starts at"), widget=DateTimeLocalInput(), input_formats=DATETIME_FORMATS,
                                    help_text=_("Date and time, Polish time."))
    ends_at = forms.DateTimeField(label=_("Ends at (optional)"), required=False, widget=DateTimeLocalInput(),
                                  input_formats=DATETIME_FORMATS)
    place = forms.CharField(label=_("Place"), max_length=300,
                            help_text=_("The address and room, or the link for an online meeting."))
    form = forms.ChoiceField(label=_("Form"), choices=MeetingForm.choices, initial=MeetingForm.IN_PERSON,
                             widget=forms.RadioSelect)
    accessibility = forms.CharField(label=_("Accessibility"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
                                    help_text=_("e.g. step-free access, induction loop, PJM interpreter on request"))
    attendance = forms.IntegerField(label=_("Attendance"), required=False, min_value=0,
                                    help_text=_("The number of participants, after the meeting."))
    minutes = forms.FileField(label=_("Minutes (PDF)"), required=False, validators=[validate_pdf],
                              help_text=_("A PDF, at most 20 MB, after the meeting. If the form shows an error, "
                                          "attach the file again."))

    def __init__(self, *args, with_outcome: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not with_outcome:
            del self.fields["attendance"]
            del self.fields["minutes"]

    def service_kwargs(self) -> dict:
        data = dict(self.cleaned_data)
        data["accessibility"] = data.get("accessibility", "").strip()
        if "minutes" in data and not data["minutes"]:
            data["minutes"] = None
        return data
