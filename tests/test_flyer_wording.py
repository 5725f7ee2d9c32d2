"""Pages say what the flyer says: its own level name, its own words, nothing invented.

Built from tests/minimal_content.py, a cycle with only what a flyer gives.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.pipeline import build
from tests.minimal_content import MINIMAL_CYCLE, changed, write_content


def build_site(tmp_path: Path, cycle: str = MINIMAL_CYCLE, paramedic: bool = False) -> Path:
    content = write_content(tmp_path, cycle)
    if paramedic:  # the same cycle as the Paramedic flyer would word it
        text = changed("level: emt\nlevel_name: EMT-Basic\n", "level: paramedic\n")
        text = changed("MA-only EMT-Basics", "MA-only Paramedics", text)
        (content / "2030" / "paramedic.yaml").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    build(content, out, runtime=False)
    return out


def read(out: Path, rel: str) -> str:
    return (out / rel).read_text(encoding="utf-8")


def test_text_the_flyer_does_not_give_is_left_out(tmp_path):
    page = read(build_site(tmp_path), "2030/emt/index.html")
    assert 'class="intro"' not in page
    assert "<h3>Distributive education</h3>" not in page
    assert not re.search(r"<p>\s*</p>|<div>\s*</div>|\bNone\b|\bnull\b", page)
    national = page[page.index('id="component-national"'):page.index('id="component-local"')]
    assert "<p>Up to half of the National hours (5 hours) may be distributive education.</p>" in national
    assert "Only courses with National (NCCR) content count here." not in national


@pytest.mark.parametrize(
    "limit, sentence",
    [
        ("no limit", "All of these hours may be distributive education (DE)."),
        ("0", "None of these hours may be distributive education (DE)."),
        ("10", "All 10 of these hours may be distributive education (DE)."),
        ("4", "Up to 4 of these 10 hours may be distributive education (DE)."),
    ],
)
def test_without_a_de_sentence_the_page_says_the_typed_limit(tmp_path, limit, sentence):
    cycle = changed("      hours: 10\n      de_limit: no limit", f"      hours: 10\n      de_limit: {limit}")
    page = read(build_site(tmp_path, cycle), "2030/emt/index.html")
    local = page[page.index('id="component-local"'):]
    assert f"<p>{sentence}</p>" in local


def test_a_cycles_level_name_shows_on_its_own_pages_only(tmp_path):
    out = build_site(tmp_path, paramedic=True)
    assert "<h1>Massachusetts EMT-Basic recertification, 2030</h1>" in read(out, "2030/emt/index.html")
    assert "<h1>Checklist: EMT-Basic recertification, 2030</h1>" in read(out, "2030/emt/checklist/index.html")
    assert "SUMMARY:EMT-Basic recertification 2030: Applications open." in read(out, "2030/emt/timeline.ics")
    assert "<h1>Massachusetts Paramedic recertification, 2030</h1>" in read(out, "2030/paramedic/index.html")
    home = read(out, "index.html")
    assert '<h2 id="level-emt">EMT</h2>' in home and "2030 EMT-Basic recertification</a>" in home
    compare = read(out, "compare/index.html")
    assert ">2030 EMT-Basic</a></th>" in compare and ">2030 Paramedic</a></th>" in compare


def test_compare_fee_rows_are_neutral_and_each_cell_keeps_its_cycles_words(tmp_path):
    compare = read(build_site(tmp_path, paramedic=True), "compare/index.html")
    row = re.search(r'<tr data-key="fee\.submit\.0">.*?</tr>', compare, re.S).group(0)
    assert "<th scope=\"row\">Profile fee (without NREMT certification) " in row
    assert "MA-only" not in row.split("</th>")[0]
    cells = re.findall(r'<td data-cycle="([^"]+)" data-cmp="([^"]*)">(.*?)</td>', row)
    assert cells == [
        ("2030/emt", "$25", '$25 <span class="own-words">(MA-only EMT-Basics)</span>'),
        ("2030/paramedic", "$25", '$25 <span class="own-words">(MA-only Paramedics)</span>'),
    ]
