from django.urls import path

from assessments import views

app_name = "assessments"
urlpatterns = [
    path("questionnaire/", views.start, name="start"),
    path("questionnaire/step/<int:number>/", views.step, name="step"),
    path("questionnaire/review/", views.review, name="review"),
    path("questionnaire/saved/", views.saved, name="saved"),
    path("questionnaire/sent/", views.sent, name="sent"),
    path("questionnaire/resume/", views.resume, name="resume"),
    path("questionnaire/resume/<str:token>/", views.resume_link, name="resume_link"),
    path("summary/<str:token>/", views.summary, name="summary"),
    path("summary/<str:token>/pdf/", views.summary_pdf, name="summary_pdf"),
    path("summary/<str:token>/pdf/status/", views.summary_pdf_status, name="summary_pdf_status"),
    path("summary/<str:token>/delete/", views.delete, name="delete"),
]
