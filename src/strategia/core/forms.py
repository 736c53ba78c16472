"""The shared form behaviour behind the error pattern: fields in error get ``aria-invalid`` and are described
by their hint and error message; every form keeps what the user typed when it is re-rendered, attached files
included (``KeepsUploadsMixin``)."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from strategia.core import held_uploads


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


class KeepsUploadsMixin:
    """Single-file fields whose file survives a failed attempt: each name in ``kept_uploads`` gets a hidden
    ``<name>_kept`` token and a ``<name>_discard`` checkbox. A new valid upload wins and is held at once (so that
    if another field, or the service afterwards, fails, the re-rendered form carries its token); otherwise a
    genuine kept token, unless discarded, supplies the file to ``cleaned_data``. The view passes ``actor`` (tokens
    are bound to the user) and calls ``release_kept()`` once its service has stored the file. Put the mixin before
    the form class; a form that overrides ``clean`` calls ``super().clean()``."""

    kept_uploads: tuple[str, ...] = ()

    def __init__(self, *args, actor=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.actor = actor
        self._kept: dict[str, object] = {}
        for name in self.kept_uploads:
            self.fields[f"{name}_kept"] = forms.CharField(required=False, widget=forms.HiddenInput)
            self.fields[f"{name}_discard"] = forms.BooleanField(label=_("Remove the kept file"), required=False)
            if not self.is_bound:
                self._kept[name] = held_uploads.resolve(self.initial.get(f"{name}_kept") or "", actor=actor)
        self._describe_kept()

    @classmethod
    def carry_over(cls, data, files, *, actor) -> dict:
        """For a view that shows the form again without validating it (e.g. "add another remark"): the initial
        values of the hidden token fields, after holding a valid new upload or dropping a discarded kept file.
        A new file that fails its checks is left out silently (no error messages on such a page)."""
        initial = {}
        for name in cls.kept_uploads:
            upload = files.get(name)
            if upload:
                try:
                    cls.base_fields[name].clean(upload)
                except ValidationError:
                    upload = None
            held = _keep_one(upload=upload, token=data.get(f"{name}_kept") or "",
                             discard=bool(data.get(f"{name}_discard")), actor=actor)
            initial[f"{name}_kept"] = held_uploads.token_for(held) if held else ""
        return initial

    def clean(self):
        # First, so that an error raised by a form's own clean never costs the file.
        for name in self.kept_uploads:
            self._keep(name)
        return super().clean()

    def _keep(self, name: str) -> None:
        data = self.cleaned_data
        upload = data.get(name) if name not in self._errors else None
        held = _keep_one(upload=upload, token=data.get(f"{name}_kept") or "",
                         discard=bool(data.get(f"{name}_discard")), actor=self.actor)
        self._kept[name] = held
        if held is not None and not upload:
            data[name] = held_uploads.as_file(held)
        data[f"{name}_discard"] = False
        data[f"{name}_kept"] = held_uploads.token_for(held) if held else ""
        # The re-rendered form shows what was decided: the token of the file now kept, the box unticked.
        self.data = self.data.copy()
        self.data[self.add_prefix(f"{name}_kept")] = data[f"{name}_kept"]
        self.data.pop(self.add_prefix(f"{name}_discard"), None)

    def kept_file(self, name: str):
        """The ``HeldUpload`` now kept for field ``name`` (None if nothing is kept)."""
        return self._kept.get(name)

    @property
    def kept_files(self) -> dict:
        """The kept files by field name, for templates (``form.kept_files.scan``)."""
        return {name: self._kept.get(name) for name in self.kept_uploads}

    def release_kept(self) -> None:
        """Delete the held copies: call it after the service has stored the files."""
        for held in self._kept.values():
            if held is not None:
                held_uploads.release(held, actor=self.actor)
        self._kept = {}

    def _mark_accessibility(self):
        getattr(super(), "_mark_accessibility", lambda: None)()
        self._describe_kept()

    def _describe_kept(self):
        """The file input is described by the line naming the kept file, too."""
        for name in self.kept_uploads:
            if self._kept.get(name) is None:
                continue
            widget = self.fields[name].widget
            kept_id = f"{self[name].auto_id}_kept_name"
            described = widget.attrs.get("aria-describedby", "").split()
            if kept_id not in described:
                widget.attrs["aria-describedby"] = " ".join([*described, kept_id])


def _keep_one(*, upload, token: str, discard: bool, actor):
    """The held file a field stands for after this attempt: a new (checked) upload replaces the kept one and is
    held at once; otherwise the kept one, unless the user asked to remove it."""
    held = held_uploads.resolve(token, actor=actor)
    if upload:
        if held is not None:
            held_uploads.release(held, actor=actor)
        return held_uploads.held_upload_create(actor=actor, upload=upload)
    if held is not None and discard:
        held_uploads.release(held, actor=actor)
        return None
    return held


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
