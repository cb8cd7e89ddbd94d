from django.urls import path

from content import views

app_name = "content"
urlpatterns = [
    path("", views.home, name="home"),
    path("guide/", views.guide, name="guide"),
    path("options/<slug:slug>/", views.option, name="option"),
    path("treatments/<slug:slug>/", views.old_treatment_address, name="old_treatment_address"),
    path("how-this-guide-was-made/", views.methods, name="methods"),
    path("compare/", views.compare, name="compare"),
    path("faq/", views.faq, name="faq"),
    path("sources/", views.sources, name="sources"),
    path("privacy/", views.privacy, name="privacy"),
    path("clinic-logo/", views.clinic_logo, name="clinic_logo"),
]
