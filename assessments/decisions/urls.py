"""The patient's follow-up and reminder (the staff form's URL is in assessments.staff.urls)."""

from django.urls import path

from . import views

app_name = "decisions"
urlpatterns = [
    path("follow-up/", views.follow_up_by_code, name="follow_up"),
    path("follow-up/thanks/", views.follow_up_thanks, name="follow_up_thanks"),
    path("summary/<str:token>/follow-up/", views.follow_up_by_link, name="follow_up_link"),
    path("summary/<str:token>/reminder.ics", views.reminder, name="reminder"),
]
