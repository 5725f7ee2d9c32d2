"""What differs between two cycles, as rows a person can read.

Each cycle is reduced to a list of facts (hours, limits, fees, dates, steps,
contacts) with keys that stay the same from one cycle to the next. Comparing
two cycles is then comparing facts key by key. Dates are compared relative to
the cycle's year: a deadline that moved from March 31, 2022 to March 31, 2024
did not change, one that moved to March 15 did. The compare page uses the same
facts, so the two views can never disagree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Union

from generator.model.site import Cycle
from generator.text.prose import AFTER_LAST_RECERTIFICATION, VARIES, de_limit, hours, money

@dataclass(frozen=True)
class Worded:
    """A value shown with the cycle's own words for it ("$25", "MA-only Paramedics").

    Two cycles' values compare equal when the values are equal, whatever their
    words: each level's flyer names its own people.
    """

    value: str
    words: str


Value = Union[str, dt.date, tuple, Worded, None]  # tuple: several lines (the steps); None: not listed

SECTIONS = ("Certification", "Continuing education", "Fees", "Dates", "Steps", "Contacts", "Websites")

NREMT_LABELS = {None: "", True: " (with NREMT certification)", False: " (without NREMT certification)"}

MILESTONE_LABELS = {  # CE start and last day are already listed under continuing education
    "opens": "Applications open",
    "recommended": "Recommended completion date",
    "last_day_without_penalty": "Last day without penalty",
    "last_day": "Last day on the timeline",
}


@dataclass(frozen=True)
class Fact:
    key: str  # the same in every cycle, e.g. "ce.national.hours"
    section: str
    what: str
    value: Value
    sources: tuple[str, ...] = ()  # ids of the cycle's sources that say so (Cycle.source_of)


@dataclass(frozen=True)
class Change:
    section: str
    what: str
    before: Value
    after: Value


@dataclass
class ChangeSet:
    """The "What changed" section of one guidance page."""

    previous: Cycle | None
    rows: list[Change] = field(default_factory=list)
    note: str | None = None  # hand-written Markdown from the cycle's `changes.body`

    @property
    def sections(self) -> list[tuple[str, list[Change]]]:
        return group_by_section(self.rows)


def cycle_facts(cycle: Cycle) -> list[Fact]:
    d = cycle.data
    facts: list[Fact] = []

    def add(key: str, section: str, what: str, value: Value, *sources: str) -> None:
        facts.append(Fact(key, section, what, value, sources or (cycle.default_source,)))

    cert = d["certification"]
    add("cert.expires", "Certification", "Certification expires", cert["expires"])
    add("cert.new_expiration", "Certification", "New expiration once recertified", cert.get("new_expiration"))

    ce = d["ce"]
    add("ce.total", "Continuing education", "Total hours", hours(ce["total_hours"]))
    for c in ce["components"]:
        source = cycle.source_of(c)
        add(f"ce.{c['id']}.hours", "Continuing education", f"{c['name']} hours", hours(c["hours"]), source)
        add(f"ce.{c['id']}.de", "Continuing education", f"{c['name']}: distributive education allowed", de_limit(c["de_limit"]), source)
    window = ce["window"]
    start = window["start"]
    add(
        "ce.window.start",
        "Continuing education",
        "Hours count from",
        AFTER_LAST_RECERTIFICATION.capitalize() if start == "after_last_recertification" else start,
        cycle.source_of(window),
    )
    add("ce.window.last_day", "Continuing education", "Last day to complete continuing education", window["last_day"], cycle.source_of(window))
    approval = ce["approval"]
    source = cycle.source_of(approval)
    add("ce.approval.issuers", "Continuing education", "Course approval numbers from", " or ".join(approval["issuers"]), source)
    add("ce.approval.de_codes", "Continuing education", "Approval codes for distributive education", ", ".join(approval["distributive_codes"]) or None, cycle.distributive_codes_source)
    add("ce.approval.other_codes", "Continuing education", "Approval codes that are not distributive", ", ".join(approval["non_distributive_codes"]) or None, source)

    for step in d["steps"]:
        for sub in step["substeps"]:
            for index, fee in enumerate(sub["fees"]):
                # A neutral label from typed values; the cycle's own words go in its cell.
                who = NREMT_LABELS[fee.get("nremt")]
                amount = money(fee["amount"])
                value = Worded(amount, fee["who"]) if fee.get("who") else amount
                add(f"fee.{sub['id']}.{index}", "Fees", f"{step['title']} fee{who}", value, cycle.source_of(step))
    for index, fee in enumerate(d["timeline"]["late_fees"]):
        key = fee.get("payee") or str(index)
        label = f"Late fee ({fee['payee']})" if fee.get("payee") else "Late fee"
        add(f"late.{key}.amount", "Fees", label, money(fee["amount"]))
        add(f"late.{key}.after", "Fees", f"{label} applies after", fee["applies_after"])

    for mark, label in MILESTONE_LABELS.items():
        milestone = cycle.milestone(mark)
        value = milestone["date"] if milestone else None
        add(f"date.{mark}", "Dates", label, VARIES if value == "varies" else value, cycle.source_of(milestone))
    for step in d["steps"]:
        for sub in step["substeps"]:
            if sub.get("deadline"):
                add(f"deadline.{sub['id']}", "Dates", f"Deadline: {sub['title'].rstrip('.')}", sub["deadline"], cycle.source_of(step))

    steps_sources = dict.fromkeys(cycle.source_of(step) for step in d["steps"])  # each once, in order
    add("steps", "Steps", "Steps", tuple(f"{s['label']}: {s['title']}" for s in d["steps"]), *steps_sources)

    for contact in d["contacts"]:
        for way in ("phone", "email"):
            if contact.get(way):
                what = "phone" if way == "phone" else "e-mail"
                add(f"contact.{contact['id']}.{way}", "Contacts", f"{contact['name']}: {what}", contact[way])
    for link in d["links"]:
        add(f"link.{link['id']}", "Websites", link["label"], link["url"])
    return facts


def shift_years(value: dt.date, years: int) -> dt.date:
    """The same day `years` later; February 29 becomes February 28 in a common year."""
    try:
        return value.replace(year=value.year + years)
    except ValueError:
        return value.replace(year=value.year + years, day=28)


def comparable(value: Value, cycle_year: int) -> str:
    """A string equal for two cycles exactly when a reader would call them the same.

    A date is taken relative to its cycle's year, so dates that move with the
    cycle compare equal.
    """
    if value is None:
        return ""
    if isinstance(value, Worded):
        return value.value
    if isinstance(value, dt.date):
        # February 29 exists only in leap years; shift_years maps it to the 28th.
        day = 28 if (value.month, value.day) == (2, 29) else value.day
        return f"{value.year - cycle_year:+d}:{value.month:02d}-{day:02d}"
    if isinstance(value, tuple):
        return "\n".join(value)
    return str(value)


def diff_facts(before: list[Fact], before_year: int, after: list[Fact], after_year: int) -> list[Change]:
    old = {f.key: f for f in before}
    new = {f.key: f for f in after}
    order = [f.key for f in after] + [f.key for f in before if f.key not in new]
    rows: list[tuple[int, int, Change]] = []
    for position, key in enumerate(order):
        was, now = old.get(key), new.get(key)
        was_value = was.value if was else None
        now_value = now.value if now else None
        if comparable(was_value, before_year) == comparable(now_value, after_year):
            continue
        label = now if now is not None and now_value is not None else was
        rows.append((SECTIONS.index(label.section), position, Change(label.section, label.what, was_value, now_value)))
    return [change for _, _, change in sorted(rows, key=lambda r: r[:2])]


def diff_cycles(before: Cycle, after: Cycle) -> list[Change]:
    return diff_facts(cycle_facts(before), before.year, cycle_facts(after), after.year)


def group_by_section(items: list) -> list[tuple[str, list]]:
    """Rows (or facts) under their section headings, in the order of SECTIONS."""
    return [(name, [i for i in items if i.section == name]) for name in SECTIONS if any(i.section == name for i in items)]


def changes_for(cycle: Cycle) -> ChangeSet | None:
    """What the guidance page says changed; None when there is nothing to say."""
    note = (cycle.data.get("changes") or {}).get("body")
    if cycle.previous is None and not note:
        return None
    rows = diff_cycles(cycle.previous, cycle) if cycle.previous else []
    return ChangeSet(cycle.previous, rows, note)
