"""The build pipeline: load -> validate -> model -> render -> write."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

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

    started = time.perf_counter()
    site, report = load_site(content_dir, strict)
    src = src or render_module.SITE_SRC
    files = render(site, src)  # any template error is raised before writing
    finish(files, src, runtime)
    stats = write_site(files, Path(out_dir))
    return BuildResult(site, report, files, stats, time.perf_counter() - started)
