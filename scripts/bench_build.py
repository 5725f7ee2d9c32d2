"""Build benchmark: N synthetic cycles, wall time and milliseconds per page.

    python scripts/bench_build.py [--sizes 1,100,1000]

Each synthetic cycle is the real 2018 Paramedic file under another year and
level, so the work per page is the real work. Prints one line per size.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator import render as render_module  # noqa: E402
from generator.pipeline import finish, load_site, render  # noqa: E402
from generator.writer import write_site  # noqa: E402


def timed_build(content: Path, out: Path, runtime: bool = True) -> tuple[dict[str, float], dict]:
    """The pipeline's stages one by one, timed: load, render, finish, write."""
    times: dict[str, float] = {}
    started = time.perf_counter()
    site, _ = load_site(content)
    times["load"] = time.perf_counter() - started
    files = render(site)
    times["render"] = time.perf_counter() - started - times["load"]
    if runtime:
        finish(files, render_module.SITE_SRC, runtime=True)
    times["finish"] = time.perf_counter() - started - times["load"] - times["render"]
    write_site(files, out)
    times["write"] = time.perf_counter() - started - sum(times.values())
    times["total"] = time.perf_counter() - started
    return times, files

TEMPLATE = ROOT / "content" / "2018" / "paramedic.yaml"
YEARS = range(2000, 2100)


def make_content(folder: Path, cycles: int) -> None:
    levels = max(1, -(-cycles // len(YEARS)))
    site = (ROOT / "content" / "site.yaml").read_text(encoding="utf-8")
    extra = "".join(f"  - slug: level-{i}\n    name: Level {i}\n" for i in range(levels))
    site = site.replace("levels:\n", "levels:\n" + extra, 1)
    folder.mkdir(parents=True)
    (folder / "site.yaml").write_text(site, encoding="utf-8")
    text = TEMPLATE.read_text(encoding="utf-8")
    made = 0
    for level in range(levels):
        for year in YEARS:
            if made == cycles:
                return
            body = text.replace("level: paramedic", f"level: level-{level}").replace("year: 2018", f"year: {year}")
            (folder / str(year)).mkdir(exist_ok=True)
            (folder / str(year) / f"level-{level}.yaml").write_text(body, encoding="utf-8")
            made += 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1,100,1000")
    parser.add_argument("--guidance-only", action="store_true",
                        help="build only the home and guidance pages and rules.json (no calculator, checklist, "
                             "calendar, compare page or service worker), to see the guidance pipeline alone")
    args = parser.parse_args()
    if args.guidance_only:
        from generator import extras

        extras.CYCLE_EXTRAS.clear()
        extras.SITE_EXTRAS.clear()
    header = ("cycles", "pages", "files", "load s", "render s", "write s", "cold s", "ms/page", "rebuild s", "ms/page")
    print(" ".join(f"{h:>9}" for h in header))
    for size in (int(s) for s in args.sizes.split(",")):
        work = Path(tempfile.mkdtemp(prefix="bench-"))
        try:
            make_content(work / "content", size)
            cold, files = timed_build(work / "content", work / "out", runtime=not args.guidance_only)
            warm, _ = timed_build(work / "content", work / "out", runtime=not args.guidance_only)  # nothing rewritten
            pages = sum(1 for name in files if name.endswith(".html"))
            row = (size, pages, len(files), f"{cold['load']:.2f}", f"{cold['render']:.2f}", f"{cold['write']:.2f}",
                   f"{cold['total']:.2f}", f"{cold['total'] * 1000 / pages:.2f}",
                   f"{warm['total']:.2f}", f"{warm['total'] * 1000 / pages:.2f}")
            print(" ".join(f"{v:>9}" for v in row))
        finally:
            shutil.rmtree(work, ignore_errors=True)
    print("pages: HTML pages (guidance, calculator, checklist per cycle, plus site pages); every cycle also has")
    print("rules.json and timeline.ics. write: the atomic writes of a first build into an empty folder.")


if __name__ == "__main__":
    main()
