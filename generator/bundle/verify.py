"""Check a staged bundle before it is cached or published.

Why: the trimmed stdlib is only right if the engine, loaded exactly as the
browser loads it (site_src/js/node-engine.mjs over the bundled files), gives
the same probe results as under the full stdlib, without needing the
fallback importer.
"""
from __future__ import annotations

import json
from pathlib import Path

from .errors import BundleError
from .node import run_node


def run_probes(node_engine: Path, runtime_dir: Path, probes: list[dict], *, module: str, entry: str) -> list[dict]:
    """Run probes through node-engine.mjs; return its parsed output lines."""
    stdin = "".join(json.dumps(p) + "\n" for p in probes)
    proc = run_node(
        node_engine,
        [str(runtime_dir), "--no-fallback", "--module", module, "--entry", entry],
        stdin=stdin,
    )
    if "stdlib fallback" in proc.stderr:
        raise BundleError(f"bundled runtime needed the stdlib fallback:\n{proc.stderr[-2000:]}")
    lines = proc.stdout.splitlines()
    if len(lines) != len(probes):
        raise BundleError(f"node-engine answered {len(lines)} of {len(probes)} probes:\n{proc.stderr[-2000:]}")
    return [json.loads(line) for line in lines]


def same_as_trace(traced: list[dict], bundled: list[dict]) -> None:
    """traced items are {"ok": output} or {"error": TypeName} (trace_compile.py)."""
    for i, (want, got) in enumerate(zip(traced, bundled)):
        if "ok" in want:
            ok = got == want["ok"]
        else:
            ok = isinstance(got, dict) and got.get("$error", {}).get("type") == want["error"]
        if not ok:
            raise BundleError(
                f"probe {i}: bundled runtime gave {json.dumps(got)[:300]}, "
                f"full-stdlib Pyodide gave {json.dumps(want)[:300]}"
            )
