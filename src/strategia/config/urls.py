from django.conf import settings
from django.contrib import admin
from django.http import Http404
from django.urls import include, path
from django.views.static import serve

from strategia.portal.views import root

municipality_patterns = [
    path("", include("strategia.portal.urls")),
    path("aktualnosci/", include("strategia.news.urls")),
    path("panel/", include("strategia.backoffice.urls")),
    path("<slug:process_slug>/konsultacje/", include("strategia.consultation.urls")),
    path("<slug:process_slug>/pomysly/", include("strategia.proposals.urls")),
    path("komentarze/", include("strategia.comments.urls")),
    path("", include("strategia.processes.urls")),
    path("<slug:process_slug>/dokumenty/", include("strategia.documents.urls")),
]

urlpatterns = [
    path("admin/", admin.site.urls),
    path("konto/", include("allauth.urls")),
    path("jezyk/", include("django.conf.urls.i18n")),
    path("", root, name="root"),
    path("<slug:municipality_slug>/", include(municipality_patterns)),
]

# Read only by the application: uploaded Word drafts, scans of letters (personal data), pending imports.
# Uploads only the application reads (it checks permissions before sending them). The nginx example in
# docs/operator-guide.md denies the same list (a test keeps the two equal).
PRIVATE_MEDIA_PREFIXES = ("documents/imports/", "consultation/scans/", "consultation/imports/",
                          "consultation/reports/", "consultation/dispatch/", "proposals/scans/",
                          "proposals/attachments/", "held/")


def serve_media(request, path):
    if path.startswith(PRIVATE_MEDIA_PREFIXES):
        raise Http404
    return serve(request, path, document_root=settings.MEDIA_ROOT)


if settings.PROFILE in {"demo", "dev", "test"}:
    # Uploaded files in the demo; production serves MEDIA_ROOT from nginx (docs/operator-guide.md).
    urlpatterns.insert(0, path("media/<path:path>", serve_media))
