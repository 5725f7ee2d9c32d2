"""One contract for the rules data: recert_engine/rules.schema.json.

- whatever content passes `check` yields rules that keep the contract and that
  the engine accepts and evaluates (content drawn by Hypothesis, through the
  generator's own loader and validator, and the fixture cycles);
- (the engine's side, its checks agreeing with the schema field by field, is
  tests/engine/test_rules_schema.py);
- docs/rules-json.md's field table is the one written from the schema.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

import recert_engine
from generator.loading.diagnostics import ContentError
from generator.model.rules_export import rules_for
from generator.pipeline import load_site
from tests.conftest import FIXTURE_CONTENT, ROOT
from tests.content_strategy import cycle_files
from tests.rules_contract import engine_problems, sample_transcript, schema_problems

FIXTURE_SITE = load_site(FIXTURE_CONTENT)[0]


def evaluate_sample(rules: dict) -> dict:
    transcript, today = sample_transcript(rules)
    return json.loads(recert_engine.evaluate_json(json.dumps(rules), json.dumps(transcript), today.isoformat()))


@pytest.mark.parametrize("cycle", FIXTURE_SITE.cycles, ids=lambda c: c.id)
def test_fixture_rules_keep_the_contract(cycle):
    rules = rules_for(cycle)
    assert schema_problems(rules) == []
    assert engine_problems(rules) == []
    assert evaluate_sample(rules)["status"] == "complete"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(drawn=cycle_files())
def test_content_that_checks_yields_rules_the_engine_accepts(drawn):
    with tempfile.TemporaryDirectory() as folder:
        content = Path(folder) / "content"
        (content / str(drawn.year)).mkdir(parents=True)
        (content / "site.yaml").write_bytes((FIXTURE_CONTENT / "site.yaml").read_bytes())
        (content / str(drawn.year) / f"{drawn.level}.yaml").write_text(drawn.text, encoding="utf-8")
        try:
            site = load_site(content, drafts=True)[0]  # a draft's calculator must work too
        except ContentError as exc:
            problems = "\n".join(str(d) for d in exc.report.errors)
            pytest.fail(f"check refused a file the content reference allows:\n{problems}\n---\n{drawn.text}")
    rules = rules_for(site.cycle(drawn.id))
    assert schema_problems(rules) == [], drawn.text
    assert engine_problems(rules) == [], drawn.text
    output = evaluate_sample(rules)
    assert "errors" not in output, (output, drawn.text)
    assert output["status"] == "complete", (output, drawn.text)


# ---- the documentation is written from the schema ---------------------------


def rules_doc(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "rules_doc.py"), *args],
                          capture_output=True, text=True, cwd=ROOT, timeout=60)


def test_rules_json_doc_has_the_table_written_from_the_schema():
    result = rules_doc("--check")
    assert result.returncode == 0, result.stderr


def test_a_doc_out_of_step_with_the_schema_is_reported(tmp_path):
    doc = tmp_path / "rules-json.md"
    text = (ROOT / "docs" / "rules-json.md").read_text(encoding="utf-8")
    doc.write_text(text.replace("| `ce.total_hours` |", "| `ce.hours` |"), encoding="utf-8")
    result = rules_doc("--check", "--doc", str(doc))
    assert result.returncode == 1
    assert "is not the table written from recert_engine/rules.schema.json" in result.stderr
    assert "python scripts/rules_doc.py" in result.stderr


def key_paths(value, prefix: str = "") -> set[str]:
    """Every field's path ("ce.components[].deliveries"), lists taken as their items."""
    if isinstance(value, dict):
        return {path for key, child in value.items() for path in {f"{prefix}{key}"} | key_paths(child, f"{prefix}{key}.")}
    if isinstance(value, list):
        return {path for item in value for path in key_paths(item, f"{prefix.rstrip('.')}[].")}
    return set()


def test_the_docs_example_keeps_the_contract_and_shows_every_field_the_build_writes():
    text = (ROOT / "docs" / "rules-json.md").read_text(encoding="utf-8")
    example = json.loads(text.split("```json\n", 1)[1].split("```", 1)[0])
    assert schema_problems(example) == []
    assert engine_problems(example) == []
    # The example is a 2018 Paramedic file: it names every field the build writes for one.
    built = rules_for(FIXTURE_SITE.cycle("2018/paramedic"))
    assert key_paths(example) == key_paths(built)
