"""`python -m generator check`: one case per class of content error.

Each case edits one line of a copy of the real content and asserts the exact
message, including file:line:column and the key path.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.__main__ import main

ROOT = Path(__file__).resolve().parent.parent
P2018 = "2018/paramedic.yaml"
A2024 = "2024/aemt.yaml"


def edit(content: Path, rel: str, old: str, new: str) -> int:
    """Replace one unique snippet; return the 1-based line where it starts."""
    path = content / rel
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"snippet not unique in {rel}: {old!r}"
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new), encoding="utf-8")
    return line


def run_check(content: Path, *extra: str, capsys) -> tuple[int, list[str]]:
    code = main(["check", "--content", str(content), *extra])
    err = capsys.readouterr().err
    return code, [line for line in err.splitlines() if ": error: " in line or ": warning: " in line]


@pytest.mark.parametrize(
    "rel, old, new, offset, column, message",
    [
        pytest.param(P2018, "last_verified: 2026-11-21\n", "last_verified: 2026-11-21\nsummary: extra\n", 1, 1,
                     "summary: unknown key 'summary'; expected one of: ce, certification, changes, contacts, draft, intro, "
                     "last_verified, level, level_name, links, notes, portal, sources, steps, timeline, year", id="unknown-key"),
        pytest.param(P2018, "  - id: training-officer\n    name:", "  - name:", 0, 5,
                     "contacts[0].id: missing required key 'id' (an id of lowercase letters, digits and dashes)",
                     id="missing-required"),
        pytest.param(P2018, "      hours: 30\n", "      hours: thirty\n", 0, 14,
                     "ce.components[0].hours: expected a number of hours, got text ('thirty')", id="wrong-type"),
        pytest.param(P2018, "    - date: 2017-10-01\n", "    - date: 2017-02-30\n", 0, 13,
                     "timeline.milestones[1].date: impossible date '2017-02-30'; no such day exists",
                     id="impossible-date"),
        pytest.param(P2018, "last_verified: 2026-11-21\n", "last_verified: 2126-11-21\n", 0, 16,
                     "last_verified: date '2126-11-21' is not in the years 1990 to 2100; check the year",
                     id="date-out-of-range"),
        pytest.param(P2018, "last_verified: 2026-11-21\n", "last_verified: 2026-11-21\nyear: 2018\n", 1, 1,
                     "year: duplicate key 'year'; it is already set at line 5", id="duplicate-key"),
        pytest.param(P2018, "      deliveries: [in_person]\n      delivery_text: >-\n", "      deliveries: [in_person]\n      body_text: >-\n", 1, 7,
                     "ce.components[1].body_text: unknown key 'body_text'; expected one of: body, de_limit, de_text, "
                     "deliveries, delivery_text, description, hours, id, name, national_content_only, source",
                     id="component-unknown-key"),
        pytest.param(P2018, "      deliveries: [in_person]\n", "      deliveries: [in_class]\n", 0, 20,
                     "ce.components[1].deliveries[0]: expected one of in_person, live_virtual, distributive, got 'in_class'",
                     id="unknown-delivery"),
        pytest.param(P2018, "      de_text: All of the INDIVIDUAL hours can be via Distributive Education (15 hours max).\n",
                     "      de_text: All of the INDIVIDUAL hours can be via Distributive Education (15 hours max).\n"
                     "      deliveries: [in_person]\n", 1, 19,
                     "ce.components[2].deliveries: a component that takes only some deliveries needs delivery_text "
                     "saying why, for the page and the calculator's reasons", id="deliveries-without-why"),
        pytest.param(P2018, "      de_limit: 10\n", "      de_limit: 10\n      deliveries: [distributive]\n      delivery_text: Online only.\n",
                     1, 19, "ce.components[0].deliveries: the component takes distributive courses only, but at most 10 of "
                     "its 30 hours may be distributive: it could never be complete", id="distributive-only-beyond-its-de-limit"),
        pytest.param(P2018, "        last_day: Last day to have all", "        ce_last_day: Last day to have all", 0, 9,
                     "timeline.milestones[4].labels.ce_last_day: names the deadline 'ce_last_day', but this milestone is "
                     "not marked 'ce_last_day'; add it to marks or remove the label", id="label-for-an-unmarked-deadline"),
        pytest.param(P2018, "  total_hours: 60\n", "  total_hours: 61\n", 0, 16,
                     "ce.total_hours: components add up to 60 hours (national 30 + local 15 + individual 15), "
                     "but total_hours is 61", id="components-do-not-add-up"),
        pytest.param(P2018, "      de_limit: 10\n", "      de_limit: 31\n", 0, 17,
                     "ce.components[0].de_limit: distributive-education limit 31 hours exceeds the component's "
                     "30 hours", id="de-limit-over-component"),
        pytest.param(P2018, "    - date: 2018-02-15\n", "    - date: 2017-09-15\n", 0, 13,
                     "timeline.milestones[2].date: timeline is out of date order: 2017-09-15 comes after 2017-10-01",
                     id="timeline-order"),
        pytest.param(A2024, "    last_day: 2024-03-31\n", "    last_day: 2024-05-31\n", 0, 15,
                     "ce.window.last_day: last day for continuing education (2024-05-31) is after the last "
                     "deadline on the timeline (2024-04-30)", id="ce-after-last-deadline"),
        pytest.param(P2018, "      contacts: [elicensing]\n", "      contacts: [helpdesk]\n", 0, 18,
                     "steps[2].help.contacts[0]: unknown contact 'helpdesk'; expected one of: elicensing, nremt, "
                     "oems, training-officer", id="unknown-reference"),
        pytest.param(P2018, "    distributive_codes_source: massgov-renew\n", "    distributive_codes_source: mass-gov\n", 0, 32,
                     "ce.approval.distributive_codes_source: unknown source 'mass-gov'; expected one of: capce-codes, "
                     "flyer, massgov-renew", id="unknown-distributive-codes-source"),
        pytest.param(P2018, "{date:2017-10-16}", "{date:2017-13-16}", -6, 11,
                     "ce.window.body: impossible date '2017-13-16' in {date:…}; expected YYYY-MM-DD",
                     id="impossible-date-in-prose"),
        pytest.param(P2018, "year: 2018\n", "year: 2019\n", 0, 7,
                     "year: year 2019 does not match the file's folder 2018/", id="year-folder-mismatch"),
        pytest.param(P2018, "level: paramedic\n", "level: medic\n", 0, 8,
                     "level: unknown level 'medic'; expected one of the slugs in site.yaml: aemt, emt, paramedic",
                     id="unknown-level"),
        pytest.param(P2018, "  milestones:\n", "  milestones: [\n", 1, 5,
                     "YAML syntax error: did not find expected node content", id="yaml-syntax"),
    ],
)
def test_each_error_class_is_reported_with_its_location(content_copy, capsys, rel, old, new, offset, column, message):
    line = edit(content_copy, rel, old, new) + offset
    code, lines = run_check(content_copy, capsys=capsys)
    assert code == 1
    expected = f"content/{rel}:{line}:{column}: error: {message}"
    assert expected in lines, "\n".join(lines)


def test_two_files_for_one_cycle_and_level(content_copy, capsys):
    shutil.copy(content_copy / P2018, content_copy / "2018" / "paramedic.yml")
    code, lines = run_check(content_copy, capsys=capsys)
    assert code == 1
    assert lines == [
        "content/2018/paramedic.yml:4:1: error: a second file for the 2018 paramedic cycle; "
        "content/2018/paramedic.yaml already defines it"
    ]


def test_all_errors_of_a_run_are_reported_together(content_copy, capsys):
    edit(content_copy, P2018, "      hours: 30\n", "      hours: thirty\n")
    edit(content_copy, A2024, "    - date: 2023-10-01\n", "    - date: 2023-02-29\n")
    edit(content_copy, "site.yaml", "site_name:", "site_title:")
    code, lines = run_check(content_copy, capsys=capsys)
    assert code == 1
    files = sorted({line.split(":")[0] for line in lines})
    assert files == ["content/2018/paramedic.yaml", "content/2024/aemt.yaml", "content/site.yaml"]
    assert len(lines) == 4  # site.yaml: unknown key and missing site_name


def test_strict_fails_on_warnings_plain_check_passes(content_copy, capsys):
    line = edit(content_copy, P2018, "last_verified: 2026-11-21\n", "last_verified: 2017-01-02\n")
    code, lines = run_check(content_copy, capsys=capsys)
    assert code == 0
    warning = (f"content/{P2018}:{line}:16: warning: last_verified: last verified 2017-01-02, before this cycle "
               "opened on 2017-10-01; check the sources again")
    assert lines == [warning]
    code, lines = run_check(content_copy, "--strict", capsys=capsys)
    assert code == 1
    assert lines == [warning]


def test_check_command_exits_non_zero_from_the_shell(content_copy):
    edit(content_copy, P2018, "      hours: 30\n", "      hours: -3\n")
    result = subprocess.run(
        [sys.executable, "-m", "generator", "check", "--content", str(content_copy)],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert result.returncode == 1
    assert "ce.components[0].hours: expected a number of hours of 0 or more, got '-3'" in result.stderr
