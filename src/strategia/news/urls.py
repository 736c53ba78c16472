from django.urls import path

from strategia.news import views

app_name = "news"

urlpatterns = [
    path("", views.news_list, name="list"),
    path("feed.atom", views.news_feed, name="feed"),
    path("newsletter/", views.subscribe, name="subscribe"),
    path("newsletter/wyslano/", views.subscribe_sent, name="subscribe_sent"),
    path("newsletter/potwierdz/<str:token>/", views.confirm, name="confirm"),
    path("newsletter/wypisz/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("<slug:slug>/", views.news_detail, name="detail"),
]
