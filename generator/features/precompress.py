"""Precompressed copies of the output (`x.br`, `x.gz` beside `x`), for hosts
that send them instead of compressing on every request (nginx `brotli_static`
and `gzip_static`, Caddy `precompressed`; see README, "Deploying").

A copy is kept only where it saves at least a tenth of the file. Large files
(the calculator's runtime) get brotli's best and slowest setting and a gzip
copy written by Zopfli (a deflate encoder that searches much harder than zlib:
3-5% fewer bytes than level 9, readable by every gzip decoder), and are cached
under .cache/compressed by the SHA-256 of their bytes, because compressing the
wasm once takes half a minute. Small files get a quick brotli setting that is
within a few percent of the best, and the standard library's gzip, level 9:
Zopfli would cost the 1000-cycle build seconds to save a few bytes a page.
Both gzip encoders write no time stamp, so an unchanged file gives an
identical copy.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import brotli
import zopfli.gzip

from generator.features.base import BuildContext, Feature
from generator.locations import CACHE_DIR as RUNTIME_CACHE
from generator.render.environment import Files

CACHE_DIR = RUNTIME_CACHE.parent / "compressed"
COPIES = (".br", ".gz")
# The cached copies' names say how they were made: a new setting is a new copy.
CACHED_AS = (".br", ".zopfli1.gz")
# One Zopfli iteration: the default fifteen take three times as long (the wasm:
# 27 s instead of 9 s) for 0.1% fewer bytes.
ZOPFLI_ITERATIONS = 1
# Already compressed: nothing to gain.
SKIP_SUFFIXES = (".br", ".gz", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".woff", ".woff2", ".whl")
LARGE = 64_000  # bytes: best (slow) brotli, cached on disk
SMALL_QUALITY = 5
MIN_SAVING = 0.9  # keep a copy only if it is at most this share of the file
CACHE_DAYS = 30


def _compress(data: bytes, large: bool) -> tuple[bytes, bytes]:
    if not large:
        return brotli.compress(data, quality=SMALL_QUALITY), gzip.compress(data, compresslevel=9, mtime=0)
    br = brotli.compress(data, quality=11)
    gz = gzip.compress(data, compresslevel=9, mtime=0)
    if len(gz) <= len(data) * MIN_SAVING:  # worth a copy at all: then worth the slow encoder
        gz = zopfli.gzip.compress(data, numiterations=ZOPFLI_ITERATIONS)
    return br, gz


def _cached(data: bytes, cache_dir: Path) -> tuple[bytes, bytes]:
    key = hashlib.sha256(data).hexdigest()
    paths = [cache_dir / f"{key}{suffix}" for suffix in CACHED_AS]
    try:
        copies = tuple(path.read_bytes() for path in paths)
        for path in paths:
            os.utime(path)  # recently used: not pruned
        return copies
    except FileNotFoundError:
        pass
    copies = _compress(data, large=True)
    cache_dir.mkdir(parents=True, exist_ok=True)
    for path, copy in zip(paths, copies):
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(copy)
        os.replace(tmp, path)  # a reader never sees half a copy
    return copies


def _prune(cache_dir: Path) -> None:
    cutoff = time.time() - CACHE_DAYS * 86400
    for path in cache_dir.glob("*"):
        if path.is_file() and path.stat().st_mtime < cutoff:
            path.unlink(missing_ok=True)


def compressible(path: str, data: bytes) -> bool:
    return len(data) > 0 and not path.lower().endswith(SKIP_SUFFIXES)


def add_precompressed(files: Files, cache_dir: Path = CACHE_DIR) -> None:
    """Add `path.br` and `path.gz` beside every file they make smaller."""
    paths = [p for p in sorted(files) if compressible(p, files[p])]

    def copies(path: str) -> tuple[bytes, bytes]:
        data = files[path]
        return _cached(data, cache_dir) if len(data) >= LARGE else _compress(data, large=False)

    # brotli and zlib release the GIL while they compress.
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        results = list(pool.map(copies, paths))
    for path, (br, gz) in zip(paths, results):
        size = len(files[path])
        for suffix, copy in zip(COPIES, (br, gz)):
            if len(copy) <= size * MIN_SAVING:
                files[path + suffix] = copy
    if cache_dir.is_dir():
        _prune(cache_dir)


class Precompressed(Feature):
    name = "precompressed copies"

    def finish(self, files: Files, build: BuildContext) -> None:
        if build.precompress:
            add_precompressed(files)
