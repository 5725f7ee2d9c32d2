"""Rebuild only what an edit affects, for the preview server.

A changed cycle file is loaded and validated alone; then that cycle's pages,
the pages of the next cycle of its level (its "What changed" section compares
with this one) and the site-wide files (home, compare, scripts) are rendered again,
and only files whose bytes changed are written. Anything else (site.yaml, a
new or deleted file, a changed year or level, templates, CSS, JS) rebuilds
everything, still from memory, so a failure never touches the output.

This relies on one rule of the renderer: a cycle's own pages depend only on
that cycle and its previous cycle; anything that lists every cycle is made by
a feature's site-wide hook (see features/base.py).
"""

from __future__ import annotations

import datetime as dt

import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import TemplateError

from generator.features.base import BuildContext
from generator.loading.content_files import CycleSource, LoadedContent, load_content, load_cycle_file, strip_nodes
from generator.loading.diagnostics import ContentError, Report
from generator.locations import PACKAGE, SITE_SRC
from generator.model.site import Site, build_model
from generator.pipeline import finish, render_cycle, render_site_wide, start
from generator.render.environment import Files, Renderer
from generator.write.writer import atomic_write, write_site

PROJECT = PACKAGE.parent


class BuildFailed(Exception):
    """The edit cannot be built; `messages` are file:line:column lines to show."""

    def __init__(self, messages: list[str]):
        super().__init__("\n".join(messages))
        self.messages = messages


@dataclass
class Rebuilt:
    what: str  # e.g. "2024/aemt" or "everything"
    seconds: float
    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _report_lines(report: Report, severity: str | None = None) -> list[str]:
    return [str(d) for d in report.sorted() if severity is None or d.severity == severity]


def _render_failure(exc: Exception) -> BuildFailed:
    if isinstance(exc, TemplateError):
        where = f"{getattr(exc, 'filename', None) or 'template'}:{getattr(exc, 'lineno', None) or '?'}"
        return BuildFailed([f"{where}: template error: {exc}"])
    frames = traceback.extract_tb(exc.__traceback__)
    # Name the project's own line (an extra, a template helper), not the stdlib's.
    ours = [f for f in frames if Path(f.filename).resolve().is_relative_to(PROJECT)]
    frame = (ours or frames)[-1]
    return BuildFailed([f"{frame.filename}:{frame.lineno}: {type(exc).__name__}: {exc}"])


class IncrementalBuilder:
    def __init__(self, content_dir: Path, out_dir: Path, src: Path = SITE_SRC, runtime: bool = True,
                 today: dt.date | None = None):
        self.today = today  # the build date pages state; None: the real date at each rebuild
        self.content_dir = Path(content_dir).resolve()
        self.out_dir = Path(out_dir)
        self.src = Path(src)
        self.runtime = runtime  # False: leave out the calculator's Pyodide bundle, like build --no-runtime
        self.site_data: dict | None = None
        self.sources: dict[str, CycleSource] = {}  # by file name as shown in messages
        self.site: Site | None = None
        self.files: Files = {}
        self.owned: dict[str, set[str]] = {}  # cycle id -> files its render added
        self.failed: set[Path] = set()  # edits that did not build yet; retried on every rebuild
        self._env = None  # kept between rebuilds: compiling templates is most of a rebuild's time

    # -- public ---------------------------------------------------------------

    def full(self) -> Rebuilt:
        """Load, validate, render and write everything."""
        try:
            return self._full()
        except BuildFailed:
            raise
        except Exception as exc:  # whatever the content holds, the preview reports it and keeps watching
            raise _render_failure(exc) from exc

    def _full(self) -> Rebuilt:
        started = time.perf_counter()
        report = Report()
        try:
            loaded = load_content(self.content_dir, report)
        except ContentError:
            loaded = None
        if loaded is None:
            raise BuildFailed(_report_lines(report, "error"))
        site = build_model(loaded, self.today or dt.date.today(), drafts=True)
        build = BuildContext(site, self.src, self.runtime)
        files, owned = self._render(build, {}, {}, site.cycles)
        self._finish(files, build)
        stats = self._write_all(files)
        self.site_data = loaded.site
        self.sources = {c.file: c for c in loaded.cycles}
        self.site, self.files, self.owned = site, files, owned
        self.failed.clear()
        return Rebuilt("everything", time.perf_counter() - started, stats.written, stats.removed, _report_lines(report, "warning"))

    def rebuild(self, changed: set[Path]) -> Rebuilt:
        """Rebuild after `changed` paths (content or site sources) were edited."""
        pending = {Path(p).resolve() for p in changed} | self.failed
        try:
            if self.site is None or not self._only_cycle_edits(pending):
                return self.full()
            return self._cycles(pending)
        except BuildFailed:
            self.failed = pending
            raise
        except Exception as exc:  # whatever the content holds, the preview reports it and keeps watching
            self.failed = pending
            raise _render_failure(exc) from exc

    # -- internals ------------------------------------------------------------

    def _name(self, path: Path) -> str:
        """A content file's name as load_content shows it: relative to the content folder's parent."""
        return str(path.relative_to(self.content_dir.parent))

    def _only_cycle_edits(self, paths: set[Path]) -> bool:
        for path in paths:
            if self.content_dir not in path.parents or not path.is_file():
                return False  # a template, stylesheet, script, or a file added or deleted
            if self._name(path) not in self.sources:
                return False  # site.yaml, or a file that did not load before
        return True

    def _cycles(self, paths: set[Path]) -> Rebuilt:
        started = time.perf_counter()
        report = Report()
        sources = dict(self.sources)
        level_slugs = {level["slug"] for level in self.site_data["levels"]}
        changed_ids: set[str] = set()
        for path in sorted(paths):
            name = self._name(path)
            old = sources[name]
            seen = {(s.data["year"], s.data["level"]): s.file for f, s in sources.items() if f != name}
            loaded = load_cycle_file(path, self.content_dir, report, level_slugs, seen)
            if loaded is None or report.errors:
                continue
            new = CycleSource(old.file, strip_nodes(loaded.data))
            if (new.data["year"], new.data["level"]) != (old.data["year"], old.data["level"]):
                return self.full()  # the cycle moved: other pages' links change too
            sources[name] = new
            changed_ids.add(f"{new.data['year']}/{new.data['level']}")
        if report.errors:
            raise BuildFailed(_report_lines(report, "error"))

        site = build_model(LoadedContent(self.site_data, list(sources.values())), self.today or dt.date.today(), drafts=True)
        affected = [c for c in site.cycles if c.id in changed_ids or (c.previous and c.previous.id in changed_ids)]
        kept = dict(self.files)
        for cycle in affected:
            for rel in self.owned.get(cycle.id, ()):
                kept.pop(rel, None)
        build = BuildContext(site, self.src, runtime=False)  # the runtime does not depend on content: kept
        files, owned = self._render(build, kept, self.owned, affected)
        self._finish(files, build)
        written, removed = self._write(files)
        self.sources, self.site, self.files, self.owned = sources, site, files, owned
        self.failed.clear()
        what = ", ".join(sorted(changed_ids)) or "nothing"
        return Rebuilt(what, time.perf_counter() - started, written, removed, _report_lines(report, "warning"))

    def _render(self, build: BuildContext, files: Files, owned: dict, cycles) -> tuple[Files, dict]:
        renderer = Renderer(build.site, self.src)
        if self._env is None:
            self._env = renderer.env
        renderer.env = self._env  # Jinja re-reads a template whose file changed (auto_reload)
        renderer.files = dict(files)
        owned = dict(owned)
        try:
            start(build)
            for cycle in cycles:
                before = set(renderer.files)
                render_cycle(renderer, cycle)
                owned[cycle.id] = set(renderer.files) - before
            render_site_wide(renderer)
        except Exception as exc:  # the preview must survive any failure and show it
            raise _render_failure(exc) from exc
        return renderer.files, owned

    def _finish(self, files: Files, build: BuildContext) -> None:
        """The features' finish hooks, as pipeline.build runs them, so the preview
        writes exactly what `build` writes."""
        try:
            finish(files, build)
        except Exception as exc:  # e.g. a missing runtime download: show it, keep serving
            raise _render_failure(exc) from exc

    def _write_all(self, files: Files):
        try:
            return write_site(files, self.out_dir)
        except OSError as exc:
            raise BuildFailed([f"{self.out_dir}: cannot write the site: {exc}"]) from exc

    def _write(self, files: Files) -> tuple[list[str], list[str]]:
        if files.keys() != self.files.keys():
            stats = self._write_all(files)  # also updates the manifest
            return stats.written, stats.removed
        written = []
        try:
            for rel, data in sorted(files.items()):
                if self.files.get(rel) != data:
                    atomic_write(self.out_dir / rel, data)
                    written.append(rel)
        except OSError as exc:
            raise BuildFailed([f"{self.out_dir}: cannot write the site: {exc}"]) from exc
        return written, []
