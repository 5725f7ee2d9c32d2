"""The calculator's browser runtime as output files: Pyodide, stdlib, engine.

The bundle is cached under .cache/runtime (keyed by the Pyodide version, the
engine's sources and the bundler), so a build only runs Node when one of those
changed. Its files join the rendered pages and go through the same writer.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from generator.bundle import bundle_runtime
from generator.locations import CACHE_DIR, ENGINE_DIR
from generator.render.environment import Files

RUNTIME_FOLDER = "assets/pyodide"
WORKER = ("js/engine-worker.mjs", "assets/js/engine-worker.mjs")


def runtime_files(site_src: Path) -> tuple[Files, dict]:
    with tempfile.TemporaryDirectory(prefix="recert-runtime-") as tmp:
        figures = bundle_runtime(ENGINE_DIR, Path(tmp), CACHE_DIR, site_src=site_src)
        files = {f"{RUNTIME_FOLDER}/{p.name}": p.read_bytes() for p in sorted(Path(tmp).iterdir()) if p.is_file()}
    source, target = WORKER
    files[target] = (site_src / source).read_bytes()
    return files, figures
