"""Fixtures for the browser-runtime bundler (generator.bundle).

The mechanics tests bundle a tiny stand-in engine (fixture_engine/) so they
are fast and independent of the real engine; parity tests target the real
recert_engine and skip if it cannot be imported yet.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.bundle import bundle_runtime

ROOT = Path(__file__).resolve().parents[2]
SITE_SRC = ROOT / "site_src"
NODE_ENGINE = SITE_SRC / "js" / "node-engine.mjs"
FIXTURE_ENGINE = Path(__file__).parent / "fixture_engine" / "recert_engine"


def _need_node() -> str:
    node = shutil.which("node")
    if not node:
        pytest.skip("node is not on PATH; the bundler runs Pyodide under Node")
    return node


def load_fixture_engine():
    """Import the stand-in under its own name, so it never shadows the real engine."""
    name = "bundle_fixture_engine"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(
        name, FIXTURE_ENGINE / "__init__.py", submodule_search_locations=[str(FIXTURE_ENGINE)]
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


class Bundle:
    def __init__(self, dest: Path, cache: Path, figures: dict, seconds: float):
        self.dest, self.cache, self.figures, self.seconds = dest, cache, figures, seconds

    @property
    def wheel(self) -> Path:
        return self.dest / self.figures["wheel"]


def make_bundle(engine_dir: Path, root: Path, **kwargs) -> Bundle:
    _need_node()
    dest, cache = root / "dest", root / "cache"
    started = time.perf_counter()
    figures = bundle_runtime(engine_dir, dest, cache, site_src=SITE_SRC, **kwargs)
    return Bundle(dest, cache, figures, time.perf_counter() - started)


@pytest.fixture(scope="session")
def fixture_bundle(tmp_path_factory) -> Bundle:
    """The stand-in engine bundled once per run (cold cache)."""
    return make_bundle(FIXTURE_ENGINE, tmp_path_factory.mktemp("bundle"))


def run_node_engine(runtime_dir: Path, requests: list[dict], *flags: str) -> tuple[list[dict], str]:
    """Send requests to node-engine.mjs in one process; return (outputs, stderr)."""
    node = _need_node()
    proc = subprocess.run(
        [node, str(NODE_ENGINE), str(runtime_dir), *flags],
        input="".join(json.dumps(r) + "\n" for r in requests),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert len(lines) == len(requests), proc.stderr
    return [json.loads(line) for line in lines], proc.stderr
