"""One page script and the modules it imports, as a single file (esbuild).

Why: a page that loads some thirty small modules pays for each one (a
request, a parse task, a module record) on the visitor's processor, while
the calculator's engine starts on the same cores. One file made the engine
ready about 0.09 s sooner (scripts/bench_calculator.py, README). The source
stays in small modules, which the tests import one by one.

esbuild is pinned in site_src/package.json and installed by `npm ci`, like
the Pyodide runtime. Why not a hand-written concatenation: each module has its
own scope, and joining them correctly is what a bundler is for.
"""

from __future__ import annotations

import json
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from generator.render.environment import Files

SCRIPTS = "assets/js/"
# Runs as it is: the native program, or the Node script that starts it.
ESBUILD = Path("node_modules", ".bin", "esbuild")
FIX = "run `npm ci --prefix site_src`"
TIMEOUT_S = 60


class ScriptBundleError(RuntimeError):
    """A page script could not be bundled; the message says where and why."""


@dataclass(frozen=True)
class Bundled:
    code: bytes
    modules: tuple[str, ...]  # the output paths of the modules now inside `code`


def bundle_script(files: Files, entry: str, separate: tuple[str, ...], src: Path) -> Bundled:
    """`entry` (an output path under assets/js/) with everything it imports,
    except the modules in `separate`, which stay files of their own that the
    bundle imports (a page may load them on their own, earlier)."""
    esbuild = (src / ESBUILD).resolve()
    if not esbuild.is_file():
        raise ScriptBundleError(f"esbuild is not installed ({esbuild} is missing); {FIX}")
    with tempfile.TemporaryDirectory(prefix="script-bundle-") as tmp:
        root = Path(tmp)
        # The scripts as this build writes them: some (vocabulary.mjs) exist only here.
        for path, data in files.items():
            if path.startswith(SCRIPTS) and path.endswith((".mjs", ".js")):
                (root / path).parent.mkdir(parents=True, exist_ok=True)
                (root / path).write_bytes(data)
        if not (root / entry).is_file():
            raise ScriptBundleError(f"{entry}: no such script in this build")
        out = Path(entry).with_name(f"{Path(entry).stem}.bundle{Path(entry).suffix}").as_posix()
        command = [
            str(esbuild), entry, "--bundle", "--format=esm", "--charset=utf8",
            "--log-level=error", f"--outfile={out}", "--metafile=meta.json",
            *(f"--external:{root / module}" for module in separate),
        ]
        try:
            done = subprocess.run(command, cwd=root, capture_output=True, text=True, timeout=TIMEOUT_S)
        except subprocess.TimeoutExpired:
            raise ScriptBundleError(f"{entry}: esbuild took longer than {TIMEOUT_S} s") from None
        if done.returncode != 0:
            message = done.stderr.strip().replace(str(root) + "/", "") or f"exit status {done.returncode}"
            raise ScriptBundleError(f"{entry}: {message}")
        meta = json.loads((root / "meta.json").read_text(encoding="utf-8"))
        inside = meta["outputs"][out]["inputs"]
        return Bundled((root / out).read_bytes(), tuple(sorted(p for p in inside if p != entry)))
