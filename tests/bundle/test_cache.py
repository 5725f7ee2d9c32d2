"""Caching of the expensive steps, and the checks on the Pyodide install."""

from __future__ import annotations

import json
import shutil

import pytest

from generator.bundle import BundleError, bundle_runtime
from generator.bundle import cache as cache_mod
from generator.bundle import node as node_mod
from generator.bundle.pyodide_dist import locate

from .conftest import FIXTURE_ENGINE, SITE_SRC


class _NoSubprocess:
    """Stands in for the subprocess module: any node run fails the test."""

    @staticmethod
    def run(*args, **kwargs):
        raise AssertionError(f"node was run on a cached build: {args}")


def test_second_call_hits_the_cache(fixture_bundle, tmp_path, monkeypatch):
    assert fixture_bundle.figures["cached"] is False
    monkeypatch.setattr(node_mod, "subprocess", _NoSubprocess)
    dest = tmp_path / "dest2"
    figures = bundle_runtime(FIXTURE_ENGINE, dest, fixture_bundle.cache, site_src=SITE_SRC)
    assert figures["cached"] is True  # and no Node process was started (_NoSubprocess)
    assert figures["files"] == fixture_bundle.figures["files"]
    for p in fixture_bundle.dest.iterdir():
        assert (dest / p.name).read_bytes() == p.read_bytes(), p.name


def test_cached_publish_leaves_unchanged_files_alone(fixture_bundle, monkeypatch):
    monkeypatch.setattr(node_mod, "subprocess", _NoSubprocess)
    before = {p.name: p.stat().st_mtime_ns for p in fixture_bundle.dest.iterdir()}
    bundle_runtime(FIXTURE_ENGINE, fixture_bundle.dest, fixture_bundle.cache, site_src=SITE_SRC)
    assert {p.name: p.stat().st_mtime_ns for p in fixture_bundle.dest.iterdir()} == before


def test_no_temp_files_left_behind(fixture_bundle):
    leftovers = [p for d in (fixture_bundle.dest, fixture_bundle.cache) for p in d.rglob("*")
                 if p.name.startswith(".") or p.name.endswith(".tmp")]
    assert leftovers == []


def test_cache_key_covers_engine_sources_and_probes(tmp_path):
    dist = locate(SITE_SRC)
    engine = tmp_path / "recert_engine"
    shutil.copytree(FIXTURE_ENGINE, engine, ignore=shutil.ignore_patterns("__pycache__"))
    key = cache_mod.cache_key(dist, engine, [], [])
    assert cache_mod.cache_key(dist, engine, [], []) == key
    (engine / "__pycache__").mkdir(exist_ok=True)
    (engine / "__pycache__" / "x.pyc").write_bytes(b"junk")  # bytecode caches don't count
    assert cache_mod.cache_key(dist, engine, [], []) == key
    assert cache_mod.cache_key(dist, engine, [{"rules": "{}", "input": "{}", "today": "2025-01-01"}], []) != key
    (engine / "core.py").write_text((engine / "core.py").read_text() + "\n")
    assert cache_mod.cache_key(dist, engine, [], []) != key


def _fake_site_src(tmp_path, pinned: str, installed: str | None):
    site = tmp_path / "site_src"
    site.mkdir()
    (site / "package.json").write_text(json.dumps({"dependencies": {"pyodide": pinned}}))
    if installed is not None:
        pkg = site / "node_modules" / "pyodide"
        pkg.mkdir(parents=True)
        (pkg / "package.json").write_text(json.dumps({"version": installed}))
    return site


def test_version_mismatch_names_the_fix(tmp_path):
    site = _fake_site_src(tmp_path, "314.0.7", "314.0.6")
    with pytest.raises(BundleError, match=r"314\.0\.6.*314\.0\.7.*npm ci --prefix site_src"):
        locate(site)


def test_missing_install_names_the_fix(tmp_path):
    site = _fake_site_src(tmp_path, "314.0.7", None)
    with pytest.raises(BundleError, match=r"npm ci --prefix site_src"):
        locate(site)


def test_range_pin_is_refused(tmp_path):
    site = _fake_site_src(tmp_path, "^314.0.7", "314.0.7")
    with pytest.raises(BundleError, match="exact version"):
        locate(site)
