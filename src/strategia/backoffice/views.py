from django.shortcuts import render

from strategia.core.access import require_perm


@require_perm("core.view_backoffice")
def dashboard(request):
    return render(request, "backoffice/dashboard.html", {})
