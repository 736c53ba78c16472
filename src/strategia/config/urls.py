from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.static import serve

from strategia.portal.views import root

municipality_patterns = [
    path("", include("strategia.portal.urls")),
    path("aktualnosci/", include("strategia.news.urls")),
    path("panel/", include("strategia.backoffice.urls")),
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

if settings.PROFILE in {"demo", "dev", "test"}:
    # Uploaded files in the demo; production serves MEDIA_ROOT from nginx (docs/operator-guide.md).
    urlpatterns.insert(0, path("media/<path:path>", serve, {"document_root": settings.MEDIA_ROOT}))
