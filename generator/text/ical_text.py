"""Just enough of RFC 5545's text format to write a calendar file.

A calendar file is content lines ("NAME;PARAM=VALUE:value"), ended by CRLF and
folded at 75 octets. Writing them here directly, instead of through a general
calendar library, keeps a 1000-cycle build fast; the tests read every file back
with the icalendar package to prove it is valid.
"""

from __future__ import annotations

import datetime as dt

FOLD_AT = 75  # octets per line, CRLF not counted (RFC 5545, 3.1)

_TEXT_ESCAPES = str.maketrans({"\\": "\\\\", ";": "\\;", ",": "\\,", "\n": "\\n", "\r": ""})


def text(value: str) -> str:
    """A TEXT value (RFC 5545, 3.3.11): backslash, semicolon, comma and newline escaped."""
    return value.translate(_TEXT_ESCAPES)


def date(day: dt.date) -> str:
    return day.strftime("%Y%m%d")


def utc_midnight(day: dt.date) -> str:
    """The start of a day in UTC, as a DATE-TIME."""
    return f"{date(day)}T000000Z"


def days_before(days: int) -> str:
    """A negative DURATION of whole days, e.g. -P7D."""
    return f"-P{days}D"


def fold(line: str) -> bytes:
    """One content line as bytes, folded so no line is longer than 75 octets;
    a fold never splits a UTF-8 character."""
    data = line.encode("utf-8")
    if len(data) <= FOLD_AT:
        return data + b"\r\n"
    parts: list[bytes] = []
    start, room = 0, FOLD_AT
    while len(data) - start > room:
        cut = start + room
        while data[cut] & 0xC0 == 0x80:  # a UTF-8 continuation byte: cut before its character
            cut -= 1
        parts.append(data[start:cut])
        start, room = cut, FOLD_AT - 1  # the continuation's leading space counts
    parts.append(data[start:])
    return b"\r\n ".join(parts) + b"\r\n"


def content_lines(lines: list[tuple[str, str]]) -> bytes:
    """(name with any parameters, already formatted value) pairs as file bytes."""
    return b"".join(fold(f"{name}:{value}") for name, value in lines)
