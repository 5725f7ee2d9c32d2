"""bundle_runtime(): the one entry point the site build calls.

Pipeline (cold): source-only wheel + staging lockfile -> Pyodide under Node
traces and precompiles (stdlib.py; the trimmed stdlib zip carries the
engine's bytecode too) -> final wheel with bytecode + site lockfile -> verify
with node-engine.mjs -> cache. Every call then publishes the Pyodide core
files and the cached outputs into `dest`. The site serves the core files and
the two stdlib zips; the wheel and lockfile are for Python tooling and tests.
"""
from __future__ import annotations

import json
import logging
import os
import shutil
import time
from pathlib import Path

from . import cache, sizes
from .errors import BundleError
from .fsutil import atomic_copy, atomic_write_bytes
from .lockfile import write_site_lock
from .pyodide_dist import locate
from .stdlib import trace_and_compile
from .verify import run_probes, same_as_trace
from .wheel import build_wheel, distribution_name

log = logging.getLogger(__name__)

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SITE_SRC = REPO_ROOT / "site_src"
ENTRY_POINT = "evaluate_json"
# Minimal probes; pass real rules/inputs via `probes=` so lazily imported
# stdlib modules on the real code paths are traced too.
DEFAULT_PROBES = [{"rules": "{}", "input": "{}", "today": "2025-01-01"}]

# Files copied untouched from the npm package (python_stdlib.zip is replaced
# by the trimmed one; the stock zip is kept as the fallback's full stdlib).
COPIED = {"pyodide.mjs": "pyodide.mjs", "pyodide.asm.mjs": "pyodide.asm.mjs",
          "pyodide.asm.wasm": "pyodide.asm.wasm", "python_stdlib.zip": "python_stdlib_full.zip"}
BUILT = ("python_stdlib.zip", "pyodide-lock.json")


def _normalise_probes(probes) -> list[dict]:
    out = []
    for p in probes:
        text = {k: (v if isinstance(v, str) else json.dumps(v)) for k, v in p.items() if k in ("rules", "input")}
        out.append({"rules": text.get("rules", "{}"), "input": text.get("input", "{}"), "today": str(p.get("today", "2025-01-01"))})
    return out


def _link_or_copy(src: Path, dst: Path) -> None:
    try:
        os.link(src, dst)
    except OSError:
        shutil.copyfile(src, dst)


def _build(dist, engine_dir: Path, cache_dir: Path, key: str, probes: list[dict], node_engine: Path) -> Path:
    """Cold path: produce a verified cache entry for `key`."""
    import_name = engine_dir.name
    staged = cache.staging(cache_dir)
    try:
        # 1. Source-only wheel + lockfile, just so Pyodide can install the engine to trace it.
        pre = staged / "pre"
        pre.mkdir()
        wheel0 = build_wheel(engine_dir, pre)
        package = write_site_lock(dist.shipped_lock, wheel0, pre / "pyodide-lock.json", dist.version)

        # 2. Trace + compile in Pyodide under Node.
        report = trace_and_compile(
            dist, pre / "pyodide-lock.json", package=package, import_name=import_name,
            entry_point=ENTRY_POINT, probes=probes, out_dir=staged / "node",
        )

        # 3. Final wheel (with bytecode) and the site's lockfile naming it.
        pyc = {rel: (staged / "node" / "engine_pyc" / name).read_bytes() for rel, name in report["enginePyc"].items()}
        wheel = build_wheel(engine_dir, staged, pyc=pyc, cache_tag=report["cacheTag"])
        write_site_lock(dist.shipped_lock, wheel, staged / "pyodide-lock.json", dist.version)
        os.replace(staged / "node" / "python_stdlib.zip", staged / "python_stdlib.zip")

        # 4. Verify: load the bundle like the browser does, compare probe results.
        check = staged / "verify"
        check.mkdir()
        for src, dst in COPIED.items():
            _link_or_copy(dist.core(src), check / dst)
        for name in (*BUILT, wheel.name):
            _link_or_copy(staged / name, check / name)
        bundled = run_probes(node_engine, check, probes, module=import_name, entry=ENTRY_POINT)
        same_as_trace(report["probeResults"], bundled)

        # 5. Sizes of everything published (gzip of the wasm is slow: cache it).
        files = {dst: sizes.file_figures(dist.core(src)) for src, dst in COPIED.items()}
        for name in (*BUILT, wheel.name):
            files[name] = sizes.file_figures(staged / name)
        manifest = {
            "key": key, "package": package, "wheel": wheel.name, "pyodide_version": dist.version,
            "python": report["python"], "stdlib_entries": report["stdlibEntries"],
            "engine_imports": report["engineImports"], "files": files,
        }
        for tmp in ("pre", "node", "verify"):
            shutil.rmtree(staged / tmp)
        atomic_write_bytes(staged / "manifest.json", json.dumps(manifest, indent=1, sort_keys=True).encode())
        return cache.commit(cache_dir, key, staged)
    except BaseException:
        shutil.rmtree(staged, ignore_errors=True)
        raise


def _publish(dist, entry: Path, manifest: dict, dest: Path) -> None:
    dest.mkdir(parents=True, exist_ok=True)
    for src, dst in COPIED.items():
        atomic_copy(dist.core(src), dest / dst)
    for name in (*BUILT, manifest["wheel"]):
        atomic_copy(entry / name, dest / name)
    # Old engine wheels (their names carry a content hash) are dead weight now.
    prefix = manifest["wheel"].split("-", 1)[0] + "-"
    for old in dest.glob(prefix + "*.whl"):
        if old.name != manifest["wheel"]:
            old.unlink()


def bundle_runtime(
    engine_dir: Path,
    dest: Path,
    cache_dir: Path,
    *,
    site_src: Path | None = None,
    probes: list[dict] | None = None,
) -> dict:
    """Write the browser runtime for the calculator into `dest`.

    dest receives pyodide.mjs, pyodide.asm.mjs, pyodide.asm.wasm, the trimmed
    precompiled python_stdlib.zip, python_stdlib_full.zip (fallback only),
    pyodide-lock.json and the engine wheel. Returns figures for logging:
    {"files": {name: {"raw", "gzip"}}, "first_visit": {"raw", "gzip"},
     "cached", "seconds", "package", "wheel", "pyodide_version", ...}.
    probes: optional [{"rules", "input", "today"}] run at build time (rules/
    input as JSON text or objects) to trace lazily imported modules.
    Raises BundleError with a fix-it message on any failure.
    """
    started = time.perf_counter()
    engine_dir, dest, cache_dir = Path(engine_dir).resolve(), Path(dest), Path(cache_dir)
    site_src = Path(site_src) if site_src else DEFAULT_SITE_SRC
    if not (engine_dir / "__init__.py").is_file():
        raise BundleError(f"engine package not found: {engine_dir}/__init__.py is missing")
    node_engine = site_src / "js" / "node-engine.mjs"
    if not node_engine.is_file():
        raise BundleError(f"{node_engine} is missing")
    dist = locate(site_src)
    probes = _normalise_probes(probes if probes is not None else DEFAULT_PROBES)

    # node-engine.mjs starts Pyodide with the start-up it shares with the browser's worker.
    key = cache.cache_key(dist, engine_dir, probes, [node_engine, site_src / "js" / "lib" / "engine-start.mjs"])
    entry = cache.lookup(cache_dir, key)
    cached = entry is not None
    if entry is None:
        log.info("building the browser runtime (Pyodide %s) ...", dist.version)
        entry = _build(dist, engine_dir, cache_dir, key, probes, node_engine)
    else:
        cache.touch(entry)
    manifest = json.loads((entry / "manifest.json").read_text(encoding="utf-8"))
    _publish(dist, entry, manifest, dest)

    figures = {
        "pyodide_version": dist.version,
        "python": manifest["python"],
        "package": manifest["package"],
        "wheel": manifest["wheel"],
        "distribution": distribution_name(engine_dir.name),
        "stdlib_modules": len(manifest["stdlib_entries"]),
        "files": manifest["files"],
        "first_visit": sizes.totals(manifest["files"]),
        "cached": cached,
        "cache_key": key,
        "seconds": time.perf_counter() - started,
    }
    log.info("browser runtime:\n%s", sizes.format_figures(figures))
    return figures
