"""Each cycle's dated milestones as an iCalendar file (RFC 5545).

One all-day event per dated milestone, each with a display reminder a week
before. UIDs and DTSTAMP come from the content alone (DTSTAMP from
last_verified), so unchanged content gives byte-identical files and the writer
leaves them alone; calendar apps also recognise re-imported events as the same.
"""

from __future__ import annotations

import datetime as dt

from icalendar import Alarm, Calendar, Event

from .model import Cycle
from .prose import plain_text

CALENDAR_FILE = "timeline.ics"
CALENDAR_LABEL = "Add the dates to your calendar (.ics)"
PRODUCT_ID = "-//ma-ems-recert//Recertification timeline//EN"
UID_DOMAIN = "ma-ems-recert"  # a fixed id: the host's domain is not known
REMINDER_BEFORE = dt.timedelta(days=7)


def dated_milestones(cycle: Cycle) -> list[tuple[int, dict]]:
    """(index in the timeline, milestone) for every milestone with a real date."""
    return [
        (index, milestone)
        for index, milestone in enumerate(cycle.data["timeline"]["milestones"])
        if isinstance(milestone["date"], dt.date)
    ]


def _event(cycle: Cycle, index: int, milestone: dict, stamp: dt.datetime) -> Event:
    day: dt.date = milestone["date"]
    caption = " ".join(plain_text(milestone["caption"]).split())
    summary = f"{cycle.level_name} recertification {cycle.year}: {caption}"
    description = caption + (f"\n\n{milestone['warning']}" if milestone.get("warning") else "")

    event = Event()
    event.add("uid", f"{cycle.year}-{cycle.level}-{day.isoformat()}-{index}@{UID_DOMAIN}")
    event.add("dtstamp", stamp)
    event.add("dtstart", day)
    event.add("dtend", day + dt.timedelta(days=1))
    event.add("summary", summary)
    event.add("description", description)
    event.add("transp", "TRANSPARENT")  # a reminder, not a busy day

    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", summary)
    alarm.add("trigger", -REMINDER_BEFORE)
    event.add_component(alarm)
    return event


def calendar_bytes(cycle: Cycle) -> bytes | None:
    """The cycle's calendar, or None when no milestone has a date (RFC 5545
    does not allow a calendar without events)."""
    milestones = dated_milestones(cycle)
    if not milestones:
        return None
    verified: dt.date = cycle.data["last_verified"]
    stamp = dt.datetime(verified.year, verified.month, verified.day, tzinfo=dt.timezone.utc)

    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", f"Massachusetts {cycle.title}")
    for index, milestone in milestones:
        calendar.add_component(_event(cycle, index, milestone, stamp))
    return calendar.to_ical()


def calendar_extra(renderer, cycle: Cycle, rules: dict) -> list[tuple[str, str]]:
    data = calendar_bytes(cycle)
    if data is None:
        return []
    renderer.files[f"{cycle.path}{CALENDAR_FILE}"] = data
    return [(CALENDAR_LABEL, CALENDAR_FILE)]
