"""Calculator benchmark in headless Debian Chromium: load time, long tasks, evaluation, bytes.

    python scripts/bench_calculator.py [--runs 5] [--site DIR] [--page 2018/paramedic/calculator/index.html]

Builds the site into a temporary folder (or measures the built site --site names),
serves it on 127.0.0.1 with generator.preview.server, and in each run starts /usr/bin/chromium
(the browser tests' arguments) on a fresh profile on disk, like a first-time visitor:

- cold: navigation start to <html data-engine="ready"> on the first visit;
- bytes: everything that first visit transferred (the page, the engine worker's runtime
  and the service worker's copy of the site), as Chromium's DevTools protocol counts it
  (encoded bytes, headers included; generator.preview.server does not compress), and the same
  responses gzip-compressed (`gzip -9` of each file), as a static host would send them;
- warm: the second and third visits in the same profile, a second apart, once the service
  worker keeps the runtime (on the second, Chrome has no compiled-code cache yet for what the
  worker serves), and, for comparison, a second visit with service workers blocked;
- evaluation: one `window.recert.evaluate` round trip with 200 courses (median of 15);
- longest task: the longest main-thread task while loading, from a Chromium trace of a
  separate cold visit (tracing slows the page, so the timed visit is not traced).

Prints each figure's median over the runs, against the targets.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.bundle.sizes import gzip_size  # noqa: E402
from generator.features.offline import read_manifest  # noqa: E402
from generator.pipeline import build  # noqa: E402
from generator.preview.server import start_in_thread  # noqa: E402
from tests.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

PAGE = "2018/paramedic/calculator/index.html"
LOAD_TIMEOUT_MS = 120_000
EVALUATIONS = 15
PAUSE_MS = 1000  # between visits, as a person would leave (Chrome writes its code caches meanwhile)
MB = 1_000_000

# Records when the engine becomes ready and every long task (>= 50 ms), from the
# very start of each page (an init script is not subject to the page's CSP).
MEASURE = """
window.__bench = { readyAt: null, longTasks: [] };
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) window.__bench.longTasks.push(entry.duration);
}).observe({ type: "longtask", buffered: true });
new MutationObserver(() => {
  const html = document.documentElement;
  if (html && html.dataset.engine === "ready" && window.__bench.readyAt === null) {
    window.__bench.readyAt = performance.now();
  }
}).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-engine"] });
"""

EVALUATE = """async ([count, cycle]) => {
  const courses = [];
  for (let i = 0; i < 200; i++) {
    courses.push({ title: `Course ${i}`, date: "2017-01-01", hours: 1, approval: `17-OEMS-T1-${String(i).padStart(4, "0")}`,
                   delivery: null, national: i % 2 === 0, component: null });
  }
  const input = { schema: 1, cycle, profile: { nremt: false }, courses };
  const times = [];
  for (let i = 0; i <= count; i++) {
    const started = performance.now();
    const output = await window.recert.evaluate(input, { today: "2018-03-01" });
    if (!output || output.errors) throw new Error("evaluation failed: " + JSON.stringify(output));
    if (i > 0) times.push(performance.now() - started); // the first one warms up
  }
  return times;
}"""

CACHED = """async (wanted) => {
  for (let end = Date.now() + 60000; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) {
    const have = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) have.push(request.url.split("?")[0]);
    }
    if (wanted.every((url) => have.includes(url))) return true;
  }
  return false;
}"""

TRACE_CATEGORIES = ["devtools.timeline", "disabled-by-default-devtools.timeline", "toplevel"]


def launch(playwright, profile: Path, service_workers: str = "allow"):
    return playwright.chromium.launch_persistent_context(
        str(profile), executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True, service_workers=service_workers)


def visit(context, url: str) -> tuple[object, float]:
    """Open `url` in a new tab; seconds from navigation start to engine ready."""
    page = context.new_page()
    page.goto(url)
    # Polled in the page rather than with wait_for_selector, whose injected
    # script would run on the main thread while the page is being timed.
    ready_ms = page.evaluate("""async (timeout) => {
      const end = performance.now() + timeout;
      while (window.__bench.readyAt === null && performance.now() < end) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return window.__bench.readyAt;
    }""", LOAD_TIMEOUT_MS)
    if ready_ms is None:
        raise SystemExit(f"the calculator at {url} did not become ready within {LOAD_TIMEOUT_MS // 1000} s")
    return page, ready_ms / 1000


class Transfers:
    """Every response the browser received over the network, from any page, worker or service worker."""

    def __init__(self, context, site: Path):
        self.site = site
        self.requests = []
        context.on("requestfinished", lambda request: self.requests.append(request))

    def totals(self) -> dict:
        raw = gzip = precache = 0
        for request in self.requests:
            sizes = request.sizes()
            body, headers = sizes["responseBodySize"], sizes["responseHeadersSize"]
            if body <= 0 and headers <= 0:
                continue  # served from a cache: nothing transferred
            raw += body + headers
            local = self.site / unquote(urlsplit(request.url).path).lstrip("/")
            if local.is_dir():
                local = local / "index.html"
            gzip += headers + (gzip_size(local) if body > 0 and local.is_file() else body)
            if request.service_worker is not None:
                precache += body + headers
        return {"raw": raw, "gzip": gzip, "service_worker": precache}


def cold_and_warm(playwright, url: str, site: Path, engine_urls: list[str]) -> dict:
    with tempfile.TemporaryDirectory(prefix="bench-profile-") as profile:
        context = launch(playwright, Path(profile))
        try:
            context.add_init_script(MEASURE)
            transfers = Transfers(context, site)
            page, cold = visit(context, url)
            long_tasks = page.evaluate("window.__bench.longTasks")
            if not page.evaluate(CACHED, engine_urls):
                raise SystemExit("the service worker did not keep the runtime within 60 s")
            page.wait_for_timeout(PAUSE_MS)  # let the last responses finish before counting
            first_visit = transfers.totals()
            page.close()
            page, warm = visit(context, url)
            times = page.evaluate(EVALUATE, [EVALUATIONS, page.evaluate("window.recert.cycle")])
            page.wait_for_timeout(PAUSE_MS)
            page.close()
            _, third = visit(context, url)
        finally:
            context.close()
    return {"cold": cold, "warm": warm, "third": third, "long_tasks": long_tasks,
            "evaluate_ms": statistics.median(times), "bytes": first_visit}


def warm_http_cache_only(playwright, url: str) -> float:
    with tempfile.TemporaryDirectory(prefix="bench-profile-") as profile:
        context = launch(playwright, Path(profile), service_workers="block")
        try:
            context.add_init_script(MEASURE)
            page, _ = visit(context, url)
            page.wait_for_timeout(PAUSE_MS)
            page.close()
            _, warm = visit(context, url)
        finally:
            context.close()
    return warm


def longest_task_ms(playwright, url: str) -> float:
    """The longest top-level task on the page's main thread during a traced cold visit.

    Navigates and polls through the DevTools protocol directly: Playwright's own
    helpers would run their injected script on that thread and be counted too."""
    with tempfile.TemporaryDirectory(prefix="bench-profile-") as profile:
        context = launch(playwright, Path(profile))
        try:
            page = context.pages[0] if context.pages else context.new_page()
            cdp = context.new_cdp_session(page)
            events, complete = [], []
            cdp.on("Tracing.dataCollected", lambda message: events.extend(message["value"]))
            cdp.on("Tracing.tracingComplete", lambda _: complete.append(True))
            cdp.send("Tracing.start", {"traceConfig": {"includedCategories": TRACE_CATEGORIES},
                                       "transferMode": "ReportEvents"})
            cdp.send("Page.navigate", {"url": url})
            deadline = time.monotonic() + LOAD_TIMEOUT_MS / 1000
            probe = {"expression": "document.documentElement && document.documentElement.dataset.engine",
                     "returnByValue": True}
            while cdp.send("Runtime.evaluate", probe)["result"].get("value") != "ready":
                if time.monotonic() > deadline:
                    raise SystemExit("the engine did not become ready in the traced visit")
                time.sleep(0.05)
            cdp.send("Tracing.end")
            while not complete:
                page.wait_for_timeout(50)
        finally:
            context.close()
    # The renderer that parsed the page (not the first tab's about:blank one).
    page_pids = {e["pid"] for e in events if e.get("name") == "ParseHTML"
                 and e.get("args", {}).get("beginData", {}).get("url", "").startswith(url)}
    main_threads = {(e["pid"], e["tid"]) for e in events
                    if e.get("ph") == "M" and e.get("name") == "thread_name" and e["pid"] in page_pids
                    and e["args"].get("name") == "CrRendererMain"}
    durations = [e.get("dur", 0) / 1000 for e in events
                 if e.get("ph") == "X" and e.get("name") == "RunTask" and (e["pid"], e["tid"]) in main_threads]
    if not durations:
        raise SystemExit("the trace has no task of the page's main thread")
    return max(durations)


def site_folder(args, work: Path) -> Path:
    if args.site:
        site = Path(args.site)
        if not (site / "sw.js").is_file() or not (site / "assets/pyodide/pyodide.mjs").is_file():
            raise SystemExit(f"{site}/ is not a full build (no sw.js or no Pyodide runtime): run `python -m generator build`")
        return site
    site = work / "site"
    print("building the site…", file=sys.stderr, flush=True)
    build(ROOT / "content", site)
    return site


def row(label: str, values: list[float], unit: str, target: float | None, fmt: str = "{:.2f}") -> str:
    median = statistics.median(values)
    runs = " ".join(fmt.format(v) for v in values)
    if target is None:
        verdict, goal = "", ""
    else:
        verdict = "pass" if median <= target else "FAIL"
        goal = f"<= {fmt.format(target)} {unit}"
    return f"{label:<42} {fmt.format(median) + ' ' + unit:>11}  {goal:<13} {verdict:<5} runs: {runs}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--site", help="a built site to measure (default: build the current tree)")
    parser.add_argument("--page", default=PAGE, help=f"calculator page to open (default {PAGE})")
    args = parser.parse_args(argv)
    if not Path(CHROMIUM).exists():
        raise SystemExit(f"{CHROMIUM} is missing: `make chromium` installs Debian's chromium")
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="bench-calculator-") as work:
        site = site_folder(args, Path(work))
        server, base = start_in_thread(site)
        url = base + args.page
        engine_urls = [base + p for p in read_manifest((site / "sw.js").read_bytes())["engine"]]
        results = []
        try:
            with sync_playwright() as playwright:
                for run in range(1, args.runs + 1):
                    started = time.perf_counter()
                    result = cold_and_warm(playwright, url, site, engine_urls)
                    result["warm_http"] = warm_http_cache_only(playwright, url)
                    result["longest_task"] = longest_task_ms(playwright, url)
                    results.append(result)
                    print(f"run {run}/{args.runs}: cold {result['cold']:.2f} s, warm {result['warm']:.2f} s "
                          f"({time.perf_counter() - started:.0f} s)", file=sys.stderr, flush=True)
        finally:
            server.shutdown()

    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"\nCalculator benchmark: {args.page}, {args.runs} runs, {os.cpu_count()} CPUs, load average {load}")
    print(f"Chromium {CHROMIUM} (headless), site served by generator.preview.server on 127.0.0.1 (no compression)\n")
    print(f"{'figure':<42} {'median':>11}  {'target':<13} {'':<5}")
    print(row("cold visit: engine ready", [r["cold"] for r in results], "s", 1.5))
    print(row("warm: 2nd visit (service worker)", [r["warm"] for r in results], "s", 0.8))
    print(row("warm: 3rd visit (service worker)", [r["third"] for r in results], "s", 0.8))
    print(row("warm: 2nd visit (HTTP cache, no worker)", [r["warm_http"] for r in results], "s", None))
    print(row("longest main-thread task, cold load", [r["longest_task"] for r in results], "ms", 50, "{:.0f}"))
    print(row("long tasks >= 50 ms (PerformanceObserver)", [len(r["long_tasks"]) for r in results], "", None, "{:.0f}"))
    print(row("one evaluation, 200 courses", [r["evaluate_ms"] for r in results], "ms", 20, "{:.1f}"))
    print(row("first visit transferred, raw", [r["bytes"]["raw"] / MB for r in results], "MB", None))
    print(row("first visit, gzip equivalent", [r["bytes"]["gzip"] / MB for r in results], "MB", 5.5))
    print(row("  of which service worker's copy, raw", [r["bytes"]["service_worker"] / MB for r in results], "MB", None))
    print("\nMB = 1,000,000 bytes. Times are from navigation start. The gzip equivalent counts each response's"
          " headers plus its file compressed with gzip -9.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
