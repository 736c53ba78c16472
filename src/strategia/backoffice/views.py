from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from strategia.backoffice import selectors
from strategia.backoffice.forms import AuditFilterForm, MunicipalityForm
from strategia.backoffice.services import email_mark_seen, municipality_update
from strategia.core.access import require_perm
from strategia.core.deadlines import today_local
from strategia.core.forms import add_service_errors
from strategia.core.models import Municipality


@require_perm("core.view_backoffice")
def dashboard(request):
    dashboard = selectors.dashboard_for(municipality=request.municipality, today=today_local())
    return render(request, "backoffice/dashboard.html", {
        "dashboard": dashboard,
        "can_manage_pages": request.user.has_perm("portal.manage_pages", request.municipality),
    })


@require_perm("core.view_sent_emails")
def email_list(request):
    emails = selectors.emails_for_municipality(municipality=request.municipality)
    page = Paginator(emails, 25).get_page(request.GET.get("strona"))
    return render(request, "backoffice/email_list.html", {"page": page})


@require_perm("core.view_sent_emails")
def email_detail(request, email_id):
    email = get_object_or_404(selectors.emails_for_municipality(municipality=request.municipality), pk=email_id)
    email_mark_seen(actor=request.user, email=email)
    return render(request, "backoffice/email_detail.html", {"email": email})


@require_perm("core.view_audit_log")
def audit_log(request):
    actions = selectors.audit_actions(municipality=request.municipality)
    form = AuditFilterForm(request.GET or None, actions=actions)
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    entries = selectors.audit_entries(
        municipality=request.municipality, action=filters.get("action", ""), actor=filters.get("actor", ""),
        date_from=filters.get("date_from"), date_to=filters.get("date_to"),
    )
    page = Paginator(entries, 50).get_page(request.GET.get("strona"))
    query = request.GET.copy()
    query.pop("strona", None)
    return render(request, "backoffice/audit_log.html", {"form": form, "page": page, "query": query.urlencode()})


@require_perm("core.manage_municipality")
def municipality_edit(request):
    municipality = request.municipality
    form = MunicipalityForm(request.POST or None, request.FILES or None, instance=municipality)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
        fresh = Municipality.objects.get(pk=municipality.pk)
        try:
            municipality_update(actor=request.user, municipality=fresh, **fields)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The municipality's data have been saved."))
            return redirect("backoffice:municipality", municipality_slug=municipality.slug)
    return render(request, "backoffice/municipality_form.html", {"form": form})
