"""Write the rendered site atomically, touching only files whose bytes changed.

Everything is rendered in memory first, so a content or template error never
reaches this module and the previous output stays exactly as it was. Each file
is written to a temporary name and renamed into place; files from the previous
build that are no longer produced are removed (only those this tool wrote,
listed in the manifest).
"""

from __future__ import annotations

import json
import os
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

MANIFEST = ".generator-manifest.json"


@dataclass
class WriteStats:
    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)


def atomic_write(path: Path, data: bytes, made_dirs: set[Path] | None = None) -> None:
    if made_dirs is None or path.parent not in made_dirs:
        path.parent.mkdir(parents=True, exist_ok=True)
        if made_dirs is not None:
            made_dirs.add(path.parent)
    # A name of this process and thread is enough: only we write here, and it
    # is much cheaper than mkstemp's random names on slow file systems.
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        with open(tmp, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _same_bytes(path: Path, data: bytes) -> bool:
    try:
        if path.stat().st_size != len(data):
            return False
        return path.read_bytes() == data
    except FileNotFoundError:
        return False


def write_site(files: dict[str, bytes], out_dir: Path) -> WriteStats:
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    stats = WriteStats()
    for folder in sorted({(out_dir / rel).parent for rel in files}):
        folder.mkdir(parents=True, exist_ok=True)
    made_dirs = {(out_dir / rel).parent for rel in files}

    def write_one(rel: str) -> bool:
        target = out_dir / rel
        if _same_bytes(target, files[rel]):
            return False
        atomic_write(target, files[rel], made_dirs)
        return True

    # File I/O releases the GIL: a few threads hide the file system's latency.
    with ThreadPoolExecutor(max_workers=8) as pool:
        for rel, written in zip(sorted(files), pool.map(write_one, sorted(files))):
            if written:
                stats.written.append(rel)
            else:
                stats.unchanged += 1

    manifest_path = out_dir / MANIFEST
    try:
        previous = set(json.loads(manifest_path.read_text(encoding="utf-8")))
    except (FileNotFoundError, ValueError):
        previous = set()
    for rel in sorted(previous - files.keys()):
        stale = out_dir / rel
        if stale.is_file():
            stale.unlink()
            stats.removed.append(rel)
            _prune_empty_dirs(stale.parent, out_dir)
    manifest = (json.dumps(sorted(files), indent=0) + "\n").encode("utf-8")
    if not _same_bytes(manifest_path, manifest):
        atomic_write(manifest_path, manifest)
    return stats


def _prune_empty_dirs(folder: Path, stop: Path) -> None:
    while folder != stop and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
