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
import tempfile
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
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
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
    made_dirs: set[Path] = set()
    for rel, data in sorted(files.items()):
        target = out_dir / rel
        if _same_bytes(target, data):
            stats.unchanged += 1
            continue
        atomic_write(target, data, made_dirs)
        stats.written.append(rel)

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
