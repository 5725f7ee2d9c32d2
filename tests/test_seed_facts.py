"""Every fact of each official flyer is on its cycle's page.

Two directions: facts pulled from the flyers in ../shared/seeds (by the same
code as `check --sources`) must be on the page of the cycle whose content file
names that flyer; and every typed fact of the content file (fees, deadlines,
milestones, hours, contacts) must be on that page. These run over whatever
`content/` holds.
"""

from __future__ import annotations

import re

import pytest

from generator.loading.diagnostics import Report
from generator.pipeline import build, load_site
from generator.sources.coverage import check_coverage
from generator.text.prose import money, plain_text
from tests.conftest import BUILD_DAY, PUBLISHED_CONTENT as CONTENT, SEEDS
from tests.pagetext import read_page


@pytest.fixture(scope="module")
def site():
    return load_site(CONTENT)[0]


@pytest.fixture(scope="module")
def built_site(tmp_path_factory):
    """The published content's own build (the shared built_site is the tests' fixture content)."""
    out = tmp_path_factory.mktemp("published-site")
    build(CONTENT, out, today=BUILD_DAY, runtime=False)
    return out


@pytest.mark.skipif(not SEEDS.is_dir(), reason=f"no official flyers next to the repository ({SEEDS})")
def test_every_flyer_fact_is_on_its_page_and_every_page_fact_in_a_source(site):
    """`check --strict --sources ../shared/seeds --only-present`, through the same code."""
    report = Report()
    summary = check_coverage(site, CONTENT, SEEDS, report, only_present=True)
    # A flyer the shared folder lacks (a cycle just added) and a flyer no published
    # cycle names (a cycle taken off the site) are only notes.
    assert [str(d) for d in report.errors + report.warnings] == []
    assert summary.facts > 0 and summary.missing == summary.page_only == 0


@pytest.mark.skipif(not SEEDS.is_dir(), reason=f"no official flyers next to the repository ({SEEDS})")
def test_flyer_durations_are_on_the_page(site, built_site):
    # Periods are not one of the checked kinds of fact; these are the ones the flyers give.
    for cycle in site.cycles:
        page = read_page(built_site / cycle.path / "index.html")
        for source in cycle.data["sources"]:
            path = SEEDS / (source.get("file") or "-")
            if path.suffix == ".txt" and path.exists():
                text = path.read_text(encoding="utf-8")
                for words in ("2 to 5 business days", "10 business days", "at least 5 years"):
                    if words in text:
                        assert words in page.text, f"{cycle.id}: {words}"


def test_typed_content_facts_are_on_the_page(site, built_site):
    for cycle in site.cycles:
        page = read_page(built_site / cycle.path / "index.html")
        data = cycle.data
        assert data["certification"]["expires"].isoformat() in page.times
        for step in data["steps"]:
            assert f"{step['label']}: {step['title']}" in page.text
            for sub in step["substeps"]:
                for fee in sub["fees"]:
                    assert money(fee["amount"]) in page.text
                    if fee.get("who"):
                        assert fee["who"] in page.text
                if sub["deadline"]:
                    assert sub["deadline"].isoformat() in page.times
        for milestone in data["timeline"]["milestones"]:
            if milestone["date"] != "varies":
                assert milestone["date"].isoformat() in page.times
            assert plain_text(milestone["caption"]).split("{")[0][:40] in page.text.replace("\u2019", "'")
            if milestone["warning"]:
                assert milestone["warning"] in page.text
        for fee in data["timeline"]["late_fees"]:
            assert fee["applies_after"].isoformat() in page.times
            assert money(fee["amount"]) in page.text
        for component in data["ce"]["components"]:
            assert f"{component['name']}: {component['hours']} hours" in page.text
            de = component["de_limit"]
            limit = "No limit" if de is None else "None" if de == 0 else f"{de} hours at most"
            assert limit in page.text
        for contact in data["contacts"]:
            for key in ("phone", "email", "url"):
                if contact.get(key):
                    assert contact[key] in page.text
        assert data["last_verified"].isoformat() in page.times
        for source in data["sources"]:
            assert source["title"] in page.text


def test_every_date_on_a_page_is_machine_readable(built_site):
    month_day = re.compile(r"\b(January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}")
    for path in built_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        outside = re.sub(r"<time[^>]*>.*?</time>", "", html)
        assert not month_day.search(outside), f"{path}: {month_day.search(outside).group(0)} is not in <time>"
