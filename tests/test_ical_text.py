"""The calendar writer's text format, read back by the icalendar package."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from generator.text import ical_text


def one_event(summary: str) -> bytes:
    return ical_text.content_lines([
        ("BEGIN", "VCALENDAR"), ("VERSION", "2.0"), ("PRODID", "-//test//EN"),
        ("BEGIN", "VEVENT"), ("UID", "1@test"), ("DTSTAMP", "20240101T000000Z"),
        ("DTSTART;VALUE=DATE", "20240101"), ("SUMMARY", ical_text.text(summary)),
        ("END", "VEVENT"), ("END", "VCALENDAR"),
    ])


def test_long_lines_fold_at_75_octets_without_splitting_a_character():
    summary = "Recertification – café " * 12
    data = one_event(summary)
    lines = data.split(b"\r\n")
    assert max(len(line) for line in lines) == 75
    for line in lines:
        line.decode("utf-8")  # raises if a fold cut a character in two
    assert str(Calendar.from_ical(data).walk("VEVENT")[0]["SUMMARY"]) == summary


def test_commas_semicolons_backslashes_and_newlines_survive():
    summary = "Fees: $25, $20; see\\notes\nand call"
    event = Calendar.from_ical(one_event(summary)).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == summary


def test_every_line_ends_with_crlf():
    data = one_event("short")
    assert data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b"")


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=300))
def test_any_summary_reads_back_unchanged(summary):
    data = one_event(summary)
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))
    assert str(Calendar.from_ical(data).walk("VEVENT")[0]["SUMMARY"]) == summary
