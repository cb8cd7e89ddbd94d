from django.db import models


class Entry(models.Model):
    """One row per posted form (the "one insert" of the POST baseline)."""

    name = models.CharField(max_length=100)
    choice = models.CharField(max_length=20)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        app_label = "baseline"
