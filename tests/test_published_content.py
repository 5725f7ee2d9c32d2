"""The published content, whatever cycles content/ holds.

Every cycle file found in content/ is checked, built, its rules accepted by the
engine, and its calculator asked about a sample transcript that meets every
requirement. Nothing here names a cycle: a publisher adds, changes or removes
a cycle file without touching the tests. (Behaviour is tested on the tests'
own fixture content, tests/fixtures/content/.)
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import recert_engine
from generator.loading.content_files import load_content
from generator.loading.diagnostics import Report
from generator.model.rules_export import rules_for
from generator.pipeline import build, load_site
from tests.conftest import PUBLISHED_CONTENT
from tests.rules_contract import sample_transcript, schema_problems

CYCLE_FILES = sorted(PUBLISHED_CONTENT.glob("*/*.yaml"))


def cycle_id(path: Path) -> str:
    return f"{path.parent.name}/{path.stem}"


CYCLE_IDS = [cycle_id(path) for path in CYCLE_FILES]
per_cycle = pytest.mark.parametrize("cycle_id", CYCLE_IDS)


@pytest.fixture(scope="module")
def report() -> Report:
    report = Report()
    load_content(PUBLISHED_CONTENT, report)
    return report


# Drafts included: a draft's pages and calculator must work before it is published.
# (`make test` also runs `check --strict`, which fails while a draft remains.)
@pytest.fixture(scope="module")
def site():
    return load_site(PUBLISHED_CONTENT, drafts=True)[0]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("published")
    build(PUBLISHED_CONTENT, out, runtime=False, drafts=True)
    return out


def problems(report: Report, file: str) -> list[str]:
    return [str(d) for d in report.errors if d.location.file == file]


def test_site_file_checks(report):
    assert problems(report, "content/site.yaml") == []


@per_cycle
def test_cycle_file_checks(report, cycle_id):
    assert problems(report, f"content/{cycle_id}.yaml") == []


@per_cycle
def test_cycle_pages_are_built(built, cycle_id):
    for page in ("index.html", "calculator/index.html", "checklist/index.html", "timeline.ics", "rules.json"):
        assert (built / cycle_id / page).is_file(), f"{cycle_id}/{page} was not built"
    assert f'href="{cycle_id}/index.html"' in (built / "index.html").read_text(encoding="utf-8")


@per_cycle
def test_rules_keep_the_contract(site, cycle_id):
    assert schema_problems(rules_for(site.cycle(cycle_id))) == []


@per_cycle
def test_engine_accepts_the_rules_and_the_calculator_counts_a_complete_transcript(site, cycle_id):
    rules = rules_for(site.cycle(cycle_id))
    transcript, today = sample_transcript(rules)
    output = json.loads(recert_engine.evaluate_json(json.dumps(rules), json.dumps(transcript), today.isoformat()))
    assert "errors" not in output, output.get("errors")
    assert output["status"] == "complete", output
    assert output["counted"] == output["required"]
    assert all(not course.get("reasons") for course in output["courses"]), output["courses"]


@per_cycle
def test_built_rules_are_what_the_engine_is_tested_with(site, built, cycle_id):
    written = json.loads((built / cycle_id / "rules.json").read_text(encoding="utf-8"))
    assert written == rules_for(site.cycle(cycle_id))
