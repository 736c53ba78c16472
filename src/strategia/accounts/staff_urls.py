"""Back-office pages of the accounts app: role management, mounted at /<municipality>/panel/role/
(namespace backoffice:accounts_staff)."""

from django.urls import path

from strategia.accounts import views

app_name = "accounts_staff"

urlpatterns = [
    path("", views.role_list, name="list"),
    path("dodaj/", views.membership_grant, name="grant"),
    path("dodaj-w-procesie/", views.process_membership_grant, name="process_grant"),
    path("<int:pk>/usun/", views.membership_revoke, name="revoke"),
    path("proces/<int:pk>/usun/", views.process_membership_revoke, name="process_revoke"),
]
