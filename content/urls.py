from django.urls import path

from content import views

app_name = "content"
urlpatterns = [
    path("", views.home, name="home"),
    path("guide/", views.guide, name="guide"),
    path("treatments/<slug:slug>/", views.treatment, name="treatment"),
    path("compare/", views.compare, name="compare"),
    path("faq/", views.faq, name="faq"),
    path("sources/", views.sources, name="sources"),
    path("privacy/", views.privacy, name="privacy"),
    path("clinic-logo/", views.clinic_logo, name="clinic_logo"),
]
