from django.urls import path

from assessments.decisions.fhir import REGRET_QUESTIONNAIRE_ID
from assessments.fhir import views
from assessments.fhir.canonical import QUESTIONNAIRE_ID

app_name = "fhir"
urlpatterns = [
    path(f"Questionnaire/{QUESTIONNAIRE_ID}", views.questionnaire, name="questionnaire"),
    path(f"Questionnaire/{REGRET_QUESTIONNAIRE_ID}", views.regret_questionnaire_view,
         name="regret_questionnaire"),
]
