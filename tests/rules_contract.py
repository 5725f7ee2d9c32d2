"""The rules contract as the tests use it: recert_engine/rules.schema.json, and
a transcript that any cycle's calculator must count as complete."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

import jsonschema

from recert_engine.errors import Errors
from recert_engine.rules import parse_rules

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "recert_engine" / "rules.schema.json"


@lru_cache(maxsize=1)
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def schema_problems(rules: dict) -> list[str]:
    """Every way `rules` breaks the contract, one line each (empty: it keeps it)."""
    return [f"{'.'.join(map(str, error.absolute_path)) or '(top level)'}: {error.message}"
            for error in sorted(validator().iter_errors(rules), key=lambda e: list(map(str, e.absolute_path)))]


def engine_problems(rules: dict) -> list[str]:
    """What the engine's own checks say about `rules` (empty: it accepts them)."""
    errors = Errors()
    parse_rules(rules, errors)
    return [e["message"] for e in errors.items]


def sample_transcript(rules: dict) -> tuple[dict, dt.date]:
    """Courses that meet every component exactly, dated the CE window's last day,
    and that day (a fixed date from the rules, never the clock) to evaluate on.
    Any cycle's calculator must count these as complete."""
    window = rules["ce"]["window"]
    last_day = dt.date.fromisoformat(window["last_day"])
    profile = {"nremt": False}
    if window["starts_after_last_recertification"]:
        # The latest last recertification the cycle takes, so the window is as long as it gets.
        latest = (window.get("last_recertified") or {}).get("latest")
        day = min(last_day - dt.timedelta(days=1), dt.date.fromisoformat(latest) if latest else last_day)
        profile["last_recertified"] = day.isoformat()
    courses = [
        {"title": f"Sample {component['id']} course", "date": last_day.isoformat(), "hours": component["hours"],
         "approval": "SAMPLE-0001", "delivery": _taught(component), "national": True, "component": component["id"]}
        for component in rules["ce"]["components"]
        if Decimal(component["hours"]) > 0
    ]
    return {"schema": 1, "cycle": rules["cycle"], "profile": profile, "courses": courses}, last_day


def _taught(component: dict) -> str:
    """A way of teaching the component takes: in person where it can, as DE is limited."""
    accepted = component.get("deliveries") or ["in_person"]
    return next((way for way in ("in_person", "live_virtual") if way in accepted), accepted[0])
