"""URL fragment (included by staff_urls.py under backoffice:consultation_staff; no namespace of its own): the
register of remarks, the remark page and its actions, the joint answer, the assignment and the progress view."""

from django.urls import path

from strategia.consultation import review_views

BASE = "<slug:process_slug>/<int:consultation_id>/"
REMARK = BASE + "uwagi/<int:remark_id>/"

urlpatterns: list = [
    path(BASE + "uwagi/", review_views.remark_register, name="remark_register"),
    path(BASE + "uwagi/odpowiedz-wspolnie/", review_views.joint_answer, name="remarks_joint_answer"),
    path(BASE + "uwagi/przydziel/", review_views.remarks_assign, name="remarks_assign"),
    path(REMARK, review_views.remark_detail, name="remark_detail"),
    path(REMARK + "publikuj/", review_views.remark_publish, name="remark_publish"),
    path(REMARK + "ukryj/", review_views.remark_hide, name="remark_hide"),
    path(REMARK + "odpowiedz/", review_views.remark_answer, name="remark_answer"),
    path(REMARK + "odlacz/", review_views.remark_detach, name="remark_detach"),
    path(BASE + "postep/", review_views.review_progress, name="review_progress"),
]
