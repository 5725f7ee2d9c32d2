"""The engine's own checks of rules data agree with the contract,
recert_engine/rules.schema.json: for every field of the format, present,
missing, null or wrong, the engine refuses exactly what the schema refuses.
(The engine stays plain Python, so it cannot use the schema itself.)
"""

from __future__ import annotations

from recert_engine.vocabulary import RULES_SCHEMA_VERSION
from tests.json_paths import DELETE, paths, replaced
from tests.rules_contract import engine_problems, schema_problems, validator

CYCLES = ("2018/paramedic", "2024/aemt")  # a fixed window start, and one after the last recertification


WRONG_VALUES = {
    "wrong type": 12.5,
    "list": [],
    "null": None,
    "empty text": "",
    "blank text": "  ",
    "negative": "-1",
    "three places": "1.234",
    "impossible day": "2018-02-30",
    "year 1899": "1899-12-31",
    "true": True,
}


TEXT_LIKE = ("negative", "three places", "impossible day", "year 1899")


def ignored_by_engine(path) -> bool:
    """Fields the schema marks as for people and other tools only (and what is inside them)."""
    spec = validator().schema
    for step in path:
        if isinstance(step, int):
            spec = spec.get("items", {})
        else:
            spec = spec.get("properties", {}).get(step, {})
        if spec.get("x-engine-ignores"):
            return True
    return False


def mutations(rules: dict):
    for path in paths(rules):
        if not path or ignored_by_engine(path):
            continue
        for name, wrong in [("missing", DELETE), *WRONG_VALUES.items()]:
            if path[0] == "sources" and name == "missing" or str(path[-1]).endswith("source") and name in TEXT_LIKE:
                continue  # a source id the engine does not know: a check across fields, not the schema's
            if wrong is DELETE and isinstance(path[-1], int):
                continue  # list items are not keys
            yield f"{'.'.join(map(str, path))} {name}", replaced(rules, path, wrong)


def test_the_fixture_rules_keep_the_contract(rules_for):
    for cycle in CYCLES:
        assert schema_problems(rules_for(cycle)) == [], cycle
        assert engine_problems(rules_for(cycle)) == [], cycle


def test_engine_and_schema_agree_on_every_changed_field(rules_for):
    disagreements = []
    count = 0
    cases = ((f"{cycle}: {name}", changed) for cycle in CYCLES for name, changed in mutations(rules_for(cycle)))
    for name, changed in cases:
        count += 1
        schema_says, engine_says = schema_problems(changed), engine_problems(changed)
        if bool(schema_says) != bool(engine_says):
            disagreements.append(f"{name}: schema {schema_says or 'accepts'}; engine {engine_says or 'accepts'}")
    assert count > 500
    assert disagreements == []


def test_the_schema_names_the_engines_version():
    assert validator().schema["properties"]["schema"]["const"] == RULES_SCHEMA_VERSION
