"""Parsing and formatting of the two value kinds the engine handles: hours and dates.

Hours are ``Decimal`` throughout so that 0.25 + 0.5 is exactly 0.75 and the
same numbers come out of CPython and Pyodide.
"""

import datetime
import re
from decimal import Decimal, InvalidOperation

from .vocabulary import HOURS_DECIMAL_PLACES, MAX_YEAR, MIN_YEAR

ZERO = Decimal(0)
CENT = Decimal(1).scaleb(-HOURS_DECIMAL_PLACES)  # the smallest part of an hour: 0.01

_NUMBER_TEXT = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)\Z")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July",
           "August", "September", "October", "November", "December")


def to_decimal(value):
    """Number or numeric string -> finite Decimal, or None if it is not one.

    Floats go through repr() (shortest round-trip text) so 0.1 becomes
    Decimal("0.1"), not the binary approximation. Booleans are not numbers.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return None
        return Decimal(repr(value))
    if isinstance(value, str):
        text = value.strip()
        if not _NUMBER_TEXT.match(text):
            return None
        try:
            return Decimal(text)
        except InvalidOperation:  # pragma: no cover - regex already guards
            return None
    return None


def within_decimal_places(value):
    """True if value has at most HOURS_DECIMAL_PLACES decimals (1.25, 0.5 and 3, not 1.255)."""
    return value == value.quantize(CENT)


_JSON_NUMBERS = {}  # equal hours give equal JSON numbers, and few distinct hours occur


def json_number(value):
    """Decimal hours -> JSON number: int when whole, else float.

    Hours have at most two decimal places and stay far below 15 significant
    digits, so the float's repr is exactly the decimal text (12.5, 0.33) on
    every Python; that keeps the JSON byte-identical across runtimes.
    """
    number = _JSON_NUMBERS.get(value)
    if number is None:
        number = int(value) if value == value.to_integral_value() else float(value)
        if len(_JSON_NUMBERS) < 10_000:
            _JSON_NUMBERS[value] = number
    return number


def hours_text(value):
    """Decimal hours -> short text for messages: 10, 12.5, 0.25."""
    if value == value.to_integral_value():
        return str(int(value))
    return str(value.normalize())  # plain notation: at most 2 places, never tiny


def parse_date(value):
    """Strict YYYY-MM-DD text -> date, or None (wrong type, format or impossible day)."""
    if not isinstance(value, str) or not _ISO_DATE.match(value):
        return None
    try:
        day = datetime.date.fromisoformat(value)
    except ValueError:
        return None
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        return None
    return day


def date_text(day):
    """date -> 'April 1, 2016' (no locale dependence)."""
    return f"{MONTH_NAMES[day.month - 1]} {day.day}, {day.year}"
