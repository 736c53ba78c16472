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
