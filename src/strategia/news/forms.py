from __future__ import annotations

import datetime as dt

from django import forms
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from strategia.core.deadlines import WARSAW
from strategia.core.forms import StrategiaForm, StrategiaModelForm
from strategia.news.models import NewsItem
from strategia.news.services import absolute_url
from strategia.processes.models import Activity, StrategyProcess

# --- newsletter ---------------------------------------------------------------------------------------------


def subscribe_consent_label(municipality) -> str:
    return _("I want to receive the newsletter of %(name)s about the work on the development strategy by "
             "e-mail. I can withdraw this consent at any time with the link in every message.") % {
        "name": municipality.name_genitive}


def subscribe_privacy_info(municipality) -> str:
    return _("The controller of your personal data is %(controller)s (%(contact)s). Your e-mail address is "
             "processed only to send the newsletter, on the basis of your consent (art. 6(1)(a) GDPR), until "
             "you withdraw it. You may contact the data protection officer at %(dpo)s.") % {
        "controller": municipality.controller_name, "contact": municipality.controller_contact,
        "dpo": municipality.dpo_email}


def subscribe_consent_text(municipality) -> str:
    """Exactly what the person agreed to, as recorded with the subscription."""
    privacy = absolute_url(reverse("portal:privacy", kwargs={"municipality_slug": municipality.slug}))
    return "\n\n".join([subscribe_consent_label(municipality), subscribe_privacy_info(municipality),
                        _("Privacy policy: %(url)s") % {"url": privacy}])


class SubscribeForm(StrategiaForm):
    email = forms.EmailField(label=gettext_lazy("E-mail address"), max_length=254,
                             widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    consent = forms.BooleanField(
        error_messages={"required": gettext_lazy("Please tick the box: without your consent we cannot send "
                                                 "you the newsletter.")},
    )

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        privacy = reverse("portal:privacy", kwargs={"municipality_slug": municipality.slug})
        self.fields["consent"].label = subscribe_consent_label(municipality)
        self.fields["consent"].help_text = format_html(
            '{} <a href="{}">{}</a>', subscribe_privacy_info(municipality), privacy, _("Privacy policy"))
        self._set_hint_ids()


# --- back-office --------------------------------------------------------------------------------------------


class LocalDateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%dT%H:%M")


class WarsawDateTimeField(forms.DateTimeField):
    """A ``datetime-local`` input read as Warsaw time whatever timezone is active (a nonexistent or ambiguous
    hour at the DST change is reported next to the field)."""

    widget = LocalDateTimeInput

    def prepare_value(self, value):
        if isinstance(value, dt.datetime) and timezone.is_aware(value):
            return value.astimezone(WARSAW).replace(tzinfo=None)
        return value

    def to_python(self, value):
        with timezone.override(WARSAW):
            return super().to_python(value)


class Publication:
    DRAFT = "draft"
    NOW = "now"
    SCHEDULE = "schedule"
    CHOICES = [
        (DRAFT, gettext_lazy("Draft – not visible to the public")),
        (NOW, gettext_lazy("Published – visible now")),
        (SCHEDULE, gettext_lazy("Scheduled – visible from the time given below")),
    ]


class NewsItemForm(StrategiaModelForm):
    publication = forms.ChoiceField(label=gettext_lazy("Publication"), choices=Publication.CHOICES,
                                    widget=forms.RadioSelect, initial=Publication.DRAFT)
    publish_at = WarsawDateTimeField(
        label=gettext_lazy("Publication time (Warsaw time)"), required=False,
        help_text=gettext_lazy("Only for a scheduled item. At that time it appears on the portal and is sent "
                               "to the newsletter's subscribers."),
    )

    field_order = ["title", "lead", "body", "process", "activity", "publication", "publish_at", "slug",
                   "is_sample"]

    class Meta:
        model = NewsItem
        fields = ["title", "lead", "body", "process", "activity", "slug", "is_sample"]
        widgets = {"lead": forms.Textarea(attrs={"rows": 3}), "body": forms.Textarea(attrs={"rows": 14})}
        help_texts = {
            "lead": gettext_lazy("One or two sentences shown in the list of news."),
            "body": gettext_lazy("Plain text. Separate paragraphs with an empty line."),
            "slug": gettext_lazy("The end of the item's web address. Leave empty to make it from the title."),
            "activity": gettext_lazy("The activity of the schedule the item is about, if any."),
            "is_sample": gettext_lazy("Invented text for a demonstration; shown with a 'sample data' label."),
        }

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False
        self.fields["process"].queryset = StrategyProcess.objects.filter(municipality=municipality)
        self.fields["activity"].queryset = (
            Activity.objects.filter(stage__process__municipality=municipality)
            .select_related("stage").order_by("stage__process_id", "stage__number", "position"))
        item = self.instance
        if item.pk and item.published_at is not None:
            scheduled = item.published_at > timezone.now()
            self.initial.setdefault("publication", Publication.SCHEDULE if scheduled else Publication.NOW)
            self.initial.setdefault("publish_at", item.published_at)
        self._set_hint_ids()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("publication") == Publication.SCHEDULE:
            moment = cleaned.get("publish_at")
            if moment is None and "publish_at" not in self.errors:
                self.add_error("publish_at", _("Please give the publication time of a scheduled item."))
            elif moment is not None and moment <= timezone.now():
                self.add_error("publish_at", _("The publication time must be in the future. To publish at "
                                               "once, choose “Published – visible now”."))
        return cleaned

    def published_at(self, *, now: dt.datetime) -> dt.datetime | None:
        """The publication time the choice means. An item already public keeps its original time."""
        choice = self.cleaned_data["publication"]
        if choice == Publication.DRAFT:
            return None
        if choice == Publication.SCHEDULE:
            return self.cleaned_data["publish_at"]
        current = self.instance.published_at if self.instance.pk else None
        return current if current is not None and current <= now else now

    def service_fields(self, *, now: dt.datetime) -> dict:
        data = {name: self.cleaned_data[name] for name in self.Meta.fields}
        data["slug"] = data["slug"] or ""
        data["published_at"] = self.published_at(now=now)
        return data
