"""Template helpers that give allauth's forms (which are not ours) the platform's accessible error pattern."""

from __future__ import annotations

import html
import re

from django import template
from django.utils.html import strip_tags

from strategia.core.forms import AccessibleFormMixin

register = template.Library()

_LIST_ITEM = re.compile(r"<li[^>]*>(.*?)</li>", re.DOTALL | re.IGNORECASE)


def _plain_hint(help_text) -> str:
    """A hint that fits in a paragraph: the password validators' ``<ul>`` becomes sentences."""
    text = str(help_text)
    items = _LIST_ITEM.findall(text)
    if items:
        return " ".join(html.unescape(strip_tags(item)).strip() for item in items)
    return help_text


@register.filter
def accessible(form):
    """Mark ``form`` like a StrategiaForm: ``aria-invalid`` on fields in error, ``aria-describedby`` pointing
    at the hint and the error message. Returns the form, so it can be used in ``{% with %}``."""
    if form is None or not hasattr(form, "fields"):
        return form
    if getattr(form, "_strategia_accessible", False):
        return form
    for name, field in form.fields.items():
        if field.help_text and "<ul" in str(field.help_text):
            field.help_text = _plain_hint(field.help_text)
            form[name].help_text = field.help_text  # the bound field keeps its own copy
    AccessibleFormMixin._set_hint_ids(form)
    if form.is_bound:
        AccessibleFormMixin._mark_accessibility(form)
    form._strategia_accessible = True
    return form


@register.filter(is_safe=True)
def squash(value) -> str:
    """Collapse runs of whitespace (allauth's title blocks are indented over several lines)."""
    return " ".join(str(value).split())


@register.simple_tag(takes_context=True)
def element_form(context):
    """The form an allauth ``form`` element stands for: its ``form`` attribute, else the page's form."""
    attrs = context.get("attrs") or {}
    form = attrs.get("form") or context.get("form")
    return accessible(form) if hasattr(form, "fields") else None
