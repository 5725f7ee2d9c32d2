"""The fact extractor reads every way a flyer writes a fact, and nothing else."""

from __future__ import annotations

import datetime as dt

import pytest
from dateutil import parser

from generator.sources.facts import extract_facts, fact_key
from tests.conftest import SEEDS
from tests.sources.conftest import FIXTURE


def facts(text: str, kind: str, year: int | None = None) -> list[tuple[str, str]]:
    return [(f.text, f.key) for f in extract_facts(text, year) if f.kind == kind]


def test_one_date_written_four_ways_has_one_key():
    text = "by 03/31/2018 (3/31/18)\nMARCH 31, 2018 or March 31 2018\nand 2018-03-31, 3-31-2018, Mar. 31st, 2018"
    assert facts(text, "date") == [
        ("03/31/2018", "2018-03-31"), ("3/31/18", "2018-03-31"), ("3-31-2018", "2018-03-31"),
        ("2018-03-31", "2018-03-31"), ("MARCH 31, 2018", "2018-03-31"), ("March 31 2018", "2018-03-31"),
        ("Mar. 31st, 2018", "2018-03-31"),
    ]


def test_a_date_without_its_year_takes_the_year_of_the_nearest_full_date():
    text = "Opens October 1, 2017.\n\n\n\nLast day March 31, 2018.\nLate fee after April 1."
    (found,) = [f for f in extract_facts(text) if f.text == "April 1"]
    assert (found.key, found.guessed_year, found.line) == ("2018-04-01", True, 6)
    # With no full date in the text, the cycle's year.
    assert facts("due by April 1.", "date", year=2030) == [("April 1", "2030-04-01")]


def test_a_date_broken_over_lines_is_read_whole():
    text = "$50 late fee will\n\napply after April 1, \n\n2018.\n"
    (found,) = [f for f in extract_facts(text) if f.kind == "date"]
    assert (found.text, found.key, found.guessed_year, found.line) == ("April 1, 2018", "2018-04-01", False, 3)


@pytest.mark.parametrize("text", [
    "you may take 10 courses", "13/45/2018", "February 30, 2018", "version 1.2.2018", "1/3 of the hours",
])
def test_words_and_numbers_that_are_not_dates(text):
    assert facts(text, "date", year=2018) == []


def test_money():
    assert facts("fees $25, $ 1,250 and $12.50; $1253. Submit", "money") == [
        ("$25", "$25"), ("$ 1,250", "$1250"), ("$12.50", "$12.50"), ("$1253", "$1253"),
    ]


def test_phone_numbers_in_any_common_spelling_share_a_key():
    assert [key for _, key in facts("617-973-0935, (617) 973-0935, 617.973.0935", "phone")] == ["617-973-0935"] * 3
    assert facts("AR 2-212, 16-EMT-F3-0001, 2016-2018", "phone") == []


def test_e_mail_and_web_addresses():
    text = "email oems.recert@State.MA.us or visit www.mass.gov/dph/oems. See https://MASSEMT.org/ and NREMT.org"
    assert facts(text, "email") == [("oems.recert@State.MA.us", "oems.recert@state.ma.us")]
    assert facts(text, "web") == [
        ("www.mass.gov/dph/oems", "mass.gov/dph/oems"), ("https://MASSEMT.org/", "massemt.org"), ("NREMT.org", "nremt.org"),
    ]


def test_hour_figures():
    text = "(10h), 12.5 Hours, 30 Total Hours Required, 60 hours, 2 hrs; 2 to 5 business days; $15h"
    assert [key for _, key in facts(text, "hours")] == ["10", "12.5", "30", "60", "2"]


def test_approval_codes():
    assert [key for _, key in facts("T1, T2 or F5; not T6, AT3 or F3-0001", "approval-code")] == ["T1", "T2", "F5"]


def test_two_column_text_gives_the_same_facts_in_any_line_order():
    left = ["STEP 1", "Profile fee: $25", "Call 617-973-0935", "by March 31, 2018"]
    right = ["TIMELINE", "October 1, 2017 opens", "30 Total Hours", "T1 is not distributive"]
    column_by_column = "\n".join(left + right)
    interleaved = "\n".join(line for pair in zip(left, right) for line in pair)
    reversed_lines = "\n".join(reversed(left + right))

    def keys(text):
        return sorted((f.kind, f.key) for f in extract_facts(text))

    assert keys(column_by_column) == keys(interleaved) == keys(reversed_lines)
    assert len(keys(column_by_column)) == 6


def test_fact_key_reads_one_fact_of_the_kind_named():
    assert fact_key("money", "$1,253") == "$1253"
    assert fact_key("date", "3/31/18") == "2018-03-31"
    assert fact_key("date", "April 1", 2024) == "2024-04-01"
    assert fact_key("money", "125") is None
    assert fact_key("money", "$25 and $30") is None


def test_every_date_found_reads_the_same_with_dateutil():
    """The hand-written date patterns agree with a date library on what each date is."""
    texts = [(FIXTURE / "flyers" / "example-2030-emt.txt").read_text(encoding="utf-8"),
             "3-31-2018, Mar. 31st, 2018, 31 March 2018, 2018-03-31, Sept 1, 2017"]
    if SEEDS.is_dir():
        texts += [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    checked = 0
    for text in texts:
        for fact in extract_facts(text, 2030):
            if fact.kind != "date":
                continue
            default = dt.datetime(int(fact.key[:4]) if fact.guessed_year else 2000, 1, 1)
            assert parser.parse(fact.text, default=default).date().isoformat() == fact.key, fact.text
            checked += 1
    assert checked >= 10  # the fixture flyer and the list above; the official flyers add more when present
