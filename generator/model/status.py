"""A cycle's status on a given day, judged from its timeline marks.

Never from which file is newest: a cycle that ended years ago is "ended" even
when it is the only one of its level on the site.

- upcoming: before the day marked `opens`;
- open:     from `opens` through the day marked `recommended`;
- closing:  after `recommended` through the cycle's last day;
- ended:    after the cycle's last day.

The last day is the milestone marked `last_day`, else the one marked
`last_day_without_penalty`, else `ce.window.last_day`. A cycle without an
`opens` mark is never upcoming; one without `recommended` is never closing.
site_src/js/cycle-status.mjs is the same rule for the browser.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

UPCOMING, OPEN, CLOSING, ENDED = "upcoming", "open", "closing", "ended"
STATUSES = (UPCOMING, OPEN, CLOSING, ENDED)

# Which marked milestone is the cycle's last day, in order of preference.
LAST_DAY_MARKS = ("last_day", "last_day_without_penalty")


@dataclass(frozen=True)
class StatusDates:
    opens: dt.date | None
    recommended: dt.date | None
    last_day: dt.date
    last_day_caption: str | None  # the content's words for the last day (Markdown), if a milestone is marked


def _marked(milestones: list[dict], mark: str) -> dict | None:
    for milestone in milestones:
        if mark in milestone["marks"] and isinstance(milestone["date"], dt.date):
            return milestone
    return None


def status_dates(data: dict[str, Any]) -> StatusDates:
    """The dates that decide a cycle's status, from its content."""
    milestones = data["timeline"]["milestones"]
    opens = _marked(milestones, "opens")
    recommended = _marked(milestones, "recommended")
    last = next((m for m in (_marked(milestones, mark) for mark in LAST_DAY_MARKS) if m), None)
    return StatusDates(
        opens=opens["date"] if opens else None,
        recommended=recommended["date"] if recommended else None,
        last_day=last["date"] if last else data["ce"]["window"]["last_day"],
        last_day_caption=last["caption"] if last else None,
    )


def status_on(dates: StatusDates, today: dt.date) -> str:
    if today > dates.last_day:
        return ENDED
    if dates.opens is not None and today < dates.opens:
        return UPCOMING
    if dates.recommended is not None and today > dates.recommended:
        return CLOSING
    return OPEN
