from django.contrib import admin
from django.urls import include, path

from assessments.ratelimit import login_rate_limited
from hairtx import views

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    # The admin's own login, with the same per-address limit as the staff login.
    path("admin/login/", login_rate_limited(admin.site.login)),
    path("admin/", admin.site.urls),
    path("staff/", include("assessments.staff.urls")),
    path("fhir/", include("assessments.fhir.urls")),
    path("", include("assessments.urls")),
    path("", include("assessments.decisions.urls")),
    path("", include("content.urls")),
]


handler400 = "hairtx.views.bad_request"
