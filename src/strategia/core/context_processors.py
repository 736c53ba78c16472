from django.conf import settings
from django.utils.functional import SimpleLazyObject


def site(request):
    municipality = getattr(request, "municipality", None)

    def current_process():
        if municipality is None:
            return None
        from strategia.processes.selectors import process_current

        return process_current(municipality=municipality)

    def can_backoffice():
        user = getattr(request, "user", None)
        return bool(municipality and user and user.is_authenticated
                    and user.has_perm("core.view_backoffice", municipality))

    return {
        "DEMO_MODE": settings.DEMO_MODE,
        "municipality": municipality,
        "SITE_URL": settings.SITE_URL,
        "current_process": SimpleLazyObject(current_process) if municipality else None,
        "perms_backoffice": SimpleLazyObject(can_backoffice),
    }
