"""Content checks for the mistakes a publisher makes, one test per class.

Each test starts from a small valid cycle (tests/minimal_content.py: only what
a flyer gives, no invented sentences), changes one thing, and asserts the exact
`file:line:column: severity: key.path: message` line and the exit status.
Removing a check from the validator makes its test fail.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from generator.__main__ import main
from generator.loading import yaml_source
from generator.loading.content_files import load_content, load_cycle_file
from generator.loading.diagnostics import Report
from generator.model.rules_export import rules_for
from generator.model.site import build_model
from tests.minimal_content import CYCLE, MINIMAL_CYCLE, SITE, changed, line_of, write_content


def check(content: Path, capsys, *extra: str) -> tuple[int, list[str]]:
    code = main(["check", "--content", str(content), *extra])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return code, [line for line in err.splitlines() if ": error: " in line or ": warning: " in line]


def test_the_minimal_cycle_passes_strict_and_builds(tmp_path, capsys):
    content = write_content(tmp_path)
    assert check(content, capsys, "--strict") == (0, [])
    assert main(["build", "--content", str(content), "--out", str(tmp_path / "out"), "--no-runtime"]) == 0
    page = (tmp_path / "out" / "2030/emt/index.html").read_text(encoding="utf-8")
    assert "<h1>Massachusetts EMT-Basic recertification, 2030</h1>" in page


def assert_reports(tmp_path, capsys, cycle: str, expected: str, *, strict: bool = False) -> None:
    code, lines = check(write_content(tmp_path, cycle), capsys, *(["--strict"] if strict else []))
    assert code == 1
    assert expected in lines, "\n".join(lines)


# ---- YAML: what the parser would read differently from what was meant ----------------


def test_control_character_pasted_from_a_pdf(tmp_path, capsys):
    cycle = changed("title: Submit your profile.", "title: Submit your\x0cprofile.")
    line = line_of(cycle, "title: Submit your")
    column = len("        title: Submit your") + 1
    assert_reports(
        tmp_path, capsys, cycle,
        f"{CYCLE}:{line}:{column}: error: steps[0].substeps[0].title: control character U+000C (form feed), "
        "often pasted from a PDF; delete it",
    )


@pytest.mark.parametrize(
    "written, problem",
    [
        ("0x1F", "'0x1F' is not written as a plain decimal number like 12 or 12.5"),
        ("1:30", "YAML reads '1:30' as a base-60 number (a time); write hours as a decimal like 1.5"),
        ("1_0", "'1_0' is not written as a plain decimal number like 12 or 12.5"),
        ("010", "'010' has a leading zero, which YAML reads as an octal number; write it without the zero"),
    ],
)
def test_yaml_1_1_numbers(tmp_path, capsys, written, problem):
    cycle = changed("      hours: 10\n      de_limit: no limit", f"      hours: {written}\n      de_limit: no limit")
    line = line_of(cycle, f"hours: {written}")
    assert_reports(tmp_path, capsys, cycle, f"{CYCLE}:{line}:14: error: ce.components[1].hours: expected a number of hours: {problem}")


@pytest.mark.parametrize("written", ["10.0", "10.00", "1.0e+1", "+10"])
def test_decimals_that_read_as_written_are_accepted(tmp_path, capsys, written):
    cycle = changed("      hours: 10\n      de_limit: no limit", f"      hours: {written}\n      de_limit: no limit")
    cycle = changed("      de_limit: 5\n", "      de_limit: -0\n", cycle).replace("(5 hours)", "(0 hours)")
    content = write_content(tmp_path, cycle)
    assert check(content, capsys, "--strict") == (0, [])
    components = rules_for(build_model(load_content(content, Report()), BUILT_ON).cycles[0])["ce"]["components"]
    assert [(c["hours"], c["de_limit"]) for c in components] == [("10", "0"), ("10", None)]


def test_a_year_written_in_hex(tmp_path, capsys):
    cycle = changed("year: 2030", "year: 0x7EE")
    assert_reports(
        tmp_path, capsys, cycle,
        f"{CYCLE}:3:7: error: year: expected a cycle year from 2000 to 2100: '0x7EE' is not written as a plain decimal "
        "number like 12 or 12.5",
    )


@pytest.mark.parametrize(
    "old, new, path, message",
    [
        ("amount: 25\n", "amount: 250000\n", "steps[0].substeps[0].fees[0].amount", "expected a dollar amount of at most 10000, got 250000"),
        ("total_hours: 20", "total_hours: 20000", "ce.total_hours", "expected a number of hours of at most 1000, got 20000"),
    ],
)
def test_numbers_too_large(tmp_path, capsys, old, new, path, message):
    cycle = changed(old, new)
    line = line_of(cycle, new.strip())
    column = cycle.splitlines()[line - 1].index(":") + 3
    assert_reports(tmp_path, capsys, cycle, f"{CYCLE}:{line}:{column}: error: {path}: {message}; check for a typing slip")


def test_dates_outside_a_sane_range(tmp_path, capsys):
    cycle = changed("  expires: 2030-03-31", "  expires: 1030-03-31")
    assert_reports(tmp_path, capsys, cycle, f"{CYCLE}:10:12: error: certification.expires: date '1030-03-31' is not in the years 1990 to 2100; check the year")


def test_a_date_far_from_the_cycle_year(tmp_path, capsys):
    cycle = changed("    - date: 2030-04-30", "    - date: 2003-04-30")
    line = line_of(cycle, "- date: 2003-04-30")
    assert_reports(
        tmp_path, capsys, cycle,
        f"{CYCLE}:{line}:13: error: timeline.milestones[2].date: date 2003-04-30 is more than 5 years from the 2030 cycle; check the year",
    )


def test_a_date_shortcode_outside_a_sane_range(tmp_path, capsys):
    cycle = changed("after {date:last_day_without_penalty}.", "after {date:3030-03-31}.")
    line = line_of(cycle, "text: A $50")
    assert_reports(
        tmp_path, capsys, cycle,
        f"{CYCLE}:{line}:13: error: timeline.late_fees[0].text: date '3030-03-31' is not in the years 1990 to 2100; "
        "check the year (in {date:…})",
    )


def test_anchors_and_aliases_are_refused(tmp_path, capsys):
    cycle = changed("      hours: 10\n      de_limit: 5", "      hours: &national 10\n      de_limit: 5")
    cycle = changed("      hours: 10\n      de_limit: no limit", "      hours: *national\n      de_limit: no limit", cycle)
    first, second = line_of(cycle, "&national"), line_of(cycle, "*national")
    code, lines = check(write_content(tmp_path, cycle), capsys)
    assert code == 1
    assert f"{CYCLE}:{first}:14: error: ce.components[0].hours: anchor &national: YAML anchors and aliases are not allowed in content files; write the value out" in lines
    assert f"{CYCLE}:{second}:14: error: ce.components[1].hours: alias *national: YAML anchors and aliases are not allowed in content files; write the value out" in lines


def test_merge_keys_are_refused(tmp_path, capsys):
    cycle = changed("    - id: local\n      name: Local\n", "    - id: local\n      <<: {name: Local}\n")
    line = line_of(cycle, "<<:")
    assert_reports(tmp_path, capsys, cycle, f"{CYCLE}:{line}:7: error: ce.components[1].<<: merge keys (<<) are not allowed in content files; write each key out")


# ---- prose -------------------------------------------------------------------------------


def test_a_date_written_as_text_in_prose_is_a_warning(tmp_path, capsys):
    cycle = changed("caption: Applications open.", "caption: Applications open on October 1, 2029.")
    line = line_of(cycle, "caption: Applications open on")
    content = write_content(tmp_path, cycle)
    assert check(content, capsys)[0] == 0
    assert_reports(
        tmp_path, capsys, cycle,
        f"{CYCLE}:{line}:16: warning: timeline.milestones[0].caption: date 'October 1, 2029' written as text; write it "
        "as {date:YYYY-MM-DD} so the page shows it as a date and new-cycle moves it",
        strict=True,
    )


@pytest.mark.parametrize(
    "body, message",
    [
        ("Read this <b>now</b>.", "raw HTML '<b>' is not shown on the page; write Markdown instead"),
        ("<div>Read this.</div>", "raw HTML '<div>Read this.</div>' is not shown on the page; write Markdown instead"),
        ("[Open](javascript:alert(1))", "link to 'javascript:alert(1)': only web, e-mail and phone links are allowed"),
        ("[Open](data:text/html;base64,PGI+)", "link to 'data:text/html;base64,PGI+': only web, e-mail and phone links are allowed"),
        ("![Logo](https://example.com/logo.png)", "image 'https://example.com/logo.png' is not from this site; pages show only images from this site (and work offline)"),
        ('[Apply](https://example.org "by {date:2030-03-31}")', "{date:…} in a link title cannot be shown as a date; write the date out in words"),
        ("![Card due {date:2030-03-31}](card.png)", "{date:…} in an image's text cannot be shown as a date; write the date out in words"),
        ("See [the Basic hours](#component-basic).", "link to '#component-basic': no component with id 'basic'; expected one of: local, national"),
    ],
)
def test_markdown_the_page_cannot_show(tmp_path, capsys, body, message):
    cycle = changed("body: See [the National hours](#component-national).", f"body: '{body}'" if body[0] in "[!<" else f"body: {body}")
    line = line_of(cycle, "        body: ")
    assert_reports(tmp_path, capsys, cycle, f"{CYCLE}:{line}:15: error: steps[0].substeps[0].body: {message}")


def test_every_problem_of_a_prose_value_at_once(tmp_path, capsys):
    cycle = changed("body: See [the National hours](#component-national).",
                    "body: 'See <b>[the Basic hours](#component-basic)</b> or call 617-555-0199.'")
    line = line_of(cycle, "        body: ")
    code, lines = check(write_content(tmp_path, cycle), capsys)
    assert code == 1
    where = f"{CYCLE}:{line}:15"
    assert lines == [
        f"{where}: error: steps[0].substeps[0].body: link to '#component-basic': no component with id 'basic'; expected one of: local, national",
        f"{where}: warning: steps[0].substeps[0].body: phone number 617-555-0199 is not any contact's; add it to a contact under 'contacts' or correct it",
        f"{where}: error: steps[0].substeps[0].body: raw HTML '<b>' is not shown on the page; write Markdown instead",
    ]


@pytest.mark.parametrize(
    "text, message",
    [
        ("Call the office at 617-555-0199.", "phone number 617-555-0199 is not any contact's; add it to a contact under 'contacts' or correct it"),
        ("Write to help@example.org.", "e-mail address help@example.org is not any contact's; add it to a contact under 'contacts' or correct it"),
    ],
)
def test_a_phone_or_email_in_prose_that_no_contact_has(tmp_path, capsys, text, message):
    cycle = changed("text: Call the office at 617-555-0100.", f"text: {text}")
    line = line_of(cycle, f"text: {text}")
    assert_reports(tmp_path, capsys, cycle, f"{CYCLE}:{line}:13: warning: steps[0].help.text: {message}", strict=True)


# ---- dates named in prose: {date:ce_last_day} follows the typed date ----------------------

SUBSTEP_BODY = "body: See [the National hours](#component-national)."


def built_page(tmp_path, cycle: str, name: str) -> str:
    content = write_content(tmp_path / name, cycle)
    out = tmp_path / name / "out"
    assert main(["build", "--content", str(content), "--out", str(out), "--no-runtime", "--today", "2030-01-15"]) == 0
    return (out / "2030/emt/index.html").read_text(encoding="utf-8")


def test_a_named_date_is_shown_as_its_typed_date_and_follows_it(tmp_path, capsys):
    named = changed(SUBSTEP_BODY, "body: Open from {date:opens}; hours count through {date:ce.window.last_day}.")
    literal = changed(SUBSTEP_BODY, "body: Open from {date:2029-10-01}; hours count through {date:2030-03-31}.")
    assert check(write_content(tmp_path / "strict", named), capsys, "--strict") == (0, [])
    page = built_page(tmp_path, named, "named")
    assert page == built_page(tmp_path, literal, "literal")  # the same <time> elements, byte for byte
    assert ('Open from <time datetime="2029-10-01">October 1, 2029</time>; hours count through '
            '<time datetime="2030-03-31">March 31, 2030</time>.') in page
    moved = changed("- date: 2029-10-01", "- date: 2029-10-15", named)
    assert 'Open from <time datetime="2029-10-15">October 15, 2029</time>;' in built_page(tmp_path, moved, "moved")


@pytest.mark.parametrize(
    "body, edit, message",
    [
        ("Apply by {date:ce_lastday}.", None,
         "{date:ce_lastday}: no date is called 'ce_lastday'; write {date:YYYY-MM-DD} or one of: ce_start, opens, "
         "recommended, ce_last_day, last_day_without_penalty, last_day, ce.window.start, ce.window.last_day, "
         "certification.expires, certification.new_expiration"),
        ("Your card then reads {date:certification.new_expiration}.", None,
         "{date:certification.new_expiration}: the cycle gives no certification.new_expiration; add it, or write "
         "the date as {date:YYYY-MM-DD}"),
        ("Apply by {date:recommended}.", None,
         "{date:recommended}: no milestone is marked recommended; add the mark to the milestone with that date, "
         "or write the date as {date:YYYY-MM-DD}"),
        ("Open from {date:opens}.", ("- date: 2029-10-01", "- date: varies"),
         "{date:opens}: the milestone marked opens is dated 'varies', not a date; write the date out, or leave it out"),
        ("Hours count from {date:ce.window.start}.", ("start: 2028-04-01", "start: after_last_recertification"),
         "{date:ce.window.start}: ce.window.start is 'after_last_recertification', not a date; write the date out, "
         "or leave it out"),
        ("Apply by {date:March 31}.", None,
         "'{date:March 31}': expected {date:YYYY-MM-DD} or a typed date's name, such as {date:ce_last_day}"),
    ],
)
def test_a_date_name_the_cycle_has_no_date_for_is_a_located_error(tmp_path, capsys, body, edit, message):
    cycle = changed(SUBSTEP_BODY, f"body: {body}")
    if edit:
        cycle = changed(*edit, cycle)
    line = line_of(cycle, f"body: {body}")
    assert_reports(tmp_path, capsys, cycle, f"{CYCLE}:{line}:15: error: steps[0].substeps[0].body: {message}")


def test_a_written_date_that_repeats_a_typed_date_is_a_warning(tmp_path, capsys):
    cycle = changed(SUBSTEP_BODY, "body: Hours count through {date:2030-03-31}.")
    line = line_of(cycle, "body: Hours count")
    assert check(write_content(tmp_path, cycle), capsys)[0] == 0
    assert_reports(
        tmp_path, capsys, cycle,
        f"{CYCLE}:{line}:15: warning: steps[0].substeps[0].body: {{date:2030-03-31}} repeats a typed date; write it "
        "by name, {date:ce_last_day} (or {date:last_day_without_penalty}, {date:ce.window.last_day}, "
        "{date:certification.expires}), so this sentence follows when that date changes",
        strict=True,
    )


def test_the_certifications_dates_can_be_named_and_follow_their_typed_dates(tmp_path, capsys):
    """"Once eLicensing shows {date:certification.new_expiration}": the sentence follows the typed date."""
    body = "body: Your card expires {date:certification.expires}; then it reads {date:certification.new_expiration}."
    named = changed("  expires: 2030-03-31\n", "  expires: 2030-03-31\n  new_expiration: 2032-03-31\n",
                    changed(SUBSTEP_BODY, body))
    assert check(write_content(tmp_path / "strict", named), capsys, "--strict") == (0, [])
    page = built_page(tmp_path, named, "named")
    assert ('Your card expires <time datetime="2030-03-31">March 31, 2030</time>; then it reads '
            '<time datetime="2032-03-31">March 31, 2032</time>.') in page
    moved = changed("new_expiration: 2032-03-31", "new_expiration: 2032-06-30", named)
    assert 'then it reads <time datetime="2032-06-30">June 30, 2032</time>.' in built_page(tmp_path, moved, "moved")
    # Written out instead, the new expiration date is a warning that names it.
    literal = changed("{date:certification.new_expiration}", "{date:2032-03-31}", named)
    line = line_of(literal, "body: Your card")
    assert_reports(
        tmp_path / "literal", capsys, literal,
        f"{CYCLE}:{line}:15: warning: steps[0].substeps[0].body: {{date:2032-03-31}} repeats a typed date; write it "
        "by name, {date:certification.new_expiration}, so this sentence follows when that date changes",
        strict=True,
    )


def test_a_written_date_that_is_no_typed_date_stays_as_written(tmp_path, capsys):
    """Worked examples ("if you renewed on October 15, 2028") are dates of their own."""
    cycle = changed(SUBSTEP_BODY, "body: If you renewed {date:2028-10-15}, hours count from {date:2028-10-16}.")
    assert check(write_content(tmp_path, cycle), capsys, "--strict") == (0, [])


# ---- cross-checks ------------------------------------------------------------------------


def test_duplicate_level_slugs(tmp_path, capsys):
    site = SITE.replace("  - slug: paramedic\n", "  - slug: emt\n")
    code, lines = check(write_content(tmp_path, site=site), capsys)
    assert code == 1
    assert "content/site.yaml:6:11: error: levels[1].slug: level 'emt' is already levels[0]; each level needs its own slug" in lines


def test_no_last_day_without_penalty_for_the_calculator(tmp_path, capsys):
    cycle = changed("marks: [ce_last_day, last_day_without_penalty]", "marks: [ce_last_day]")
    line = line_of(cycle, "  milestones:")
    assert_reports(
        tmp_path, capsys, cycle,
        f"{CYCLE}:{line + 1}:5: error: timeline.milestones: no milestone is marked last_day_without_penalty; the "
        "calculator needs that date and rejects every input without it (add the mark to the flyer's last day to apply "
        "without a late fee)",
    )


def test_last_day_without_penalty_that_varies(tmp_path, capsys):
    cycle = changed("    - date: 2029-10-01\n      caption: Applications open.\n      marks: [opens]",
                    "    - date: varies\n      caption: Applications open.\n      marks: [opens, last_day_without_penalty]")
    cycle = changed("marks: [ce_last_day, last_day_without_penalty]", "marks: [ce_last_day]", cycle)
    line = line_of(cycle, "- date: varies")
    assert_reports(
        tmp_path, capsys, cycle,
        f"{CYCLE}:{line}:13: error: timeline.milestones[0].date: the milestone marked last_day_without_penalty needs a "
        "date, not 'varies'; the calculator counts the days to it",
    )


def test_a_de_sentence_that_contradicts_the_limit(tmp_path, capsys):
    cycle = changed("(5 hours) may be", "(6 hours) may be")
    line = line_of(cycle, "de_text:")
    assert_reports(
        tmp_path, capsys, cycle,
        f"{CYCLE}:{line}:16: error: ce.components[0].de_text: says 6 hours, but de_limit is 5 hours; correct one of them "
        "(or leave de_text out: the page then states the limit itself)",
    )


@pytest.mark.parametrize(
    "new, message",
    [
        ("A $40 late fee applies after {date:last_day_without_penalty}.", "says $40, but the fee's amount is 50; correct one of them"),
        ("A $50 late fee applies after {date:2030-04-01}.", "says {date:2030-04-01}, but applies_after is 2030-03-31; correct one of them"),
        ("A $50 late fee applies after {date:last_day}.", "says {date:last_day} (2030-04-30), but applies_after is 2030-03-31; correct one of them"),
    ],
)
def test_a_late_fee_sentence_that_contradicts_its_values(tmp_path, capsys, new, message):
    cycle = changed("A $50 late fee applies after {date:last_day_without_penalty}.", new)
    line = line_of(cycle, "text: A $")
    assert_reports(tmp_path, capsys, cycle, f"{CYCLE}:{line}:13: error: timeline.late_fees[0].text: {message}")


def test_a_character_yaml_refuses(tmp_path, capsys):
    cycle = changed("name: The office", "name: The office\ufffe")
    line = line_of(cycle, "name: The office")
    assert_reports(
        tmp_path, capsys, cycle,
        f"{CYCLE}:{line}:21: error: contacts[0].name: control character U+FFFE (control character), often pasted from "
        "a PDF; delete it",
    )


def test_marks_that_are_not_a_list_are_reported_not_a_traceback(tmp_path, capsys):
    cycle = changed("      marks: [opens]", "      marks: x")
    line = line_of(cycle, "marks: x")
    assert_reports(tmp_path, capsys, cycle, f"{CYCLE}:{line}:14: error: timeline.milestones[0].marks: expected a list, got text ('x')")


def test_the_minimal_cycles_calculator_accepts_input(tmp_path, capsys):
    courses = tmp_path / "courses.json"
    courses.write_text('{"schema": 1, "cycle": "2030/emt", "courses": '
                       '[{"title": "Airway", "date": "2029-01-10", "hours": 2, "approval": "MA-T1-1"}]}', encoding="utf-8")
    assert main(["calc", "--content", str(write_content(tmp_path)), str(courses), "--today", "2030-01-15"]) == 0
    assert '"errors"' not in capsys.readouterr().out


BUILT_ON = dt.date(2030, 1, 15)
WRONG_VALUES = ["[]", "{}", "~", "x", "-1", "varies", "2030-02-30", "[a, b]", "*a", "true"]


def test_no_single_value_changed_ends_in_a_traceback(tmp_path):
    """Every value of the minimal cycle replaced in turn by a wrong one: always messages, never an exception."""
    lines = MINIMAL_CYCLE.splitlines()
    content = write_content(tmp_path)
    target = content / "2030" / "emt.yaml"
    tried = 0
    for index, line in enumerate(lines):
        key, colon, _ = line.partition(":")
        if not colon:
            continue
        for wrong in WRONG_VALUES:
            target.write_text("\n".join(lines[:index] + [f"{key}: {wrong}"] + lines[index + 1:]) + "\n", encoding="utf-8")
            report = Report()
            loaded = load_content(content, report)
            assert loaded is not None or report.errors, (line, wrong)
            if loaded is not None:
                for cycle in build_model(loaded, BUILT_ON).cycles:
                    rules_for(cycle)
            tried += 1
    assert tried > 400


# ---- every other check of the validator, one case each ----------------------------------


@pytest.mark.parametrize(
    "old, new, expected",
    [
        pytest.param("    url: https://example.org/flyer.pdf\n", "",
                     f"{CYCLE}:5:5: error: sources[0]: a source needs a 'file' name or a 'url'", id="source-without-file-or-url"),
        pytest.param("contacts:\n", "contacts:\n  - id: office\n    name: Again\n",
                     f"{CYCLE}:14:9: error: contacts[1].id: contact id 'office' is used twice", id="id-used-twice"),
        pytest.param("      marks: [opens]\n", "      marks: [opens]\n      source: poster\n",
                     f"{CYCLE}:37:15: error: timeline.milestones[0].source: unknown source 'poster'; expected one of: flyer",
                     id="unknown-source"),
        pytest.param("    title: Profile\n", "    title: Profile\n    site: portal\n",
                     f"{CYCLE}:20:11: error: steps[0].site: unknown link 'portal'; expected one of the ids under 'links': none defined",
                     id="unknown-link"),
        pytest.param("    distributive_codes: [T3]\n", "    distributive_codes: [T3]\n    non_distributive_codes: [T1, T3]\n",
                     f"{CYCLE}:56:29: error: ce.approval.non_distributive_codes: code T3 is listed both as distributive and as not distributive",
                     id="code-both-ways"),
        pytest.param("    issuers: [OEMS]", "    issuers: [OEMS, OEMS]",
                     f"{CYCLE}:54:21: error: ce.approval.issuers[1]: 'OEMS' is listed twice", id="listed-twice"),
        pytest.param("      marks: [opens]", "      marks: [opens, last_day]",
                     f"{CYCLE}:42:14: error: timeline.milestones[2].marks: mark 'last_day' is already on timeline.milestones[0]",
                     id="mark-twice"),
        pytest.param("    last_day: 2030-03-31\n  approval", "    last_day: 2030-05-31\n  approval",
                     f"{CYCLE}:51:15: error: ce.window.last_day: last day for continuing education (2030-05-31) is after the last "
                     "deadline on the timeline (2030-04-30)", id="ce-after-last-deadline"),
        pytest.param("    last_day: 2030-03-31\n  approval", "    last_day: 2030-03-30\n  approval",
                     f"{CYCLE}:37:13: error: timeline.milestones[1].date: milestone marked ce_last_day is 2030-03-31, but "
                     "ce.window.last_day is 2030-03-30", id="ce-last-day-mismatch"),
        pytest.param("      marks: [opens]", "      marks: [opens, ce_start]",
                     f"{CYCLE}:34:13: error: timeline.milestones[0].date: milestone marked ce_start is 2029-10-01, but "
                     "ce.window.start is 2028-04-01", id="ce-start-mismatch"),
        pytest.param("    start: 2028-04-01", "    start: 2030-04-15",
                     f"{CYCLE}:50:12: error: ce.window.start: window starts (2030-04-15) after its last day (2030-03-31)",
                     id="window-starts-after-its-last-day"),
        pytest.param("      applies_after: 2030-03-31", "      applies_after: 2030-03-01",
                     f"{CYCLE}:45:22: error: timeline.late_fees[0].applies_after: late fee starts before the last day without "
                     "penalty (2030-03-31)", id="late-fee-before-penalty"),
        pytest.param("last_verified: 2029-11-01", "last_verified: 2029-09-01",
                     f"{CYCLE}:8:16: warning: last_verified: last verified 2029-09-01, before this cycle opened on 2029-10-01; "
                     "check the sources again", id="verified-before-the-cycle-opened"),
        pytest.param("level: emt\n", "level: paramedic\n",
                     f"{CYCLE}:1:8: error: level: level 'paramedic' does not match the file name emt.yaml", id="level-not-file-name"),
        pytest.param("    name: The office\n", "    name: \"  \"\n",
                     f"{CYCLE}:13:11: error: contacts[0].name: expected text, got an empty value", id="empty-text"),
        pytest.param("amount: 25\n", "amount: 25.125\n",
                     f"{CYCLE}:29:21: error: steps[0].substeps[0].fees[0].amount: expected a dollar amount with at most 2 "
                     "decimal places, got '25.125'", id="too-many-decimal-places"),
        pytest.param("year: 2030", "year: twenty",
                     f"{CYCLE}:3:7: error: year: expected a cycle year from 2000 to 2100, got text ('twenty')", id="year-not-a-number"),
        pytest.param("year: 2030", "year: 1999",
                     f"{CYCLE}:3:7: error: year: expected a cycle year from 2000 to 2100, got 1999", id="year-out-of-range"),
        pytest.param("nremt: false", "nremt: maybe",
                     f"{CYCLE}:31:20: error: steps[0].substeps[0].fees[0].nremt: expected true or false, got text ('maybe')",
                     id="not-true-or-false"),
        pytest.param("    help:\n      text: Call the office at 617-555-0100.\n      contacts: [office]\n",
                     "    help: Call the office.\n",
                     f"{CYCLE}:20:11: error: steps[0].help: expected a mapping of keys, got text ('Call the office.')",
                     id="not-a-mapping"),
    ],
)
def test_each_cross_check(tmp_path, capsys, old, new, expected):
    assert_reports(tmp_path, capsys, changed(old, new), expected, strict=": warning: " in expected)


def test_a_file_outside_year_folders(tmp_path, capsys):
    content = write_content(tmp_path)
    (content / "notes.yaml").write_text("a: 1\n", encoding="utf-8")
    assert check(content, capsys) == (1, ["content/notes.yaml:1:1: error: unexpected content file; a cycle file goes in content/<year>/<level>.yaml"])


def test_no_site_file(tmp_path, capsys):
    content = write_content(tmp_path)
    (content / "site.yaml").unlink()
    assert check(content, capsys) == (1, ["content/site.yaml:1:1: error: missing site file; expected site name, levels and links here"])


def test_no_content_folder(tmp_path, capsys):
    assert check(tmp_path / "nowhere", capsys) == (1, [f"{tmp_path / 'nowhere'}:1:1: error: content folder not found"])


def test_a_file_that_is_not_utf8(tmp_path, capsys):
    content = write_content(tmp_path)
    (content / "2030" / "emt.yaml").write_bytes(MINIMAL_CYCLE.replace("The office", "The \xa0office").encode("latin-1"))
    line = line_of(MINIMAL_CYCLE, "name: The office")
    assert check(content, capsys) == (1, [
        f"{CYCLE}:{line}:15: error: byte 0xa0 is not UTF-8 text; save the file as UTF-8 (often a character pasted from a "
        "PDF or a word processor)"
    ])


def test_an_empty_file(tmp_path, capsys):
    content = write_content(tmp_path, "# nothing here yet\n")
    assert check(content, capsys) == (1, [f"{CYCLE}:1:1: error: file is empty; expected a mapping of keys"])


def test_a_file_that_cannot_be_read(tmp_path, capsys, monkeypatch):
    content = write_content(tmp_path)
    unreadable = content / "2030" / "emt.yaml"
    real_read = Path.read_bytes

    def read_bytes(path):
        if path == unreadable:
            raise PermissionError(13, "Permission denied")
        return real_read(path)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    assert check(content, capsys) == (1, [f"{CYCLE}:1:1: error: cannot read file: Permission denied"])


def test_a_yaml_reader_error_is_located(tmp_path, capsys, monkeypatch):
    """Control characters are replaced before parsing; should the parser still refuse a character, it is located."""
    content = write_content(tmp_path)
    at = MINIMAL_CYCLE.index("The office")

    real_compose = yaml.compose

    def compose(text, Loader):
        if text != MINIMAL_CYCLE:
            return real_compose(text, Loader=Loader)
        raise yaml.reader.ReaderError("emt.yaml", at, 0x1, "utf-8", "special characters are not allowed")

    monkeypatch.setattr(yaml_source.yaml, "compose", compose)
    line = line_of(MINIMAL_CYCLE, "The office")
    assert check(content, capsys) == (1, [
        f"{CYCLE}:{line}:11: error: YAML error: unacceptable character #x0001: special characters are not allowed"
    ])


def test_a_second_file_for_a_cycle_in_the_preview(tmp_path):
    """The preview re-checks one edited file against the cycles already loaded."""
    content = write_content(tmp_path)
    report = Report()
    edited = content / "2030" / "emt.yaml"
    assert load_cycle_file(edited, content, report, {"emt"}, {(2030, "emt"): "content/2030/emt.yml"}) is None
    assert [str(d) for d in report.errors] == [
        f"{CYCLE}:1:1: error: a second file for the 2030 emt cycle; content/2030/emt.yml already defines it"
    ]
