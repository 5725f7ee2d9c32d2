"""Markdown prose, dates, money and hours as people read them.

Raw HTML in content is disabled: content is text, the templates own the markup.
`{date:YYYY-MM-DD}` in prose becomes a <time> element so every date on a page
is machine-readable.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import lru_cache

from markdown_it import MarkdownIt
from markupsafe import Markup, escape

from generator.loading.schema import DATE_SHORTCODE

_md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})


def long_date(value: dt.date) -> str:
    return f"{value:%B} {value.day}, {value.year}"


def time_tag(value: dt.date) -> Markup:
    # Both parts are digits and month names: nothing to escape.
    return Markup(f'<time datetime="{value.isoformat()}">{long_date(value)}</time>')


def date_tag(value: dt.date | str) -> Markup:
    """A date as a <time> element; a word standing for a date ("varies") as text."""
    if isinstance(value, str):
        return escape(value)
    return time_tag(value)


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
    return date_tag(value)


def plain_text(text: str) -> str:
    """Prose for places without HTML (rules.json, calendars): dates spelled out."""
    return DATE_SHORTCODE.sub(lambda m: long_date(dt.date.fromisoformat(m.group(1))), text)


def money(value: Decimal) -> str:
    if value == value.to_integral_value():
        return f"${int(value):,}"
    return f"${value:,.2f}"


def hours(value: Decimal | None) -> str:
    if value is None:
        return "no limit"
    text = format(value.normalize(), "f")
    return text


def tel_href(phone: str) -> str:
    return "tel:+1-" + phone
