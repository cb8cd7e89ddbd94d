from django.contrib.auth import views as auth_views
from django.urls import path

from assessments.decisions import views as decisions
from assessments.governance import views as governance
from assessments.ratelimit import login_rate_limited
from assessments.staff import insights_views, views

app_name = "staff"
urlpatterns = [
    path("login/", login_rate_limited(views.StaffLoginView.as_view()), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),  # POST only
    path("", views.assessment_list, name="list"),
    path("export/", views.assessment_export, name="export"),
    path("rulebook/", governance.rulebook_page, name="rulebook"),
    path("rulebook/approve/", governance.rulebook_approve, name="rulebook_approve"),
    path("rulebook/rulebook.md", governance.rulebook_markdown, name="rulebook_markdown"),
    path("insights/", insights_views.insights_page, name="insights"),
    path("insights/download.csv", insights_views.insights_csv, name="insights_csv"),
    path("insights/report.pdf", insights_views.insights_pdf, name="insights_pdf"),
    # The log filter (hairtx/logging.py) redacts the segment after "staff/assessments/".
    path("assessments/<str:reference_code>/", views.assessment_detail, name="detail"),
    path("assessments/<str:reference_code>/print/", views.assessment_print, name="print"),
    path("assessments/<str:reference_code>/pdf/", views.assessment_pdf, name="pdf"),
    path("assessments/<str:reference_code>/fhir/", views.assessment_fhir, name="fhir"),
    path("assessments/<str:reference_code>/review/", views.assessment_review, name="review"),
    path("assessments/<str:reference_code>/decision/", decisions.decision_record_view,
         name="decision"),
    # For clinical reviewers, who record decisions without seeing the record (0016).
    path("decisions/", decisions.decision_find, name="decision_find"),
    path("decisions/<str:reference_code>/", decisions.decision_page, name="decision_page"),
]
