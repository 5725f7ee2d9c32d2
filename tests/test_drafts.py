"""Draft cycles: what `new-cycle` writes stays out of the published site until verified.

Built from tests/minimal_content.py (a 2030 EMT cycle) and a 2032 draft made from it.
"""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from generator.__main__ import main
from generator.authoring.scaffold import new_cycle
from generator.features.offline import read_manifest
from generator.preview.incremental import IncrementalBuilder
from tests.minimal_content import SITE, write_content

TODAY = dt.date(2031, 11, 21)
DRAFT_PAGES = ("2032/emt/index.html", "2032/emt/checklist/index.html", "2032/emt/calculator/index.html")
NOINDEX = '<meta name="robots" content="noindex">'


@pytest.fixture
def with_draft(tmp_path):
    """A 2030 cycle and its 2032 draft, with a base_url so a sitemap is written."""
    content = write_content(tmp_path, site=SITE + "base_url: https://example.org/recert/\n")
    new_cycle(content, "2030/emt", 2032, today=TODAY)
    return content


def build_into(content, out, *extra, capsys) -> str:
    code = main(["build", "--content", str(content), "--out", str(out), "--no-runtime", *extra])
    err = capsys.readouterr().err
    assert code == 0, err
    return err


def test_plain_build_leaves_the_draft_out_of_every_page_and_list(with_draft, tmp_path, capsys):
    out = tmp_path / "site"
    err = build_into(with_draft, out, capsys=capsys)
    assert "left out 1 draft cycle(s); `build --drafts` includes them" in err
    assert not (out / "2032").exists()
    for listing in ("index.html", "compare/index.html", "sitemap.xml", "sw.js"):
        assert "2032/emt" not in (out / listing).read_text(encoding="utf-8"), listing
    assert "2030 EMT-Basic recertification</a>" in (out / "index.html").read_text(encoding="utf-8")


def test_drafts_build_marks_every_draft_page_and_hides_its_verified_date(with_draft, tmp_path, capsys):
    out = tmp_path / "site"
    build_into(with_draft, out, "--drafts", capsys=capsys)
    for rel in DRAFT_PAGES:
        page = (out / rel).read_text(encoding="utf-8")
        assert NOINDEX in page, rel
        assert '<p class="draft-banner-title" id="draft-banner-title">Draft: not yet verified</p>' in page, rel
        assert "last verified" not in page.lower(), rel
    home = (out / "index.html").read_text(encoding="utf-8")
    assert "2032 EMT-Basic recertification" in home and "Draft: not yet verified." in home
    assert '(draft)</span>' in (out / "compare/index.html").read_text(encoding="utf-8")
    # Verified cycles read as before.
    published = (out / "2030/emt/index.html").read_text(encoding="utf-8")
    assert NOINDEX not in published and "draft-banner" not in published
    assert "Last verified against these sources" in published
    # Search engines are not told about drafts; the offline copy of a drafts build has them.
    sitemap = (out / "sitemap.xml").read_text(encoding="utf-8")
    assert "2030/emt/" in sitemap and "2032/emt" not in sitemap
    assert "2032/emt/index.html" in read_manifest((out / "sw.js").read_bytes())["precache"]


def test_check_strict_fails_while_the_draft_line_remains(with_draft, capsys):
    path = with_draft / "2032" / "emt.yaml"
    verified = path.read_text(encoding="utf-8").replace("!verify ", "")
    path.write_text(verified, encoding="utf-8")
    line = verified.splitlines().index("draft: true  # a plain `build` leaves this cycle out until this line is deleted") + 1

    assert main(["check", "--content", str(with_draft), "--strict"]) == 1
    err = capsys.readouterr().err
    warnings = [w for w in err.splitlines() if ": warning: " in w]
    assert warnings == [
        f"content/2032/emt.yaml:{line}:8: warning: draft: this cycle is a draft: `build` leaves it out "
        "(`build --drafts` and the preview show it); check every value against the cycle's sources, "
        "then delete `draft: true`"
    ]

    path.write_text(re.sub(r"^draft: true.*\n", "", verified, flags=re.M), encoding="utf-8")
    assert main(["check", "--content", str(with_draft), "--strict"]) == 0, capsys.readouterr().err


def test_the_preview_shows_drafts(with_draft, tmp_path):
    builder = IncrementalBuilder(with_draft, tmp_path / "preview", runtime=False)
    builder.full()
    page = (tmp_path / "preview" / "2032/emt/index.html").read_text(encoding="utf-8")
    assert "Draft: not yet verified" in page and NOINDEX in page


def test_calc_evaluates_a_draft_cycle(with_draft, tmp_path, capsys):
    courses = tmp_path / "courses.json"
    courses.write_text(json.dumps({"schema": 1, "cycle": "2032/emt", "courses": []}), encoding="utf-8")
    assert main(["calc", "--content", str(with_draft), str(courses), "--today", "2032-01-10"]) == 0
    assert json.loads(capsys.readouterr().out)["cycle"] == "2032/emt"
