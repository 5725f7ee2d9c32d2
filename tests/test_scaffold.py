"""`python -m generator new-cycle`: a next-cycle file that builds but must be verified."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from generator.__main__ import main
from generator.authoring.scaffold import ScaffoldError, new_cycle
from generator.pipeline import build, load_site

TODAY = dt.date(2026, 11, 21)


def run(capsys, *argv) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().err


def test_new_cycle_passes_check_with_warnings_and_fails_strict_on_every_verify_line(content_copy, capsys, tmp_path):
    made = new_cycle(content_copy, "2024/aemt", 2026, today=TODAY)
    assert made.path == content_copy / "2026" / "aemt.yaml"
    text = made.path.read_text(encoding="utf-8")
    verify_lines = {n for n, line in enumerate(text.splitlines(), 1) if "!verify" in line.split("#")[0]}

    code, err = run(capsys, "check", "--content", str(content_copy))
    assert code == 0, err
    warnings = [line for line in err.splitlines() if ": warning: " in line]
    draft_line = text.splitlines().index("draft: true  # a plain `build` leaves this cycle out until this line is deleted") + 1
    assert f"content/2026/aemt.yaml:{draft_line}:8: warning: draft: this cycle is a draft" in warnings[0]
    assert warnings[1:] and all("not yet verified" in w for w in warnings[1:]), "only the draft and !verify may warn"

    code, err = run(capsys, "check", "--content", str(content_copy), "--strict")
    assert code == 1
    assert "warnings fail the check because of --strict" in err
    named = {int(m.group(1)) for m in re.finditer(r"content/2026/aemt\.yaml:(\d+):\d+: warning:", err)}
    assert named == verify_lines | {draft_line}
    assert len(verify_lines) > 50  # facts, not just a token few
    build(content_copy, tmp_path / "site", drafts=True)  # an unverified cycle still previews
    assert (tmp_path / "site" / "2026" / "aemt" / "index.html").is_file()


def test_dates_move_by_the_years_between_cycles_but_prose_years_stay(content_copy):
    new_cycle(content_copy, "2024/aemt", 2026, today=TODAY)
    cycle = load_site(content_copy, drafts=True)[0].cycle("2026/aemt")
    d = cycle.data
    assert d["year"] == 2026 and d["last_verified"] == TODAY
    assert d["certification"] == {"expires": dt.date(2026, 3, 31), "new_expiration": dt.date(2028, 3, 31)}
    assert cycle.milestone("opens")["date"] == dt.date(2025, 10, 1)
    assert d["ce"]["window"]["last_day"] == dt.date(2026, 3, 31)
    assert d["steps"][1]["substeps"][2]["deadline"] == dt.date(2026, 3, 31)
    assert "After {date:2026-04-30}, if you have a {date:2028-03-31} expiration" in d["timeline"]["after_last_day"]
    window = d["ce"]["window"]["body"]
    assert "{date:2023-10-15}" in window and "{date:2023-10-16}" in window
    assert "towards your 2024 renewal" in window  # a year in a sentence is not a date
    assert "certification in 2024 need to follow" in d["intro"]
    assert d["ce"]["components"][0]["hours"] == 25  # facts carried over unchanged


def test_a_named_date_in_prose_is_kept_and_follows_the_moved_date(content_copy, tmp_path):
    made = new_cycle(content_copy, "2024/aemt", 2026, today=TODAY)
    text = made.path.read_text(encoding="utf-8")
    # the names need no change
    assert "After {date:last_day}, if you have a {date:certification.new_expiration} expiration" in text
    assert "Late Fees apply if submitted after {date:last_day_without_penalty}: MA $50." in text
    build(content_copy, tmp_path / "site", drafts=True)
    page = (tmp_path / "site" / "2026" / "aemt" / "index.html").read_text(encoding="utf-8")
    assert ('After <time datetime="2026-04-30">April 30, 2026</time>, if you have a '
            '<time datetime="2028-03-31">March 31, 2028</time> expiration') in page
    assert 'submitted after <time datetime="2026-03-31">March 31, 2026</time>: MA $50.' in page


def test_february_29_becomes_february_28(content_copy):
    source = content_copy / "2024" / "aemt.yaml"
    text = source.read_text(encoding="utf-8")
    text = text.replace("- date: 2024-02-15", "- date: 2024-02-29")
    text = text.replace("Submitting early increases", "Until {date:2024-02-29}, submitting early increases")
    source.write_text(text, encoding="utf-8")
    new_cycle(content_copy, "2024/aemt", 2026, today=TODAY)
    recommended = load_site(content_copy, drafts=True)[0].cycle("2026/aemt").milestone("recommended")
    assert recommended["date"] == dt.date(2026, 2, 28)
    assert "Until {date:2026-02-28}, submitting" in recommended["caption"]


def test_comments_and_order_are_kept_and_the_old_changes_note_is_dropped(content_copy):
    source = (content_copy / "2018" / "paramedic.yaml").read_text(encoding="utf-8")
    made = new_cycle(content_copy, "2018/paramedic", 2020, today=TODAY)
    text = made.path.read_text(encoding="utf-8")
    assert "# TEST DATA (tests/fixtures/content): a fixed copy of the 2018 Paramedic cycle" in text
    assert text.startswith("# Started on 2026-11-21 by `python -m generator new-cycle` from 2018/paramedic.")
    top_keys = lambda t: re.findall(r"^([a-z_]+):", t, re.M)  # noqa: E731
    kept = [k for k in top_keys(source) if k != "changes"]
    assert top_keys(text) == kept[: kept.index("year")] + ["draft"] + kept[kept.index("year"):]
    assert "# changes:" in text
    assert load_site(content_copy, drafts=True)[0].cycle("2020/paramedic").data["changes"] is None


def test_refuses_to_overwrite(content_copy, capsys):
    made = new_cycle(content_copy, "2024/aemt", 2026, today=TODAY)
    edited = made.path.read_text(encoding="utf-8") + "# my review notes\n"
    made.path.write_text(edited, encoding="utf-8")
    code, err = run(capsys, "new-cycle", "--content", str(content_copy), "--from", "2024/aemt", "--year", "2026")
    assert code == 1
    assert "2026/aemt.yaml already exists" in err and "never overwrites" in err
    assert made.path.read_text(encoding="utf-8") == edited


@pytest.mark.parametrize(
    ("from_id", "year", "message"),
    [
        ("2024/emt", 2026, "--from 2024/emt: no such cycle"),
        ("2022/aemt", 2026, "known cycles: 2018/paramedic, 2022/paramedic, 2024/aemt, 2024/paramedic"),
        ("aemt-2024", 2026, "expected a cycle written YEAR/LEVEL, for example 2024/aemt"),
        ("2024/aemt", 2024, "--year 2024: the new cycle must come after 2024/aemt"),
        ("2024/aemt", 2022, "must come after"),
        ("2024/aemt", 3024, "expected a cycle year from 2000 to 2100"),
    ],
)
def test_refuses_bad_arguments_naming_the_problem(content_copy, capsys, from_id, year, message):
    before = sorted(content_copy.rglob("*"))
    code, err = run(capsys, "new-cycle", "--content", str(content_copy), "--from", from_id, "--year", str(year))
    assert code == 1
    assert message in err
    assert sorted(content_copy.rglob("*")) == before, "nothing is written"


def test_refuses_a_source_with_errors(content_copy):
    source = content_copy / "2024" / "aemt.yaml"
    source.write_text(source.read_text(encoding="utf-8").replace("total_hours: 50", "total_hours: 55"), encoding="utf-8")
    with pytest.raises(ScaffoldError) as caught:
        new_cycle(content_copy, "2024/aemt", 2026, today=TODAY)
    assert "content/2024/aemt.yaml:" in str(caught.value) and "but total_hours is 55" in str(caught.value)
    assert "fix them before starting a new cycle" in str(caught.value)
    assert not (content_copy / "2026").exists()


def test_command_line_reports_what_it_wrote(content_copy, capsys):
    code, err = run(capsys, "new-cycle", "--content", str(content_copy), "--from", "2024/aemt", "--year", "2026")
    assert code == 0
    assert re.search(r"wrote .*2026/aemt\.yaml: 13 date\(s\) moved, \d+ value\(s\) tagged !verify", err)
