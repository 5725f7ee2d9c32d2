"""Calculator benchmark in headless Debian Chromium, side by side with stock Pyodide.

    python scripts/bench_calculator.py [--runs 5] [--site DIR] [--page 2018/paramedic/calculator/index.html]

Builds the site into a temporary folder (or measures the built site --site names)
and serves it on 127.0.0.1 the way a static host does: `_headers`' Cache-Control
rules, the precompressed `.gz` copy as the build wrote it whenever the browser
accepts gzip (Chromium sends `br` only over HTTPS), and ETags, so a file the
browser revalidates (a page's script again for the service worker) is a 304. Next to it, on a second port, it serves a page that
loads the same engine with stock Pyodide (the npm package's files as they are, its
full stdlib and lockfile, the engine as a source-only wheel, `loadPyodide()` then
`loadPackage()` in a module worker), cached for a year as a CDN serves it.

Each run starts /usr/bin/chromium (the browser tests' arguments) on fresh profiles
on disk, like a first-time visitor, waits until the browser has finished its own
start-up (scripts/chromium_idle.py: a visitor's browser is running already), and
measures both, one after the other:

- cold: navigation start to <html data-engine="ready"> on a first visit;
- cold, browser just launched: the same, navigating as soon as the browser has
  started, while its own start-up work still shares the machine's cores;
- warm: a second visit in the same profile a second later (ours from the service
  worker, stock from the HTTP cache), and our third visit;
- ratio: ours / stock, per run, then the median (the robust figure on a busy machine);
- our engine worker alone on a bare page like the stock one, cold: the engine's
  own start, without what the calculator page (its scripts, styles, layout) adds;
- phases of our cold start and of the 2nd visit, from the engine worker's `engine:*` performance marks;
- bytes of our first visit (the page, the runtime and the service worker's copy of
  the site), from the URLs Chromium fetched: raw, gzip and brotli (the build's
  precompressed copies; other files compressed here), response headers included.
  They are counted on one more first visit of each page, after the runs: the
  timed visits have no listener of the benchmark's own on their requests;
- first progress: a cold visit with Chromium's network emulation (1.6 Mbps down,
  750 kbps up, 150 ms latency), navigation start to the first <progress> showing
  downloaded bytes, with the steps before it (the page, its first script, the
  first paint, the engine worker's start, the wasm's first response);
- longest main-thread task during a traced cold visit, and one evaluation of 200
  courses (`window.recert.evaluate` round trip, median of 15).

Prints the median of the runs, each run's figures, and the targets. A build from
before content-hashed runtime names can be measured too (--site); figures it cannot
give are left out.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import http.server
import json
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

import brotli

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.bundle.pyodide_dist import locate  # noqa: E402
from generator.bundle.wheel import build_wheel  # noqa: E402
from generator.features.calculator import WORKER as WORKER_PATH  # noqa: E402
from generator.features.offline import read_manifest  # noqa: E402
from generator.pipeline import build  # noqa: E402
from generator.preview.server import MIME_TYPES  # noqa: E402
from tests.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

sys.path.insert(0, str(ROOT / "scripts"))
from chromium_idle import wait_until_idle  # noqa: E402

PAGE = "2018/paramedic/calculator/index.html"
LOAD_TIMEOUT_MS = 120_000
EVALUATIONS = 15
PAUSE_MS = 1000  # between visits, as a person would leave (Chrome writes its code caches meanwhile)
MB = 1_000_000
SLOW = {"offline": False, "latency": 150, "downloadThroughput": 1_600_000 / 8, "uploadThroughput": 750_000 / 8}

# Records when the engine becomes ready, every long task (>= 50 ms) and when a
# <progress> first shows downloaded bytes, from the very start of each page (an
# init script is not subject to the page's CSP).
MEASURE = """
window.__bench = { readyAt: null, progressAt: null, longTasks: [] };
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) window.__bench.longTasks.push(entry.duration);
}).observe({ type: "longtask", buffered: true });
new MutationObserver(() => {
  const html = document.documentElement;
  if (html && html.dataset.engine === "ready" && window.__bench.readyAt === null) {
    window.__bench.readyAt = performance.now();
  }
  const bar = document.querySelector("progress");
  if (bar && window.__bench.progressAt === null && bar.value > 0 && !bar.closest("[hidden]")) {
    window.__bench.progressAt = performance.now();
  }
}).observe(document, { attributes: true, subtree: true, childList: true, attributeFilter: ["data-engine", "value", "hidden"] });
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

# The engine worker's marks, on the page's clock (ms from navigation start).
WORKER_MARKS = """(pageOrigin) => performance.getEntriesByType("mark")
  .filter((m) => m.name.startsWith("engine:"))
  .map((m) => [m.name.slice(7), m.startTime + performance.timeOrigin - pageOrigin])"""

PHASES = [  # (label, mark): our cold start, in the order it happens
    ("page scripts ran, engine worker started", "worker-start"),
    ("wasm: first response", "response:wasm"),
    ("pyodide.mjs imported", "imported:pyodide"),
    ("pyodide.asm.mjs imported", "imported:asm"),
    ("stdlib downloaded", "downloaded:stdlib"),
    ("wasm downloaded", "downloaded:wasm"),
    ("wasm compiled and instantiated", "wasm-ready"),
    ("interpreter started", "python-ready"),
    ("engine wheel installed", "engine-installed"),
    ("engine imported", "engine-imported"),
    ("engine ready (rules in)", "ready"),
]

STOCK_PAGE = """<!doctype html><meta charset="utf-8"><title>stock Pyodide</title>
<script type="module">
const worker = new Worker(new URL("stock-worker.mjs", location.href), { type: "module" });
worker.onmessage = (event) => { document.documentElement.dataset.engine = event.data; };
</script>"""

# Our engine worker alone on a page like the stock one (no page scripts, styles
# or layout), served by our host at BARE_PATH: it tells the engine's own
# start from what the calculator page adds around it.
BARE_PATH = "/bench-bare-engine.html"
BARE_PAGE = """<!doctype html><meta charset="utf-8"><title>our engine worker alone</title>
<script type="module">
const worker = new Worker(new URL("__WORKER__", location.href), { type: "module" });
worker.onmessage = (event) => {
  if (event.data && event.data.id === 1 && event.data.ok) document.documentElement.dataset.engine = "ready";
};
worker.postMessage({ id: 1, op: "init", payload: { rulesUrl: new URL("__RULES__", location.href).href } });
</script>"""

STOCK_WORKER = """// Stock Pyodide, as its documentation shows it, loading the same engine.
import { loadPyodide } from "./pyodide/pyodide.mjs";
const py = await loadPyodide({ indexURL: new URL("pyodide/", import.meta.url).href });
await py.loadPackage(new URL("__WHEEL__", import.meta.url).href);
const rules = await (await fetch("rules.json")).text();
py.runPython("import recert_engine");
JSON.parse(rules);
postMessage("ready");
"""


# ---- a static host ------------------------------------------------------------------


def header_rules(site: Path) -> list[tuple[str, str]]:
    """(path pattern, Cache-Control) from the site's _headers, in file order."""
    rules, pattern = [], None
    path = site / "_headers"
    for line in path.read_text(encoding="utf-8").splitlines() if path.is_file() else []:
        if line.startswith("/"):
            pattern = line.strip()
        elif pattern and line.strip().lower().startswith("cache-control:"):
            rules.append((pattern, line.split(":", 1)[1].strip()))
    return rules


class HostHandler(http.server.SimpleHTTPRequestHandler):
    """Serves like a static host: Cache-Control from rules, the precompressed gzip
    copy as it was written, and an ETag on every file, answering a request that
    names the current one with 304 Not Modified (as nginx, Netlify, Cloudflare
    Pages and GitHub Pages do), so a revalidated file moves no body."""

    # HTTP/1.1, as every host speaks (keeping connections open); Chromium ignores
    # ETags on HTTP/1.0 responses and would fetch every revalidated file again.
    protocol_version = "HTTP/1.1"
    # As static hosts do (nginx's tcp_nodelay, Go's default in Caddy): without
    # it, a body sent after its headers on a kept-alive connection waits for
    # the browser's delayed ACK, 40 ms per response on Linux.
    disable_nagle_algorithm = True
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **MIME_TYPES}
    rules: list[tuple[str, str]] = []
    default_cache = "no-cache"
    pages: dict[str, bytes] = {}  # path -> a page this host serves from memory

    def log_message(self, *args) -> None:
        pass

    def cache_control(self) -> str:
        path = unquote(urlsplit(self.path).path)
        value = self.default_cache
        for pattern, rule in self.rules:
            if pattern == path or (pattern.endswith("*") and path.startswith(pattern[:-1])):
                value = rule
        return value

    def send_head(self):
        self.etag = None
        page = self.pages.get(urlsplit(self.path).path)
        if page is not None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(page)))
            self.end_headers()
            return _Body(page)
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            return super().send_head()
        copy = Path(f"{path}.gz")
        gzipped = "gzip" in self.headers.get("Accept-Encoding", "") and copy.is_file()
        served = copy if gzipped else path
        stat = served.stat()
        self.etag = f'"{stat.st_mtime_ns:x}-{stat.st_size:x}{"-gz" if gzipped else ""}"'
        if self.etag in self.headers.get("If-None-Match", ""):
            self.send_response(304)
            self.send_header("Vary", "Accept-Encoding")
            self.end_headers()
            return None
        if not gzipped:
            return super().send_head()
        data = copy.read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return _Body(data)

    def end_headers(self) -> None:
        self.send_header("Cache-Control", self.cache_control())
        if getattr(self, "etag", None):
            self.send_header("ETag", self.etag)
        super().end_headers()


class _Body:
    def __init__(self, data: bytes):
        self.data = data

    def read(self, *_):
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        pass  # a browser closing a connection early (a new visit, a closed profile) is not news


def serve(root: Path, rules: list[tuple[str, str]], default_cache: str, pages: dict[str, bytes] | None = None):
    handler = type("Handler", (HostHandler,), {"rules": rules, "default_cache": default_cache, "pages": pages or {}})
    server = QuietServer(("127.0.0.1", 0), functools.partial(handler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


# ---- what a visit fetched -------------------------------------------------------------


class Transfers:
    """Every response the browser received over the network, from any page, worker or service worker."""

    def __init__(self, context, site: Path):
        self.site = site
        self.responses = []
        context.on("requestfinished", lambda request: self.responses.append(request))

    def totals(self) -> dict:
        totals = {"raw": 0, "gzip": 0, "brotli": 0, "transferred": 0, "service_worker": 0}
        for request in self.responses:
            sizes = request.sizes()
            body, headers = sizes["responseBodySize"], sizes["responseHeadersSize"]
            if body <= 0 and headers <= 0:
                continue  # served from a cache: nothing transferred
            totals["transferred"] += body + headers
            local = self.site / unquote(urlsplit(request.url).path).lstrip("/")
            if local.is_dir():
                local = local / "index.html"
            if body > 0 and local.is_file():
                raw, gz, br = encoded_sizes(local)
            else:
                raw = gz = br = max(body, 0)
            for key, size in (("raw", raw), ("gzip", gz), ("brotli", br)):
                totals[key] += headers + size
            if request.service_worker is not None:
                totals["service_worker"] += body + headers
        return totals


@functools.lru_cache(maxsize=None)
def encoded_sizes(path: Path) -> tuple[int, int, int]:
    """Raw, gzip and brotli bytes: the build's precompressed copies where it wrote
    them (where it did not, compressing would not save a tenth), else compressed here."""
    data = path.read_bytes()
    sizes = [len(data)]
    for suffix, compress in ((".gz", lambda d: gzip.compress(d, 9, mtime=0)), (".br", lambda d: brotli.compress(d, quality=11))):
        copy = Path(f"{path}{suffix}")
        sizes.append(copy.stat().st_size if copy.is_file() else min(len(data), len(compress(data))))
    return tuple(sizes)


# ---- visits ------------------------------------------------------------------------------


def launch(playwright, profile: Path, service_workers: str = "allow"):
    return playwright.chromium.launch_persistent_context(
        str(profile), executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True, service_workers=service_workers)


SETTLE_WAITS: list[float] = []  # seconds each browser took to finish its own start-up


@contextlib.contextmanager
def first_time_visitor(playwright, measure: bool = True, settled: bool = True):
    """A browser on a new, empty profile on disk, like a first-time visitor's,
    with the MEASURE script on every page unless `measure` is False; once it
    has finished its own start-up work unless `settled` is False."""
    with tempfile.TemporaryDirectory(prefix="bench-profile-") as profile:
        context = launch(playwright, Path(profile))
        try:
            if settled:
                SETTLE_WAITS.append(wait_until_idle(Path(profile)))
            if measure:
                context.add_init_script(MEASURE)
            yield context
        finally:
            context.close()


def wait_until_kept(page, engine_urls: list[str]) -> None:
    """Until the service worker keeps the runtime (its copy of the site too)."""
    if not page.evaluate(CACHED, engine_urls):
        raise SystemExit("the service worker did not keep the runtime within 60 s")


def wait_for(page, what: str, timeout_ms: int = LOAD_TIMEOUT_MS):
    # Polled in the page rather than with wait_for_selector, whose injected
    # script would run on the main thread while the page is being timed.
    return page.evaluate("""async ([what, timeout]) => {
      const end = performance.now() + timeout;
      while (window.__bench[what] === null && performance.now() < end) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return window.__bench[what];
    }""", [what, timeout_ms])


def visit(context, url: str) -> tuple[object, float]:
    """Open `url` in a new tab; seconds from navigation start to engine ready."""
    page = context.new_page()
    page.goto(url)
    ready_ms = wait_for(page, "readyAt")
    if ready_ms is None:
        raise SystemExit(f"the calculator at {url} did not become ready within {LOAD_TIMEOUT_MS // 1000} s")
    return page, ready_ms / 1000


def phases(page) -> dict[str, float]:
    """Our engine worker's marks, seconds from navigation start."""
    origin = page.evaluate("performance.timeOrigin")
    for worker in page.workers:
        if "engine-worker" in worker.url:
            return {name: ms / 1000 for name, ms in worker.evaluate(WORKER_MARKS, origin)}
    return {}


def ours_cold_and_warm(playwright, url: str, engine_urls: list[str]) -> dict:
    """Timed visits: nothing of the benchmark's own listens to the page's
    requests meanwhile (see first_visit_bytes)."""
    with first_time_visitor(playwright) as context:
        page, cold = visit(context, url)
        marks = phases(page)
        long_tasks = page.evaluate("window.__bench.longTasks")
        wait_until_kept(page, engine_urls)
        page.wait_for_timeout(PAUSE_MS)
        page.close()
        page, warm = visit(context, url)
        warm_marks = phases(page)
        times = page.evaluate(EVALUATE, [EVALUATIONS, page.evaluate("window.recert.cycle")])
        page.wait_for_timeout(PAUSE_MS)
        page.close()
        _, third = visit(context, url)
    return {"cold": cold, "warm": warm, "third": third, "long_tasks": long_tasks, "phases": marks, "warm_phases": warm_marks,
            "evaluate_ms": statistics.median(times)}


def stock_cold_and_warm(playwright, url: str) -> dict:
    with first_time_visitor(playwright) as context:
        page, cold = visit(context, url)
        page.wait_for_timeout(PAUSE_MS)
        page.close()
        _, warm = visit(context, url)
    return {"cold": cold, "warm": warm}


def first_visit_bytes(playwright, url: str, folder: Path, engine_urls: list[str] | None = None) -> dict:
    """What a first visit moves, counted on a visit of its own: Playwright
    reports each request to this process as it finishes, work that shares the
    machine's cores with the page, so it is kept out of the timed visits
    (our page makes about 25 requests before it is ready, stock's 9). `engine_urls`: wait
    until the service worker keeps them, so its copy of the site is counted.
    Bytes do not depend on the browser being idle: no wait for it."""
    with first_time_visitor(playwright, settled=False) as context:
        transfers = Transfers(context, folder)
        page, _ = visit(context, url)
        if engine_urls:
            wait_until_kept(page, engine_urls)
        page.wait_for_timeout(PAUSE_MS)  # let the last responses finish before counting
        return transfers.totals()


def just_launched_cold(playwright, url: str) -> float:
    """A first visit as soon as the browser has started, while its own
    start-up work still runs: seconds to ready."""
    with first_time_visitor(playwright, settled=False) as context:
        page, cold = visit(context, url)
        page.close()
    return cold


def bare_cold(playwright, url: str) -> tuple[float, dict[str, float]]:
    """Our engine worker alone, first visit: seconds to ready, and its marks."""
    with first_time_visitor(playwright) as context:
        page, cold = visit(context, url)
        marks = phases(page)
    return cold, marks


# What the page had done by then, ms from navigation start.
SLOW_PAGE_STEPS = """() => {
  const nav = performance.getEntriesByType("navigation")[0];
  const paint = performance.getEntriesByType("paint").find((p) => p.name === "first-contentful-paint");
  const early = performance.getEntriesByType("resource").find((r) => r.name.includes("engine-early"));
  return { html: nav.responseEnd, paint: paint ? paint.startTime : null, early: early ? early.responseEnd : null,
           parsed: nav.domInteractive };
}"""

SLOW_STEPS = [  # (label, key): the first progress on the slow line, in the order it happens
    ("page (HTML) downloaded", "html"),
    ("first script (engine-early.mjs) downloaded", "early"),
    ("page parsed", "parsed"),
    ("first paint", "paint"),
    ("engine worker started", "worker-start"),
    ("wasm: first response", "response:wasm"),
    ("first downloaded bytes shown", "progress"),
]


def first_progress(playwright, url: str) -> tuple[float | None, dict[str, float]]:
    """Seconds to the first downloaded bytes shown, on an emulated slow connection,
    and the steps on the way there (seconds from navigation start)."""
    with first_time_visitor(playwright) as context:
        page = context.pages[0] if context.pages else context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", SLOW)
        # Not until "load": on the slow line the page's last files share it with
        # the runtime's download, and the load event may come long after.
        page.goto(url, wait_until="commit")
        shown = wait_for(page, "progressAt", 30_000)
        steps = {k: v / 1000 for k, v in page.evaluate(SLOW_PAGE_STEPS).items() if v}
        steps.update((k, v) for k, v in phases(page).items() if k in ("worker-start", "response:wasm"))
    if shown is None:
        return None, steps
    return shown / 1000, {**steps, "progress": shown / 1000}


TRACE_CATEGORIES = ["devtools.timeline", "disabled-by-default-devtools.timeline", "toplevel"]


def longest_task_ms(playwright, url: str) -> float:
    """The longest top-level task on the page's main thread during a traced cold visit.

    Navigates and polls through the DevTools protocol directly: Playwright's own
    helpers would run their injected script on that thread and be counted too."""
    with first_time_visitor(playwright, measure=False) as context:
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


# ---- the two sites ----------------------------------------------------------------------------


def site_folder(args, work: Path) -> Path:
    if args.site:
        site = Path(args.site)
        if not (site / "sw.js").is_file() or not (site / "assets/js/engine-worker.mjs").is_file():
            raise SystemExit(f"{site}/ is not a full build (no sw.js or no engine worker): run `python -m generator build`")
        return site
    site = work / "site"
    print("building the site…", file=sys.stderr, flush=True)
    build(ROOT / "content", site)
    return site


def stock_folder(work: Path, site: Path, page: str) -> Path:
    """Stock Pyodide from the npm package, the engine as a source-only wheel, this cycle's rules."""
    folder = work / "stock"
    dist = locate(ROOT / "site_src")
    (folder / "pyodide").mkdir(parents=True)
    for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"):
        shutil.copyfile(dist.core(name), folder / "pyodide" / name)
    wheel = build_wheel(ROOT / "recert_engine", folder)
    shutil.copyfile(site / Path(page).parent.parent / "rules.json", folder / "rules.json")
    (folder / "stock-worker.mjs").write_text(STOCK_WORKER.replace("__WHEEL__", wheel.name), encoding="utf-8")
    (folder / "index.html").write_text(STOCK_PAGE, encoding="utf-8")
    return folder


# ---- report -----------------------------------------------------------------------------------


def fmt_row(label: str, values: list[float], unit: str, target: float | None, fmt: str = "{:.2f}") -> str:
    values = [v for v in values if v is not None]
    if not values:
        return f"{label:<46} {'—':>11}"
    median = statistics.median(values)
    runs = " ".join(fmt.format(v) for v in values)
    if target is None:
        verdict, goal = "", ""
    else:
        verdict = "pass" if median <= target else "FAIL"
        goal = f"<= {fmt.format(target)} {unit}".rstrip()
    return f"{label:<46} {(fmt.format(median) + ' ' + unit).rstrip():>11}  {goal:<13} {verdict:<5} runs: {runs}"


def report(args, ours: list[dict], stock: list[dict]) -> None:
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"\nCalculator benchmark: {args.page}, {args.runs} runs, {os.cpu_count()} CPUs, load average {load}")
    print("Chromium /usr/bin/chromium (headless); both served on 127.0.0.1 like a static host (gzip, Cache-Control)")
    if SETTLE_WAITS:
        print(f"First visits begin once the browser has finished its own start-up: "
              f"{statistics.median(SETTLE_WAITS):.2f} s after launch (median; {max(SETTLE_WAITS):.2f} s at most)")
    print()
    print(f"{'figure':<46} {'median':>11}  {'target':<13} {'':<5}")
    row = functools.partial(fmt_row)
    print(row("ours, cold: engine ready", [r["cold"] for r in ours], "s", None))
    print(row("stock Pyodide, cold: engine ready", [r["cold"] for r in stock], "s", None))
    print(row("cold ratio, ours / stock", [o["cold"] / s["cold"] for o, s in zip(ours, stock)], "", 0.40))
    print(row("ours, cold, browser just launched", [r["launched"] for r in ours], "s", None))
    print(row("stock Pyodide, cold, browser just launched", [r["launched"] for r in stock], "s", None))
    print(row("  just launched ratio, ours / stock", [o["launched"] / s["launched"] for o, s in zip(ours, stock)], "", None))
    print(row("ours, cold: engine worker alone (bare page)", [r["bare"] for r in ours], "s", None))
    print(row("  bare page ratio, ours / stock", [o["bare"] / s["cold"] for o, s in zip(ours, stock)], "", None))
    print(row("ours, warm: 2nd visit (service worker)", [r["warm"] for r in ours], "s", None))
    print(row("stock Pyodide, warm: 2nd visit (HTTP cache)", [r["warm"] for r in stock], "s", None))
    print(row("warm ratio, ours / stock", [o["warm"] / s["warm"] for o, s in zip(ours, stock)], "", 0.45))
    print(row("ours, warm: 3rd visit", [r["third"] for r in ours], "s", None))
    print(row("first progress shown, 1.6 Mbps / 150 ms", [r["first_progress"] for r in ours], "s", 1.0))
    print(row("longest main-thread task, cold load", [r["longest_task"] for r in ours], "ms", 50, "{:.0f}"))
    print(row("long tasks >= 50 ms (PerformanceObserver)", [len(r["long_tasks"]) for r in ours], "", None, "{:.0f}"))
    print(row("one evaluation, 200 courses", [r["evaluate_ms"] for r in ours], "ms", 20, "{:.1f}"))
    for label, key, target in (("raw", "raw", None), ("gzip", "gzip", 4.6), ("brotli", "brotli", 3.9)):
        print(row(f"ours, first visit, {label}", [r["bytes"][key] / MB for r in ours], "MB", target))
    print(row("  of which the service worker's copy (as sent)", [r["bytes"]["service_worker"] / MB for r in ours], "MB", None))
    for label, key in (("raw", "raw"), ("gzip", "gzip"), ("brotli", "brotli")):
        print(row(f"stock Pyodide, first visit, {label}", [r["bytes"][key] / MB for r in stock], "MB", None))
    for visit_label, key in (("cold start", "phases"), ("cold start, engine worker alone (bare page)", "bare_phases"),
                             ("warm start (2nd visit)", "warm_phases")):
        names = [name for _, name in PHASES if any(name in r.get(key, {}) for r in ours)]
        if names:
            print(f"\nOur {visit_label}, step by step (median seconds from navigation start, engine worker's marks):")
            for label, name in PHASES:
                if name in names:
                    print(row(f"  {label}", [r[key].get(name) for r in ours], "s", None))
    print("\nFirst progress on the slow line (1.6 Mbps, 150 ms), step by step (median seconds from navigation start):")
    for label, key in SLOW_STEPS:
        print(row(f"  {label}", [r["slow_steps"].get(key) for r in ours], "s", None))
    print("\nMB = 1,000,000 bytes. Times are from navigation start. Bytes count each response's headers plus its"
          " file as sent raw, or as the build's .gz / .br copy (compressed here where the build wrote none).")


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
        stock_dir = stock_folder(Path(work), site, args.page)
        rules_path = str(Path(args.page).parent.parent / "rules.json")
        bare = BARE_PAGE.replace("__WORKER__", WORKER_PATH).replace("__RULES__", rules_path).encode()
        server, base = serve(site, header_rules(site), "no-cache", {BARE_PATH: bare})
        stock_server, stock_base = serve(stock_dir, [], "public, max-age=31536000, immutable")
        url = base + args.page
        engine_urls = [base + p for p in read_manifest((site / "sw.js").read_bytes())["engine"]]
        ours, stock = [], []
        try:
            with sync_playwright() as playwright:
                for run in range(1, args.runs + 1):
                    started = time.perf_counter()
                    result = ours_cold_and_warm(playwright, url, engine_urls)
                    stock.append(stock_cold_and_warm(playwright, stock_base + "index.html"))
                    result["launched"] = just_launched_cold(playwright, url)
                    stock[-1]["launched"] = just_launched_cold(playwright, stock_base + "index.html")
                    result["bare"], result["bare_phases"] = bare_cold(playwright, base + BARE_PATH.lstrip("/"))
                    result["first_progress"], result["slow_steps"] = first_progress(playwright, url)
                    result["longest_task"] = longest_task_ms(playwright, url)
                    ours.append(result)
                    print(f"run {run}/{args.runs}: cold {result['cold']:.2f} s (stock {stock[-1]['cold']:.2f} s), "
                          f"warm {result['warm']:.2f} s (stock {stock[-1]['warm']:.2f} s) "
                          f"({time.perf_counter() - started:.0f} s)", file=sys.stderr, flush=True)
                # The same bytes on every first visit: counted once for each.
                print("counting a first visit's bytes…", file=sys.stderr, flush=True)
                ours_bytes = first_visit_bytes(playwright, url, site, engine_urls)
                stock_bytes = first_visit_bytes(playwright, stock_base + "index.html", stock_dir)
        finally:
            server.shutdown()
            stock_server.shutdown()
    for result in ours:
        result["bytes"] = ours_bytes
    for result in stock:
        result["bytes"] = stock_bytes
    report(args, ours, stock)
    return 0


if __name__ == "__main__":
    sys.exit(main())
