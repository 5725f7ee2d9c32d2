"""Write the rendered site atomically, touching only files whose bytes changed.

Everything is rendered in memory first, so a content or template error never
reaches this module and the previous output stays exactly as it was.

- A first build (the output folder is missing or empty) is written into a
  staging folder beside it, which is renamed into place once complete: the
  site appears whole or not at all, and no file needs a rename of its own.
- Otherwise each changed file is written to a temporary name and renamed into
  place, and unchanged files are left alone (their times too). Files of the
  previous build that are no longer produced are removed (only those this tool
  wrote, listed in the manifest).
"""

from __future__ import annotations

import json
import os
import shutil
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

MANIFEST = ".generator-manifest.json"
# File I/O releases the GIL: a few threads hide the file system's latency.
WRITE_THREADS = 4


@dataclass
class WriteStats:
    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)


def _write_file(path: str, data: bytes) -> None:
    with open(path, "wb") as handle:
        handle.write(data)


def atomic_write(path: Path, data: bytes, made_dirs: set[Path] | None = None) -> None:
    if made_dirs is None or path.parent not in made_dirs:
        path.parent.mkdir(parents=True, exist_ok=True)
        if made_dirs is not None:
            made_dirs.add(path.parent)
    # A name of this process and thread is enough: only we write here, and it
    # is much cheaper than mkstemp's random names on slow file systems.
    tmp = f"{path.parent}/.{path.name}.{os.getpid()}.{threading.get_ident()}.tmp"
    try:
        _write_file(tmp, data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _same_bytes(path: Path, data: bytes) -> bool:
    try:
        if os.stat(path).st_size != len(data):
            return False
        with open(path, "rb") as handle:
            return handle.read() == data
    except (FileNotFoundError, NotADirectoryError):
        return False


def _manifest_bytes(files: dict[str, bytes]) -> bytes:
    return (json.dumps(sorted(files), indent=0) + "\n").encode("utf-8")


def _folders(files: dict[str, bytes]) -> list[str]:
    """Every folder the files need, parents before children."""
    folders = {rel.rpartition("/")[0] for rel in files} - {""}
    for folder in list(folders):
        while "/" in folder:
            folder = folder.rpartition("/")[0]
            folders.add(folder)
    return sorted(folders)


def _is_missing_or_empty(folder: Path) -> bool:
    try:
        with os.scandir(folder) as entries:
            return next(entries, None) is None
    except FileNotFoundError:
        return True
    except NotADirectoryError:
        return False


def write_site(files: dict[str, bytes], out_dir: Path) -> WriteStats:
    out_dir = Path(out_dir)
    # A symbolic link (say to a web server's folder) stays a link: update through it.
    if not out_dir.is_symlink() and _is_missing_or_empty(out_dir):
        stats = _write_first_build(files, out_dir)
        if stats is not None:
            return stats
    return _update(files, out_dir)


def _write_first_build(files: dict[str, bytes], out_dir: Path) -> WriteStats | None:
    """None when the staging folder cannot be renamed into place (the output
    folder is a mount point, say); nothing was changed then."""
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = out_dir.parent / f".{out_dir.name}.staging-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)  # left by a build that was killed
    try:
        staging.mkdir()
        for folder in _folders(files):
            os.mkdir(f"{staging}/{folder}")
        with ThreadPoolExecutor(max_workers=WRITE_THREADS) as pool:
            for _ in pool.map(lambda rel: _write_file(f"{staging}/{rel}", files[rel]), files):
                pass
        _write_file(f"{staging}/{MANIFEST}", _manifest_bytes(files))
        try:
            os.replace(staging, out_dir)  # an empty output folder is replaced too
        except OSError:
            shutil.rmtree(staging, ignore_errors=True)
            return None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return WriteStats(written=sorted(files))


def _update(files: dict[str, bytes], out_dir: Path) -> WriteStats:
    stats = WriteStats()
    for folder in _folders(files):
        (out_dir / folder).mkdir(exist_ok=True)
    made_dirs = {(out_dir / rel).parent for rel in files}
    ordered = sorted(files)

    def write_one(rel: str) -> bool:
        target = out_dir / rel
        if _same_bytes(target, files[rel]):
            return False
        atomic_write(target, files[rel], made_dirs)
        return True

    with ThreadPoolExecutor(max_workers=WRITE_THREADS) as pool:
        for rel, written in zip(ordered, pool.map(write_one, ordered)):
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
    manifest = _manifest_bytes(files)
    if not _same_bytes(manifest_path, manifest):
        atomic_write(manifest_path, manifest)
    return stats


def _prune_empty_dirs(folder: Path, stop: Path) -> None:
    while folder != stop and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
