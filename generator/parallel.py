"""Spread per-file and per-cycle work over the machine's cores for big sites.

Loading a cycle file and rendering a cycle's pages are independent of the
other cycles, so large content folders are split into one chunk per core.
Worker processes are forked after the model is built and inherit it; small
sites (and every test) stay in one process, where results are identical.
"""

from __future__ import annotations

import multiprocessing
import os
from typing import Callable, Sequence, TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Below this many items a pool costs more than it saves.
MIN_ITEMS = 64

_task: Callable | None = None


def _run_chunk(chunk: Sequence) -> list:
    return [_task(item) for item in chunk]  # type: ignore[misc]


def map_in_chunks(task: Callable[[T], R], items: Sequence[T]) -> list[R]:
    """`[task(i) for i in items]`, in forked worker processes when worth it."""
    global _task
    workers = min(os.cpu_count() or 1, 8)
    if len(items) < MIN_ITEMS or workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [task(item) for item in items]
    size = -(-len(items) // workers)
    chunks = [items[i : i + size] for i in range(0, len(items), size)]
    _task = task  # inherited by the forked workers; nothing is pickled but items and results
    try:
        with multiprocessing.get_context("fork").Pool(len(chunks)) as pool:
            results = pool.map(_run_chunk, chunks)
    finally:
        _task = None
    return [result for chunk in results for result in chunk]
