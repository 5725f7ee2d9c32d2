"""Calculator benchmark for a real transcript: entry effort, page height, layout shift, engine speed.

    python scripts/bench_entry.py [--site DIR] [--baseline CHECKOUT] [--runs 3] [--only entry,height,cls,engine,live]

Builds the site into a temporary folder (or measures the built site --site names), serves it
on 127.0.0.1 and drives headless Debian Chromium (the browser tests' arguments). Prints:

- entry: clicks and keystrokes (trusted events the page receives) to enter the 25-course
  transcript below, in each way the page offers: field by field as a mouse user does it
  (click a field, type), by keyboard only, and, where the page has one, by pasting the
  transcript copied from a spreadsheet;
- height: with those 25 courses entered, on a 390 x 844 phone and a 1280 x 800 desktop:
  the page's height, in pixels and screens, and how far down the results start;
- cls: cumulative layout shift (PerformanceObserver "layout-shift", shifts right after input
  excluded as the metric does) of a first visit to the calculator, checklist and compare
  pages at 390 px and 1280 px, until the page settles (engine ready, then 1.5 s);
- engine: one `window.recert.evaluate` round trip (the real Pyodide engine in its worker,
  median of 15 after a warm-up) with 200 courses: none pinned, half pinned, all pinned (varied
  hours, many pins costing hours), all pinned with 200 different hours, half pinned with 200
  different hours, and 500 all pinned; then the slowest of the 200-course cases;
- live: with 60 courses entered, from the keystroke that changes a course's hours to the
  results showing the new total (median of 9).

Each figure is the median over --runs runs; the machine is shared, so compare figures
measured side by side. With `--baseline CHECKOUT` (another checkout of the project, e.g. a
git worktree of an older commit, with its `site_src/node_modules` installed), that checkout's
generator builds its own site too, every run measures both sites one after the other, and
the figures are printed side by side ("before" is the baseline, "after" this checkout). The
load average is printed with the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.pipeline import build  # noqa: E402
from generator.preview.server import start_in_thread  # noqa: E402
from tests.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

CYCLE = "2018/paramedic"
CALCULATOR = f"{CYCLE}/calculator/index.html"
CLS_PAGES = (CALCULATOR, f"{CYCLE}/checklist/index.html", "compare/index.html")
KEY = f"recert.calculator.v1:{CYCLE}"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
READY_TIMEOUT_MS = 120_000

# A paramedic's transcript: title, date, hours, approval number, how taught, National content.
TRANSCRIPT = [
    ("NCCR Paramedic refresher, day 1", "2016-05-14", "8", "16-OEMS-T1-0412", "in_person", True),
    ("NCCR Paramedic refresher, day 2", "2016-05-15", "8", "16-OEMS-T1-0413", "in_person", True),
    ("Airway management update", "2016-06-22", "2", "16-CAPCE-F3-1187", "distributive", True),
    ("Pediatric assessment", "2016-08-09", "4", "16-OEMS-T1-0590", "in_person", True),
    ("Stroke protocols", "2016-09-13", "1.5", "16-OEMS-T1-0622", "in_person", False),
    ("Cardiology grand rounds", "2016-10-04", "2", "16-OEMS-T2-0701", "live_virtual", True),
    ("Trauma triage", "2016-11-17", "3", "16-OEMS-T1-0777", "in_person", True),
    ("Toxicology online", "2016-12-02", "1", "16-CAPCE-F3-2010", "distributive", False),
    ("Regional protocol update 2017", "2017-01-19", "4", "17-OEMS-T1-0031", "in_person", False),
    ("Obstetric emergencies", "2017-02-08", "2", "17-OEMS-T1-0102", "in_person", True),
    ("Behavioral emergencies", "2017-03-01", "2", "17-CAPCE-F3-0330", "distributive", True),
    ("12-lead ECG review", "2017-03-22", "3", "17-OEMS-T1-0211", "in_person", False),
    ("Mass casualty drill", "2017-04-26", "4", "17-OEMS-T1-0260", "in_person", False),
    ("Geriatric care", "2017-05-16", "2", "17-CAPCE-F3-0571", "distributive", True),
    ("Sepsis recognition", "2017-06-07", "1", "17-OEMS-T2-0318", "live_virtual", True),
    ("Hazmat awareness", "2017-06-28", "2", "17-OEMS-T1-0344", "in_person", False),
    ("Pharmacology update", "2017-07-19", "2.5", "17-CAPCE-F3-0822", "distributive", False),
    ("Respiratory emergencies", "2017-08-16", "2", "17-OEMS-T1-0402", "in_person", True),
    ("Pain management", "2017-09-06", "1", "17-CAPCE-F3-0940", "distributive", False),
    ("Resuscitation science", "2017-09-27", "3", "17-OEMS-T1-0455", "in_person", True),
    ("Crew resource management", "2017-10-18", "2", "17-OEMS-T2-0481", "live_virtual", False),
    ("Burn care", "2017-11-08", "1.5", "17-OEMS-T1-0502", "in_person", False),
    ("Documentation and QA", "2017-12-06", "1", "17-CAPCE-F3-1201", "distributive", False),
    ("Neonatal resuscitation", "2018-01-10", "2", "18-OEMS-T1-0011", "in_person", True),
    ("Protocol update 2018", "2018-02-07", "2", "18-OEMS-T1-0044", "in_person", False),
]
TODAY = "2018-03-01"

COUNT_INPUT = """
window.__entry = { clicks: 0, keys: 0 };
addEventListener("click", (e) => { if (e.isTrusted && e.detail > 0) window.__entry.clicks++; }, true);
addEventListener("keydown", (e) => { if (e.isTrusted) window.__entry.keys++; }, true);
"""

MEASURE_CLS = """
window.__cls = 0;
window.__shifts = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (entry.hadRecentInput) continue;
    window.__cls += entry.value;
    window.__shifts.push({value: entry.value, at: entry.startTime,
      nodes: (entry.sources || []).map((s) => s.node && (s.node.id || s.node.className || s.node.nodeName))});
  }
}).observe({ type: "layout-shift", buffered: true });
"""


def engine_course(title, date, hours, approval, delivery, national, component=None):
    return {"title": title, "date": date, "hours": float(hours) if "." in hours else int(hours), "approval": approval,
            "delivery": delivery, "national": national, "component": component}


def stored_state(courses):
    """The page's saved data (format 1) for these courses, as the page would save them."""
    rows = [{"title": t, "date": d, "hours": h, "approval": a, "delivery": dl, "national": n, "component": ""}
            for t, d, h, a, dl, n in courses]
    return json.dumps({"format": 1, "saved": "2018-03-01T12:00:00Z", "profile": {"nremt": "no", "last_recertified": ""},
                       "courses": rows})


def open_page(context, url, wait_engine=True):
    page = context.new_page()
    page.goto(url)
    if wait_engine:
        page.wait_for_selector("html[data-engine=ready]", timeout=READY_TIMEOUT_MS)
    return page


def counts(page):
    return page.evaluate("({...window.__entry})")


# ---- entry ---------------------------------------------------------------------------------


def has(page, selector):
    return page.locator(selector).count() > 0


def row_locator(page, n):
    return page.locator("#course-list > li").nth(n - 1)


def type_date(page, box, iso):
    """Chromium's date box takes month, day and year digits in turn; a text box takes the date as written."""
    if box.get_attribute("type") == "date":
        y, m, d = iso.split("-")
        page.keyboard.type(m + d + y)
    else:
        page.keyboard.type(iso)


def entry_by_field(page, courses):
    """A mouse user: add a row, click each field, type; choose how taught from the list by its first letter."""
    for n, (title, date, hours, approval, delivery, national) in enumerate(courses, start=1):
        if page.locator("#course-list > li").count() < n:
            page.get_by_role("button", name="Add a course", exact=True).click()
        r = row_locator(page, n)
        r.get_by_label("Course title").click()
        page.keyboard.type(title)
        box = r.get_by_label("Date you took it")
        box.click(position={"x": 8, "y": 8})  # the month part of a date box
        type_date(page, box, date)
        r.get_by_label("Hours").click()
        page.keyboard.type(hours)
        r.get_by_label("Approval number").click()
        page.keyboard.type(approval)
        how = r.get_by_label("How it was taught")
        if how.count() and how.is_visible() and how.is_enabled():
            how.focus()  # a click on a <select> opens the browser's own list; the keyboard then picks
            page.evaluate("window.__entry.clicks++")
            page.keyboard.type({"in_person": "I", "live_virtual": "L", "distributive": "D"}[delivery])
        if national:
            r.get_by_label("Covers National (NCCR) content").click()


def transcript_tsv(courses, header=True):
    lines = ["Course\tDate\tHours\tApproval number\tNational"] if header else []
    for title, date, hours, approval, _delivery, national in courses:
        y, m, d = date.split("-")
        lines.append(f"{title}\t{int(m)}/{int(d)}/{y}\t{hours}\t{approval}\t{'Yes' if national else 'No'}")
    return "\n".join(lines) + "\n"


def entry_by_paste(page, courses):
    """Copy the rows from a spreadsheet, paste them into the page's paste box, add them."""
    page.get_by_role("button", name="Paste from a spreadsheet or transcript").click()
    box = page.locator("#paste-text")
    box.click()
    page.evaluate("(text) => navigator.clipboard.writeText(text)", transcript_tsv(courses))
    page.keyboard.press("Control+V")
    page.get_by_role("button", name="Read the pasted rows").click()
    page.locator("#paste-add").click()


def measure_entry(browser, base):
    results = {}
    ways = [("field by field (mouse and keys)", entry_by_field)]
    context = browser.new_context(viewport=DESKTOP, service_workers="block", permissions=["clipboard-read", "clipboard-write"])
    try:
        probe = context.new_page()
        probe.goto(base + CALCULATOR)
        if has(probe, "#paste-text"):
            ways.append(("paste from a spreadsheet", entry_by_paste))
        probe.close()
    finally:
        context.close()
    for label, way in ways:
        context = browser.new_context(viewport=DESKTOP, service_workers="block", permissions=["clipboard-read", "clipboard-write"])
        try:
            context.add_init_script(COUNT_INPUT)
            page = open_page(context, base + CALCULATOR, wait_engine=False)
            way(page, TRANSCRIPT)
            page.wait_for_timeout(500)
            got = counts(page)
            entered = page.evaluate(f"JSON.parse(localStorage.getItem({KEY!r}) || 'null')")
            n = len([c for c in (entered or {}).get("courses", []) if c.get("hours")])
            results[label] = (got["clicks"], got["keys"], n)
        finally:
            context.close()
    return results


# ---- height ----------------------------------------------------------------------------------


def measure_height(browser, base, viewport):
    context = browser.new_context(viewport=viewport, service_workers="block")
    try:
        context.add_init_script(f"if (!localStorage.getItem({KEY!r})) localStorage.setItem({KEY!r}, {json.dumps(stored_state(TRANSCRIPT))});")
        page = open_page(context, base + CALCULATOR )
        page.wait_for_timeout(1500)
        return page.evaluate("""() => {
          const results = document.getElementById("results");
          const top = results ? results.getBoundingClientRect().top + scrollY : null;
          return { height: document.documentElement.scrollHeight, results: top, screen: innerHeight };
        }""")
    finally:
        context.close()


# ---- layout shift ---------------------------------------------------------------------------


def measure_cls(browser, base, path, viewport):
    context = browser.new_context(viewport=viewport, service_workers="block")
    try:
        context.add_init_script(MEASURE_CLS)
        page = context.new_page()
        page.goto(base + path)
        if path == CALCULATOR:
            page.wait_for_selector("html[data-engine=ready]", timeout=READY_TIMEOUT_MS)
        page.wait_for_timeout(1500)
        return page.evaluate("window.__cls")
    finally:
        context.close()


# ---- engine ----------------------------------------------------------------------------------

EVALUATE = """async ([courses, count, today]) => {
  const input = { schema: 1, cycle: window.recert.cycle, profile: { nremt: false }, courses };
  const times = [];
  for (let i = 0; i <= count; i++) {
    const started = performance.now();
    const output = await window.recert.evaluate(input, { today });
    if (!output || output.errors) throw new Error("evaluation failed: " + JSON.stringify(output).slice(0, 300));
    if (i > 0) times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}"""

COMPONENTS = ("national", "local", "individual")


def pinned_courses(n, distinct=False, pinned=True, every=1):
    """n courses; with ``pinned``, every ``every``-th one is pinned to a component."""
    out = []
    for i in range(n):
        hours = 0.25 + (i * 0.25) % 190 if distinct else (1, 1.5, 2, 3, 4, 8, 0.5, 2.5, 6, 12)[i % 10]
        pin = COMPONENTS[(i * 7) % 3] if pinned and i % every == 0 else None
        out.append({"title": f"Course {i}", "date": f"2017-{1 + i % 12:02d}-{1 + i % 28:02d}", "hours": hours,
                    "approval": f"17-OEMS-{'T3' if i % 3 == 0 else 'T1'}-{i:04d}", "delivery": None,
                    "national": i % 2 == 0, "component": pin})
    return out


ENGINE_CASES = [
    ("200 courses, none pinned", lambda: pinned_courses(200, pinned=False)),
    ("200 courses, half pinned", lambda: pinned_courses(200, every=2)),
    ("200 courses, all pinned", lambda: pinned_courses(200)),
    ("200 courses, all pinned, 200 different hours", lambda: pinned_courses(200, distinct=True)),
    ("200 courses, half pinned, 200 different hours", lambda: pinned_courses(200, distinct=True, every=2)),
    ("500 courses, all pinned", lambda: pinned_courses(500)),
]
ENGINE_TARGET_MS = 20  # for every 200-course case
LIVE_TARGET_MS = 100
CLS_TARGET = 0.05


def measure_engine(browser, base):
    context = browser.new_context(viewport=DESKTOP, service_workers="block")
    try:
        page = open_page(context, base + CALCULATOR)
        for _, make in ENGINE_CASES:  # untimed: the wasm is compiled further once it runs hot
            page.evaluate(EVALUATE, [make(), 2, TODAY])
        return {label: page.evaluate(EVALUATE, [make(), 15, TODAY]) for label, make in ENGINE_CASES}
    finally:
        context.close()


# ---- live update -------------------------------------------------------------------------------

LIVE = """async ([rowIndex, values]) => {
  const rows = document.querySelectorAll("#course-list > li");
  const input = rows[rowIndex].querySelector('[data-field="hours"]');
  const head = () => (document.querySelector("#results .result-headline, #summary-counted") || {}).textContent || "";
  const times = [];
  for (const value of values) {
    const before = head();
    input.focus();
    input.select();
    const started = performance.now();
    // What a keystroke does: the value changes, then the input event fires.
    input.value = value;
    input.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertText", data: value }));
    const end = started + 5000;
    while (head() === before && performance.now() < end) await new Promise((r) => requestAnimationFrame(r));
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}"""


def measure_live(browser, base):
    sixty = [(f"Course {i}", f"2017-{1 + i % 12:02d}-{1 + i % 28:02d}", "0.5", f"17-OEMS-T1-{i:04d}", "in_person", i % 2 == 0)
             for i in range(60)]
    context = browser.new_context(viewport=DESKTOP, service_workers="block")
    try:
        context.add_init_script(f"if (!localStorage.getItem({KEY!r})) localStorage.setItem({KEY!r}, {json.dumps(stored_state(sixty))});")
        page = open_page(context, base + CALCULATOR )
        page.wait_for_timeout(1500)
        return page.evaluate(LIVE, [4, ["1", "1.25", "1.5", "1.75", "2", "2.25", "2.5", "2.75", "3"]])
    finally:
        context.close()


# ---- report ----------------------------------------------------------------------------------


def median(values):
    return statistics.median(values) if values else float("nan")


def load_average():
    return os.getloadavg()[0]


def build_baseline(checkout, out):
    """The baseline checkout's own generator builds its site (its code, its templates, its engine)."""
    checkout = checkout.resolve()
    if not (checkout / "site_src" / "node_modules" / "pyodide").is_dir():
        raise SystemExit(f"{checkout}/site_src/node_modules has no Pyodide: run `npm ci --prefix {checkout}/site_src` "
                         "(or link this checkout's node_modules there) first")
    env = dict(os.environ, PYTHONPATH=str(checkout))
    proc = subprocess.run([sys.executable, "-m", "generator", "build", "--out", str(out)], cwd=checkout, env=env,
                          capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"the baseline's build failed:\n{proc.stdout}{proc.stderr}")


def measure_site(browser, base, only, first_run):
    r = {"load": [load_average()]}
    if "entry" in only and first_run:  # counts do not vary between runs
        r["entry"] = measure_entry(browser, base)
    if "height" in only and first_run:
        r["height"] = {"phone": measure_height(browser, base, PHONE), "desktop": measure_height(browser, base, DESKTOP)}
    if "cls" in only:
        r["cls"] = {(p, w["width"]): measure_cls(browser, base, p, w) for p in CLS_PAGES for w in (PHONE, DESKTOP)}
    if "engine" in only:
        r["engine"] = measure_engine(browser, base)
    if "live" in only:
        r["live"] = measure_live(browser, base)
    r["load"].append(load_average())
    return r


def verdict(value, target):
    return "pass" if value <= target else "FAIL"


def report(sides, runs):
    """Prints every figure, one column per side (before | after)."""
    names = list(sides)
    first = {name: runs[name][0] for name in names}
    loads = {name: [x for r in runs[name] for x in r["load"]] for name in names}
    print("load average (1 min) while measuring: " + "; ".join(
        f"{name} {min(v):.1f}-{max(v):.1f}" for name, v in loads.items()))
    head = "".join(f"{name:>26}" for name in names)
    for name in names:
        one = first[name]
        if "entry" in one:
            print(f"\n[{name}] entering the {len(TRANSCRIPT)}-course transcript:")
            for label, (clicks, keys, n) in one["entry"].items():
                print(f"  {label:<36} {clicks:>5} clicks {keys:>6} keystrokes   ({n} courses entered)")
        if "height" in one:
            print(f"\n[{name}] page with the {len(TRANSCRIPT)} courses entered:")
            for what, h in one["height"].items():
                screens = h["height"] / h["screen"]
                print(f"  {what:<8} height {h['height']:>6} px = {screens:5.1f} screens;  results start at {h['results']:>7.0f} px")

    def column(values, fmt):
        return f"{fmt(median(values)):>7} ({' '.join(fmt(v) for v in values)})"

    def row(label, key, fmt, target=None):
        cells, last = "", None
        for name in names:
            values = key(runs[name])
            last = median(values)
            cells += f"{column(values, fmt):>26}"
        tail = f"  {verdict(last, target)}" if target is not None else ""
        print(f"  {label:<48}{cells}{tail}")

    if "cls" in first[names[-1]]:
        print(f"\nCumulative layout shift, first visit, median (runs) (target <= {CLS_TARGET}):")
        print(f"  {'':<48}{head}")
        for page, width in first[names[-1]]["cls"]:
            row(f"{page.split('/index.html')[0]} {width} px", lambda rs: [r["cls"][page, width] for r in rs],
                lambda v: f"{v:.3f}", CLS_TARGET)
    if "engine" in first[names[-1]]:
        print("\nOne evaluation, window.recert.evaluate round trip, real engine, ms, median (runs)"
              f" (target <= {ENGINE_TARGET_MS} ms for 200 courses):")
        print(f"  {'':<48}{head}")
        for label, _ in ENGINE_CASES:
            target = ENGINE_TARGET_MS if label.startswith("200") else None
            row(label, lambda rs: [r["engine"][label] for r in rs], lambda v: f"{v:.1f}", target)
        worst = [label for label, _ in ENGINE_CASES if label.startswith("200")]
        row("worst 200-course case", lambda rs: [max(r["engine"][label] for label in worst) for r in rs],
            lambda v: f"{v:.1f}", ENGINE_TARGET_MS)
    if "live" in first[names[-1]]:
        print(f"\nLive update, 60 courses, keystroke to new total, ms, median (runs) (target <= {LIVE_TARGET_MS} ms):")
        print(f"  {'':<48}{head}")
        row("keystroke to new total", lambda rs: [r["live"] for r in rs], lambda v: f"{v:.0f}", LIVE_TARGET_MS)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", help="a built site to measure (default: build the current tree)")
    parser.add_argument("--baseline", type=Path, help="another checkout whose site is measured side by side")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", default="entry,height,cls,engine,live")
    args = parser.parse_args(argv)
    only = set(args.only.split(","))
    if not Path(CHROMIUM).exists():
        raise SystemExit(f"{CHROMIUM} is missing: `make chromium` installs Debian's chromium")
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="bench-entry-") as work:
        sides = {}
        if args.baseline:
            print(f"building the baseline's site ({args.baseline})…", file=sys.stderr, flush=True)
            sides["before"] = Path(work) / "baseline"
            build_baseline(args.baseline, sides["before"])
        if args.site:
            sides["after"] = Path(args.site)
        else:
            sides["after"] = Path(work) / "site"
            print("building the site…", file=sys.stderr, flush=True)
            build(ROOT / "content", sides["after"])
        servers = {name: start_in_thread(site) for name, site in sides.items()}
        runs = {name: [] for name in sides}
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
                try:
                    for run in range(args.runs):
                        for name in sides:  # one after the other: both see the same load
                            runs[name].append(measure_site(browser, servers[name][1], only, run == 0))
                        print(f"run {run + 1}/{args.runs} done", file=sys.stderr, flush=True)
                finally:
                    browser.close()
        finally:
            for server, _ in servers.values():
                server.shutdown()

    print(f"\nCalculator entry benchmark: {args.runs} runs, {os.cpu_count()} CPUs")
    for name, site in sides.items():
        print(f"  {name}: {args.baseline if name == 'before' else (args.site or ROOT)}")
    report(sides, runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
