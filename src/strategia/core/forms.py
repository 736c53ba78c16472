"""The shared form behaviour behind the error pattern: fields in error get ``aria-invalid`` and are described
by their hint and error message; every form keeps what the user typed when it is re-rendered."""

from django import forms


class AccessibleFormMixin:
    def full_clean(self):
        super().full_clean()
        self._mark_accessibility()

    def _mark_accessibility(self):
        for name, field in self.fields.items():
            bound = self[name]
            described = []
            if field.help_text:
                described.append(f"{bound.auto_id}_hint")
            if name in self.errors:
                described.append(f"{bound.auto_id}_error")
                field.widget.attrs["aria-invalid"] = "true"
            else:
                field.widget.attrs.pop("aria-invalid", None)
            if described:
                field.widget.attrs["aria-describedby"] = " ".join(described)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._set_hint_ids()

    def _set_hint_ids(self):
        for name, field in self.fields.items():
            if field.help_text:
                field.widget.attrs["aria-describedby"] = f"{self[name].auto_id}_hint"
            else:
                field.widget.attrs.pop("aria-describedby", None)


class StrategiaForm(AccessibleFormMixin, forms.Form):
    template_name = "includes/form.html"


class StrategiaModelForm(AccessibleFormMixin, forms.ModelForm):
    template_name = "includes/form.html"


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


def add_service_errors(form, error) -> None:
    """Put a service's ValidationError next to the fields it names (or at the top)."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            target = field if field in form.fields else None
            for e in errors:
                form.add_error(target, e)
    else:
        for message in error.messages:
            form.add_error(None, message)
    form._mark_accessibility()
