"""Spread per-file and per-cycle work over the machine's cores for big sites.

Loading a cycle file and rendering a cycle's pages are independent of the
other cycles, so large content folders are split into one slice per core and
each slice runs in a forked worker process. The workers inherit the items and
the task, so nothing is sent to them; each sends its results back once, when
its whole slice is done, through its own pipe. They never wait for this
process while they work, even when it is busy rendering pages of its own
(`map_alongside`). Small sites, most tests, and any process with other threads
running stay in one process, where the results are identical.
"""

from __future__ import annotations

import os
import pickle
import sys
import threading
import traceback
from typing import Callable, Sequence, TypeVar

T = TypeVar("T")
R = TypeVar("R")
A = TypeVar("A")

# Below this many items a worker costs more than it saves.
MIN_ITEMS = 64
MAX_WORKERS = 8


class WorkerError(RuntimeError):
    """A worker process failed in a way that could not be sent back as-is."""


def _workers() -> int:
    return min(os.cpu_count() or 1, MAX_WORKERS)


def _other_threads_running() -> bool:
    # Forking while other threads run (the preview server's) could copy a lock
    # one of them holds into the worker, which would then wait for it forever.
    return threading.active_count() > 1


def _use_workers(items: Sequence) -> bool:
    return len(items) >= MIN_ITEMS and _workers() >= 2 and hasattr(os, "fork") and not _other_threads_running()


def _run_slice(task: Callable, items: Sequence, write_fd: int) -> None:
    """In the worker: run the slice, send ("ok", results) or ("error", exception)."""
    try:
        outcome: tuple = ("ok", [task(item) for item in items])
    except BaseException as exc:  # noqa: BLE001 - every failure goes back to the parent
        outcome = ("error", exc)
    with os.fdopen(write_fd, "wb") as pipe:
        try:
            data = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # an exception that cannot be pickled: send its text
            text = "".join(traceback.format_exception(outcome[1])) if outcome[0] == "error" else traceback.format_exc()
            data = pickle.dumps(("error", WorkerError(text)))
        pipe.write(data)


def _start_worker(task: Callable, items: Sequence) -> tuple[int, int]:
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # the worker
        os.close(read_fd)
        status = 1
        try:
            _run_slice(task, items, write_fd)
            status = 0
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(status)  # never return into the parent's code
    os.close(write_fd)
    return pid, read_fd


def _collect(pid: int, read_fd: int) -> list:
    with os.fdopen(read_fd, "rb") as pipe:
        data = pipe.read()
    os.waitpid(pid, 0)
    if not data:
        raise WorkerError("a worker process stopped before sending its results")
    status, value = pickle.loads(data)
    if status == "error":
        raise value
    return value


def map_alongside(task: Callable[[T], R], items: Sequence[T], alongside: Callable[[], A]) -> tuple[list[R], A]:
    """`[task(i) for i in items]` in worker processes while this process runs
    `alongside()`; both results. Without workers the items run first."""
    if not _use_workers(items):
        results = [task(item) for item in items]
        return results, alongside()
    workers = _workers()
    size = -(-len(items) // workers)
    started = [_start_worker(task, items[start : start + size]) for start in range(0, len(items), size)]
    try:
        other = alongside()
    finally:
        # Collect every worker even when something failed, so none is left behind.
        slices, error = [], None
        for pid, read_fd in started:
            try:
                slices.append(_collect(pid, read_fd))
            except BaseException as exc:  # noqa: BLE001 - the first failure is raised below
                error = error or exc
    if error is not None:
        raise error
    return [result for chunk in slices for result in chunk], other


def map_in_chunks(task: Callable[[T], R], items: Sequence[T]) -> list[R]:
    """`[task(i) for i in items]`, in forked worker processes when worth it."""
    return map_alongside(task, items, lambda: None)[0]
