"""Calculator benchmark for a real transcript: entry effort, page height, layout shift, engine speed.

    python scripts/bench_entry.py [--site DIR] [--runs 3] [--only entry,height,cls,engine,live]

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
  median of 15 after a warm-up) with 200 courses: none pinned, all pinned (varied hours, many
  pins costing hours), all pinned with 200 different hours, and 500 all pinned;
- live: with 60 courses entered, from the keystroke that changes a course's hours to the
  results showing the new total (median of 9).

Each figure is the median over --runs runs; the machine is shared, so compare figures
measured side by side (run this on the old and the new build one after the other).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
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


def pinned_courses(n, distinct=False, pinned=True):
    out = []
    for i in range(n):
        hours = 0.25 + (i * 0.25) % 190 if distinct else (1, 1.5, 2, 3, 4, 8, 0.5, 2.5, 6, 12)[i % 10]
        out.append({"title": f"Course {i}", "date": f"2017-{1 + i % 12:02d}-{1 + i % 28:02d}", "hours": hours,
                    "approval": f"17-OEMS-{'T3' if i % 3 == 0 else 'T1'}-{i:04d}", "delivery": None,
                    "national": i % 2 == 0, "component": COMPONENTS[(i * 7) % 3] if pinned else None})
    return out


ENGINE_CASES = [
    ("200 courses, none pinned", lambda: pinned_courses(200, pinned=False)),
    ("200 courses, all pinned", lambda: pinned_courses(200)),
    ("200 courses, all pinned, 200 different hours", lambda: pinned_courses(200, distinct=True)),
    ("500 courses, all pinned", lambda: pinned_courses(500)),
]


def measure_engine(browser, base):
    context = browser.new_context(viewport=DESKTOP, service_workers="block")
    try:
        page = open_page(context, base + CALCULATOR)
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


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", help="a built site to measure (default: build the current tree)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", default="entry,height,cls,engine,live")
    args = parser.parse_args(argv)
    only = set(args.only.split(","))
    if not Path(CHROMIUM).exists():
        raise SystemExit(f"{CHROMIUM} is missing: `make chromium` installs Debian's chromium")
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="bench-entry-") as work:
        if args.site:
            site = Path(args.site)
        else:
            site = Path(work) / "site"
            print("building the site…", file=sys.stderr, flush=True)
            build(ROOT / "content", site)
        server, base = start_in_thread(site)
        runs = []
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
                try:
                    for run in range(args.runs):
                        r = {}
                        if "entry" in only and run == 0:  # counts do not vary between runs
                            r["entry"] = measure_entry(browser, base)
                        if "height" in only and run == 0:
                            r["height"] = {"phone": measure_height(browser, base, PHONE),
                                           "desktop": measure_height(browser, base, DESKTOP)}
                        if "cls" in only:
                            r["cls"] = {(p, w["width"]): measure_cls(browser, base, p, w) for p in CLS_PAGES for w in (PHONE, DESKTOP)}
                        if "engine" in only:
                            r["engine"] = measure_engine(browser, base)
                        if "live" in only:
                            r["live"] = measure_live(browser, base)
                        runs.append(r)
                        print(f"run {run + 1}/{args.runs} done", file=sys.stderr, flush=True)
                finally:
                    browser.close()
        finally:
            server.shutdown()

    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"\nCalculator entry benchmark: {site}, {args.runs} runs, {os.cpu_count()} CPUs, load average {load}\n")
    first = runs[0]
    if "entry" in first:
        print(f"Entering the {len(TRANSCRIPT)}-course transcript:")
        for label, (clicks, keys, n) in first["entry"].items():
            print(f"  {label:<36} {clicks:>5} clicks {keys:>6} keystrokes   ({n} courses entered)")
    if "height" in first:
        print(f"\nPage with the {len(TRANSCRIPT)} courses entered:")
        for name, h in first["height"].items():
            screens = h["height"] / h["screen"]
            print(f"  {name:<8} height {h['height']:>6} px = {screens:5.1f} screens;  results start at {h['results']:>7.0f} px")
    if "cls" in first:
        print("\nCumulative layout shift, first visit (target <= 0.05):")
        for key in first["cls"]:
            values = [r["cls"][key] for r in runs]
            m = median(values)
            print(f"  {key[0]:<40} {key[1]:>5} px  {m:6.3f}  {'pass' if m <= 0.05 else 'FAIL'}   runs: "
                  + " ".join(f"{v:.3f}" for v in values))
    if "engine" in first:
        print("\nOne evaluation, window.recert.evaluate round trip, real engine (target <= 20 ms for 200 courses):")
        for label, _ in ENGINE_CASES:
            values = [r["engine"][label] for r in runs]
            m = median(values)
            verdict = ("pass" if m <= 20 else "FAIL") if label.startswith("200") else ""
            print(f"  {label:<46} {m:7.1f} ms  {verdict:<4}  runs: " + " ".join(f"{v:.1f}" for v in values))
    if "live" in first:
        values = [r["live"] for r in runs]
        m = median(values)
        print(f"\nLive update, 60 courses, keystroke to new total (target <= 100 ms): {m:.0f} ms  "
              f"{'pass' if m <= 100 else 'FAIL'}  runs: " + " ".join(f"{v:.0f}" for v in values))
    return 0


if __name__ == "__main__":
    sys.exit(main())
