"""The build pipeline: load -> validate -> model -> render -> write.

Rendering runs the features' hooks (features/base.py) in registry order. The
`build` command and the live preview (preview/incremental.py) both go through
the functions here, so they write the same files.
"""

from __future__ import annotations

import datetime as dt
import gc
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from generator.features.base import BuildContext, CyclePages
from generator.features.registry import FEATURES
from generator.loading.content_files import load_content
from generator.loading.diagnostics import ContentError, Report
from generator.locations import SITE_SRC
from generator.model.rules_export import rules_for
from generator.model.site import Cycle, Site, build_model
from generator.parallel import map_alongside
from generator.render.environment import Files, Renderer, make_environment
from generator.write.writer import WriteStats, write_site


@dataclass
class BuildResult:
    site: Site
    report: Report
    files: Files
    stats: WriteStats
    seconds: float
    stages: dict[str, float] = field(default_factory=dict)  # seconds per stage, for the benchmark


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector for one build.

    A build makes millions of short-lived objects and almost no reference
    cycles; each collection would walk the whole content model again, which
    costs a fifth of a large build. Memory is freed by reference counting
    meanwhile, and the collector is back on (for the preview server) after.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load_site(
    content_dir: Path, strict: bool = False, drafts: bool = False, today: dt.date | None = None
) -> tuple[Site, Report]:
    """Load and validate all content; raise ContentError listing every problem.

    Draft cycles are validated always, and are part of the site only with `drafts`.
    `today` is the build date every page's status is judged against (without
    JavaScript); None means the real date.
    """
    report = Report()
    loaded = load_content(Path(content_dir), report)
    if loaded is None or report.failed(strict):
        raise ContentError(report)
    return build_model(loaded, today or dt.date.today(), drafts), report


def start(build: BuildContext) -> None:
    for feature in FEATURES:
        feature.start(build)


def render_cycle(renderer: Renderer, cycle: Cycle) -> None:
    """Every feature's files of one cycle."""
    pages = CyclePages(cycle, rules_for(cycle))
    for feature in FEATURES:
        feature.cycle(renderer, pages)


def render_site_wide(renderer: Renderer) -> None:
    """Every feature's site-wide files (the home page, the compare page, scripts)."""
    for feature in FEATURES:
        feature.site(renderer)


def finish(files: Files, build: BuildContext) -> None:
    """What lists or hashes the rendered files: sitemap, runtime, headers, sw.js."""
    for feature in FEATURES:
        feature.finish(files, build)


def render_site(site: Site, src: Path = SITE_SRC) -> Files:
    """Every cycle in worker processes (for big sites), the site-wide files meanwhile here."""
    env = make_environment(src / "templates", auto_reload=False)

    def render_one(cycle: Cycle) -> Files:
        renderer = Renderer(site, src, env)
        render_cycle(renderer, cycle)
        return renderer.files

    def render_shared() -> Files:
        renderer = Renderer(site, src, env)
        render_site_wide(renderer)
        return renderer.files

    rendered, files = map_alongside(render_one, site.cycles, render_shared)
    for cycle_files in rendered:
        files.update(cycle_files)
    return files


def render(site: Site, src: Path = SITE_SRC, runtime: bool = True, precompress: bool = False) -> Files:
    """All output files of a site, in memory."""
    build = BuildContext(site, src, runtime, precompress)
    start(build)
    files = render_site(site, src)
    finish(files, build)
    return files


def build(
    content_dir: Path,
    out_dir: Path,
    strict: bool = False,
    src: Path | None = None,
    runtime: bool = True,
    drafts: bool = False,
    today: dt.date | None = None,
    precompress: bool = True,
) -> BuildResult:
    """Build the whole site; `runtime=False` leaves out the calculator's Pyodide bundle,
    `drafts=True` includes draft cycles (marked as drafts on their pages), `today`
    fixes the build date (None: the real date), `precompress=False` leaves out the
    .br and .gz copies of the files."""
    src = src or SITE_SRC
    stages: dict[str, float] = {}
    started = mark = time.perf_counter()

    def stage_done(name: str) -> None:
        nonlocal mark
        now = time.perf_counter()
        stages[name], mark = now - mark, now

    with collector_paused():
        site, report = load_site(content_dir, strict, drafts, today)
        stage_done("load")
        files = render(site, src, runtime, precompress)  # any template error is raised before writing
        stage_done("render")
        stats = write_site(files, Path(out_dir))
        stage_done("write")
    return BuildResult(site, report, files, stats, time.perf_counter() - started, stages)
