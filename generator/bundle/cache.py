"""Content-addressed cache of the expensive outputs (node run, bytecode).

Why: tracing and compiling take seconds; the key covers everything they
depend on (Pyodide version and stdlib, engine sources, this bundler's code,
the probes), so an unchanged rebuild just copies files. Entries are built in
a private temp dir and renamed into place, so readers never see half of one.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path

from .fsutil import sha256_file, tree_digest
from .pyodide_dist import PyodideDist

FORMAT = b"generator.bundle cache v1"
KEEP_ENTRIES = 3  # a few, so switching branches back and forth stays cached
BUNDLER_DIR = Path(__file__).parent


def cache_key(dist: PyodideDist, engine_dir: Path, probes: list[dict], extra_files: list[Path]) -> str:
    h = hashlib.sha256(FORMAT + b"\0")
    h.update(f"pyodide={dist.version}\0".encode())
    # The two Pyodide files the cached outputs are derived from.
    for name in ("python_stdlib.zip", "pyodide-lock.json"):
        h.update(f"{name}={sha256_file(dist.core(name))}\0".encode())
    tree_digest(engine_dir, h, label="engine")
    tree_digest(BUNDLER_DIR, h, label="bundler")
    for path in extra_files:  # e.g. the node runner used to verify the bundle
        h.update(f"[{path.name}]{sha256_file(path)}\0".encode())
    h.update(json.dumps(probes, sort_keys=True).encode())
    return h.hexdigest()


def entry_dir(cache_dir: Path, key: str) -> Path:
    return cache_dir / f"runtime-{key[:32]}"


def lookup(cache_dir: Path, key: str) -> Path | None:
    entry = entry_dir(cache_dir, key)
    return entry if (entry / "manifest.json").is_file() else None


def staging(cache_dir: Path) -> Path:
    cache_dir.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(dir=cache_dir, prefix=".staging-"))


def commit(cache_dir: Path, key: str, staged: Path) -> Path:
    """Atomically publish a staged entry; if a concurrent build won, use theirs."""
    entry = entry_dir(cache_dir, key)
    try:
        os.rename(staged, entry)
    except OSError:
        shutil.rmtree(staged, ignore_errors=True)
        if lookup(cache_dir, key) is None:
            raise
    _prune(cache_dir, keep=entry)
    return entry


def touch(entry: Path) -> None:
    os.utime(entry)  # mark as recently used for pruning


def _prune(cache_dir: Path, keep: Path) -> None:
    entries = sorted(
        (p for p in cache_dir.glob("runtime-*") if p.is_dir() and p != keep),
        key=lambda p: p.stat().st_mtime,
        reverse=True,
    )
    for old in entries[KEEP_ENTRIES - 1 :]:
        shutil.rmtree(old, ignore_errors=True)
