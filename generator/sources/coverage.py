"""Source coverage: every fact of a cycle's source documents is on its page.

For each cycle whose `sources` name a document file, the document is read
from the sources folder, its facts are extracted, and each one the cycle's
guidance page (rendered in memory, exactly as `build` renders it) does not
show is an error at the document's line. Facts the page shows that none of
the cycle's documents contains are warnings (errors with --strict). Both
directions skip the facts the cycle file acknowledges.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.features.base import BuildContext
from generator.loading.diagnostics import Location, Report
from generator.locations import SITE_SRC
from generator.model.site import Cycle, Site
from generator.pipeline import render_cycle, start
from generator.render.environment import Renderer
from generator.sources.acknowledged import Acknowledgement, acknowledgements
from generator.sources.documents import SUFFIXES as DOCUMENT_SUFFIXES, DocumentError, read_document
from generator.sources.facts import Fact, extract_facts, web_covers
from generator.sources.page_text import page_text


@dataclass
class CoverageSummary:
    cycles: int = 0
    documents: int = 0
    facts: int = 0  # distinct facts found in the documents
    missing: int = 0
    page_only: int = 0
    acknowledged: int = 0

    def __str__(self) -> str:
        return (
            f"source coverage: {self.cycles} cycle(s), {self.documents} document(s) read, "
            f"{self.facts} fact(s): {self.missing} missing from the page, "
            f"{self.page_only} on the page but in no source, {self.acknowledged} acknowledged"
        )


def default_sources_dir(content_dir: Path) -> Path:
    """`sources/` beside `content/`."""
    return Path(content_dir).parent / "sources"


def check_coverage(site: Site, content_dir: Path, sources_dir: Path, report: Report,
                   only_present: bool = False) -> CoverageSummary:
    """With only_present, a named document the folder lacks is a note, not a warning: a shared
    folder (the flyers beside the repository in CI) may not hold a newly added cycle's flyer."""
    summary = CoverageSummary()
    # The page exactly as `build` renders it (with the links other features add).
    start(BuildContext(site, SITE_SRC, runtime=False))
    renderer = Renderer(site, SITE_SRC)
    for cycle in site.cycles:
        if not any(source.get("file") for source in cycle.data["sources"]):
            continue
        render_cycle(renderer, cycle)
        html = renderer.files[f"{cycle.path}index.html"].decode("utf-8")
        _CycleCheck(cycle, Path(content_dir), Path(sources_dir), report, summary, only_present).run(html)
        summary.cycles += 1
    _note_unnamed_documents(site, Path(sources_dir), report)
    return summary


def _note_unnamed_documents(site: Site, sources_dir: Path, report: Report) -> None:
    """A document no cycle names: a note, never a failure. The folder may well hold the flyers of
    cycles no longer published; a cycle that names a file the folder lacks is reported by its check."""
    if not sources_dir.is_dir():
        return
    named = {source["file"] for cycle in site.cycles for source in cycle.data["sources"] if source.get("file")}
    for path in sorted(sources_dir.iterdir()):
        if path.suffix.lower() in DOCUMENT_SUFFIXES and path.is_file() and path.name not in named:
            report.note(
                Location(str(path), 1, 0), "",
                "no cycle names this document under `sources` with `file:`, so its facts are not checked; "
                "if it is a published cycle's flyer, name it there",
            )


def _by_fact(facts: list[Fact]) -> dict[tuple[str, str], list[Fact]]:
    """Each distinct fact with every place it is written, first line first."""
    grouped: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    for fact in sorted(facts, key=lambda f: f.line):
        grouped[(fact.kind, fact.key)].append(fact)
    return grouped


def _shows(shown: dict[tuple[str, str], list[Fact]], kind: str, key: str) -> bool:
    if kind == "web":
        return any(k == "web" and web_covers(other, key) for k, other in shown)
    return (kind, key) in shown


class _CycleCheck:
    def __init__(self, cycle: Cycle, content_dir: Path, sources_dir: Path, report: Report, summary: CoverageSummary,
                 only_present: bool = False):
        self.cycle = cycle
        self.only_present = only_present
        self.cycle_path = content_dir.parent / cycle.file
        self.sources_dir = sources_dir
        self.report = report
        self.summary = summary
        self._lines: dict[tuple, tuple[int, int]] | None = None
        self.acks = {(a.kind, a.key): a for a in acknowledgements(cycle.data)}
        self.used: set[tuple[str, str]] = set()
        self._page: dict[tuple[str, str], list[Fact]] = {}

    def at(self, *path: object) -> Location:
        """Where a key of the cycle file is, for messages (the file's start if unknown)."""
        if self._lines is None:  # read only when there is something to report
            self._lines = _cycle_file_lines(self.cycle_path)
        line, column = self._lines.get(path, (1, 0))
        return Location(self.cycle.file, line, column)

    def acknowledged(self, kind: str, key: str) -> bool:
        if (kind, key) in self.acks:
            self.used.add((kind, key))
            self.summary.acknowledged += 1
            return True
        return False

    def run(self, html: str) -> None:
        page = self._page = _by_fact(extract_facts(page_text(html), self.cycle.year))
        in_sources: dict[tuple[str, str], list[Fact]] = {}
        all_read = True
        for index, source in enumerate(self.cycle.data["sources"]):
            if source.get("file"):
                facts = self.read(index, source)
                if facts is None:
                    all_read = False
                else:
                    in_sources.update({k: v for k, v in facts.items() if k not in in_sources})
        if not all_read:
            return  # what the page has beyond the sources cannot be judged with one missing
        for ack in self.acks.values():
            if ack.on_page:  # the page's spelling of an acknowledged fact
                in_sources.setdefault((ack.kind, ack.on_page), [])
        for (kind, key), shown in sorted(page.items()):
            if not _shows(in_sources, kind, key) and not self.acknowledged(kind, key):
                self.summary.page_only += 1
                self.report.warning(
                    self.at("sources"), "sources",
                    f"fact {shown[0]} is on {self.cycle.id} but in none of its source files; "
                    "name the source it comes from, or acknowledge it with a reason under that source",
                )
        for ack in self.acks.values():
            if (ack.kind, ack.key) not in self.used:
                self._unused(ack)

    def read(self, index: int, source: dict) -> dict[tuple[str, str], list[Fact]] | None:
        path = self.sources_dir / source["file"]
        try:
            document = read_document(path)
        except DocumentError as exc:
            where = self.at("sources", index, "file")
            if path.exists():
                self.report.error(where, f"sources[{index}].file", str(exc))
            else:
                say = self.report.note if self.only_present else self.report.warning
                say(
                    where, f"sources[{index}].file",
                    f"{exc}; put the document in {self.sources_dir}/ (or give --sources) to check {self.cycle.id} against it",
                )
            return None
        self.summary.documents += 1
        facts = _by_fact(extract_facts(document.text, self.cycle.year))
        self.summary.facts += len(facts)
        for (kind, key), found in sorted(facts.items(), key=lambda item: item[1][0].line):
            if self.page_shows(kind, key) or self.acknowledged(kind, key):
                continue
            self.summary.missing += 1
            first = found[0]
            details = []
            if kind == "date" and (first.guessed_year or first.text != key):
                details.append(f"read as {key}")
            page = document.page_of(first.line)
            if page:
                details.append(f"page {page}")
            others = sorted({f.line for f in found[1:]} - {first.line})
            if others:
                details.append(("also line " if len(others) == 1 else "also lines ") + ", ".join(map(str, others)))
            suffix = f" ({'; '.join(details)})" if details else ""
            self.report.error(
                Location(str(path), first.line, 0), "",
                f"fact {first} is not on {self.cycle.id}{suffix}",
            )
        return facts

    def page_shows(self, kind: str, key: str) -> bool:
        return _shows(self._page, kind, key)

    def _unused(self, ack: Acknowledgement) -> None:
        self.report.warning(
            self.at("sources", ack.source_index, "acknowledged", ack.index), ack.path,
            f"acknowledged fact {ack.fact!r} ({ack.kind}) is no longer a difference between "
            f"the sources and {self.cycle.id}; remove the acknowledgement",
        )


def _cycle_file_lines(path: Path) -> dict[tuple, tuple[int, int]]:
    """Line of `sources`, of each source's `file` and of each acknowledgement."""
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}
    lines: dict[tuple, tuple[int, int]] = {}

    def mark(node: yaml.Node) -> tuple[int, int]:
        return node.start_mark.line + 1, node.start_mark.column + 1

    if not isinstance(root, yaml.MappingNode):
        return lines
    for key, value in root.value:
        if key.value != "sources" or not isinstance(value, yaml.SequenceNode):
            continue
        lines[("sources",)] = mark(key)
        for index, item in enumerate(value.value):
            if not isinstance(item, yaml.MappingNode):
                continue
            for item_key, item_value in item.value:
                if item_key.value == "file":
                    lines[("sources", index, "file")] = mark(item_value)
                if item_key.value == "acknowledged" and isinstance(item_value, yaml.SequenceNode):
                    for a_index, ack in enumerate(item_value.value):
                        lines[("sources", index, "acknowledged", a_index)] = mark(ack)
    return lines
