"""Run the Node helper scripts the bundler depends on.

Why a module of its own: one place that finds `node`, applies a time limit and
turns failures into BundleError with the script's stderr attached.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from .errors import BundleError

TIMEOUT_S = 300


def node_binary() -> str:
    node = os.environ.get("NODE") or shutil.which("node")
    if not node:
        raise BundleError("`node` (>= 18) is needed to build the browser runtime but is not on PATH")
    return node


def run_node(script: Path, args: list[str], *, stdin: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run `node script args...`; raise BundleError (with stderr) on failure."""
    cmd = [node_binary(), str(script), *args]
    try:
        proc = subprocess.run(
            cmd, input=stdin, capture_output=True, text=True, timeout=TIMEOUT_S, cwd=cwd
        )
    except subprocess.TimeoutExpired as exc:
        raise BundleError(f"{script.name} took longer than {TIMEOUT_S}s") from exc
    if proc.returncode != 0:
        tail = "\n".join(proc.stderr.strip().splitlines()[-30:])
        raise BundleError(f"{script.name} failed (exit {proc.returncode}):\n{tail}")
    return proc
