"""Pull the checkable facts out of text: the one fact extractor of the project.

Used on both sides of source coverage: on an official flyer's text and on the
text of a built guidance page. Each fact has a kind, the words as written, a
`key` that two spellings of the same fact share (`3/31/18` and `MARCH 31,
2018` both have the key 2018-03-31), and the line it starts on. Facts are
found one by one, so the order of lines does not matter: text taken from a
two-column PDF, where lines of the two columns interleave, gives the same
facts as the flyer read column by column.

The patterns are written here rather than taken from a date-search library
(dateparser's search_dates, datefinder): those read generously ("may", "2 to
5"), and here an invented fact is a false error and a missed one a lost fact.
The tests read every date found back with dateutil and compare.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Iterator

from recert_engine.values import MONTH_NAMES
from recert_engine.vocabulary import APPROVAL_CODES

KINDS = ("money", "date", "phone", "email", "web", "hours", "approval-code")

MONTH_NUMBER = {name.lower(): number for number, name in enumerate(MONTH_NAMES, start=1)}
MONTH_NUMBER.update({name[:3]: number for name, number in list(MONTH_NUMBER.items())})
MONTH_NUMBER["sept"] = 9


def _month_words() -> str:
    # "March", "MARCH", "Mar." but never "march" or "may": in running text
    # those are a verb, not a date.
    words = sorted(MONTH_NUMBER, key=len, reverse=True)
    return "|".join(f"{w.capitalize()}|{w.upper()}" for w in words)


MONTH = rf"(?P<month>{_month_words()})\.?"
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
YEAR = r"(?P<year>(?:19|20)\d\d)"

# A date written with its month's name may run over a line break ("April 1,"
# at the end of one line, "2018." on the next): \s crosses lines.
DATE_PATTERNS = [
    re.compile(rf"(?<![\w/-])(?P<month>[01]?\d)/(?P<day>[0-3]?\d)/(?P<year>\d{{4}}|\d\d)(?![\w/-])"),
    re.compile(rf"(?<![\w/-])(?P<month>[01]?\d)-(?P<day>[0-3]?\d)-{YEAR}(?![\w/-])"),
    re.compile(rf"(?<![\w-]){YEAR}-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?![\w-])"),
    re.compile(rf"(?<!\w){MONTH}\s+{DAY}(?:\s*,\s*|\s+){YEAR}(?!\w)"),
    re.compile(rf"(?<![\w/.]){DAY}\s+{MONTH}\s*,?\s+{YEAR}(?!\w)"),
]
# A month and day with no year ("by April 1"): the year comes from context.
MONTH_DAY = re.compile(rf"(?<!\w){MONTH}\s+{DAY}(?![\w/])")

MONEY = re.compile(r"\$\s?(?P<amount>\d{1,3}(?:,\d{3})+|\d+)(?P<cents>\.\d\d)?(?![\d,]\d)")
PHONE = re.compile(r"(?<![\w-])(?:\((?P<a1>\d{3})\)\s?|(?P<a2>\d{3})[-. ])(?P<b>\d{3})[-.](?P<c>\d{4})(?![\w-])")
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}")
TOP_LEVEL = r"(?:org|gov|com|net|edu|us|info)"
WEB = re.compile(
    rf"(?<![\w@./-])(?:(?:https?://)[^\s<>\"')\]]+|(?:www\.)?(?:[A-Za-z0-9-]+\.)+{TOP_LEVEL}(?![\w@-])(?:/[^\s<>\"')\]]*)?)",
    re.IGNORECASE,
)
HOURS = re.compile(
    r"(?<![\w.$/-])(?P<number>\d+(?:\.\d+)?)\s*(?:-\s*)?(?:total\s+)?(?:hours?|hrs?|h)(?![\w-])",
    re.IGNORECASE,
)
APPROVAL_CODE = re.compile(rf"(?<![\w-])(?:{'|'.join(APPROVAL_CODES)})(?![\w-])")


@dataclass(frozen=True)
class Fact:
    kind: str  # one of KINDS
    key: str  # what two spellings of one fact share
    text: str  # as written
    line: int  # 1-based line of the text it was found in
    guessed_year: bool = False  # a date whose year came from context

    def __str__(self) -> str:
        return f"{self.text!r} ({self.kind})"


class LineIndex:
    """Line numbers for offsets into one text."""

    def __init__(self, text: str):
        self.starts = [0] + [m.end() for m in re.finditer(r"\n", text)]

    def line(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset)


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _date_key(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:  # "13/45/2018" is not a date
        return None


def _month(value: str) -> int:
    return int(value) if value.isdigit() else MONTH_NUMBER[value.lower().rstrip(".")]


def _year(value: str) -> int:
    return 2000 + int(value) if len(value) == 2 else int(value)


def money_key(amount: str, cents: str | None = None) -> str:
    value = Decimal(amount.replace(",", "") + (cents or ""))
    if value == value.to_integral_value():
        return f"${int(value)}"
    return f"${value:.2f}"


def number_key(value: str) -> str:
    number = Decimal(value)
    if number == number.to_integral_value():
        return str(int(number))
    return format(number.normalize(), "f")


def web_key(address: str) -> str:
    """mass.gov/dph/oems for http://www.mass.gov/dph/oems/ and WWW.MASS.GOV/DPH/OEMS."""
    key = re.sub(r"^https?://", "", address.lower())
    key = key.removeprefix("www.")
    return key.rstrip(".,;:!?/")


def web_covers(shown: str, wanted: str) -> bool:
    """An address covers another when it is the same or goes deeper on the same
    site: a page linking to mass.gov/dph/oems shows mass.gov."""
    return shown == wanted or shown.startswith(wanted + "/")


def _dates(text: str, lines: LineIndex, fallback_year: int | None) -> Iterator[Fact]:
    taken: list[tuple[int, int]] = []
    full: list[Fact] = []
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(text):
            if any(start < match.end() and match.start() < end for start, end in taken):
                continue
            key = _date_key(_year(match["year"]), _month(match["month"]), int(match["day"]))
            if key is None:
                continue
            taken.append(match.span())
            full.append(Fact("date", key, _one_line(match.group(0)), lines.line(match.start())))
    yield from full
    for match in MONTH_DAY.finditer(text):
        if any(start < match.end() and match.start() < end for start, end in taken):
            continue
        line = lines.line(match.start())
        # The year of the nearest fully written date in the same text, else the cycle's.
        nearest = min(full, key=lambda f: (abs(f.line - line), f.line), default=None)
        year = int(nearest.key[:4]) if nearest else fallback_year
        if year is None:
            continue
        key = _date_key(year, _month(match["month"]), int(match["day"]))
        if key is not None:
            yield Fact("date", key, _one_line(match.group(0)), line, guessed_year=True)


def extract_facts(text: str, fallback_year: int | None = None) -> list[Fact]:
    """Every fact of every kind in `text`, in order of kind, then of position.

    `fallback_year` dates a month and day written without a year when the text
    has no fully written date to take the year from (the cycle's year).
    """
    lines = LineIndex(text)
    facts: list[Fact] = []

    def add(kind: str, key: str, match: re.Match) -> None:
        facts.append(Fact(kind, key, _one_line(match.group(0)), lines.line(match.start())))

    for match in MONEY.finditer(text):
        add("money", money_key(match["amount"], match["cents"]), match)
    facts.extend(_dates(text, lines, fallback_year))
    for match in PHONE.finditer(text):
        add("phone", f"{match['a1'] or match['a2']}-{match['b']}-{match['c']}", match)
    emails = list(EMAIL.finditer(text))
    for match in emails:
        add("email", match.group(0).lower().rstrip("."), match)
    for match in WEB.finditer(text):
        if not any(e.start() <= match.start() < e.end() for e in emails):
            written = match.group(0).rstrip(".,;:!?")  # the sentence's full stop is not part of it
            facts.append(Fact("web", web_key(written), written, lines.line(match.start())))
    for match in HOURS.finditer(text):
        add("hours", number_key(match["number"]), match)
    for match in APPROVAL_CODE.finditer(text):
        add("approval-code", match.group(0), match)
    return facts


def fact_key(kind: str, written: str, fallback_year: int | None = None) -> str | None:
    """The key of `written` read as one fact of `kind`, or None when it is not
    one (used to check acknowledged facts in cycle files)."""
    found = [f for f in extract_facts(written, fallback_year) if f.kind == kind]
    if len(found) != 1:
        return None
    return found[0].key
