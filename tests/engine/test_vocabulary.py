"""The vocabulary the browser gets (recert_engine/vocabulary.py) is what the
engine enforces: each limit holds exactly at its edge, and each name and code
it lists is one the engine reads."""

import datetime
import json

import pytest

import recert_engine
from recert_engine import vocabulary as v

DAY = datetime.date(2018, 3, 1)


def evaluate(rules_for, *courses, **profile):
    data = {"schema": v.INPUT_SCHEMA_VERSION, "cycle": "2018/paramedic", "profile": profile, "courses": list(courses)}
    out = json.loads(recert_engine.evaluate_json(json.dumps(rules_for("2018/paramedic")), json.dumps(data), DAY.isoformat()))
    return out.get("errors", []), out


def course(**fields):
    return {"title": "CPR", "date": "2017-01-01", "hours": 1, "approval": "17-OEMS-T1-0001", **fields}


def fields_wrong(errors):
    return [e["field"] for e in errors]


def test_course_count_limit(rules_for):
    assert evaluate(rules_for, *[course()] * v.MAX_COURSES)[0] == []
    assert evaluate(rules_for, *[course()] * (v.MAX_COURSES + 1))[0] == [{
        "course": None, "field": "courses",
        "message": f"Too many courses ({v.MAX_COURSES + 1}); at most {v.MAX_COURSES} are supported."}]


@pytest.mark.parametrize("field, ok, too_far", [
    ("hours", v.MAX_COURSE_HOURS, v.MAX_COURSE_HOURS + 0.01),
    ("hours", "0." + "0" * (v.HOURS_DECIMAL_PLACES - 1) + "1", "0." + "0" * v.HOURS_DECIMAL_PLACES + "1"),
    ("title", "x" * v.MAX_TITLE_LENGTH, "x" * (v.MAX_TITLE_LENGTH + 1)),
    ("date", f"{v.MIN_YEAR}-01-01", f"{v.MIN_YEAR - 1}-12-31"),
    ("date", f"{v.MAX_YEAR}-12-31", f"{v.MAX_YEAR + 1}-01-01"),
])
def test_course_limits_hold_exactly_at_their_edge(rules_for, field, ok, too_far):
    assert evaluate(rules_for, course(**{field: ok}))[0] == []
    assert fields_wrong(evaluate(rules_for, course(**{field: too_far}))[0]) == [field]


def test_every_course_field_and_delivery_kind_is_read_and_nothing_else(rules_for):
    full = course(delivery=v.DELIVERIES[0], national=True, component="national")
    assert sorted(full) == sorted(v.COURSE_FIELDS)
    assert evaluate(rules_for, full)[0] == []
    assert fields_wrong(evaluate(rules_for, course(colour="red"))[0]) == ["colour"]
    for kind in v.DELIVERIES:
        assert evaluate(rules_for, course(delivery=kind, approval="no code"))[0] == [], kind
    assert fields_wrong(evaluate(rules_for, course(delivery="by mail"))[0]) == ["delivery"]
    assert fields_wrong(evaluate(rules_for, course(), surname="x")[0]) == ["profile.surname"]
    answers = {"nremt": True, "last_recertified": "2016-01-01"}
    assert evaluate(rules_for, course(), **{f: answers[f] for f in v.PROFILE_FIELDS})[0] == []


def test_only_the_distributive_kind_counts_as_de_without_a_code(rules_for):
    _, out = evaluate(rules_for, *[course(delivery=kind, approval="MA-1") for kind in v.DELIVERIES])
    assert [c["distributive"] for c in out["courses"]] == [kind == v.DISTRIBUTIVE for kind in v.DELIVERIES]


def test_every_approval_code_is_read_from_an_approval_number(rules_for):
    _, out = evaluate(rules_for, *[course(approval=f"17-ACME-{code.lower()}-0001") for code in v.APPROVAL_CODES])
    assert [c["approval_code"] for c in out["courses"]] == list(v.APPROVAL_CODES)


def test_rules_export_lists_the_codes_the_engine_recognises(rules_for):
    for cycle in ("2018/paramedic", "2024/aemt"):
        approval = rules_for(cycle)["ce"]["approval"]
        assert approval["recognised_codes"][:len(v.APPROVAL_CODES)] == list(v.APPROVAL_CODES)
        assert set(approval["distributive_codes"]) <= set(approval["recognised_codes"])
        assert set(approval["non_distributive_codes"]) <= set(approval["recognised_codes"])
    assert v.recognised_codes(["T3", "X9"]) == [*v.APPROVAL_CODES, "X9"]
