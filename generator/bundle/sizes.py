"""Raw and gzip sizes of the runtime files, for build logs and benchmarks.

Why gzip: it is what a static host sends; the first-visit budget is counted
in gzip bytes (everything except the fallback full stdlib, fetched only if a
module is missing from the trimmed one, and the wheel and lockfile, which the
browser does not fetch: the engine is inside the trimmed stdlib).
"""
from __future__ import annotations

import zlib
from pathlib import Path

NOT_FIRST_VISIT = {"python_stdlib_full.zip", "pyodide-lock.json"}


def first_visit(name: str) -> bool:
    return name not in NOT_FIRST_VISIT and not name.endswith(".whl")


def gzip_size(path: Path) -> int:
    """Size of `gzip -9` output (zlib stream + the 18-byte gzip frame)."""
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    n = 0
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            n += len(comp.compress(chunk))
    return n + len(comp.flush()) + 18


def file_figures(path: Path) -> dict:
    return {"raw": path.stat().st_size, "gzip": gzip_size(path)}


def totals(files: dict[str, dict]) -> dict:
    first = [f for name, f in files.items() if first_visit(name)]
    return {"raw": sum(f["raw"] for f in first), "gzip": sum(f["gzip"] for f in first)}


def format_figures(figures: dict) -> str:
    """A small table for the build log."""
    rows = [f"{'file':<48} {'raw':>11} {'gzip':>11}"]
    for name, f in sorted(figures["files"].items()):
        note = "" if first_visit(name) else "  (not fetched by the browser up front)"
        rows.append(f"{name:<48} {f['raw']:>11,} {f['gzip']:>11,}{note}")
    t = figures["first_visit"]
    rows.append(f"{'first visit total':<48} {t['raw']:>11,} {t['gzip']:>11,}")
    rows.append(
        f"pyodide {figures['pyodide_version']}, {figures['stdlib_modules']} stdlib modules kept, "
        f"{'cached' if figures['cached'] else 'built'} in {figures['seconds']:.2f}s"
    )
    return "\n".join(rows)
