"""Source-coverage benchmark: how long checking the real cycles against their flyers takes.

    python scripts/bench_sources.py [--runs 7] [--sources ../shared/seeds] [--content content] [--pdf]

Prints, as the median of --runs runs (with the range, since the machine is
shared): loading and validating the content, the source coverage itself
(rendering each guidance page in memory, reading each flyer, extracting and
comparing the facts), and the whole command a publisher runs,
`python -m generator check --strict --sources DIR`, in a fresh process.

With --pdf, each text flyer is also printed to a PDF by headless Chromium
(Playwright, as in the tests) and the coverage is timed again with the cycles
naming the PDFs, to show what reading PDFs costs.
"""

from __future__ import annotations

import argparse
import html
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.loading.diagnostics import Report  # noqa: E402
from generator.pipeline import load_site  # noqa: E402
from generator.sources.coverage import check_coverage  # noqa: E402
from generator.sources.documents import read_document  # noqa: E402


def seconds(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def figure(name: str, times: list[float]) -> str:
    low, high = min(times), max(times)
    return f"{name:<46} {statistics.median(times) * 1000:8.1f} ms  ({low * 1000:.1f}–{high * 1000:.1f})"


def as_pdfs(content: Path, sources: Path, work: Path) -> tuple[Path, Path, list[Path]]:
    """A copy of the content naming PDFs, and those PDFs printed from the text flyers."""
    from playwright.sync_api import sync_playwright

    from tests.conftest import CHROMIUM, CHROMIUM_ARGS

    shutil.copytree(content, work / "content")
    (work / "sources").mkdir()
    pdfs = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        page = browser.new_page()
        for cycle_file in sorted((work / "content").rglob("*.yaml")):
            text = cycle_file.read_text(encoding="utf-8")
            for name in re.findall(r"^\s+file: (\S+\.txt)$", text, flags=re.M):
                flyer = (sources / name).read_text(encoding="utf-8")
                page.set_content(f"<pre style='font-size:8pt; white-space:pre-wrap'>{html.escape(flyer)}</pre>")
                target = work / "sources" / name.replace(".txt", ".pdf")
                page.pdf(path=str(target), format="Letter")
                pdfs.append(target)
            cycle_file.write_text(re.sub(r"^(\s+file: \S+)\.txt$", r"\1.pdf", text, flags=re.M), encoding="utf-8")
        browser.close()
    return work / "content", work / "sources", pdfs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--content", type=Path, default=ROOT / "content")
    parser.add_argument("--sources", type=Path, default=ROOT.parent / "shared" / "seeds")
    parser.add_argument("--pdf", action="store_true", help="also time the flyers printed as PDFs (needs Chromium)")
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
    if args.pdf:
        with tempfile.TemporaryDirectory() as folder:
            pdf_content, pdf_sources, pdfs = as_pdfs(args.content, args.sources, Path(folder))
            pdf_site, _ = load_site(pdf_content)
            report = Report()
            print(f"as PDFs: {check_coverage(pdf_site, pdf_content, pdf_sources, report)}")
            if report.diagnostics:
                print("\n".join(map(str, report.sorted())))
            reading = [seconds(lambda: [read_document(p) for p in pdfs]) for _ in range(args.runs)]
            pdf_coverage = [
                seconds(lambda: check_coverage(pdf_site, pdf_content, pdf_sources, Report())) for _ in range(args.runs)
            ]
        print(figure(f"reading the {len(pdfs)} PDFs (pypdf)", reading))
        print(figure("source coverage with the flyers as PDFs", pdf_coverage))
    return 0


if __name__ == "__main__":
    sys.exit(main())
