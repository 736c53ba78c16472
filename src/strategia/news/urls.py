from django.urls import path

from strategia.news import views

app_name = "news"

urlpatterns = [
    path("", views.news_list, name="list"),
    path("feed.atom", views.news_list, name="feed"),
    path("newsletter/", views.news_list, name="subscribe"),
    path("<slug:slug>/", views.news_list, name="detail"),
]
