"""Locate the npm-installed Pyodide and check it is the pinned version.

Why: the site must ship exactly the runtime that package.json pins (and that
npm ci verified against package-lock.json's integrity hashes), never whatever
happens to be lying in node_modules.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from .errors import BundleError

# The only Pyodide files the browser needs. Source maps, console*.html, .d.ts
# and the CommonJS pyodide.js are deliberately left out.
CORE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
SHIPPED_LOCK = "pyodide-lock.json"
FIX = "run `npm ci --prefix site_src`"


@dataclass(frozen=True)
class PyodideDist:
    directory: Path  # site_src/node_modules/pyodide
    version: str

    def core(self, name: str) -> Path:
        return self.directory / name

    @property
    def shipped_lock(self) -> Path:
        return self.directory / SHIPPED_LOCK


def _read_json(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BundleError(f"{path} is missing; {FIX}") from None
    except ValueError as exc:
        raise BundleError(f"{path} is not valid JSON ({exc}); {FIX}") from None


def locate(site_src: Path) -> PyodideDist:
    """Return the installed Pyodide, or raise BundleError naming the fix."""
    manifest = _read_json(site_src / "package.json")
    deps = {**manifest.get("devDependencies", {}), **manifest.get("dependencies", {})}
    pinned = deps.get("pyodide")
    if not pinned:
        raise BundleError(f"{site_src / 'package.json'} does not list the `pyodide` dependency")
    if not pinned[:1].isdigit():
        raise BundleError(f"pyodide must be pinned to an exact version in {site_src / 'package.json'}, not {pinned!r}")

    directory = site_src / "node_modules" / "pyodide"
    if not directory.is_dir():
        raise BundleError(f"Pyodide {pinned} is not installed ({directory} is missing); {FIX}")
    installed = _read_json(directory / "package.json").get("version")
    if installed != pinned:
        raise BundleError(
            f"installed Pyodide is {installed} but site_src/package.json pins {pinned}; {FIX}"
        )
    missing = [n for n in (*CORE_FILES, SHIPPED_LOCK) if not (directory / n).is_file()]
    if missing:
        raise BundleError(f"Pyodide install in {directory} lacks {', '.join(missing)}; {FIX}")
    return PyodideDist(directory=directory, version=installed)
