"""Shared test access to cycle rules data.

``rules_for(cycle_id)`` is the ONE place tests get rules from (the YAML case
collector in tests/cases/ loads this function too). For now it reads the
fixture copies in tests/engine/rules/; switch it to the site exporter's
``build/<year>/<level>/rules.json`` output when that exists.
"""

import json
from functools import lru_cache
from pathlib import Path

import pytest

RULES_DIR = Path(__file__).parent / "rules"
CYCLES = ("2018/paramedic", "2024/aemt")


@lru_cache(maxsize=None)
def _rules_text(cycle_id):
    year, level = cycle_id.split("/")
    return (RULES_DIR / f"{year}-{level}.json").read_text(encoding="utf-8")


def rules_for(cycle_id):
    """A fresh rules dict for ``cycle_id`` such as "2018/paramedic"."""
    return json.loads(_rules_text(cycle_id))


@pytest.fixture(name="rules_for", scope="session")
def rules_for_fixture():
    return rules_for
