from django import forms
from django.utils.translation import gettext_lazy as _

from strategia.core.forms import DateInput, StrategiaForm, StrategiaModelForm
from strategia.core.models import Municipality


class AuditFilterForm(StrategiaForm):
    action = forms.ChoiceField(label=_("Action"), required=False)
    actor = forms.CharField(label=_("Who"), required=False, max_length=200,
                            help_text=_("Part of the e-mail address."))
    date_from = forms.DateField(label=_("From"), required=False, widget=DateInput())
    date_to = forms.DateField(label=_("To"), required=False, widget=DateInput())

    def __init__(self, *args, actions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action"].choices = [("", _("all"))] + [(a, a) for a in actions]

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_to"] < data["date_from"]:
            self.add_error("date_to", _("The end must not be earlier than the start."))
        return data


class MunicipalityForm(StrategiaModelForm):
    """What generated documents need to know about the gmina."""

    class Meta:
        model = Municipality
        fields = ["name", "name_genitive", "name_locative", "kind", "council_name", "council_name_genitive",
                  "office_name", "executive_title", "executive_name", "street_address", "postal_code", "city",
                  "ade_address", "bip_url", "website_url", "phone", "email", "controller_name",
                  "controller_contact", "dpo_name", "dpo_email", "dpo_phone", "case_reference_prefix",
                  "retention_period_text", "coat_of_arms", "coat_of_arms_licence"]

    def clean_postal_code(self):
        import re

        from django.core.exceptions import ValidationError

        code = self.cleaned_data["postal_code"].strip()
        if not re.fullmatch(r"\d{2}-\d{3}", code):
            raise ValidationError(_("Give the postal code as 00-000."))
        return code
