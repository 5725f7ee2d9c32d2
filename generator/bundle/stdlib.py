"""Trim and precompile the standard library, using Pyodide's own Python.

Why: stock Pyodide ships ~600 stdlib sources and compiles every module it
imports at each page load. Here Pyodide (under Node) boots, installs the
engine wheel, imports what the engine names and runs probe inputs; exactly
the stdlib modules that booting and the engine loaded (not those only the
wheel installer needed) are compiled to 3.14 bytecode into a small
python_stdlib.zip, together with the engine's own bytecode, so the browser
imports the engine from it and installs nothing. The host's CPython 3.11
could do neither step.
"""
from __future__ import annotations

import json
import zipfile
from pathlib import Path

from .errors import BundleError
from .node import run_node
from .pyodide_dist import PyodideDist

SIDE = Path(__file__).with_name("pyodide_side")
BUILD_SCRIPT = SIDE / "build_runtime.mjs"
TRACE_SCRIPT = SIDE / "trace_compile.py"
FALLBACK_SOURCE = SIDE / "stdlib_fallback.py"
FALLBACK_MODULE = "_site_stdlib_fallback"  # the name the worker/node runner import
# Python's start-up imports it by this name: it starts rarely used modules lazily.
START_UP_SOURCE = SIDE / "sitecustomize.py"
START_UP_MODULE = "sitecustomize"

# Compile without column tables: a much smaller zip; tracebacks keep line numbers.
BUILD_ENV = {"PYTHONNODEBUGRANGES": "1"}
# The standard library is compiled as `python -OO` would (no docstrings, no
# asserts), which CPython's own test suite covers; a third smaller download.
# The engine keeps level 0: its asserts are its own.
STDLIB_OPTIMIZE = 2

# Packages Pyodide's start-up imports only inside `try: ... except ImportError`
# (asyncio: ssl; shutil and zipfile: bz2, lzma, compression) and the engine
# never uses. The build's Pyodide boots without them, as the browser's does
# from the trimmed zip, so neither they nor what only they import (base64) are
# shipped: 0.1 MB less to download. Importing one later still works, through
# the fallback importer and the full standard library.
LEFT_OUT = ("ssl", "bz2", "lzma", "compression")


def _top_level(arc: str) -> str:
    return arc.split("/", 1)[0].removesuffix(".py")


def write_boot_stdlib(full_zip: Path, out: Path) -> list[str]:
    """The full standard library without LEFT_OUT, for the build's Pyodide to
    boot and trace with; returns the module names left out (for the fallback)."""
    names = []
    with zipfile.ZipFile(full_zip) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if _top_level(info.filename) not in LEFT_OUT:
                dst.writestr(info, src.read(info))
            elif info.filename.endswith(".py"):
                names.append(info.filename[:-3].removesuffix("/__init__").replace("/", "."))
    return sorted(names)


def trace_and_compile(
    dist: PyodideDist,
    lock_file: Path,
    *,
    package: str,
    import_name: str,
    entry_point: str,
    probes: list[dict],
    out_dir: Path,
) -> dict:
    """Write out_dir/python_stdlib.zip and out_dir/engine_pyc/*.pyc; return
    the report (modules kept, probe results, cache tag...)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    boot_stdlib = out_dir / "boot_stdlib.zip"
    left_out = write_boot_stdlib(dist.core("python_stdlib.zip"), boot_stdlib)
    config = {
        "pyodideDir": str(dist.directory.resolve()),
        "lockFile": str(lock_file.resolve()),
        "package": package,
        "importName": import_name,
        "entryPoint": entry_point,
        "probes": probes,
        "outDir": str(out_dir.resolve()),
        "traceScript": str(TRACE_SCRIPT),
        "fallbackSource": FALLBACK_SOURCE.read_text(encoding="utf-8"),
        "fallbackModule": FALLBACK_MODULE,
        "startUpSource": START_UP_SOURCE.read_text(encoding="utf-8"),
        "startUpModule": START_UP_MODULE,
        "env": BUILD_ENV,
        "stdlibOptimize": STDLIB_OPTIMIZE,
        "bootStdlib": str(boot_stdlib.resolve()),
        "leftOut": left_out,
    }
    config_file = out_dir / "config.json"
    config_file.write_text(json.dumps(config), encoding="utf-8")
    proc = run_node(BUILD_SCRIPT, [str(config_file)])
    config_file.unlink()
    boot_stdlib.unlink()
    lines = proc.stdout.strip().splitlines()
    try:
        report = json.loads(lines[-1])
    except (IndexError, ValueError):
        raise BundleError(f"{BUILD_SCRIPT.name} printed no report:\n{proc.stdout[-2000:]}") from None
    if not (out_dir / "python_stdlib.zip").is_file():
        raise BundleError(f"{BUILD_SCRIPT.name} did not write python_stdlib.zip")
    return report
