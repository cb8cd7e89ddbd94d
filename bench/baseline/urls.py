from django.urls import path

from bench.baseline import views

urlpatterns = [
    path("plain/", views.plain, name="plain"),
    path("form/", views.form_page, name="form"),
    path("entry/", views.entry, name="entry"),
    path("done/", views.done, name="done"),
]
