"""`check --sources`: a publisher learns which flyer facts their page lost or changed.

Every case runs the command on a copy of the made-up 2030 EMT cycle and its
made-up text flyer (tests/sources/fixture), changes one thing, and asserts
the exact lines a publisher reads.
"""

from __future__ import annotations

import pytest

from generator.__main__ import main
from tests.sources.conftest import FLYER

CYCLE_FILE = "content/2030/emt.yaml"


def test_a_faithful_page_passes_strict(project, capsys):
    code, lines, err = project.check("--strict", capsys=capsys)
    assert (code, lines) == (0, [])
    assert "source coverage: 1 cycle(s), 1 document(s) read, 15 fact(s): 0 missing from the page" in err


def test_without_sources_the_flyers_are_not_read(project, capsys):
    (project.sources / FLYER).unlink()
    code, lines, _ = project.check("--strict", capsys=capsys, sources=False)
    assert (code, lines) == (0, [])


def test_a_fact_removed_from_the_page_is_an_error_at_the_flyer_line(project, capsys):
    project.edit_cycle("        fees:\n          - amount: 15\n            who: Training profile fee\n", "")
    code, lines, err = project.check(capsys=capsys)
    assert code == 1
    assert lines == [f"{project.sources / FLYER}:6: error: fact '$15' (money) is not on 2030/emt"]
    assert "1 missing from the page" in err


def test_a_fact_written_several_times_is_reported_once_with_its_other_lines(project, capsys):
    project.edit_flyer("Training profile fee: $15\n", "Training profile fee: $15\n(the $15 is paid online)\n")
    project.edit_cycle("        fees:\n          - amount: 15\n            who: Training profile fee\n", "")
    code, lines, _ = project.check(capsys=capsys)
    assert (code, lines) == (1, [f"{project.sources / FLYER}:6: error: fact '$15' (money) is not on 2030/emt (also line 7)"])


def test_a_changed_phone_number_is_missing_and_the_new_one_unsourced(project, capsys):
    project.edit_cycle("    phone: 617-555-0100\n", "    phone: 617-555-0199\n")
    project.edit_cycle("at 617-555-0100.", "at 617-555-0199.")
    code, lines, _ = project.check(capsys=capsys)
    assert code == 1
    assert lines == [
        f"{project.sources / FLYER}:10: error: fact '617-555-0100' (phone) is not on 2030/emt",
        f"{CYCLE_FILE}:5:1: warning: sources: fact '617-555-0199' (phone) is on 2030/emt but in none of its "
        "source files; name the source it comes from, or acknowledge it with a reason under that source",
    ]


def test_a_fact_only_on_the_page_is_a_warning_and_fails_strict(project, capsys):
    project.edit_cycle("  overview: Continuing education is 40 hours in two parts.",
                       "  overview: Continuing education is 40 hours in two parts; a course costs $99.")
    code, lines, _ = project.check(capsys=capsys)
    assert code == 0
    assert lines == [
        f"{CYCLE_FILE}:5:1: warning: sources: fact '$99' (money) is on 2030/emt but in none of its source files; "
        "name the source it comes from, or acknowledge it with a reason under that source",
    ]
    code, _, err = project.check("--strict", capsys=capsys)
    assert code == 1 and "warnings fail the check because of --strict" in err


@pytest.mark.parametrize("written, changed, line, reading", [
    ("by 03/31/2030.", "by 03/30/2030.", 9, "2030-03-30"),
    ("(3/31/30)", "(3/30/30)", 14, "2030-03-30"),
    ("MARCH 31, 2030    Last", "MARCH 30, 2030    Last", 14, "2030-03-30"),
    ("until March 31, 2030.", "until March 30, 2030.", 19, "2030-03-30"),
    ("after April 1.", "after April 2.", 16, "2030-04-02"),  # the year from context
])
def test_a_date_is_found_however_the_flyer_writes_it(project, capsys, written, changed, line, reading):
    project.edit_flyer(written, changed)
    code, lines, _ = project.check(capsys=capsys)
    spelled = changed.removeprefix("by ").removeprefix("(").removeprefix("until ").removeprefix("after ")
    spelled = spelled.rstrip(".)").removesuffix("    Last")
    assert code == 1
    assert [line for line in lines if ": error: " in line] == [
        f"{project.sources / FLYER}:{line}: error: fact '{spelled}' (date) is not on 2030/emt (read as {reading})"
    ]


ACKNOWLEDGED = """    file: example-2030-emt.txt
    acknowledged:
      - fact: "$15"
        kind: money
        reason: The training profile fee is waived this cycle (test case).
"""


def test_an_acknowledged_difference_passes_strict(project, capsys):
    project.edit_cycle("        fees:\n          - amount: 15\n            who: Training profile fee\n", "")
    project.edit_cycle("    file: example-2030-emt.txt\n", ACKNOWLEDGED)
    code, lines, err = project.check("--strict", capsys=capsys)
    assert (code, lines) == (0, [])
    assert "0 missing from the page, 0 on the page but in no source, 1 acknowledged" in err


def test_a_changed_fact_can_be_acknowledged_with_the_page_spelling(project, capsys):
    project.edit_cycle("    phone: 617-555-0100\n", "    phone: 617-555-0199\n")
    project.edit_cycle("at 617-555-0100.", "at 617-555-0199.")
    project.edit_cycle("    file: example-2030-emt.txt\n", """    file: example-2030-emt.txt
    acknowledged:
      - fact: 617-555-0100
        kind: phone
        on_page: (617) 555-0199
        reason: The help desk moved to a new number after the flyer was printed (test case).
""")
    code, lines, _ = project.check("--strict", capsys=capsys)
    assert (code, lines) == (0, [])


def test_an_acknowledgement_that_is_no_longer_needed_is_reported(project, capsys):
    project.edit_cycle("    file: example-2030-emt.txt\n", ACKNOWLEDGED)
    code, lines, _ = project.check(capsys=capsys)
    assert code == 0
    assert lines == [
        f"{CYCLE_FILE}:10:9: warning: sources[0].acknowledged[0]: acknowledged fact '$15' (money) is no longer "
        "a difference between the sources and 2030/emt; remove the acknowledgement",
    ]


@pytest.mark.parametrize("entry, message", [
    ('      - fact: fifteen dollars\n        kind: money\n        reason: r\n',
     "10:15: error: sources[0].acknowledged[0].fact: 'fifteen dollars' does not read as one money fact; "
     "write it as the source does"),
    ('      - fact: "$15"\n        kind: fee\n        reason: r\n',
     "11:15: error: sources[0].acknowledged[0].kind: expected one of money, date, phone, email, web, hours, "
     "approval-code, got 'fee'"),
    ('      - fact: "$15"\n        kind: money\n',
     "10:9: error: sources[0].acknowledged[0].reason: missing required key 'reason' (why the page differs "
     "from the source)"),
    ('      - fact: "$15"\n        kind: money\n        why: r\n        reason: r\n',
     "12:9: error: sources[0].acknowledged[0].why: unknown key 'why'; expected one of: fact, kind, on_page, "
     "reason"),
])
def test_acknowledgements_are_validated_with_their_location(project, capsys, entry, message):
    project.edit_cycle("    file: example-2030-emt.txt\n", f"    file: example-2030-emt.txt\n    acknowledged:\n{entry}")
    code, lines, _ = project.check(capsys=capsys, sources=False)
    assert code == 1
    assert lines == [f"{CYCLE_FILE}:{message}"]


def test_a_missing_source_file_is_a_warning_and_fails_strict(project, capsys):
    (project.sources / FLYER).unlink()
    code, lines, _ = project.check(capsys=capsys)
    assert code == 0
    assert lines == [
        f"{CYCLE_FILE}:8:11: warning: sources[0].file: {project.sources / FLYER}: source file not found; "
        f"put the document in {project.sources}/ (or give --sources) to check 2030/emt against it",
    ]
    code, _, _ = project.check("--strict", capsys=capsys)
    assert code == 1


def test_with_only_present_a_missing_source_file_is_a_note_and_passes_strict(project, capsys):
    """A shared folder of flyers (CI's) may lack a newly added cycle's flyer: said, not failed."""
    (project.sources / FLYER).unlink()
    code, lines, err = project.check("--strict", "--only-present", capsys=capsys)
    assert (code, lines) == (0, [])
    assert (f"{CYCLE_FILE}:8:11: note: sources[0].file: {project.sources / FLYER}: source file not found; "
            f"put the document in {project.sources}/ (or give --sources) to check 2030/emt against it") in err.splitlines()


def test_with_only_present_a_fact_removed_from_the_page_still_fails(project, capsys):
    project.edit_cycle("    phone: 617-555-0100\n", "    phone: 617-555-0199\n")
    project.edit_cycle("at 617-555-0100.", "at 617-555-0199.")
    code, lines, _ = project.check("--strict", "--only-present", capsys=capsys)
    assert code == 1
    assert f"{project.sources / FLYER}:10: error: fact '617-555-0100' (phone) is not on 2030/emt" in lines


def test_a_document_no_cycle_names_is_a_note_and_passes_strict(project, capsys):
    """The folder may keep the flyer of a cycle taken off the site: said, never a failure."""
    old = project.sources / "example-2028-emt.txt"
    old.write_text("Renew by 03/31/2028. State fee: $99. Call 617-555-0123.\n", encoding="utf-8")
    code, lines, err = project.check("--strict", capsys=capsys)
    assert (code, lines) == (0, [])
    assert (f"{old}:1: note: no cycle names this document under `sources` with `file:`, so its facts are not "
            "checked; if it is a published cycle's flyer, name it there") in err.splitlines()
    assert "1 document(s) read" in err


def test_the_default_sources_folder_is_beside_the_content(project, capsys, monkeypatch):
    project.edit_flyer("Training profile fee: $15", "Training profile fee: $16")
    monkeypatch.chdir(project.root)
    code = main(["check", "--content", "content", "--sources"])
    err = capsys.readouterr().err
    assert code == 1
    assert f"sources/{FLYER}:6: error: fact '$16' (money) is not on 2030/emt" in err.splitlines()


@pytest.mark.parametrize("data, message", [
    (b"", "the file is empty"),
    (b"  \n\n", "the file is empty"),
    (b"\x00\x01binary", "not a plain-text file (it holds binary data)"),
    (b"%PDF-1.7\n...", "this is a PDF; name it with .pdf so it is read as one"),
])
def test_an_unreadable_text_file_is_named_with_what_is_wrong(project, capsys, data, message):
    (project.sources / FLYER).write_bytes(data)
    code, lines, _ = project.check(capsys=capsys)
    assert code == 1
    assert lines == [f"{CYCLE_FILE}:8:11: error: sources[0].file: {project.sources / FLYER}: {message}"]


def test_a_source_file_name_with_a_folder_or_another_type_is_rejected(project, capsys):
    project.edit_cycle("    file: example-2030-emt.txt\n", "    file: ../flyer.docx\n")
    code, lines, _ = project.check(capsys=capsys, sources=False)
    assert code == 1
    assert lines == [
        f"{CYCLE_FILE}:8:11: error: sources[0].file: expected a file name ending in .pdf or .txt, without "
        "folders, got '../flyer.docx'"
    ]


def test_the_earlier_cycle_in_what_changed_is_not_taken_for_a_page_fact(project, capsys):
    """The 2030 page compares with 2028; the 2028 values come from 2028's sources."""
    text = (project.content / "2030" / "emt.yaml").read_text(encoding="utf-8")
    earlier = (
        text.replace("    file: example-2030-emt.txt\n", "    url: https://www.example.org/flyers/2028\n")
        .replace("2030", "2028").replace("2029", "2027")
        .replace("amount: 30", "amount: 12").replace("617-555-0100", "617-555-0111")
    )
    (project.content / "2028").mkdir()
    (project.content / "2028" / "emt.yaml").write_text(earlier, encoding="utf-8")
    code, lines, err = project.check("--strict", capsys=capsys)
    assert (code, lines) == (0, [])
    assert "1 cycle(s), 1 document(s) read" in err


def test_a_draft_cycle_is_checked_against_its_flyer(project, capsys):
    project.edit_cycle("year: 2030\n", "year: 2030\ndraft: true\n")
    project.edit_flyer("Training profile fee: $15", "Training profile fee: $16")
    code, lines, _ = project.check(capsys=capsys)
    assert code == 1
    assert f"{project.sources / FLYER}:6: error: fact '$16' (money) is not on 2030/emt" in lines
