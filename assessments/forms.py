"""Django forms for the questionnaire, built from the intake vocabulary.

`intake.STEPS` is the single source of questions, values, wording and conditions; the
forms only turn a step's applicable questions into fields. Field names are the intake
keys and choice values the intake values, so a posted form is already an answers dict.
"""

from collections.abc import Mapping

from django import forms
from django.core.exceptions import ValidationError
from django.utils.html import format_html

from assessments.intake import QUESTIONS, Question, Step
from assessments.plain_text import remove_invisible_controls

REQUIRED_MESSAGE = "Please answer this question."
INVALID_CHOICE_MESSAGE = "Please choose one of the listed answers."

# Questions whose answers each show a drawing (static/assessments/img/<value>.svg).
STAGE_DRAWING_QUESTIONS = frozenset({"norwood_stage", "ludwig_stage"})

# Posted keys that are not answers.
CONTROL_KEYS = frozenset({"csrfmiddlewaretoken", "draft", "action", "return_to"})


def _exclusive_validator(question: Question):
    def validate(values):
        if question.exclusive in values and len(values) > 1:
            label = question.label_for(question.exclusive)
            raise ValidationError(
                f"“{label}” cannot be combined with other answers. "
                "Please untick it, or untick the others.",
                code="exclusive",
            )

    return validate


def _max_choices_validator(question: Question):
    def validate(values):
        if len(values) > question.max_choices:
            raise ValidationError(
                f"Please choose at most {question.max_choices} answers.",
                code="max_choices",
            )

    return validate


def _choice_label(choice) -> str:
    """The answer in words, with its short explanation (if any) inside the label."""
    if not choice.help:
        return choice.label
    return format_html('{} <span class="choice-help">{}</span>', choice.label, choice.help)


class PlainTextField(forms.CharField):
    """Free text without bidi overrides or zero-width characters (assessments/plain_text.py)."""

    def to_python(self, value):
        return remove_invisible_controls(super().to_python(value)).strip()


def field_for(question: Question) -> forms.Field:
    """The form field that asks `question`, with the intake's wording and values."""
    common = {
        "label": question.label,
        "help_text": question.help_text,
        "required": question.required,
        "error_messages": {
            "required": REQUIRED_MESSAGE,
            "invalid_choice": INVALID_CHOICE_MESSAGE,
            "invalid_list": INVALID_CHOICE_MESSAGE,
        },
    }
    choices = [(choice.value, _choice_label(choice)) for choice in question.choices]
    if question.kind == "one":
        return forms.ChoiceField(
            choices=choices, widget=forms.RadioSelect(attrs={"class": "form-check-input"}), **common
        )
    if question.kind == "multi":
        validators = []
        if question.exclusive:
            validators.append(_exclusive_validator(question))
        if question.max_choices:
            validators.append(_max_choices_validator(question))
        return forms.MultipleChoiceField(
            choices=choices,
            widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
            validators=validators,
            **common,
        )
    common["error_messages"]["max_length"] = (
        f"Please keep this to {question.max_length} characters or fewer "
        "(you have typed %(show_value)d)."
    )
    return PlainTextField(
        max_length=question.max_length,
        widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"}),
        strip=True,
        **common,
    )


def is_asked(question: Question, answers: Mapping[str, object]) -> bool:
    """Whether to show the question now: it applies, and what decides that is answered.

    A conditional question waits for the answer it depends on, so "Are you pregnant?"
    appears only once the sex question has been answered (and not with "male").
    """
    condition = question.only_if
    if condition is not None and any(key not in answers for key in condition.reads):
        return False
    return question.applies(answers)


def _drawings(key: str) -> dict[str, str]:
    """Static paths of the drawings for a stage question's answers ("norwood_3" ->
    "assessments/img/norwood-3.svg"); none for other questions or "I'm not sure"."""
    if key not in STAGE_DRAWING_QUESTIONS:
        return {}
    question = QUESTIONS[key]
    return {
        choice.value: f"assessments/img/{choice.value.replace('_', '-')}.svg"
        for choice in question.choices
        if choice.value != "not_sure"
    }


class StepForm(forms.Form):
    """The applicable questions of one step, given the answers known so far."""

    def __init__(
        self,
        *args,
        step: Step,
        answers: Mapping[str, object],
        with_live_reveal: bool = False,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.step = step
        # Questions not asked yet whose condition is answered on this same page: sent
        # hidden, for questionnaire.js to reveal as soon as they apply. Without
        # JavaScript they stay hidden and the server asks them after Next.
        self.live_reveal_rules: dict[str, dict] = {}
        step_keys = {question.key for question in step.questions}
        for question in step.questions:
            if is_asked(question, answers):
                self.fields[question.key] = field_for(question)
            elif (
                with_live_reveal
                and question.only_if is not None
                and set(question.only_if.reads) <= step_keys
            ):
                self.fields[question.key] = field_for(question)
                key, mode, values = question.only_if.browser_rule
                self.live_reveal_rules[question.key] = {
                    "key": key, "mode": mode, "values": " ".join(values)
                }

    def fields_with_reveal_rules(self):
        """(bound field, live-reveal rule or None) in question order, for the template."""
        return [(self[name], self.live_reveal_rules.get(name)) for name in self.fields]

    def questions(self, new_keys=()):
        """Per question: its bound field, live-reveal rule, "none of these" value, and
        whether it just appeared because of an answer on this page (``new_keys``)."""
        by_key = {question.key: question for question in self.step.questions}
        return [
            {
                "field": self[name],
                "rule": self.live_reveal_rules.get(name),
                "exclusive": by_key[name].exclusive or "",
                "stage_drawings": name in STAGE_DRAWING_QUESTIONS,
                "drawings": _drawings(name),
                "new": name in new_keys,
            }
            for name in self.fields
        ]

    def error_links(self) -> list[dict]:
        return error_links(self)


def error_links(form: forms.Form) -> list[dict]:
    """Links for the error summary, each to the first control of its question."""
    links = []
    for name, errors in form.errors.items():
        if name not in form.fields:
            continue
        field = form[name]
        grouped = isinstance(field.field.widget, forms.RadioSelect | forms.CheckboxSelectMultiple)
        anchor = f"{field.auto_id}_0" if grouped else field.auto_id
        links.extend({"anchor": anchor, "label": field.label, "message": m} for m in errors)
    return links


def posted_answers(step: Step, data) -> dict[str, object]:
    """This step's answers as posted, kept only where they are real values.

    Used for Back and "save and continue later", which must not validate: an unknown
    value is dropped (it cannot be an answer), everything else is kept as typed.
    """
    answers: dict[str, object] = {}
    for question in step.questions:
        allowed = {choice.value for choice in question.choices}
        if question.kind == "multi":
            values = [v for v in dict.fromkeys(data.getlist(question.key)) if v in allowed]
            if values:
                answers[question.key] = values
        elif question.kind == "one":
            value = data.get(question.key)
            if value in allowed:
                answers[question.key] = value
        else:
            text = remove_invisible_controls(
                (data.get(question.key) or "").replace("\x00", "")
            ).strip()
            if text:
                # Kept as typed (bounded): Next will say if it is too long.
                answers[question.key] = text[:2000]
    return answers


def unexpected_keys(step: Step, data) -> set[str]:
    """Posted names that are neither this step's questions nor form controls."""
    step_keys = {question.key for question in step.questions}
    return {key for key in data.keys() if key not in step_keys and key not in CONTROL_KEYS}

