"""Notice edited files by polling modification times (stdlib only, any OS)."""

from __future__ import annotations

import time
from pathlib import Path

Snapshot = dict[Path, tuple[int, int]]  # path -> (mtime_ns, size)


def _ignored(path: Path) -> bool:
    # Editor swap, backup and lock files come and go while typing.
    name = path.name
    return name.startswith((".", "#")) or name.endswith(("~", ".swp", ".tmp"))


def snapshot(roots: list[Path]) -> Snapshot:
    found: Snapshot = {}
    for root in roots:
        if not root.is_dir():
            continue
        for path in root.rglob("*"):
            if _ignored(path):
                continue
            try:
                stat = path.stat()
            except FileNotFoundError:  # deleted between listing and stat
                continue
            if path.is_file():
                found[path.resolve()] = (stat.st_mtime_ns, stat.st_size)
    return found


def changed_paths(before: Snapshot, after: Snapshot) -> set[Path]:
    """Files added, removed or modified between two snapshots."""
    return {p for p in before.keys() | after.keys() if before.get(p) != after.get(p)}


class Watcher:
    """Call `wait()` in a loop; it returns the set of paths changed since last time."""

    def __init__(self, roots: list[Path], interval: float = 0.1, settle: float = 0.05):
        self.roots = [Path(r) for r in roots]
        self.interval = interval
        self.settle = settle  # editors often write a file in several steps
        self.state = snapshot(self.roots)

    def poll(self) -> set[Path]:
        current = snapshot(self.roots)
        changed = changed_paths(self.state, current)
        if changed:
            while True:  # wait until the files stop changing
                time.sleep(self.settle)
                later = snapshot(self.roots)
                more = changed_paths(current, later)
                current = later
                if not more:
                    break
                changed |= more
        self.state = current
        return changed

    def wait(self, stop) -> set[Path]:
        """Block until something changed or `stop` (a threading.Event) is set."""
        while not stop.is_set():
            changed = self.poll()
            if changed:
                return changed
            stop.wait(self.interval)
        return set()
