"""Source-coverage benchmark: how long checking the real cycles against their flyers takes.

    python scripts/bench_sources.py [--runs 7] [--sources ../shared/seeds] [--content content]

Prints, as the median of --runs runs (with the range, since the machine is
shared): loading and validating the content, the source coverage itself
(rendering each guidance page in memory, reading each flyer, extracting and
comparing the facts), and the whole command a publisher runs,
`python -m generator check --strict --sources DIR`, in a fresh process.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.loading.diagnostics import Report  # noqa: E402
from generator.pipeline import load_site  # noqa: E402
from generator.sources.coverage import check_coverage  # noqa: E402


def seconds(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def figure(name: str, times: list[float]) -> str:
    low, high = min(times), max(times)
    return f"{name:<46} {statistics.median(times) * 1000:8.1f} ms  ({low * 1000:.1f}–{high * 1000:.1f})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--content", type=Path, default=ROOT / "content")
    parser.add_argument("--sources", type=Path, default=ROOT.parent / "shared" / "seeds")
    args = parser.parse_args()
    if not args.sources.is_dir():
        print(f"no sources folder at {args.sources}; give --sources DIR", file=sys.stderr)
        return 1

    site, _ = load_site(args.content)
    report = Report()
    summary = check_coverage(site, args.content, args.sources, report)
    if report.diagnostics:
        print("\n".join(map(str, report.sorted())), file=sys.stderr)
    print(f"{len(site.cycles)} cycle(s) in {args.content}, sources in {args.sources}")
    print(summary)

    load = [seconds(lambda: load_site(args.content)) for _ in range(args.runs)]
    coverage = [seconds(lambda: check_coverage(site, args.content, args.sources, Report())) for _ in range(args.runs)]
    command = [sys.executable, "-m", "generator", "check", "--strict", "--content", str(args.content),
               "--sources", str(args.sources)]
    # Side by side, alternating, so both see the same load on the shared machine.
    plain, whole = [], []
    for _ in range(args.runs):
        plain.append(seconds(lambda: subprocess.run(command[:-2], cwd=ROOT, check=False, capture_output=True)))
        whole.append(seconds(lambda: subprocess.run(command, cwd=ROOT, check=False, capture_output=True)))
    print(f"median of {args.runs} runs (range):")
    print(figure("load and validate the content", load))
    print(figure("source coverage (render, read, extract, compare)", coverage))
    print(figure("`check --strict`, fresh process", plain))
    print(figure("`check --strict --sources`, fresh process", whole))
    return 0


if __name__ == "__main__":
    sys.exit(main())
