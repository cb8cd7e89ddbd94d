# TEMPORARY placeholder routes so that base.html resolves; replaced by the staff area.
from django.urls import path
from django.views.generic import RedirectView

app_name = "staff"
urlpatterns = [
    path("", RedirectView.as_view(url="/"), name="list"),
    path("login/", RedirectView.as_view(url="/"), name="login"),
]
