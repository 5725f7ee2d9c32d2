"""The whole site as one in-memory model, built before anything is written."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from generator.loading.content_files import LoadedContent
from generator.model.status import STATUSES, StatusDates, status_dates, status_on


@dataclass
class Cycle:
    year: int
    level: str
    level_name: str
    file: str
    data: dict[str, Any]
    previous: "Cycle | None" = None
    dates: StatusDates | None = None  # what decides its status (model/status.py)
    status: str = ""  # upcoming, open, closing or ended on the build date

    @property
    def id(self) -> str:
        return f"{self.year}/{self.level}"

    @property
    def path(self) -> str:
        """Folder of the cycle's pages inside the output, with a trailing slash."""
        return f"{self.year}/{self.level}/"

    @property
    def draft(self) -> bool:
        """Not yet verified (written by new-cycle): left out of a plain build."""
        return bool(self.data.get("draft"))

    @property
    def title(self) -> str:
        return f"{self.level_name} recertification, {self.year}"

    def milestone(self, mark: str) -> dict | None:
        for milestone in self.data["timeline"]["milestones"]:
            if mark in milestone["marks"]:
                return milestone
        return None

    def late_fee_start(self, fee: dict) -> dt.date:
        """The safe reading of when a late fee starts: it may apply as soon as
        the last day without penalty has passed, even where the flyer names a
        later day (the fee applies to submissions after the day returned)."""
        penalty = self.milestone("last_day_without_penalty")
        if penalty and isinstance(penalty["date"], dt.date):
            return min(fee["applies_after"], penalty["date"])
        return fee["applies_after"]

    @property
    def default_source(self) -> str:
        """The source of a fact whose content names none: the cycle's first."""
        return self.data["sources"][0]["id"]

    def source_of(self, *items: dict | None) -> str:
        """Which source says so: the first of `items` (most specific first, e.g. a
        note, then its step) that names one, else the cycle's first source. The
        one rule for every page, rules.json and the compare table."""
        for item in items:
            if item and item.get("source"):
                return item["source"]
        return self.default_source

    @property
    def distributive_codes_source(self) -> str:
        """Which source names the approval codes that mean distributive education:
        `ce.approval.distributive_codes_source` where another source than the
        approval rules' own gives them (2018: a mass.gov page, not the flyer),
        else the approval rules' source."""
        approval = self.data["ce"]["approval"]
        return self.source_of({"source": approval.get("distributive_codes_source")}, approval)

    def source(self, source_id: str | None) -> dict | None:
        """The cycle's `sources` entry with this id: its title, and its url or file."""
        for source in self.data["sources"]:
            if source["id"] == source_id:
                return source
        return None

    def source_title(self, source_id: str | None) -> str | None:
        source = self.source(source_id)
        return source["title"] if source else None


@dataclass
class Level:
    slug: str
    name: str
    cycles: list[Cycle] = field(default_factory=list)  # newest first


@dataclass
class Site:
    data: dict[str, Any]
    levels: list[Level]
    built_on: dt.date  # the day the pages' status is judged against without JavaScript (build --today)

    @property
    def cycles(self) -> list[Cycle]:
        return [cycle for level in self.levels for cycle in level.cycles]

    def cycle(self, cycle_id: str) -> Cycle | None:
        return next((c for c in self.cycles if c.id == cycle_id), None)


def build_model(content: LoadedContent, built_on: dt.date, drafts: bool = False) -> Site:
    """The site's levels and cycles, each with its status on `built_on`; draft cycles
    only with `drafts` (build --drafts, the preview)."""
    levels = [Level(lvl["slug"], lvl["name"]) for lvl in content.site["levels"]]
    by_slug = {level.slug: level for level in levels}
    for source in content.cycles:
        if source.data.get("draft") and not drafts:
            continue
        level = by_slug[source.data["level"]]
        # A cycle's flyer may name the level its own way ("EMT-Basic"); only its own pages say so.
        name = source.data.get("level_name") or level.name
        cycle = Cycle(source.data["year"], level.slug, name, source.file, source.data)
        cycle.dates = status_dates(source.data)
        cycle.status = status_on(cycle.dates, built_on)
        assert cycle.status in STATUSES
        level.cycles.append(cycle)
    for level in levels:
        level.cycles.sort(key=lambda c: c.year, reverse=True)
        for newer, older in zip(level.cycles, level.cycles[1:]):
            newer.previous = older
    return Site(content.site, levels, built_on)
