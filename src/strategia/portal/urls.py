from django.urls import path

from strategia.portal import views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("jak-wziac-udzial/", views.take_part, name="take_part"),
    path("jak-wziac-udzial/tekst-latwy-do-czytania/", views.take_part_easy, name="take_part_easy"),
    path("polityka-prywatnosci/", views.privacy, name="privacy"),
    path("deklaracja-dostepnosci/", views.accessibility, name="accessibility"),
]
