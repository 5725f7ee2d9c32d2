"""`new-cycle`: start next cycle's content file from an earlier one.

The new file is the old file's text with small edits, so comments, ordering
and wording survive:
- every date (and every {date:YYYY-MM-DD} in prose) moves forward by the number
  of years between the cycles; February 29 becomes February 28 in a common year;
  a date by name ({date:ce_last_day}) stays and follows its moved milestone;
- `year` is set and `draft: true` added: a plain `build` leaves the cycle out
  and its pages never show a "last verified" date until the line is deleted;
  `last_verified` becomes today but stays unverified;
- every carried-over fact is tagged `!verify`, which `check` reports as a
  warning and `check --strict` refuses, until someone has checked it against
  the new cycle's sources and removed the tag;
- the old cycle's `changes` note is dropped: it described the old cycle.
Prose is not otherwise touched: a year written in a sentence may or may not be
a date, so it is left for the person verifying the text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.loading import schema
from generator.loading.content_files import CYCLE_FILE, load_cycle_file
from generator.loading.crosscheck import check_cycle
from generator.loading.diagnostics import Location, Report
from generator.loading.schema import DATE_SHORTCODE, INVALID, VERIFY_TAG, Ctx
from generator.model.changes import shift_years

CYCLE_ID = re.compile(r"(\d{4})/([a-z0-9]+(?:-[a-z0-9]+)*)")
TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
# Keys whose values say which file, level or item this is, not what the flyer says.
NOT_FACTS = {"level", "year", "id", "label", "site", "source", "marks", "contacts"}
_resolver = yaml.resolver.Resolver()


DRAFT_LINE = "draft: true  # a plain `build` leaves this cycle out until this line is deleted\n"


class ScaffoldError(Exception):
    """The new file cannot be written; the message says why and what to do."""


@dataclass
class Scaffold:
    path: Path
    text: str
    verify_count: int
    dates_moved: int


@dataclass
class _Edit:
    start: int
    end: int
    text: str


class _Rewriter:
    """Collects text edits from the node tree of the old file."""

    def __init__(self, text: str, years: int, new_year: int, today: dt.date):
        self.text = text
        self.years = years
        self.new_year = new_year
        self.today = today
        self.edits: list[_Edit] = []
        self.verify_count = 0
        self.dates_moved = 0
        self.has_draft_key = False  # the source file is itself a draft

    def _tag(self, node: yaml.ScalarNode, value_text: str | None = None) -> None:
        """Tag a scalar !verify, optionally replacing its text too."""
        already = node.tag == VERIFY_TAG
        if value_text is not None:
            self.edits.append(_Edit(node.start_mark.index, node.end_mark.index, f"{VERIFY_TAG} {value_text}"))
        elif not already:
            self.edits.append(_Edit(node.start_mark.index, node.start_mark.index, f"{VERIFY_TAG} "))
        self.verify_count += 1

    def _is_plain_date(self, node: yaml.ScalarNode) -> bool:
        if node.style is not None:  # quoted or block text is never a date value
            return False
        tag = _resolver.resolve(yaml.ScalarNode, node.value, (True, False))
        return tag == TIMESTAMP_TAG and schema.parse_iso_date(node.value) is not None

    def _move_shortcodes(self, node: yaml.ScalarNode) -> None:
        start, end = node.start_mark.index, node.end_mark.index
        for match in DATE_SHORTCODE.finditer(self.text, start, end):
            old = schema.parse_iso_date(match.group(1))
            if old is None:
                continue
            self.edits.append(_Edit(match.start(1), match.end(1), shift_years(old, self.years).isoformat()))
            self.dates_moved += 1

    def scalar(self, node: yaml.ScalarNode) -> None:
        if self._is_plain_date(node):
            moved = shift_years(dt.date.fromisoformat(node.value), self.years)
            self._tag(node, moved.isoformat())
            self.dates_moved += 1
            return
        self._move_shortcodes(node)
        self._tag(node)

    def walk(self, node: yaml.Node, key: str | None, top: bool = False) -> None:
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                name = str(key_node.value)
                if top and self.top_level(name, key_node, value_node):
                    continue
                self.walk(value_node, name)
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                self.walk(item, key)
        elif isinstance(node, yaml.ScalarNode) and key not in NOT_FACTS:
            if node.value == "" and node.style is None:  # an empty optional value
                return
            self.scalar(node)

    def top_level(self, name: str, key_node: yaml.Node, value_node: yaml.Node) -> bool:
        """Keys of the file itself; True when handled here."""
        if name == "year":
            self.edits.append(_Edit(value_node.start_mark.index, value_node.end_mark.index, str(self.new_year)))
            if not self.has_draft_key:
                self.edits.append(_Edit(key_node.start_mark.index, key_node.start_mark.index, DRAFT_LINE))
            return True
        if name == "draft":  # started from a cycle that was itself still a draft
            self.edits.append(_Edit(value_node.start_mark.index, value_node.end_mark.index, "true"))
            return True
        if name == "last_verified":
            self._tag(value_node, self.today.isoformat())
            return True
        if name == "changes":
            end = value_node.end_mark.index
            if not self.text[:end].endswith("\n"):
                end = self.text.find("\n", end) + 1 or len(self.text)
            hint = (
                "# changes:  # optional: what changed since the previous cycle, shown on the guidance page\n"
                "#   body: >-\n"
                "#     ...\n"
            )
            self.edits.append(_Edit(key_node.start_mark.index, end, hint))
            return True
        return False

    def result(self, header: str) -> str:
        text = self.text
        for edit in sorted(self.edits, key=lambda e: (e.start, e.end), reverse=True):
            text = text[: edit.start] + edit.text + text[edit.end :]
        return header + text


def rewrite(text: str, from_year: int, new_year: int, from_name: str, today: dt.date) -> tuple[str, int, int]:
    """The new cycle's file text; returns (text, number of !verify tags, dates moved)."""
    # The pure-Python loader: its marks are character offsets into `text`.
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    rewriter = _Rewriter(text, new_year - from_year, new_year, today)
    rewriter.has_draft_key = any(str(key.value) == "draft" for key, _ in root.value)
    rewriter.walk(root, None, top=True)
    header = (
        f"# Started on {today.isoformat()} by `python -m generator new-cycle` from {from_name}.\n"
        f"# Dates were moved {new_year - from_year} year(s) later. Every value tagged !verify was carried\n"
        f"# over: check it against the {new_year} sources (and replace the sources), then delete\n"
        "# the tag. Years written inside sentences were NOT changed; read all prose.\n"
        "# `python -m generator check --strict` fails while any !verify or `draft: true` is left.\n"
    )
    return rewriter.result(header), rewriter.verify_count, rewriter.dates_moved


def _known_cycles(content_dir: Path) -> list[str]:
    found = []
    for path in sorted(content_dir.glob("*/*.y*ml")):
        match = CYCLE_FILE.fullmatch(path.relative_to(content_dir).as_posix())
        if match:
            found.append(f"{match.group(1)}/{match.group(2)}")
    return found


def _cycle_file(content_dir: Path, year: int | str, level: str) -> Path | None:
    for suffix in (".yaml", ".yml"):
        path = content_dir / str(year) / f"{level}{suffix}"
        if path.exists():
            return path
    return None


def _validate_text(text: str, display: str) -> Report:
    """Schema and cross-checks of one file's text, without touching the disk."""
    report = Report()
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        report.error(Location(display, mark.line + 1 if mark else 1, mark.column + 1 if mark else 1), "", f"YAML syntax error: {exc.problem}")
        return report
    ctx = Ctx(display, report)
    data = schema.CYCLE.convert(node, "", ctx)
    if data is not INVALID:
        check_cycle(data, ctx)
    return report


def plan_new_cycle(content_dir: Path, from_id: str, year: int, today: dt.date | None = None) -> Scaffold:
    """Everything `new-cycle` would write, after checking it can; nothing is written."""
    content_dir = Path(content_dir)
    today = today or dt.date.today()
    match = CYCLE_ID.fullmatch(from_id.strip().strip("/"))
    if not match:
        raise ScaffoldError(f"--from {from_id!r}: expected a cycle written YEAR/LEVEL, for example 2024/aemt")
    from_year, level = int(match.group(1)), match.group(2)
    if not content_dir.is_dir():
        raise ScaffoldError(f"{content_dir}: content folder not found")
    source = _cycle_file(content_dir, from_year, level)
    if source is None:
        known = ", ".join(_known_cycles(content_dir)) or "none"
        raise ScaffoldError(f"--from {from_id}: no such cycle ({content_dir / str(from_year) / level}.yaml does not exist); known cycles: {known}")
    if not 2000 <= year <= 2100:
        raise ScaffoldError(f"--year {year}: expected a cycle year from 2000 to 2100")
    if year <= from_year:
        raise ScaffoldError(f"--year {year}: the new cycle must come after {from_id} (a year later than {from_year})")
    existing = _cycle_file(content_dir, year, level)
    if existing is not None:
        raise ScaffoldError(f"{existing} already exists; new-cycle never overwrites a file (delete or rename it first)")

    report = Report()
    load_cycle_file(source, content_dir, report, set(), {})
    if report.errors:
        problems = "\n".join(str(d) for d in report.sorted() if d.severity == "error")
        raise ScaffoldError(f"{problems}\n{source} has {len(report.errors)} error(s); fix them before starting a new cycle from it")

    target = content_dir / str(year) / f"{level}.yaml"
    text, verify_count, dates_moved = rewrite(source.read_text(encoding="utf-8"), from_year, year, f"{from_id}", today)
    check = _validate_text(text, str(target))
    if check.errors:  # a bug in the rewrite, never the user's fault; say so and write nothing
        problems = "\n".join(str(d) for d in check.sorted() if d.severity == "error")
        raise ScaffoldError(f"{problems}\ninternal error: the new file would not validate; nothing was written")
    return Scaffold(target, text, verify_count, dates_moved)


def new_cycle(content_dir: Path, from_id: str, year: int, today: dt.date | None = None) -> Scaffold:
    scaffold = plan_new_cycle(content_dir, from_id, year, today)
    scaffold.path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with scaffold.path.open("x", encoding="utf-8") as handle:  # "x": never overwrite, even in a race
            handle.write(scaffold.text)
    except FileExistsError:
        raise ScaffoldError(f"{scaffold.path} already exists; new-cycle never overwrites a file") from None
    return scaffold
