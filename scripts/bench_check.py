"""Check and build benchmark: the real content and 100 synthetic cycles.

    python scripts/bench_check.py [--runs 5] [--synthetic 100] [--baseline DIR]

Times `check` (load and validate, as `python -m generator check` does) and a
cold `build` (into an empty folder, Pyodide runtime included) of two content
folders: this repository's `content/`, and `--synthetic` cycles made the way
scripts/bench_build.py makes them. Prints the median of `--runs` and the range.

With `--baseline DIR` (another checkout of the project, e.g. a git worktree of
main before a change), every measurement runs in a fresh process alternately
with this checkout's generator and with DIR's, on the same content folders,
and the two are printed side by side: the machine is shared, so alternating
keeps both sides under the same load.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def measure(root: Path, content: Path, out: Path) -> dict[str, float]:
    """Seconds for check and for a cold build with the generator found in `root`."""
    sys.path.insert(0, str(root))
    from generator.pipeline import build, load_site

    started = time.perf_counter()
    load_site(content)
    checked = time.perf_counter() - started
    os.sync()  # start the build from a settled disk
    result = build(content, out)
    return {"check": checked, "build": result.seconds, "cycles": len(result.site.cycles)}


def one_run(root: Path, content: Path, out: Path) -> dict[str, float]:
    """`measure` in a fresh interpreter, so no run warms another's caches."""
    proc = subprocess.run(
        [sys.executable, __file__, "--measure", str(root), str(content), str(out)],
        capture_output=True, text=True, check=False,
    )
    if proc.returncode != 0:
        sys.exit(f"the generator in {root} failed on {content}:\n{proc.stderr}")
    return json.loads(proc.stdout)


def summary(runs: list[dict[str, float]], key: str) -> str:
    values = [run[key] for run in runs]
    return f"{statistics.median(values):.3f} ({min(values):.3f}-{max(values):.3f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="runs per figure; the median is shown (default 5)")
    parser.add_argument("--synthetic", type=int, default=100, help="synthetic cycles (default 100)")
    parser.add_argument("--baseline", type=Path, help="another checkout to measure side by side")
    parser.add_argument("--measure", nargs=3, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(*args.measure)))
        return

    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "scripts"))
    from bench_build import make_content

    roots = {"this checkout": ROOT}
    if args.baseline:
        roots = {"baseline": args.baseline.resolve(), **roots}
    work = Path(tempfile.mkdtemp(prefix="bench-check-"))
    try:
        contents = {"real content": ROOT / "content"}
        synthetic = work / "synthetic"
        make_content(synthetic, args.synthetic)
        contents[f"{args.synthetic} synthetic cycles"] = synthetic
        runs: dict[tuple[str, str], list[dict[str, float]]] = {(c, r): [] for c in contents for r in roots}
        for root in roots.values():  # untimed: fills each checkout's runtime cache
            one_run(root, ROOT / "content", work / f"warm-{len(os.listdir(work))}")
        for number in range(args.runs):
            for content_name, content in contents.items():
                for root_name, root in roots.items():  # alternating: both sides see the same load
                    out = work / f"out-{len(os.listdir(work))}"
                    runs[content_name, root_name].append(one_run(root, content, out))
        header = ("content", "generator", "cycles built", "check s (range)", "build s (range)")
        print(f"{header[0]:<22} {header[1]:<14} {header[2]:>12} {header[3]:>22} {header[4]:>22}")
        for (content_name, root_name), measured in runs.items():
            print(f"{content_name:<22} {root_name:<14} {measured[0]['cycles']:>12} {summary(measured, 'check'):>22} "
                  f"{summary(measured, 'build'):>22}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"median of {args.runs} runs, each in a fresh process; check: load and validate every file;")
    print("build: a cold build into an empty folder (load, render, write, Pyodide runtime from its cache,")
    print("which an untimed first build fills).")
    if args.baseline:
        print(f"baseline: {args.baseline}")


if __name__ == "__main__":
    main()
