"""The build pipeline: load -> validate -> model -> render -> write."""

from __future__ import annotations

import gc
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from .content import load_content
from .diagnostics import ContentError, Report
from .model import Site, build_model
from .render import Files, render_site
from .writer import WriteStats, write_site


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


def load_site(content_dir: Path, strict: bool = False) -> tuple[Site, Report]:
    """Load and validate all content; raise ContentError listing every problem."""
    report = Report()
    loaded = load_content(Path(content_dir), report)
    if loaded is None or report.failed(strict):
        raise ContentError(report)
    return build_model(loaded), report


def render(site: Site, src: Path | None = None) -> Files:
    from . import render as render_module

    return render_site(site, src or render_module.SITE_SRC)


def finish(files: Files, src: Path, runtime: bool) -> None:
    """The stages after rendering, shared by `build` and the live preview:
    the calculator runtime, host headers, and the service worker (last,
    because it lists and hashes every other output file)."""
    from .headers import add_headers
    from .offline import add_service_worker
    from .runtime_assets import runtime_files

    if runtime:
        files.update(runtime_files(src)[0])
    add_headers(files)
    add_service_worker(files, src)


def build(
    content_dir: Path, out_dir: Path, strict: bool = False, src: Path | None = None, runtime: bool = True
) -> BuildResult:
    """Build the whole site; `runtime=False` leaves out the calculator's Pyodide bundle."""
    from . import render as render_module

    src = src or render_module.SITE_SRC
    stages: dict[str, float] = {}
    started = mark = time.perf_counter()

    def stage_done(name: str) -> None:
        nonlocal mark
        now = time.perf_counter()
        stages[name], mark = now - mark, now

    with collector_paused():
        site, report = load_site(content_dir, strict)
        stage_done("load")
        files = render(site, src)  # any template error is raised before writing
        finish(files, src, runtime)
        stage_done("render")
        stats = write_site(files, Path(out_dir))
        stage_done("write")
    return BuildResult(site, report, files, stats, time.perf_counter() - started, stages)
