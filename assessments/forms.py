"""Django forms for the questionnaire, built from the intake vocabulary.

`intake.STEPS` is the single source of questions, values, wording and conditions; the
forms only turn a step's applicable questions into fields. Field names are the intake
keys and choice values the intake values, so a posted form is already an answers dict.
"""

from collections.abc import Mapping

from django import forms
from django.core.exceptions import ValidationError
from django.utils.html import format_html

from assessments import intake
from assessments.intake import QUESTIONS, Question, Step
from assessments.plain_text import remove_invisible_controls

INVALID_CHOICE_MESSAGE = "Please choose one of the listed answers."

# Questions whose answers each show a drawing (static/assessments/img/<value>.svg).
STAGE_DRAWING_QUESTIONS = frozenset({"norwood_stage", "ludwig_stage"})

# Posted keys that are not answers.
CONTROL_KEYS = frozenset({"csrfmiddlewaretoken", "draft", "action", "return_to"})


def _exclusive_validator(exclusive: str, label: str):
    def validate(values):
        if exclusive in values and len(values) > 1:
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


def field_for(question: Question, *, leave_out: str | None = None) -> forms.Field:
    """The form field that asks `question`, with the intake's wording and values.

    ``leave_out`` drops one answer: a follow-up of the health checklist does not offer
    "None of these", since ticking its line already said "some of these".
    """
    common = {
        "label": question.label,
        "help_text": question.help_text,
        "required": question.required,
        "error_messages": {
            "required": question.error_message,
            "invalid_choice": INVALID_CHOICE_MESSAGE,
            "invalid_list": INVALID_CHOICE_MESSAGE,
        },
    }
    choices = [
        (choice.value, _choice_label(choice))
        for choice in question.choices
        if choice.value != leave_out
    ]
    if question.kind == "one":
        return forms.ChoiceField(
            choices=choices, widget=forms.RadioSelect(attrs={"class": "form-check-input"}), **common
        )
    if question.kind == "multi":
        validators = []
        if question.exclusive:
            validators.append(
                _exclusive_validator(question.exclusive, question.label_for(question.exclusive))
            )
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
    text_field = PlainTextField(
        max_length=question.max_length,
        widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"}),
        strip=True,
        **common,
    )
    # No maxlength in the page: browsers cut pasted text at the limit without a word.
    # The hint and the live count say the limit; longer text is an error after Next.
    text_field.widget.attrs.pop("maxlength", None)
    return text_field


def is_asked(question: Question, answers: Mapping[str, object], ticks=None) -> bool:
    """Whether to show the question now: it applies, and what decides that is answered.

    A conditional question waits for the answer it depends on, so "Are you pregnant?"
    appears only once the sex question has been answered (and not with "male"). A
    question behind a line of its step's health checklist is shown only when that line
    is ticked (``ticks``: the checklist's ticked values), and a yes/no line is answered
    by the tick itself, so its question never is.
    """
    item = _checklist_item(question.key)
    if item is not None and (item.yes_value or item.key not in (ticks or ())):
        return False
    condition = question.only_if
    if condition is not None and any(key not in answers for key in condition.reads):
        return False
    return question.applies(answers)


def _rule_on_this_page(question: Question, step_keys: set[str], answers):
    """The one rule of the question's condition that an answer on this page decides,
    when its other rules (on earlier pages) already hold; else None.

    "What do you take testosterone for?" reads the sex at birth (page 1) and the
    hormone medicines (this page): for someone not male it is revealed as soon as
    "Testosterone" is ticked.
    """
    if question.only_if is None:
        return None
    here = [rule for rule in question.only_if.browser_rules if rule[0] in step_keys]
    elsewhere = [rule for rule in question.only_if.browser_rules if rule[0] not in step_keys]
    if len(here) != 1 or not all(_rule_holds(rule, answers) for rule in elsewhere):
        return None
    return here[0]


def _rule_holds(rule, answers) -> bool:
    key, mode, values = rule
    chosen = intake.selected_values(answers, key)
    if not chosen:
        return False
    return bool(chosen & set(values)) == (mode == "any_of")


def _checklist_item(key: str):
    checklist = intake.CHECKLIST_OF.get(key)
    return checklist.item_for(key) if checklist else None


def asked_keys(step: Step, answers: Mapping[str, object]) -> set[str]:
    """The keys of `step` shown on a page built from these saved answers."""
    if step.checklist is None:
        return {q.key for q in step.questions if is_asked(q, answers)}
    ticks = step.checklist.ticks_from(answers)
    return {step.checklist.key} | {
        q.key for q in step.questions if is_asked(q, answers, ticks)
    }


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
        self.checklist = step.checklist
        # Questions not asked yet whose condition is answered on this same page: sent
        # hidden, for questionnaire.js to reveal as soon as they apply. Without
        # JavaScript they stay hidden and the server asks them after Next.
        self.live_reveal_rules: dict[str, dict] = {}
        ticks = None
        if self.checklist is not None:
            ticks = (
                self._posted_ticks() if self.is_bound else self.checklist.ticks_from(answers)
            )
            self.fields[self.checklist.key] = self._checklist_field()
            if ticks is not None and not self.is_bound:
                self.initial[self.checklist.key] = ticks
        step_keys = {question.key for question in step.questions}
        # The checklist's follow-ups come right after it, then the step's other questions.
        ordered = sorted(step.questions, key=lambda q: _checklist_item(q.key) is None)
        for question in ordered:
            item = _checklist_item(question.key)
            if item is not None and item.yes_value:
                continue  # answered by its tick
            leave_out = item.none_value if item else None
            if is_asked(question, answers, ticks):
                self.fields[question.key] = field_for(question, leave_out=leave_out)
            elif with_live_reveal and item is not None:
                self.fields[question.key] = field_for(question, leave_out=leave_out)
                self.live_reveal_rules[question.key] = {
                    "key": self.checklist.key, "mode": "any_of", "values": item.key
                }
            elif with_live_reveal and (rule := _rule_on_this_page(question, step_keys, answers)):
                self.fields[question.key] = field_for(question, leave_out=leave_out)
                key, mode, values = rule
                self.live_reveal_rules[question.key] = {
                    "key": key, "mode": mode, "values": " ".join(values)
                }

    def _checklist_field(self) -> forms.Field:
        checklist = self.checklist
        choices = [(intake.Checklist.NONE, "None of these")] + [
            (item.key, _choice_label(item)) for item in checklist.items
        ]
        return forms.MultipleChoiceField(
            choices=choices,
            widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
            validators=[_exclusive_validator(intake.Checklist.NONE, "None of these")],
            label=checklist.label,
            help_text=checklist.help_text,
            error_messages={
                "required": checklist.error_message,
                "invalid_choice": INVALID_CHOICE_MESSAGE,
                "invalid_list": INVALID_CHOICE_MESSAGE,
            },
        )

    def _posted_ticks(self) -> list[str]:
        allowed = {intake.Checklist.NONE, *(item.key for item in self.checklist.items)}
        return [value for value in self.data.getlist(self.checklist.key) if value in allowed]

    def step_answers(self) -> dict[str, object]:
        """The cleaned answers as intake keys and values: the checklist's lines become
        the answers they stand for ("none", "no", "never", "yes" or the follow-up's)."""
        answered = {
            key: value for key, value in self.cleaned_data.items()
            if value and (self.checklist is None or key != self.checklist.key)
        }
        if self.checklist is not None:
            answered.update(
                self.checklist.answers_from(self.cleaned_data[self.checklist.key], answered)
            )
        return answered

    def fields_with_reveal_rules(self):
        """(bound field, live-reveal rule or None) in question order, for the template."""
        return [(self[name], self.live_reveal_rules.get(name)) for name in self.fields]

    def questions(self, new_keys=()):
        """Per question: its bound field, live-reveal rule, "none of these" value, and
        whether it just appeared because of an answer on this page (``new_keys``).

        The results of the treatments tried (``result_*``) come as one entry,
        ``{"result_rows": [...]}``: one compact row per treatment ticked, each row
        named by the treatment alone (``row_label``).
        """
        exclusive = {question.key: question.exclusive for question in self.step.questions}
        if self.checklist is not None:
            exclusive[self.checklist.key] = intake.Checklist.NONE
        entries: list[dict] = []
        for name in self.fields:
            entry = {
                "field": self[name],
                "rule": self.live_reveal_rules.get(name),
                "exclusive": exclusive[name] or "",
                "stage_drawings": name in STAGE_DRAWING_QUESTIONS,
                "drawings": _drawings(name),
                "new": name in new_keys,
            }
            if name not in intake.RESULT_KEYS:
                entries.append(entry)
                continue
            entry["row_label"] = QUESTIONS["treatments_tried"].label_for(intake.RESULT_KEYS[name])
            if not entries or "result_rows" not in entries[-1]:
                entries.append({"result_rows": []})
            entries[-1]["result_rows"].append(entry)
        return entries

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
        item = _checklist_item(question.key)
        if item is not None and item.yes_value:
            continue  # answered by its tick, below
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
    if step.checklist is not None:
        ticks = [v for v in dict.fromkeys(data.getlist(step.checklist.key))]
        if ticks:
            answers.update(step.checklist.answers_from(ticks, answers))
    return answers


def unexpected_keys(step: Step, data) -> set[str]:
    """Posted names that are neither this step's questions nor form controls."""
    step_keys = {question.key for question in step.questions}
    if step.checklist is not None:
        step_keys.add(step.checklist.key)
    return {key for key in data.keys() if key not in step_keys and key not in CONTROL_KEYS}

