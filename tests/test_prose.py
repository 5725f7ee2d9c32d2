"""How the generator writes dates, hours, money and DE allowances: the same
words on every page, and the same as the engine's messages and the browser's
(tests/js/format.test.mjs)."""

import datetime as dt
import locale
from decimal import Decimal

import pytest

from generator.text import prose


def test_dates_read_the_same_whatever_the_locale():
    day = dt.date(2016, 4, 1)
    before = locale.setlocale(locale.LC_TIME)
    try:
        try:
            locale.setlocale(locale.LC_TIME, "de_DE.UTF-8")
        except locale.Error:
            pass  # not installed here: the English result is checked all the same
        assert prose.long_date(day) == "April 1, 2016"
    finally:
        locale.setlocale(locale.LC_TIME, before)
    assert str(prose.date_tag(day)) == '<time datetime="2016-04-01">April 1, 2016</time>'


@pytest.mark.parametrize("value, number, hours", [
    (Decimal("30"), "30", "30 hours"),
    ("12.5", "12.5", "12.5 hours"),
    (Decimal("12.50"), "12.5", "12.5 hours"),
    ("1", "1", "1 hour"),
    ("0.25", "0.25", "0.25 hours"),
])
def test_hours(value, number, hours):
    assert prose.number(value) == number
    assert prose.hours(value) == hours


@pytest.mark.parametrize("value, text", [
    (None, "No limit"),
    ("0", "None"),
    (Decimal("0.00"), "None"),
    ("10", "10 hours at most"),
    (Decimal("1"), "1 hour at most"),
])
def test_de_allowance_has_one_wording(value, text):
    assert prose.de_limit(value) == text


def test_window_start_is_a_date_or_the_day_after_the_last_recertification():
    assert prose.window_start("after_last_recertification") == "the day after your last recertification"
    assert str(prose.window_start(dt.date(2016, 4, 1))) == '<time datetime="2016-04-01">April 1, 2016</time>'


def test_money():
    assert [prose.money(Decimal(v)) for v in ("25", "12.5", "1200")] == ["$25", "$12.50", "$1,200"]


def test_a_milestone_without_a_fixed_date_reads_varies():
    assert prose.milestone_date("varies") == "Varies"
    assert str(prose.milestone_date(dt.date(2018, 3, 31))) == '<time datetime="2018-03-31">March 31, 2018</time>'
