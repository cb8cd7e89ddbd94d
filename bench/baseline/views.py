from django.http import HttpResponse
from django.shortcuts import redirect, render

from bench.baseline.forms import EntryForm, FifteenFieldForm
from bench.baseline.models import Entry


def plain(request):
    """A plain view returning a short response."""
    return HttpResponse("Hello from a plain Django view.\n", content_type="text/plain")


def form_page(request):
    """A plain Django template page with a 15-field form."""
    return render(request, "baseline/form.html", {"form": FifteenFieldForm()})


def entry(request):
    """GET: a small form; POST: validate, one insert, redirect."""
    if request.method == "POST":
        form = EntryForm(request.POST)
        if form.is_valid():
            Entry.objects.create(**form.cleaned_data)
            return redirect("done")
    else:
        form = EntryForm()
    return render(request, "baseline/entry.html", {"form": form})


def done(request):
    return HttpResponse("Saved.\n", content_type="text/plain")
