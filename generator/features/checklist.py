"""A printable self-check checklist per cycle, which remembers ticks in the browser.

Every sub-step is a real checkbox, so the page works as a paper list without
JavaScript; site_src/js/checklist.mjs adds saved ticks, progress, the next thing
to do and deadline warnings, reading the dates from data attributes here.
"""

from __future__ import annotations

from generator.features.base import CyclePages, Feature
from generator.features.calendar_file import CALENDAR_FILE, CALENDAR_LABEL, dated_milestones
from generator.model.site import Cycle
from generator.render.environment import Renderer

CHECKLIST_PAGE = "checklist/index.html"
CHECKLIST_LABEL = "Self-check checklist"
SCRIPT = "checklist.mjs"
STORAGE_VERSION = "v1"  # bump when stored ticks can no longer be read as they are

DEADLINE_MARKS = ("ce_last_day", "last_day_without_penalty", "last_day")


def milestone_kind(milestone: dict) -> str:
    """How the script treats a milestone: warn before deadlines, say when things open."""
    marks = milestone["marks"]
    if any(mark in marks for mark in DEADLINE_MARKS):
        return "deadline"
    if "recommended" in marks:
        return "recommended"
    if "opens" in marks:
        return "opens"
    return "info"


def storage_key(cycle: Cycle) -> str:
    return f"recert.checklist.{STORAGE_VERSION}:{cycle.id}"


class Checklist(Feature):
    name = "checklist"

    def cycle(self, renderer: Renderer, pages: CyclePages) -> None:
        cycle = pages.cycle
        has_calendar = bool(dated_milestones(cycle))
        renderer.page(
            f"{cycle.path}{CHECKLIST_PAGE}",
            "checklist.html",
            cycle=cycle,
            links={link["id"]: link for link in cycle.data["links"]},
            key_dates=[dict(m, kind=milestone_kind(m)) for m in cycle.data["timeline"]["milestones"]],
            storage_key=storage_key(cycle),
            calendar=(CALENDAR_LABEL, f"../{CALENDAR_FILE}") if has_calendar else None,
            script=SCRIPT,
        )
        pages.tools.append((CHECKLIST_LABEL, CHECKLIST_PAGE))

    def site(self, renderer: Renderer) -> None:
        # The script, once per build rather than per cycle.
        renderer.files[f"assets/js/{SCRIPT}"] = (renderer.src / "js" / SCRIPT).read_bytes()
