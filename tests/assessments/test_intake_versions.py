"""Reading intake schema 2 answers under schema 3 (intake.md "Schema versions")."""

import pytest
from pydantic import ValidationError

from assessments.intake import field_errors
from assessments.intake_versions import (
    AsGiven,
    forget_retired_answers,
    read_answers,
    upgrade_schema_2,
)
from assessments.rules import assess
from tests.answers import build_answer_dict


def schema_2(**overrides) -> dict:
    """A schema 2 answer set: the baseline without the schema 3 questions, marked 2."""
    answers = build_answer_dict(**overrides)
    for key in ("family_plans", "testosterone_purpose", "breastfeeding_now"):
        if key not in overrides:
            answers.pop(key, None)
    return {"intake_schema": 2, **answers}


def errors_of(data: dict, **kwargs) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as caught:
        read_answers(data, **kwargs)
    return field_errors(caught.value)


class TestSchema3:
    def test_unmarked_answers_are_schema_3(self):
        answers, as_given = read_answers(build_answer_dict())
        assert as_given == AsGiven() and as_given.schema == "3"
        assert answers.family_plans == "no"

    @pytest.mark.parametrize("marker", [3, "3"])
    def test_a_schema_3_marker_is_accepted(self, marker):
        read_answers({"intake_schema": marker, **build_answer_dict()})

    def test_tried_result_in_schema_3_names_the_key_and_the_marker(self):
        data = build_answer_dict(treatments_tried=["prp"], result_prp="helped")
        errors = errors_of({**data, "tried_result": "helped"})
        assert list(errors) == ["tried_result"]
        assert '"tried_result"' in errors["tried_result"][0]
        assert '"intake_schema": 2' in errors["tried_result"][0]

    @pytest.mark.parametrize("marker", [1, 4, "two", True, [2]])
    def test_an_unknown_marker_is_refused(self, marker):
        errors = errors_of({"intake_schema": marker, **build_answer_dict()})
        assert list(errors) == ["intake_schema"]


class TestSchema2:
    def test_one_answer_goes_to_every_treatment_tried(self):
        answers, as_given = read_answers(schema_2(
            treatments_tried=["minoxidil_topical", "finasteride", "supplements"],
            tried_result="stopped_side_effects",
        ))
        assert answers.result_minoxidil_topical == "stopped_side_effects"
        assert answers.result_finasteride == "stopped_side_effects"
        assert answers.result_prp is None
        assert as_given.schema == "2" and as_given.tried_result == "stopped_side_effects"

    def test_missing_new_answers_are_read_as_intake_md_says(self):
        answers, _ = read_answers(schema_2())
        assert answers.family_plans == "not_sure"
        on_testosterone, _ = read_answers(schema_2(
            sex_at_birth="female", hormone_medicines=["testosterone"]))
        assert on_testosterone.testosterone_purpose == "prefer_not_to_say"
        assert on_testosterone.breastfeeding_now == "no"

    def test_pregnancy_breastfeeding_is_breastfeeding_now(self):
        answers, as_given = read_answers(schema_2(sex_at_birth="female",
                                                  pregnancy="breastfeeding"))
        assert answers.pregnancy == "not_pregnant" and answers.breastfeeding_now == "yes"
        assert as_given.as_given([("breastfeeding_now", "yes"), ("pregnancy", "not_pregnant")]) == (
            ("pregnancy", "breastfeeding"),)

    def test_a_stored_schema_2_assessment_needs_no_marker(self):
        data = schema_2(treatments_tried=["prp"], tried_result="helped")
        del data["intake_schema"]
        answers, as_given = read_answers(data, stored_schema="2")
        assert answers.result_prp == "helped" and as_given.schema == "2"

    def test_a_result_key_in_schema_2_names_the_key_and_the_marker(self):
        errors = errors_of(schema_2(treatments_tried=["prp"], tried_result="helped",
                                    result_prp="helped"))
        assert list(errors) == ["result_prp"]
        assert '"result_prp"' in errors["result_prp"][0]
        assert '"intake_schema": 2' in errors["result_prp"][0]

    @pytest.mark.parametrize(("overrides", "key"), [
        ({"treatments_tried": ["prp"]}, "tried_result"),
        ({"tried_result": "helped"}, "tried_result"),
        ({"treatments_tried": ["prp"], "tried_result": "still_using_too_early"}, "tried_result"),
        ({"goal": "fame"}, "goal"),
    ])
    def test_wrong_schema_2_answers_are_errors_on_the_key_given(self, overrides, key):
        assert key in errors_of(schema_2(**overrides))

    def test_lines_cite_the_answers_as_given(self):
        answers, as_given = read_answers(schema_2(
            sex_at_birth="female", pregnancy="breastfeeding",
            treatments_tried=["minoxidil_topical"], tried_result="no_change_after_6_months",
        ))
        cited = {
            (because.question, because.answer)
            for item in assess(answers, as_given=as_given).all_items()
            for because in item.because
        }
        assert ("pregnancy", "breastfeeding") in cited
        assert ("tried_result", "no_change_after_6_months") in cited
        assert not {("breastfeeding_now", "yes"), ("pregnancy", "not_pregnant"),
                    ("result_minoxidil_topical", "no_change_after_6_months")} & cited

    def test_upgrade_is_pure(self):
        given = {"sex_at_birth": "female", "pregnancy": "breastfeeding"}
        upgrade_schema_2(given, None)
        assert given == {"sex_at_birth": "female", "pregnancy": "breastfeeding"}


def test_a_draft_from_before_schema_3_forgets_only_retired_answers():
    draft = {"sex_at_birth": "female", "pregnancy": "breastfeeding", "tried_result": "helped",
             "treatments_tried": ["prp"], "goal": "thicker_hair"}
    assert forget_retired_answers(draft) == {
        "sex_at_birth": "female", "breastfeeding_now": "yes", "treatments_tried": ["prp"],
        "goal": "thicker_hair",
    }
