"""Shared test access to cycle rules data.

``rules_for(cycle_id)`` is the ONE place tests get rules from (the YAML case
collector in tests/cases/ loads this function too). It exports them from the
fixture content (tests/fixtures/content/) with the site's own exporter, exactly
what the build writes to ``build/<year>/<level>/rules.json``, so the engine is
tested on rules as the generator makes them, from test data that stays fixed.
The published cycles' rules are tested by tests/test_published_content.py.
"""

import json
from functools import lru_cache
from pathlib import Path

import pytest

CONTENT = Path(__file__).resolve().parents[1] / "fixtures" / "content"
CYCLES = ("2018/paramedic", "2024/aemt")  # fixture cycles the engine tests use


@lru_cache(maxsize=None)
def _rules_text(cycle_id):
    from generator.model.rules_export import rules_for as export_rules
    from generator.pipeline import load_site

    site, _ = load_site(CONTENT)
    cycle = site.cycle(cycle_id)
    if cycle is None:
        raise KeyError(f"no cycle {cycle_id} in {CONTENT}")
    return json.dumps(export_rules(cycle))


def rules_for(cycle_id):
    """A fresh rules dict for ``cycle_id`` such as "2018/paramedic"."""
    return json.loads(_rules_text(cycle_id))


@pytest.fixture(name="rules_for", scope="session")
def rules_for_fixture():
    return rules_for
