"""What-changed sections and the compare page, on the fixture site (three Paramedic cycles)."""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser

import pytest

from generator.model.changes import Worded, comparable, diff_cycles, shift_years
from generator.pipeline import load_site
from tests.conftest import FIXTURE_CONTENT


@pytest.fixture(scope="module")
def site():
    return load_site(FIXTURE_CONTENT)[0]


@pytest.fixture(scope="module")
def built(built_site):
    return built_site


def rows(changes):
    return [(c.what, c.before, c.after) for c in changes]


def test_diff_lists_exactly_the_edited_facts(site):
    changes = diff_cycles(site.cycle("2022/paramedic"), site.cycle("2024/paramedic"))
    assert rows(changes) == [
        ("Total hours", "60 hours", "55 hours"),
        ("National hours", "30 hours", "25 hours"),
        ("Local: distributive education allowed", "None", "5 hours at most"),
        ("Training profile fee (without NREMT certification)", Worded("$25", "MA-only Paramedics"), Worded("$30", "MA-only Paramedics")),
        ("Recommended completion date", dt.date(2022, 2, 15), dt.date(2024, 3, 1)),
        ("eLicensing help desk: phone", "617-973-0935", "617-555-0100"),
    ]
    assert [c.section for c in changes] == ["Continuing education"] * 3 + ["Fees", "Dates", "Contacts"]


def test_dates_that_move_with_the_cycle_are_not_changes(site):
    # 2022 is the 2018 file with every date four years later and nothing else changed.
    assert diff_cycles(site.cycle("2018/paramedic"), site.cycle("2022/paramedic")) == []


def test_facts_only_one_cycle_has_show_as_not_listed(site):
    changes = rows(diff_cycles(site.cycle("2018/paramedic"), site.cycle("2024/aemt")))
    assert ("Late fee", "$50", None) in changes
    assert ("Late fee (NREMT)", None, "$50") in changes
    assert ("Hours count from", dt.date(2016, 4, 1), "The day after your last recertification") in changes


def test_february_29_matches_february_28_of_a_common_year():
    assert shift_years(dt.date(2024, 2, 29), 2) == dt.date(2026, 2, 28)
    assert comparable(dt.date(2024, 2, 29), 2024) == comparable(dt.date(2026, 2, 28), 2026)
    assert comparable(dt.date(2024, 3, 31), 2024) != comparable(dt.date(2026, 3, 30), 2026)


class Tables(HTMLParser):
    """Rows of every table as lists of cell texts (th and td)."""

    def __init__(self):
        super().__init__()
        self.rows: list[list[str]] = []
        self.cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.rows.append([])
        elif tag in ("th", "td"):
            self.cell = []

    def handle_endtag(self, tag):
        if tag in ("th", "td") and self.cell is not None:
            self.rows[-1].append(" ".join("".join(self.cell).split()))
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


def section(html: str, section_id: str) -> str:
    start = html.index(f'<section aria-labelledby="{section_id}"')
    return html[start : html.index("</section>", start)]


def table_rows(html: str) -> list[list[str]]:
    parser = Tables()
    parser.feed(html)
    return parser.rows


def test_guidance_page_shows_the_changes_since_the_previous_cycle(built):
    html = (built / "2024/paramedic/index.html").read_text(encoding="utf-8")
    assert '<a href="#changes">What changed since 2022</a>' in html
    changes = section(html, "changes")
    assert "Fixture note: National hours drop to 25 this cycle." in changes
    got = table_rows(changes)
    assert got[0] == ["What", "2022", "2024"]
    assert ["Training profile fee (without NREMT certification)", "$25 (MA-only Paramedics)", "$30 (MA-only Paramedics)"] in got
    assert ["Recommended completion date", "February 15, 2022", "March 1, 2024"] in got
    assert '<time datetime="2024-03-01">' in changes
    assert 'href="../../2022/paramedic/index.html"' in changes
    assert 'href="../../compare/index.html"' in changes


def test_unchanged_cycle_says_so_and_a_first_cycle_shows_only_its_note(built):
    unchanged = section((built / "2022/paramedic/index.html").read_text(encoding="utf-8"), "changes")
    assert "changed since the" in unchanged and "<table" not in unchanged
    first = (built / "2018/paramedic/index.html").read_text(encoding="utf-8")
    assert '<a href="#changes">What changed</a>' in first
    assert "The flyer announces important changes" in section(first, "changes")
    no_note = (built / "2024/aemt/index.html").read_text(encoding="utf-8")
    assert 'id="changes"' not in no_note and "#changes" not in no_note


def test_compare_page_has_every_cycle_as_a_column(built):
    html = (built / "compare/index.html").read_text(encoding="utf-8")
    # each row heading carries a "(differs)" tag that compare.mjs shows when needed
    got = [[re.sub(r" \(differs\)$", "", row[0]), *row[1:]] for row in table_rows(html)]
    assert got[0] == ["What", "2024 Advanced EMT", "2018 Paramedic", "2022 Paramedic", "2024 Paramedic"]
    assert ["Total hours", "50 hours", "60 hours", "60 hours", "55 hours"] in got
    assert [
        "Training profile fee (without NREMT certification)",
        "Not listed", "$25 (MA-only Paramedics)", "$25 (MA-only Paramedics)", "$30 (MA-only Paramedics)",
    ] in got
    # the same day relative to the cycle compares equal, whatever the year
    expires = re.search(r'<tr data-key="cert.expires">(.*?)</tr>', html, re.S).group(1)
    assert len(set(re.findall(r'data-cmp="([^"]*)"', expires))) == 1
    assert "Fixture note: National hours drop to 25" in section(html, "change-notes")


def test_home_page_links_to_the_compare_page(built):
    assert 'href="compare/index.html"' in (built / "index.html").read_text(encoding="utf-8")
