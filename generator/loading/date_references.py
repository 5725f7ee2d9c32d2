"""Dates in prose that repeat a typed date, written by name: `{date:ce_last_day}`.

A sentence that says a deadline again ("hours count through {date:ce_last_day}")
names the date instead of copying it, so it follows when the publisher changes
the milestone (and `new-cycle` need not touch it). A name is a milestone mark
(`ce_last_day`: the date of the milestone carrying that mark) or the key path
of a CE window date (`ce.window.last_day`) or of a certification date
(`certification.expires`, `certification.new_expiration`).

After validation each name is replaced by its `{date:YYYY-MM-DD}`, so everything
downstream (pages, rules.json, the calendar, `check --sources`) sees one kind of
date, rendered by text/prose.py. A literal `{date:…}` that equals a named date
is a warning suggesting the name; other literal dates (worked examples) are fine.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from generator.loading.schema import CYCLE, DATE_NAME, DATE_SHORTCODE, INVALID, MILESTONE_MARKS, Ctx, map_prose, parse_iso_date

WINDOW_DATES = ("ce.window.start", "ce.window.last_day")
# The certification's own dates: the card's expiry this cycle, and the new
# expiration date a completed recertification gives (where the flyer says it).
CERTIFICATION_DATES = ("certification.expires", "certification.new_expiration")
DATE_NAMES = (*MILESTONE_MARKS, *WINDOW_DATES, *CERTIFICATION_DATES)
# A name whose value could not be read: its own error is already reported.
_UNREAD = INVALID


def named_dates(data: dict) -> dict[str, Any]:
    """Each name the cycle gives a value: a date, a word ('varies'), or _UNREAD.

    A mark that no milestone carries is absent."""
    named: dict[str, Any] = {}
    timeline = data.get("timeline")
    milestones = timeline.get("milestones") if isinstance(timeline, dict) else INVALID
    if not isinstance(milestones, list):
        return {name: _UNREAD for name in DATE_NAMES}  # which marks exist is unknown
    for milestone in milestones:
        if not isinstance(milestone, dict):
            return {name: _UNREAD for name in DATE_NAMES}
        marks = milestone.get("marks")
        if not isinstance(marks, list):
            return {name: _UNREAD for name in DATE_NAMES}
        for mark in marks:
            if mark is INVALID:
                return {name: _UNREAD for name in DATE_NAMES}
            named.setdefault(mark, milestone.get("date"))
    ce = data.get("ce")
    window = ce.get("window") if isinstance(ce, dict) else None
    for name in WINDOW_DATES:
        named[name] = window.get(name.rsplit(".", 1)[1]) if isinstance(window, dict) else _UNREAD
    certification = data.get("certification")
    for name in CERTIFICATION_DATES:
        key = name.rsplit(".", 1)[1]
        if not isinstance(certification, dict):
            named[name] = _UNREAD
        elif certification.get(key) is not None:  # new_expiration is optional: absent, it has no date
            named[name] = certification[key]
    return named


def date_of(name: str, named: dict[str, Any]) -> dt.date | None:
    value = named.get(name)
    return value if isinstance(value, dt.date) else None


def check_date_references(named: dict[str, Any], ctx: Ctx) -> None:
    """Every `{date:name}` names a typed date; a literal equal to one is a warning."""
    names_of: dict[dt.date, list[str]] = {}
    for name in DATE_NAMES:
        if date_of(name, named):
            names_of.setdefault(named[name], []).append(name)
    for path, node, findings in ctx.prose:
        for inside in dict.fromkeys(findings.dates):
            if DATE_NAME.fullmatch(inside):
                problem = _name_problem(inside, named)
                if problem:
                    ctx.error(node, path, problem)
                continue
            names = names_of.get(parse_iso_date(inside))
            if names:
                others = ", ".join(f"{{date:{other}}}" for other in names[1:])
                ctx.warning(
                    node, path,
                    f"{{date:{inside}}} repeats a typed date; write it by name, {{date:{names[0]}}}"
                    f"{f' (or {others})' if others else ''}, so this sentence follows when that date changes",
                )


def _name_problem(name: str, named: dict[str, Any]) -> str | None:
    if name not in DATE_NAMES:
        return (f"{{date:{name}}}: no date is called {name!r}; write {{date:YYYY-MM-DD}} or one of: "
                f"{', '.join(DATE_NAMES)}")
    if name not in named and name in CERTIFICATION_DATES:
        return f"{{date:{name}}}: the cycle gives no {name}; add it, or write the date as {{date:YYYY-MM-DD}}"
    if name not in named:
        return (f"{{date:{name}}}: no milestone is marked {name}; add the mark to the milestone with that date, "
                "or write the date as {date:YYYY-MM-DD}")
    value = named[name]
    if value is _UNREAD or isinstance(value, dt.date):
        return None
    where = f"{name} is" if "." in name else f"the milestone marked {name} is dated"
    return f"{{date:{name}}}: {where} {value!r}, not a date; write the date out, or leave it out"


def has_names(ctx: Ctx) -> bool:
    return any(DATE_NAME.fullmatch(inside) for _, _, findings in ctx.prose for inside in findings.dates)


def resolve_date_references(data: dict) -> dict:
    """The checked cycle with each `{date:name}` in its prose written as that date's `{date:YYYY-MM-DD}`."""
    named = named_dates(data)

    def resolve(text: str) -> str:
        if "{date:" not in text:
            return text
        return DATE_SHORTCODE.sub(
            lambda m: f"{{date:{named[m.group(1)].isoformat()}}}" if DATE_NAME.fullmatch(m.group(1)) else m.group(0),
            text,
        )

    return map_prose(CYCLE, data, resolve)
