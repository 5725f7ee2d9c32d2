"""Precompressed copies: which files get them, and the cache that spares the slow brotli setting."""

from __future__ import annotations

import gzip
import os
import zlib

import brotli

from generator.features.precompress import add_precompressed


def test_copies_only_where_they_save_a_tenth(tmp_path):
    text = b"<p>Hours count from the day after your last recertification.</p>\n" * 50
    files = {"page.html": text, "noise.bin": os.urandom(4000), "empty.txt": b"", "kept.whl": text}
    add_precompressed(files, cache_dir=tmp_path)
    assert brotli.decompress(files["page.html.br"]) == text
    assert gzip.decompress(files["page.html.gz"]) == text
    assert sorted(files) == ["empty.txt", "kept.whl", "noise.bin", "page.html", "page.html.br", "page.html.gz"]


def test_large_files_are_compressed_once_then_read_from_the_cache(tmp_path):
    data = b"".join(b"module %d: the same few words again and again\n" % (i % 700) for i in range(5000))
    assert len(data) > 64_000
    first = {"big.wasm": data}
    add_precompressed(first, cache_dir=tmp_path)
    cached = sorted(p.name for p in tmp_path.iterdir())
    assert len(cached) == 2 and {name.rsplit(".", 1)[1] for name in cached} == {"br", "gz"}
    # A cached copy is used as it is: put a marker in it and see it come back.
    br = next(p for p in tmp_path.iterdir() if p.suffix == ".br")
    br.write_bytes(brotli.compress(data, quality=1))
    second = {"big.wasm": data}
    add_precompressed(second, cache_dir=tmp_path)
    assert second["big.wasm.br"] == br.read_bytes() != first["big.wasm.br"]
    assert second["big.wasm.gz"] == first["big.wasm.gz"]  # gzip without a time stamp: the same bytes


def test_large_files_get_a_gzip_copy_smaller_than_level_9_that_any_gzip_reader_reads(tmp_path):
    # Text that repeats at long distances, as bytecode and wasm do.
    data = b"".join(b"def rule_%d(hours): return hours * %d  # component %d\n" % (i, i % 17, i % 5) for i in range(4000))
    assert len(data) > 64_000
    files = {"python_stdlib.zip": data}
    add_precompressed(files, cache_dir=tmp_path)
    assert gzip.decompress(files["python_stdlib.zip.gz"]) == data
    assert zlib.decompress(files["python_stdlib.zip.gz"], wbits=31) == data
    assert len(files["python_stdlib.zip.gz"]) < len(gzip.compress(data, compresslevel=9, mtime=0))
    assert files["python_stdlib.zip.gz"][4:8] == b"\0\0\0\0"  # no time stamp: the same bytes every build
