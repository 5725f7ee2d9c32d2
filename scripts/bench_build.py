"""Build benchmark: N synthetic cycles, wall time and milliseconds per page.

    python scripts/bench_build.py [--sizes 1,100,1000] [--runs 3] [--work DIR] [--guidance-only] [--no-precompress]

Each synthetic cycle is the real 2018 Paramedic file moved to another year
(as `new-cycle` does) under another level, so the work per page is the real
work. Prints one line per size.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.authoring.scaffold import DRAFT_LINE, rewrite  # noqa: E402
from generator.pipeline import build  # noqa: E402


def timed_build(content: Path, out: Path, runtime: bool = True, precompress: bool = True) -> tuple[dict[str, float], dict]:
    """One build; seconds per stage (load, render, write) and in total."""
    os.sync()  # start from a settled disk, not one still flushing the last run
    result = build(content, out, runtime=runtime, precompress=precompress)
    return {**result.stages, "total": result.seconds}, result.files


TEMPLATE = ROOT / "content" / "2018" / "paramedic.yaml"
YEARS = range(2000, 2100)


def make_content(folder: Path, cycles: int) -> None:
    """`cycles` cycle files: the 2018 Paramedic file moved to other years the way
    `new-cycle` does it (every date, in prose too) and verified, under as many
    levels as needed. Cycles of one year share their text, as the
    flyers of one year do; cycles of different years differ in every date."""
    levels = max(1, -(-cycles // len(YEARS)))
    site = (ROOT / "content" / "site.yaml").read_text(encoding="utf-8")
    extra = "".join(f"  - slug: level-{i}\n    name: Level {i}\n" for i in range(levels))
    site = site.replace("levels:\n", "levels:\n" + extra, 1)
    folder.mkdir(parents=True)
    (folder / "site.yaml").write_text(site, encoding="utf-8")
    text = TEMPLATE.read_text(encoding="utf-8")
    by_year: dict[int, str] = {}
    made = 0
    for level in range(levels):
        for year in YEARS:
            if made == cycles:
                return
            if year not in by_year:
                # Published: the publisher has checked every carried-over value.
                verified = dt.date(year - 1, 11, 1)  # after the cycle opened, as on a real site
                written = rewrite(text, 2018, year, TEMPLATE.name, verified)[0]
                by_year[year] = written.replace("!verify ", "").replace(DRAFT_LINE, "")
            body = by_year[year].replace("level: paramedic", f"level: level-{level}", 1)
            (folder / str(year)).mkdir(exist_ok=True)
            (folder / str(year) / f"level-{level}.yaml").write_text(body, encoding="utf-8")
            made += 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1,100,1000")
    parser.add_argument("--runs", type=int, default=3, help="cold builds per size; the median is shown (default 3)")
    parser.add_argument("--work", type=Path, default=None,
                        help="folder for the synthetic content and the builds (default: the system's temporary "
                             "folder); /dev/shm, a memory file system, leaves the disk out of the figures")
    parser.add_argument("--guidance-only", action="store_true",
                        help="build only the home and guidance pages and rules.json (no calculator, checklist, "
                             "calendar, compare page or service worker), to see the guidance pipeline alone")
    parser.add_argument("--no-precompress", action="store_true",
                        help="leave out the .br and .gz copies of every file (build(precompress=False))")
    args = parser.parse_args()
    if args.guidance_only:
        from generator import pipeline
        from generator.features.guidance import Guidance, RulesExport

        pipeline.FEATURES = (RulesExport(), Guidance())
    runtime = not args.guidance_only
    header = ("cycles", "pages", "files", "load s", "render s", "write s", "cold s", "(min-max)", "ms/page",
              "ms/cycle", "rebuild s")
    print(" ".join(f"{h:>9}" for h in header))
    # Everything is deleted at the end, not between builds: ext4 without a journal
    # skips inodes freed in the last few minutes when it creates files, so
    # deleting one build's thousands of files slows the next build's writes.
    works: list[Path] = []
    try:
        for size in (int(s) for s in args.sizes.split(",")):
            work = Path(tempfile.mkdtemp(prefix="bench-", dir=args.work))
            works.append(work)
            make_content(work / "content", size)
            colds = []
            for run in range(args.runs):
                cold, files = timed_build(work / "content", work / f"out{run}", runtime, not args.no_precompress)
                colds.append(cold)
            warm, _ = timed_build(work / "content", work / "out0", runtime, not args.no_precompress)  # nothing rewritten
            cold = {stage: statistics.median(run[stage] for run in colds) for stage in colds[0]}
            totals = [run["total"] for run in colds]
            pages = sum(1 for name in files if name.endswith(".html"))
            files = [name for name in files if not name.endswith((".br", ".gz"))]  # copies are not files of their own
            if pages < size:  # e.g. cycles left out as drafts: the figures would not be of `size` cycles
                sys.exit(f"only {pages} pages were built for {size} cycles; the synthetic content is not what it should be")
            row = (size, pages, len(files), f"{cold['load']:.2f}", f"{cold['render']:.2f}", f"{cold['write']:.2f}",
                   f"{cold['total']:.2f}", f"{min(totals):.2f}-{max(totals):.2f}", f"{cold['total'] * 1000 / pages:.2f}",
                   f"{cold['total'] * 1000 / size:.2f}", f"{warm['total']:.2f}")
            print(" ".join(f"{v:>9}" for v in row), flush=True)
    finally:
        for work in works:
            shutil.rmtree(work, ignore_errors=True)
    print("pages: HTML pages (per cycle a guidance page, and unless --guidance-only a calculator and a checklist;")
    print("plus the site pages); every cycle also has rules.json and, unless --guidance-only, timeline.ics.")
    print("cold: a first build into an empty folder, median of --runs; load, render and write are its stages")
    print("(render includes the calculator runtime, the service worker and, unless --no-precompress, the .br and")
    print(".gz copies of every file). rebuild: again, nothing changed.")


if __name__ == "__main__":
    main()
