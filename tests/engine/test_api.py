"""The public API, its error contract, the documented examples, and the
constraints of running in the browser (stdlib only, fast, deterministic)."""

import datetime
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import recert_engine
from recert_engine.engine import dumps

FORMAT_MD = Path(recert_engine.__file__).with_name("FORMAT.md")
DAY = datetime.date(2018, 3, 1)


def doc(*courses, cycle="2018/paramedic", **extra):
    return {"schema": 1, "cycle": cycle, "courses": list(courses), **extra}


def course(**fields):
    base = {"title": "CPR", "date": "2017-01-01", "hours": 4, "approval": "17-OEMS-T1-0001"}
    return {**base, **fields}


def test_evaluate_raises_input_error_with_all_errors(rules_for):
    with pytest.raises(recert_engine.InputError) as info:
        recert_engine.evaluate(rules_for("2018/paramedic"),
                               doc(course(hours=0), course(date="2017-02-30"), schema=3), DAY)
    errors = info.value.errors
    assert [(e["course"], e["field"]) for e in errors] == [(None, "schema"), (0, "hours"), (1, "date")]
    assert "Unknown schema version 3" in str(info.value) and "(and 2 more)" in str(info.value)


def test_evaluate_accepts_datetime_and_rejects_other_today(rules_for):
    rules = rules_for("2018/paramedic")
    out = recert_engine.evaluate(rules, doc(course()), datetime.datetime(2018, 3, 1, 12, 0))
    assert out["deadlines"]["today"] == "2018-03-01"
    with pytest.raises(recert_engine.InputError) as info:
        recert_engine.evaluate(rules, doc(course()), "2018-03-01")
    assert info.value.errors[0]["field"] == "today"


@pytest.mark.parametrize("args", [
    (None, "{}", "2018-03-01"),
    ("{}", None, "2018-03-01"),
    ("{}", "{}", None),
    (b"{}", b"{}", b"2018-03-01"),
    ("", "", ""),
    ("[" * 100000, "{" * 100000, "2018-03-01"),
])
def test_evaluate_json_never_raises(args):
    out = json.loads(recert_engine.evaluate_json(*args))
    assert out["errors"] and all(set(e) == {"course", "field", "message"} for e in out["errors"])


def test_evaluate_json_is_compact_sorted_and_same_as_evaluate(rules_for):
    rules = rules_for("2024/aemt")
    data = doc(course(date="2022-05-05", hours="12.25", national=True), cycle="2024/aemt",
               profile={"last_recertified": "2021-10-15"})
    text = recert_engine.evaluate_json(json.dumps(rules), json.dumps(data), "2024-03-01")
    assert text == dumps(recert_engine.evaluate(rules, data, datetime.date(2024, 3, 1)))
    assert text == json.dumps(json.loads(text), sort_keys=True, separators=(",", ":"))
    assert '"hours":12.25' in text and '"required":50' in text  # int when whole, exact otherwise


def test_many_pinned_courses_are_placed_and_suggested(rules_for):
    # 500 distinct courses, all pinned where they cannot count: the worst case
    # for the pin suggestions (its speed: scripts/bench_calculator.py).
    courses = [course(title=f"c{i}", hours=(i % 400 + 1) / 4, component="national", delivery="in_person")
               for i in range(500)]
    out = recert_engine.evaluate(rules_for("2018/paramedic"), doc(*courses), DAY)
    assert out["counted"] == 0 and out["counted_if_unpinned"] == 30


@pytest.mark.parametrize("path, value, field", [
    (("ce", "total_hours"), "61", "rules.ce.total_hours"),
    (("ce", "window", "source"), "nowhere", "rules.ce.window.source"),
    (("ce", "window", "start"), "2016-04-31", "rules.ce.window.start"),
    (("ce", "components", 0, "de_limit"), "ten", "rules.ce.components[0].de_limit"),
    (("deadlines", "late_fees", 0, "applies_after"), None, "rules.deadlines.late_fees[0].applies_after"),
    (("schema",), 2, "rules.schema"),
])
def test_bad_rules_are_reported_not_raised(rules_for, path, value, field):
    rules = rules_for("2018/paramedic")
    target = rules
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    out = json.loads(recert_engine.evaluate_json(json.dumps(rules), json.dumps(doc(course())), "2018-03-01"))
    assert field in [e["field"] for e in out["errors"]], out


def test_rules_window_needs_exactly_one_start(rules_for):
    rules = rules_for("2024/aemt")
    rules["ce"]["window"]["start"] = "2021-01-01"
    with pytest.raises(recert_engine.InputError) as info:
        recert_engine.evaluate(rules, doc(cycle="2024/aemt", profile={"last_recertified": "2021-10-15"}), DAY)
    assert [e["field"] for e in info.value.errors] == ["rules.ce.window"]


def test_rules_without_a_last_day_without_penalty_still_evaluate(rules_for):
    # A timeline need not mark that day: the calculator then shows the other deadlines.
    rules = rules_for("2018/paramedic")
    rules["deadlines"]["last_day_without_penalty"] = None
    out = recert_engine.evaluate(rules, doc(course()), DAY)
    assert out["deadlines"]["last_day_without_penalty"] is None
    assert out["deadlines"]["ce_last_day"] == {"date": "2018-03-31", "days_left": 30, "passed": False,
                                                 "label": "Last day to complete continuing education"}


def test_format_md_input_example_is_valid_and_output_example_matches(rules_for):
    blocks = re.findall(r"```json\n(.*?)```", FORMAT_MD.read_text(encoding="utf-8"), re.S)
    example_in, example_out = json.loads(blocks[0]), json.loads(blocks[1])
    out = recert_engine.evaluate(rules_for(example_in["cycle"]), example_in, DAY)
    for key, value in example_out.items():
        if key != "deadlines":
            assert out[key] == value, key
    assert out["deadlines"]["ce_last_day"] == example_out["deadlines"]["ce_last_day"]


def test_import_is_stdlib_only_and_light():
    # Pyodide ships a trimmed standard library: the engine may import only what it needs.
    code = "import sys; before = set(sys.modules); import recert_engine; print(' '.join(sorted(set(sys.modules) - before)))"
    modules = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                             cwd=Path(recert_engine.__file__).parents[1]).stdout.split()
    foreign = {m.split(".")[0] for m in modules} - set(sys.stdlib_module_names) - {"recert_engine"}
    assert not foreign, f"non-stdlib imports: {sorted(foreign)}"
    assert not {"dataclasses", "inspect", "typing", "yaml", "jinja2"} & set(modules)
