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

from generator.pipeline import build  # noqa: E402

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
    args = parser.parse_args()
    print(f"{'cycles':>7} {'pages':>7} {'files':>7} {'cold s':>8} {'ms/page':>8} {'rebuild s':>10} {'ms/page':>8}")
    for size in (int(s) for s in args.sizes.split(",")):
        work = Path(tempfile.mkdtemp(prefix="bench-"))
        try:
            make_content(work / "content", size)
            started = time.perf_counter()
            result = build(work / "content", work / "out")
            cold = time.perf_counter() - started
            started = time.perf_counter()
            build(work / "content", work / "out")  # nothing changed: nothing rewritten
            warm = time.perf_counter() - started
            pages = sum(1 for name in result.files if name.endswith(".html"))
            print(f"{size:>7} {pages:>7} {len(result.files):>7} {cold:>8.2f} {cold * 1000 / size:>8.2f} "
                  f"{warm:>10.2f} {warm * 1000 / size:>8.2f}")
        finally:
            shutil.rmtree(work, ignore_errors=True)
    print("ms/page is per cycle: each cycle's guidance page plus its other files.")


if __name__ == "__main__":
    main()
