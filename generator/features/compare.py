"""The compare page: every cycle as a column, one row per fact.

Without JavaScript the page is a plain table of all cycles; site_src/js/compare.mjs
adds two drop-downs to show any two cycles side by side and mark what differs.
The page is written as the script first shows it (the default pair, its
"(differs)" tags and its count), so nothing moves when the script runs; what
only the script may hide is marked `outside-pair`, which nojs.css shows again.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.features.base import Feature
from generator.model.changes import SECTIONS, Fact, Value, comparable, cycle_facts, group_by_section
from generator.model.site import Cycle, Site
from generator.render.environment import Renderer

PAGE = "compare/index.html"
SCRIPT = "assets/js/compare.mjs"


@dataclass(frozen=True)
class Cell:
    value: Value
    comparable: str  # equal for two cells exactly when they say the same thing
    cycle_id: str  # the column's cycle
    # Sources the cell names itself: those other than its column's source (the
    # cycle's first), which the table names once, at the top of the column.
    sources: tuple[str, ...] = ()


@dataclass
class Row:
    key: str
    section: str
    what: str
    cells: list[Cell]  # one per column, in column order


@dataclass(frozen=True)
class NamedSource:
    """A source the page names, listed once with its address however many columns name it."""

    source: dict  # its entry in a naming cycle's `sources`: title, and url or file
    cycle_ids: tuple[str, ...]  # the columns that name it


@dataclass
class CompareTable:
    columns: list[Cycle]
    rows: list[Row]
    default_pair: tuple[Cycle, Cycle] | None

    @property
    def sections(self) -> list[tuple[str, list[Row]]]:
        return group_by_section(self.rows)

    @property
    def sources(self) -> list[NamedSource]:
        """Every source the page names, once each, in reading order: the columns'
        own (the source row), then those that values name, row by row. Sources
        are the same when their title and address are, whatever each cycle's id
        for them, so a flyer or web page several cycles cite is listed once."""
        named = [(cycle, cycle.default_source) for cycle in self.columns]
        named += [(cycle, source_id) for row in self.rows for cycle, cell in zip(self.columns, row.cells) for source_id in cell.sources]
        listed: dict[tuple, tuple[dict, list[str]]] = {}
        for cycle, source_id in named:
            source = cycle.source(source_id)
            key = (source["title"], source.get("url"), source.get("file"))
            cycle_ids = listed.setdefault(key, (source, []))[1]
            if cycle.id not in cycle_ids:
                cycle_ids.append(cycle.id)
        return [NamedSource(source, tuple(cycle_ids)) for source, cycle_ids in listed.values()]

    def _pair_cells(self, row: Row) -> tuple[Cell, Cell] | None:
        if self.default_pair is None:
            return None
        ids = [cycle.id for cycle in self.columns]
        first, second = (row.cells[ids.index(cycle.id)] for cycle in self.default_pair)
        return first, second

    def in_pair(self, cycle_id: str) -> bool:
        """Whether the script shows this cycle's column at first (every column without a pair)."""
        return self.default_pair is None or cycle_id in (cycle.id for cycle in self.default_pair)

    def names_in_pair(self, named: NamedSource) -> bool:
        """Whether a column the script shows at first names this source."""
        return any(self.in_pair(cycle_id) for cycle_id in named.cycle_ids)

    def any_in_pair(self, rows: list[Row]) -> bool:
        """Whether the script shows any of these rows at first."""
        return not all(self.empty_in_pair(row) for row in rows)

    def differs_in_pair(self, row: Row) -> bool:
        cells = self._pair_cells(row)
        return cells is not None and cells[0].comparable != cells[1].comparable

    def empty_in_pair(self, row: Row) -> bool:
        cells = self._pair_cells(row)
        return cells is not None and cells[0].comparable == "" == cells[1].comparable

    def pair_summary(self) -> str:
        """What compare.mjs says of the default pair (the same sentence as its own)."""
        if self.default_pair is None:
            return ""
        shown = [row for row in self.rows if not self.empty_in_pair(row)]
        differing = sum(1 for row in shown if self.differs_in_pair(row))
        a, b = (f"{cycle.year} {cycle.level_name}" for cycle in self.default_pair)
        return f"{differing} of {len(shown)} rows differ between {a} and {b}."


def columns_for(site: Site) -> list[Cycle]:
    """Levels in site order, each level's cycles oldest first (reads left to right as time)."""
    return [cycle for level in site.levels for cycle in reversed(level.cycles)]


def default_pair(site: Site, columns: list[Cycle]) -> tuple[Cycle, Cycle] | None:
    """The newest cycle that has a previous one, else the first two columns."""
    with_previous = [c for c in site.cycles if c.previous]
    if with_previous:
        newest = max(with_previous, key=lambda c: c.year)
        return newest.previous, newest
    return (columns[0], columns[1]) if len(columns) >= 2 else None


def compare_table(site: Site) -> CompareTable:
    columns = columns_for(site)
    per_cycle = [{f.key: f for f in cycle_facts(cycle)} for cycle in columns]
    # One row per fact any cycle states, labelled as the leftmost such cycle words it.
    first: dict[str, Fact] = {}
    for facts in per_cycle:
        for fact in facts.values():
            if fact.value is not None:
                first.setdefault(fact.key, fact)
    order = {key: index for index, key in enumerate(first)}
    ids = [cycle.id for cycle in columns]
    rows = []
    for fact in sorted(first.values(), key=lambda f: (SECTIONS.index(f.section), order[f.key])):
        cells = []
        for cycle, cycle_id, facts in zip(columns, ids, per_cycle):
            own = facts.get(fact.key)
            value = own.value if own else None
            sources = tuple(s for s in own.sources if s != cycle.default_source) if value is not None else ()
            cells.append(Cell(value, comparable(value, cycle.year), cycle_id, sources))
        rows.append(Row(fact.key, fact.section, fact.what, cells))
    return CompareTable(columns, rows, default_pair(site, columns))


class Compare(Feature):
    name = "compare"

    def site(self, renderer: Renderer) -> None:
        site = renderer.site
        notes = [(cycle, cycle.data["changes"]["body"]) for cycle in columns_for(site) if cycle.data.get("changes")]
        renderer.page(PAGE, "compare.html", table=compare_table(site), notes=notes)
        renderer.files[SCRIPT] = (renderer.src / "js" / "compare.mjs").read_bytes()
