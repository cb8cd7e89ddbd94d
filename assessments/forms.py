"""Django forms for the questionnaire, built from the intake vocabulary.

`intake` is the single source of questions, values, wording, conditions and messages;
the forms only turn a step's applicable questions into fields whose validators ask
intake. Field names are the intake keys and choice values the intake values, so a
posted form is already an answers dict.
"""

import functools
import json
from collections.abc import Mapping

from django import forms
from django.core.exceptions import ValidationError
from django.utils.choices import BaseChoiceIterator
from django.utils.html import format_html

from assessments import intake
from assessments.intake import INVALID_CHOICE_MESSAGE, QUESTIONS, Question, Step
from assessments.plain_text import remove_invisible_controls

# Questions whose answers each show a drawing (static/assessments/img/<value>.svg).
STAGE_DRAWING_QUESTIONS = frozenset({"norwood_stage", "ludwig_stage"})

# Posted keys that are not answers.
CONTROL_KEYS = frozenset({"csrfmiddlewaretoken", "draft", "action", "return_to"})


def _intake_validator(check):
    """A form validator that asks intake (``check`` gives (error type, message) or None)."""
    def validate(value):
        if problem := check(value):
            code, message = problem
            raise ValidationError(message, code=code)

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


class IntakeTextField(PlainTextField):
    """A text question: intake checks its length (and words the message). Nothing is
    cut: the page has no maxlength, since browsers cut pasted text at the limit without
    a word; ``max_length`` is kept for the page's hint and live count only."""

    def __init__(self, *, question: Question, **kwargs):
        super().__init__(validators=[_intake_validator(lambda text: intake.text_problem(
            question, text))], **kwargs)
        self.max_length = question.max_length


class FixedChoices(BaseChoiceIterator):
    """(value, label) pairs that are already in the shape Django normalises choices to.

    Django keeps a choice iterator as it is, where it would normalise a tuple again for
    the field and once more for its widget on every request: 120 of a step POST's ~2,770
    Python calls (bench/analysis.md, "Step POST, the same page posted again").
    """

    def __init__(self, pairs: tuple[tuple[str, str], ...]):
        self.pairs = pairs

    def __iter__(self):
        return iter(self.pairs)

    def __len__(self) -> int:
        return len(self.pairs)


@functools.cache
def _choices(key: str, leave_out: str | None) -> FixedChoices:
    """A question's (value, label) pairs, made once per process: the labels are fixed
    text, and formatting them was a third of building a step's form on every request."""
    return FixedChoices(tuple((choice.value, _choice_label(choice))
                              for choice in QUESTIONS[key].choices if choice.value != leave_out))


def field_for(question: Question, *, leave_out: str | None = None,
              required: bool | None = None) -> forms.Field:
    """The form field that asks `question`, with the intake's wording, values and checks.

    ``leave_out`` drops one answer: a follow-up of the health checklist does not offer
    "None of these", since ticking its line already said "some of these". ``required``
    overrides the question's own (a question that just appeared is not required yet).
    """
    common = {
        "label": question.label,
        "help_text": question.help_text,
        "required": question.required if required is None else required,
        "error_messages": {
            "required": question.error_message,
            "invalid_choice": INVALID_CHOICE_MESSAGE,
            "invalid_list": INVALID_CHOICE_MESSAGE,
        },
    }
    choices = _choices(question.key, leave_out)
    if question.kind == "one":
        return forms.ChoiceField(
            choices=choices, widget=forms.RadioSelect(attrs={"class": "form-check-input"}), **common
        )
    if question.kind == "multi":
        return forms.MultipleChoiceField(
            choices=choices,
            widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
            validators=[_intake_validator(question.choice_problem)],
            **common,
        )
    return IntakeTextField(
        question=question,
        widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"}),
        strip=True,
        **common,
    )


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
    return question.only_if is None or question.only_if.decided_and_holds(answers)


def _reveal_rules(question: Question, step: Step, answers) -> list[intake.Rule]:
    """The rules of the question's condition that answers on this page decide, when its
    other rules (read from earlier pages) already hold; else none.

    "What do you take testosterone for?" reads the sex at birth (page 1) and the
    hormone medicines (this page): for someone not male it is revealed as soon as
    "Testosterone" is ticked.
    """
    if question.only_if is None:
        return []
    here = [rule for rule in question.only_if.rules if rule[0] in step.keys]
    elsewhere = [rule for rule in question.only_if.rules if rule[0] not in step.keys]
    if all(intake.rule_decided_and_holds(rule, answers) for rule in elsewhere):
        return here
    return []


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
    """One step's questions, as its page shows them, given the saved answers.

    Unbound, it is the page: the questions asked now, and hidden those that answers on
    this same page may reveal (questionnaire.js shows them as soon as they apply;
    without JavaScript they stay hidden and the server asks them after Next).

    Bound to a post, it asks what applies given the saved answers and the posted ones.
    A question that applies only because of this post was not on the page the patient
    saw without JavaScript: it "just appeared" (``new_keys``), is optional in this post,
    and the view asks it next (``unanswered_new_keys``).
    """

    def __init__(self, data=None, *, step: Step, answers: Mapping[str, object]):
        super().__init__(data)
        self.step = step
        self.checklist = step.checklist
        # Question key -> the rules questionnaire.js evaluates to reveal it.
        self.reveal_rules: dict[str, list[intake.Rule]] = {}
        self.new_keys: frozenset[str] = frozenset()
        if self.is_bound:
            shown = asked_keys(step, answers)
            answers = {**answers, **posted_answers(step, data)}
            ticks = self._posted_ticks() if self.checklist else None
        else:
            self.initial = dict(answers)
            ticks = self.checklist.ticks_from(answers) if self.checklist else None
            if ticks is not None:
                self.initial[self.checklist.key] = ticks
        if self.checklist is not None:
            self.fields[self.checklist.key] = self._checklist_field()
        # The checklist's follow-ups come right after it, then the step's other questions.
        ordered = sorted(step.questions, key=lambda q: _checklist_item(q.key) is None)
        for question in ordered:
            item = _checklist_item(question.key)
            if item is not None and item.yes_value:
                continue  # answered by its tick
            leave_out = item.none_value if item else None
            if is_asked(question, answers, ticks):
                required = False if self.is_bound and question.key not in shown else None
                self.fields[question.key] = field_for(
                    question, leave_out=leave_out, required=required)
                continue
            if self.is_bound:
                continue
            if item is not None:
                rules = [self.checklist.follow_up_rule(item)]
            else:
                rules = _reveal_rules(question, step, answers)
            if rules:
                self.fields[question.key] = field_for(question, leave_out=leave_out)
                self.reveal_rules[question.key] = rules
        if self.is_bound:
            self.new_keys = frozenset(self.fields) - shown

    def _checklist_field(self) -> forms.Field:
        checklist = self.checklist
        choices = [(intake.Checklist.NONE, intake.Checklist.NONE_LABEL)] + [
            (item.key, _choice_label(item)) for item in checklist.items
        ]
        return forms.MultipleChoiceField(
            choices=choices,
            widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
            validators=[_intake_validator(checklist.choice_problem)],
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

    def unanswered_new_keys(self, step_answers: Mapping[str, object]) -> list[str]:
        """The questions that just appeared and are not answered yet, in page order."""
        return [key for key in self.fields if key in self.new_keys and key not in step_answers]

    def questions(self, new_keys=()):
        """Per question: its bound field, live-reveal rules, "none of these" value, and
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
            rules = self.reveal_rules.get(name)
            entry = {
                "field": self[name],
                "reveal_when": json.dumps(rules) if rules else "",
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
    allowed = step.keys | CONTROL_KEYS | ({step.checklist.key} if step.checklist else set())
    return {key for key in data.keys() if key not in allowed}

