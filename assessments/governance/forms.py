from django import forms


class RulesetApprovalForm(forms.Form):
    note = forms.CharField(
        label="Note (optional)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="What you checked, or anything the clinic should know, e.g. “Read every rule "
                  "and the worked examples; agree with all outcomes.”",
    )
    confirm = forms.BooleanField(
        label="I have read every rule, its texts and the worked examples, and I approve this "
              "ruleset for patients of this clinic.",
        error_messages={"required": "Tick the box to confirm you have read the rulebook."},
    )
