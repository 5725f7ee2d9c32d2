"""Each cycle's dated milestones as an iCalendar file (RFC 5545).

One all-day event per dated milestone, each with a display reminder a week
before. UIDs and DTSTAMP come from the content alone (DTSTAMP from
last_verified), so unchanged content gives byte-identical files and the writer
leaves them alone; calendar apps also recognise re-imported events as the same.
"""

from __future__ import annotations

import datetime as dt

from generator.features.base import CyclePages, Feature
from generator.model.site import Cycle
from generator.render.environment import Renderer
from generator.text import ical_text as ical
from generator.text.prose import plain_text

CALENDAR_FILE = "timeline.ics"
CALENDAR_LABEL = "Add the dates to your calendar (.ics)"
PRODUCT_ID = "-//ma-ems-recert//Recertification timeline//EN"
UID_DOMAIN = "ma-ems-recert"  # a fixed id: the host's domain is not known
REMINDER_DAYS_BEFORE = 7


def dated_milestones(cycle: Cycle) -> list[tuple[int, dict]]:
    """(index in the timeline, milestone) for every milestone with a real date."""
    return [
        (index, milestone)
        for index, milestone in enumerate(cycle.data["timeline"]["milestones"])
        if isinstance(milestone["date"], dt.date)
    ]


def _event(cycle: Cycle, index: int, milestone: dict, stamp: str) -> list[tuple[str, str]]:
    day: dt.date = milestone["date"]
    caption = " ".join(plain_text(milestone["caption"]).split())
    summary = ical.text(f"{cycle.level_name} recertification {cycle.year}: {caption}")
    description = caption + (f"\n\n{milestone['warning']}" if milestone.get("warning") else "")
    return [
        ("BEGIN", "VEVENT"),
        ("UID", f"{cycle.year}-{cycle.level}-{day.isoformat()}-{index}@{UID_DOMAIN}"),
        ("DTSTAMP", stamp),
        ("DTSTART;VALUE=DATE", ical.date(day)),
        ("DTEND;VALUE=DATE", ical.date(day + dt.timedelta(days=1))),
        ("SUMMARY", summary),
        ("DESCRIPTION", ical.text(description)),
        ("TRANSP", "TRANSPARENT"),  # a reminder, not a busy day
        ("BEGIN", "VALARM"),
        ("ACTION", "DISPLAY"),
        ("DESCRIPTION", summary),
        ("TRIGGER", ical.days_before(REMINDER_DAYS_BEFORE)),
        ("END", "VALARM"),
        ("END", "VEVENT"),
    ]


def calendar_bytes(cycle: Cycle) -> bytes | None:
    """The cycle's calendar, or None when no milestone has a date (RFC 5545
    does not allow a calendar without events)."""
    milestones = dated_milestones(cycle)
    if not milestones:
        return None
    stamp = ical.utc_midnight(cycle.data["last_verified"])
    lines = [
        ("BEGIN", "VCALENDAR"),
        ("VERSION", "2.0"),
        ("PRODID", PRODUCT_ID),
        ("CALSCALE", "GREGORIAN"),
        ("METHOD", "PUBLISH"),
        ("X-WR-CALNAME", ical.text(" ".join(f"Massachusetts {cycle.title}".split()))),
    ]
    for index, milestone in milestones:
        lines += _event(cycle, index, milestone, stamp)
    lines.append(("END", "VCALENDAR"))
    return ical.content_lines(lines)


class Calendar(Feature):
    name = "calendar"

    def cycle(self, renderer: Renderer, pages: CyclePages) -> None:
        data = calendar_bytes(pages.cycle)
        if data is not None:
            renderer.files[f"{pages.cycle.path}{CALENDAR_FILE}"] = data
            pages.tools.append((CALENDAR_LABEL, CALENDAR_FILE))
