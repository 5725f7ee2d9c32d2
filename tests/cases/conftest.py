"""Collects the YAML rule cases in this directory as pytest items.

Each ``*.yaml`` file holds ``cases:``, a list of
    name:        unique within the file
    today:       YYYY-MM-DD
    rules:       cycle id whose rules to use (default: input.cycle)
    input:       the input document (or ``input_json``: raw text, for malformed JSON)
    expect:      partial expected output
The case runs through ``recert_engine.evaluate_json`` (the browser path) and
the output must match ``expect`` partially: objects match on the keys given,
lists must have the same length and match item by item, and ``!contains
"text"`` matches any string containing text. Failures are reported in one line.
"""

import importlib.util
import json
from pathlib import Path

import pytest
import yaml

import recert_engine

_spec = importlib.util.spec_from_file_location(
    "_engine_rules_conftest", Path(__file__).parent.parent / "engine" / "conftest.py")
_engine_conftest = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_engine_conftest)
rules_for = _engine_conftest.rules_for


class Contains(str):
    """Expected value matching any string that contains it."""


class _Loader(yaml.SafeLoader):
    """SafeLoader that keeps dates as strings (the input is JSON, not YAML)."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_constructor("!contains", lambda loader, node: Contains(loader.construct_scalar(node)))


class CaseMismatch(Exception):
    pass


def pytest_collect_file(parent, file_path):
    if file_path.suffix == ".yaml" and file_path.parent == Path(__file__).parent:
        return CaseFile.from_parent(parent, path=file_path)
    return None


class CaseFile(pytest.File):
    def collect(self):
        doc = yaml.load(self.path.read_text(encoding="utf-8"), Loader=_Loader)
        seen = set()
        for case in doc["cases"]:
            name = case["name"]
            if name in seen:
                raise ValueError(f"{self.path.name}: duplicate case name {name!r}")
            seen.add(name)
            yield CaseItem.from_parent(self, name=name, case=case)


class CaseItem(pytest.Item):
    def __init__(self, *, case, **kwargs):
        super().__init__(**kwargs)
        self.case = case

    def runtest(self):
        case = self.case
        if "input_json" in case:
            input_json = case["input_json"]
        else:
            input_json = json.dumps(case["input"])
        cycle = case.get("rules") or case["input"]["cycle"]
        output = recert_engine.evaluate_json(json.dumps(rules_for(cycle)), input_json, str(case["today"]))
        match(json.loads(output), case["expect"], "")

    def repr_failure(self, excinfo):
        if isinstance(excinfo.value, CaseMismatch):
            return f"{self.path.name}::{self.name}: {excinfo.value}"
        return f"{self.path.name}::{self.name}: {excinfo.type.__name__}: {excinfo.value}"

    def reportinfo(self):
        return self.path, None, f"case: {self.name}"


def match(actual, expected, path):
    """Partial match; raises CaseMismatch naming the first differing path."""
    where = path or "(output)"
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            raise CaseMismatch(f"at {where}: expected an object, got {_short(actual)}")
        for key, value in expected.items():
            if key not in actual:
                raise CaseMismatch(f"at {where}: missing key {key!r} (have {sorted(actual)})")
            match(actual[key], value, f"{path}.{key}" if path else key)
    elif isinstance(expected, list):
        if not isinstance(actual, list) or len(actual) != len(expected):
            raise CaseMismatch(f"at {where}: expected {len(expected)} items, got {_short(actual)}")
        for i, (a, e) in enumerate(zip(actual, expected)):
            match(a, e, f"{path}[{i}]")
    elif isinstance(expected, Contains):
        if not isinstance(actual, str) or str(expected) not in actual:
            raise CaseMismatch(f"at {where}: expected text containing {str(expected)!r}, got {_short(actual)}")
    elif type(expected) is not type(actual) or expected != actual:
        # Strict on type too: whole hours must come out as ints (30, not 30.0).
        raise CaseMismatch(f"at {where}: expected {_short(expected)}, got {_short(actual)}")


def _short(value, limit=160):
    text = json.dumps(value, sort_keys=True, default=str)
    return text if len(text) <= limit else text[: limit - 1] + "…"
