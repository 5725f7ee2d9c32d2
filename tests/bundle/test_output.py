"""What bundle_runtime writes into dest: only the runtime's core files plus
the trimmed stdlib, the site lockfile and the engine wheel."""

from __future__ import annotations

import hashlib
import json
import zipfile

from generator.bundle.pyodide_dist import CORE_FILES

from .conftest import SITE_SRC


def test_dest_holds_only_core_files(fixture_bundle):
    names = {p.name for p in fixture_bundle.dest.iterdir()}
    expected = {
        "pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip",
        "python_stdlib_full.zip", "pyodide-lock.json", fixture_bundle.wheel.name,
    }
    assert names == expected
    assert not [n for n in names if n.endswith((".map", ".html", ".d.ts")) or n == "pyodide.js"]
    assert set(CORE_FILES) <= names


def test_core_files_are_the_pinned_ones(fixture_bundle):
    npm = SITE_SRC / "node_modules" / "pyodide"
    for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm"):
        assert (fixture_bundle.dest / name).read_bytes() == (npm / name).read_bytes(), name
    assert (fixture_bundle.dest / "python_stdlib_full.zip").read_bytes() == (npm / "python_stdlib.zip").read_bytes()
    pinned = json.loads((SITE_SRC / "package.json").read_text())["dependencies"]["pyodide"]
    assert fixture_bundle.figures["pyodide_version"] == pinned


def test_stdlib_is_trimmed_and_precompiled(fixture_bundle):
    with zipfile.ZipFile(fixture_bundle.dest / "python_stdlib.zip") as zf:
        names = zf.namelist()
        magic = {zf.read(n)[:4] for n in names}
    stock = zipfile.ZipFile(SITE_SRC / "node_modules" / "pyodide" / "python_stdlib.zip").namelist()
    assert names == sorted(names)
    assert all(n.endswith(".pyc") for n in names), "sources should not be shipped"
    assert len(magic) == 1, "all bytecode from one interpreter"
    assert len(names) < len([n for n in stock if n.endswith(".py")]) / 2
    # What the fixture engine imports, what Pyodide's startup imports, the
    # lazily imported _strptime (seen only by running the probe), the fallback.
    for needed in ("json/__init__.pyc", "decimal.pyc", "dataclasses.pyc", "_strptime.pyc",
                   "pyodide/__init__.pyc", "_pyodide/_base.pyc", "_site_stdlib_fallback.pyc"):
        assert needed in names
    # The engine itself: the browser imports it from here and installs no wheel.
    assert {"recert_engine/__init__.pyc", "recert_engine/core.pyc"} <= set(names)
    # Not imported by anything on the traced paths, nor only by the wheel installer.
    for unused in ("statistics.pyc", "unittest/__init__.pyc", "sqlite3/__init__.pyc", "xml/__init__.pyc",
                   "tarfile.pyc", "importlib/metadata/__init__.pyc"):
        assert unused not in names
    # Imported by Pyodide's start-up only if present; the build boots without them.
    for left_out in ("ssl.pyc", "base64.pyc", "bz2.pyc", "lzma.pyc", "compression/__init__.pyc"):
        assert left_out not in names


def test_site_lockfile_lists_only_the_engine(fixture_bundle):
    lock = json.loads((fixture_bundle.dest / "pyodide-lock.json").read_text())
    shipped = json.loads((SITE_SRC / "node_modules" / "pyodide" / "pyodide-lock.json").read_text())
    assert lock["info"]["abi_version"] == shipped["info"]["abi_version"]  # the runtime checks it
    assert list(lock["packages"]) == ["recert-engine"]
    pkg = lock["packages"]["recert-engine"]
    assert pkg["file_name"] == fixture_bundle.wheel.name  # relative: works under any sub-path
    assert pkg["sha256"] == hashlib.sha256(fixture_bundle.wheel.read_bytes()).hexdigest()
    assert pkg["imports"] == ["recert_engine"] and pkg["depends"] == []


def test_figures_report_raw_and_gzip_sizes(fixture_bundle):
    figures = fixture_bundle.figures
    files = figures["files"]
    assert set(files) == {p.name for p in fixture_bundle.dest.iterdir()}
    for name, f in files.items():
        assert f["raw"] == (fixture_bundle.dest / name).stat().st_size
        assert 0 < f["gzip"] <= f["raw"] * 1.01 + 64
    first = figures["first_visit"]
    browser_fetches = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
    assert first["gzip"] == sum(files[n]["gzip"] for n in browser_fetches)
    assert first["gzip"] < 5.5e6, "first visit budget"
