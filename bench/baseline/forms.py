"""A 15-field form of the usual kinds (radios, checkboxes, selects, text, dates)."""

from django import forms

CHOICES_5 = [(f"c{i}", f"Option number {i} with a few words of label") for i in range(1, 6)]
CHOICES_8 = [(f"m{i}", f"Choice {i}: something a patient might tick") for i in range(1, 9)]


class FifteenFieldForm(forms.Form):
    full_name = forms.CharField(max_length=100, help_text="As on your ID.")
    email = forms.EmailField(help_text="We only use it to reply.")
    phone = forms.CharField(max_length=30, required=False)
    birth_date = forms.DateField(help_text="For example 1990-04-27.")
    age_band = forms.ChoiceField(choices=CHOICES_5, widget=forms.RadioSelect)
    sex = forms.ChoiceField(choices=CHOICES_5, widget=forms.RadioSelect)
    pattern = forms.MultipleChoiceField(choices=CHOICES_8, widget=forms.CheckboxSelectMultiple)
    duration = forms.ChoiceField(choices=CHOICES_5, widget=forms.RadioSelect)
    symptoms = forms.MultipleChoiceField(choices=CHOICES_8, widget=forms.CheckboxSelectMultiple)
    allergies = forms.MultipleChoiceField(choices=CHOICES_8, widget=forms.CheckboxSelectMultiple)
    medicines = forms.ChoiceField(choices=CHOICES_8)
    visits = forms.ChoiceField(choices=CHOICES_5, widget=forms.RadioSelect)
    height_cm = forms.IntegerField(min_value=50, max_value=250, required=False)
    notes = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)
    consent = forms.BooleanField(help_text="You can withdraw it at any time.")


class EntryForm(forms.Form):
    name = forms.CharField(max_length=100)
    choice = forms.ChoiceField(choices=[("a", "A"), ("b", "B")])
