# TEMPORARY placeholder routes so that base.html resolves; replaced by the questionnaire.
from django.urls import path
from django.views.generic import RedirectView

app_name = "assessments"
urlpatterns = [
    path("questionnaire/", RedirectView.as_view(url="/"), name="start"),
    path("questionnaire/resume/", RedirectView.as_view(url="/"), name="resume"),
]
