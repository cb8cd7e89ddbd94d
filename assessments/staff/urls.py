from django.contrib.auth import views as auth_views
from django.urls import path

from assessments.staff import views

app_name = "staff"
urlpatterns = [
    path(
        "login/",
        auth_views.LoginView.as_view(
            template_name="staff/login.html", redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),  # POST only
    path("", views.assessment_list, name="list"),
    path("export/", views.assessment_export, name="export"),
    # The log filter (hairtx/logging.py) redacts the segment after "staff/assessments/".
    path("assessments/<str:reference_code>/", views.assessment_detail, name="detail"),
    path("assessments/<str:reference_code>/print/", views.assessment_print, name="print"),
    path("assessments/<str:reference_code>/pdf/", views.assessment_pdf, name="pdf"),
    path("assessments/<str:reference_code>/fhir/", views.assessment_fhir, name="fhir"),
    path("assessments/<str:reference_code>/review/", views.assessment_review, name="review"),
]
