"""Markdown prose, dates, money and hours as people read them: the one
implementation of each for the generator (the browser's is site_src/js/lib/format.mjs).

Raw HTML in content is disabled: content is text, the templates own the markup.
`{date:YYYY-MM-DD}` in prose becomes a <time> element so every date on a page
is machine-readable (a date by name, `{date:ce_last_day}`, was already written
as its `{date:YYYY-MM-DD}` while loading: loading/date_references.py).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import lru_cache

from markdown_it import MarkdownIt
from markupsafe import Markup, escape

from generator.loading.schema import DATE_SHORTCODE
from recert_engine.values import date_text, hours_text

_md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})


# Dates and hours read exactly as in the engine's messages: one implementation.
long_date = date_text  # April 1, 2016, whatever the machine's locale


def time_tag(value: dt.date) -> Markup:
    # Both parts are digits and month names: nothing to escape.
    return Markup(f'<time datetime="{value.isoformat()}">{long_date(value)}</time>')


def date_tag(value: dt.date | str) -> Markup:
    """A date as a <time> element; a word standing for a date ("varies") as text."""
    if isinstance(value, str):
        return escape(value)
    return time_tag(value)


# A timeline milestone without a fixed date is written `date: varies`.
VARIES = "Varies"


def milestone_date(value: dt.date | str) -> Markup:
    """A timeline date, or "Varies" for a milestone without a fixed one."""
    return Markup(VARIES) if value == "varies" else time_tag(value)


def _dates_to_time(html: str) -> str:
    return DATE_SHORTCODE.sub(lambda m: str(time_tag(dt.date.fromisoformat(m.group(1)))), html)


# Cycles of one level repeat most of their prose, so each text is parsed once.
@lru_cache(maxsize=20000)
def markdown_block(text: str | None) -> Markup:
    if not text:
        return Markup("")
    return Markup(_dates_to_time(_md.render(text)))


@lru_cache(maxsize=20000)
def markdown_inline(text: str | None) -> Markup:
    if not text:
        return Markup("")
    return Markup(_dates_to_time(_md.renderInline(text)))


def fact_html(value) -> Markup:
    """One value from changes.py as HTML: a date, text, several lines, or nothing.
    A filter, not a template macro: the compare page shows thousands of them."""
    if value is None:
        return Markup('<span class="not-listed">Not listed</span>')
    if isinstance(value, (list, tuple)):
        items = "".join(f"<li>{escape(line)}</li>" for line in value)
        return Markup(f'<ul class="fact-lines">{items}</ul>')
    words = getattr(value, "words", None)  # changes.Worded: a value in the cycle's own words
    if words is not None:
        return Markup(f'{escape(value.value)} <span class="own-words">({escape(words)})</span>')
    return date_tag(value)


def plain_text(text: str) -> str:
    """Prose for places without HTML (rules.json, calendars): dates spelled out."""
    return DATE_SHORTCODE.sub(lambda m: long_date(dt.date.fromisoformat(m.group(1))), text)


def money(value: Decimal) -> str:
    if value == value.to_integral_value():
        return f"${int(value):,}"
    return f"${value:,.2f}"


def _decimal(value: Decimal | str) -> Decimal:
    # rules.json keeps hours as decimal strings ("12.5"); the content as Decimal.
    return value if isinstance(value, Decimal) else Decimal(value)


def number(value: Decimal | str) -> str:
    """Hours as a number: 30, 12.5, 0.25."""
    return hours_text(_decimal(value))


def hours(value: Decimal | str) -> str:
    """30 hours, 12.5 hours, 1 hour."""
    amount = _decimal(value)
    return f"{hours_text(amount)} {'hour' if amount == 1 else 'hours'}"


def de_limit(value: Decimal | str | None) -> str:
    """How much distributive education (DE) a component takes, worded the same
    on every page: "No limit", "None", "10 hours at most"."""
    if value is None:
        return "No limit"
    if _decimal(value) == 0:
        return "None"
    return f"{hours(value)} at most"


def de_sentence(limit: Decimal | str | None, total: Decimal | str) -> str:
    """The DE limit as a sentence, for a component whose flyer gives none of its own."""
    if limit is None:
        return "All of these hours may be distributive education (DE)."
    amount, whole = _decimal(limit), _decimal(total)
    if amount == 0:
        return "None of these hours may be distributive education (DE)."
    if amount == whole:
        return f"All {number(whole)} of these hours may be distributive education (DE)."
    return f"Up to {number(amount)} of these {number(whole)} hours may be distributive education (DE)."


# Where the CE window starts when it depends on the person.
AFTER_LAST_RECERTIFICATION = "the day after your last recertification"


def window_start(start: dt.date | str) -> Markup:
    """The first day hours count: a date, or the day after the person's last recertification."""
    if start == "after_last_recertification":
        return Markup(AFTER_LAST_RECERTIFICATION)
    return time_tag(start)


def tel_href(phone: str) -> str:
    return "tel:+1-" + phone


# A source the content names only by its file (a printed flyer): the file's
# name means nothing to a reader, so the page says how to get a copy instead.
NO_WEB_ADDRESS = "no web address listed; ask your Training Officer or OEMS for a copy"


def source_where(source: dict) -> str:
    """Where a reader finds a source: its address, or how to get a copy."""
    return source.get("url") or NO_WEB_ADDRESS
