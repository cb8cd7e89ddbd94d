from django.urls import path

from assessments.fhir import views
from assessments.fhir.canonical import QUESTIONNAIRE_ID

app_name = "fhir"
urlpatterns = [
    path(f"Questionnaire/{QUESTIONNAIRE_ID}", views.questionnaire, name="questionnaire"),
]
