"""Waits until a just-launched Chromium has finished its own start-up work.

A browser that has just started keeps working for a second or so after its
first tab opens: on this 2-core machine, Chromium 156's "WebUI Top Renderer"
(the address bar's pop-up, loaded in the background) keeps one core busy for
about 0.9 s. A page timed during that second is timed against the browser's
start, not only against its own work. A visitor's browser is usually running
already, so bench_calculator.py waits for this before a first visit.

Linux only: it reads the processor time of the browser's processes from
/proc. Elsewhere `wait_until_idle` waits a fixed FALLBACK_S instead.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

WINDOW_S = 0.25  # one sample
QUIET_SHARE = 0.10  # of one core, over a whole window: idle
LIMIT_S = 10.0  # gives up waiting after this long
FALLBACK_S = 2.0  # without /proc


def parse_stat(text: str) -> tuple[int, int, int]:
    """(pid, parent pid, processor time in clock ticks) from a /proc/<pid>/stat line.

    The command name, in parentheses, may itself hold spaces and parentheses
    ("(Chrome_ChildIOT)", "(a b) c)"), so the fields are read after its last ")"."""
    pid = int(text[: text.index("(")])
    rest = text[text.rindex(")") + 2 :].split()
    # rest[0] is the state (field 3); utime and stime are fields 14 and 15.
    return pid, int(rest[1]), int(rest[11]) + int(rest[12])


def browser_pid(profile: Path, proc: Path = Path("/proc")) -> int | None:
    """The browser process started on `profile` (its --user-data-dir)."""
    wanted = f"--user-data-dir={profile}".encode()
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            args = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:  # gone meanwhile, or not ours to read
            continue
        if wanted in args and not any(a.startswith(b"--type=") for a in args):
            return int(entry.name)
    return None


def tree_ticks(root: int, proc: Path = Path("/proc")) -> int:
    """Processor time, in clock ticks, of `root` and all its descendants
    (the browser's renderers, GPU and network processes)."""
    stats: dict[int, tuple[int, int]] = {}  # pid -> (parent, ticks)
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            pid, parent, ticks = parse_stat((entry / "stat").read_text())
        except (OSError, ValueError, IndexError):
            continue
        stats[pid] = (parent, ticks)
    children: dict[int, list[int]] = {}
    for pid, (parent, _) in stats.items():
        children.setdefault(parent, []).append(pid)
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        if pid in stats:
            total += stats[pid][1]
            todo.extend(children.get(pid, []))
    return total


def wait_until_idle(profile: Path, proc: Path = Path("/proc"), sleep=time.sleep, clock=time.monotonic) -> float:
    """Seconds waited until the browser on `profile` used less than QUIET_SHARE
    of one core over a whole WINDOW_S (at most LIMIT_S)."""
    start = clock()
    pid = browser_pid(profile, proc) if proc.is_dir() else None
    if pid is None:
        sleep(FALLBACK_S)
        return clock() - start
    tick_s = 1 / os.sysconf("SC_CLK_TCK")
    before = tree_ticks(pid, proc)
    while clock() - start < LIMIT_S:
        sleep(WINDOW_S)
        now = tree_ticks(pid, proc)
        if (now - before) * tick_s < QUIET_SHARE * WINDOW_S:
            break
        before = now
    return clock() - start
