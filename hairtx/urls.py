from django.contrib import admin
from django.urls import include, path

from hairtx import views

admin.site.site_header = "hairtx administration"
admin.site.site_title = "hairtx admin"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("staff/", include("assessments.staff.urls")),
    path("fhir/", include("assessments.fhir.urls")),
    path("", include("assessments.urls")),
    path("", include("content.urls")),
]


handler400 = "hairtx.views.bad_request"
