"""node-engine.mjs over the bundled runtime gives what CPython gives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import recert_engine

from .conftest import ROOT, load_fixture_engine, make_bundle, run_node_engine

RULES = {"required": {"EMT": {"Airway": 2, "Trauma": 1.5}, "Paramedic": {"Cardiology": 4}}}
INPUTS = [
    ({}, "2025-01-01"),
    ({"courses": [{"topic": "Airway", "hours": 1.25, "date": "2025-01-02"}]}, "2025-06-01"),
    ({"courses": [{"topic": "Airway", "hours": 0.005, "date": "2025-01-02"},
                  {"topic": "Trauma 2", "hours": "3", "date": "2026-01-01"}]}, "2025-06-01"),
    ({"level": "Paramedic", "courses": [{"topic": "Cardiology", "hours": 2.5, "date": "2024-02-29"}]}, "2024-03-01"),
    ({"level": "Nurse"}, "2025-01-01"),  # ValueError in the engine
]


def _cpython(engine, rules, data, today):
    try:
        return json.loads(engine.evaluate_json(json.dumps(rules), json.dumps(data), today))
    except Exception as exc:
        return {"$error": {"type": type(exc).__name__, "message": str(exc)}}


def test_fixture_engine_parity(fixture_bundle):
    engine = load_fixture_engine()
    requests = [{"rules": RULES, "input": data, "today": today} for data, today in INPUTS]
    got, stderr = run_node_engine(fixture_bundle.dest, requests, "--no-fallback")
    want = [_cpython(engine, RULES, data, today) for data, today in INPUTS]
    assert got == want
    assert "stdlib fallback" not in stderr


def test_rules_and_input_may_be_json_text(fixture_bundle):
    got, _ = run_node_engine(fixture_bundle.dest, [{"rules": json.dumps(RULES), "input": "{}", "today": "2025-01-01"}])
    assert got[0]["missing"] == {"Airway": "2", "Trauma": "1.5"}


def test_fallback_fetches_modules_missing_from_trimmed_stdlib(fixture_bundle):
    """`statistics` is imported only on a path the build's probes never took."""
    request = {"rules": RULES, "input": {"stats": [1, 2, 4]}, "today": "2025-01-01"}
    got, stderr = run_node_engine(fixture_bundle.dest, [request])
    assert got[0]["mean"] == _cpython(load_fixture_engine(), RULES, {"stats": [1, 2, 4]}, "2025-01-01")["mean"]
    assert "stdlib fallback: statistics" in stderr
    # Without the fallback the import fails plainly, as a ModuleNotFoundError.
    got, _ = run_node_engine(fixture_bundle.dest, [request], "--no-fallback")
    assert got[0]["$error"]["type"] == "ModuleNotFoundError"


def test_modules_left_out_of_the_start_up_still_import_through_the_fallback(fixture_bundle):
    request = {"rules": RULES, "input": {"packed": "Airway 2 h"}, "today": "2025-01-01"}
    got, stderr = run_node_engine(fixture_bundle.dest, [request])
    assert got[0]["packed"] == "Airway 2 h"
    assert "stdlib fallback: bz2" in stderr


def test_rarely_used_start_up_modules_run_only_once_used(fixture_bundle):
    """The runtime starts `_colorize` lazily; a traceback then still reads as in CPython."""
    ask = lambda data: {"rules": RULES, "input": data, "today": "2025-01-01"}  # noqa: E731
    got, _ = run_node_engine(fixture_bundle.dest, [ask({"not_yet_run": 1}), ask({"traceback": 1}), ask({"not_yet_run": 1})])
    assert "_colorize" in got[0]["not_yet_run"]
    assert got[1]["traceback"] == _cpython(load_fixture_engine(), RULES, {"traceback": 1}, "2025-01-01")["traceback"]
    assert got[1]["traceback"] == "LookupError: shown"
    assert "_colorize" not in got[2]["not_yet_run"]


# --- the real engine -------------------------------------------------------


def _real_cases() -> list[dict]:
    """Every YAML rule case in tests/cases (rules, input text, today)."""
    import yaml

    from tests.engine.conftest import rules_for
    loader = type("KeepDates", (yaml.SafeLoader,), {})
    loader.yaml_implicit_resolvers = {
        k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
        for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    loader.add_constructor("!contains", lambda ld, node: ld.construct_scalar(node))
    cases = []
    for path in sorted((ROOT / "tests" / "cases").glob("*.yaml")):
        for case in yaml.load(path.read_text(encoding="utf-8"), Loader=loader)["cases"]:
            text = case.get("input_json") if "input_json" in case else json.dumps(case["input"])
            cycle = case.get("rules") or case["input"]["cycle"]
            rules = json.dumps(rules_for(cycle))
            cases.append({"rules": rules, "input": text, "today": str(case["today"])})
    return cases


@pytest.fixture(scope="module")
def real_bundle(tmp_path_factory):
    engine = recert_engine
    cases = _real_cases()
    assert len(cases) > 20, "the rule cases in tests/cases are missing"
    bundle = make_bundle(Path(engine.__file__).parent, tmp_path_factory.mktemp("real"), probes=cases[:20])
    return engine, bundle, cases


def test_real_engine_parity_on_rule_cases(real_bundle):
    engine, bundle, cases = real_bundle
    # Variants of each case on other days widen the sample (hundreds of runs, one process).
    requests = [dict(c, today=day) for c in cases for day in (c["today"], "2016-04-01", "2024-12-31", "2030-01-01")]
    got, stderr = run_node_engine(bundle.dest, requests, "--no-fallback")
    for request, out in zip(requests, got):
        try:
            want = json.loads(engine.evaluate_json(request["rules"], request["input"], request["today"]))
        except Exception as exc:
            want = {"$error": {"type": type(exc).__name__, "message": str(exc)}}
        assert out == want, f"{request['input'][:200]} on {request['today']}"
    assert "stdlib fallback" not in stderr
