"""Resolves the municipality from the URL prefix (``/<municipality_slug>/…``) once per request."""

from django.http import Http404
from django.utils.translation import gettext as _

from strategia.core.models import Municipality


class MunicipalityMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.municipality = None
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        slug = view_kwargs.pop("municipality_slug", None)
        if slug is None:
            return None
        try:
            request.municipality = Municipality.objects.select_related("unit").get(slug=slug)
        except Municipality.DoesNotExist:
            raise Http404(_("There is no municipality at this address.")) from None
        return None


class LanguageMiddleware:
    """Polish unless the visitor chose another language with the switch (a cookie).

    Unlike Django's LocaleMiddleware this ignores the browser's Accept-Language: the platform of a Polish public
    body speaks Polish by default, and English is offered as a choice, not imposed by a browser's settings.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.conf import settings
        from django.utils import translation

        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        supported = {code for code, _name in settings.LANGUAGES}
        language = chosen if chosen in supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        from django.utils.cache import patch_vary_headers

        response.headers.setdefault("Content-Language", language)
        patch_vary_headers(response, ("Cookie",))
        return response


class PermissionsPolicyMiddleware:
    """Switches off browser features the platform never uses (camera, microphone, payment, …)."""

    POLICY = ("camera=(), microphone=(), payment=(), usb=(), geolocation=(self), interest-cohort=(), "
              "browsing-topics=()")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.POLICY)
        return response
