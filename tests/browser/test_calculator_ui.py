"""The hour calculator as a person uses it, in headless Chromium.

Most tests run the page against a stand-in engine worker (fake_engine.py)
that answers with the real Python engine, so they run whether or not the
Pyodide runtime is in the build. The tests at the end load the real worker
and the real runtime.
"""

from __future__ import annotations

import json
import re
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import expect

import recert_engine
from tests.browser.conftest import OffsiteGuard, format_violations, run_axe
from tests.browser.fake_engine import WORKER_GLOB, FakeEngine

PARAMEDIC = "2018/paramedic/calculator/index.html"
AEMT = "2024/aemt/calculator/index.html"
KEY = "recert.calculator.v1:2018/paramedic"
TODAY = "2018-03-01"  # inside the 2018 Paramedic cycle, before its deadlines


@pytest.fixture
def context(browser, site_url):
    """As conftest's context, but with service workers blocked: the site's
    offline worker would otherwise answer requests from its cache before the
    stand-in engine's routes see them. Offline use is tested on its own."""
    origin = site_url.rstrip("/")
    ctx = browser.new_context(service_workers="block")
    guard = OffsiteGuard(origin)
    ctx.route("**/*", guard)
    yield ctx
    ctx.close()
    assert not guard.blocked, f"the site tried to reach other origins: {guard.blocked}"


@pytest.fixture
def engine(context):
    return FakeEngine(today=TODAY).install(context)


def open_calculator(page, site_url, path=PARAMEDIC, state="ready"):
    page.goto(site_url + path)
    if state:
        page.wait_for_selector(f"html[data-engine={state}]")
    return page


def row(page, n):
    return page.locator("#course-list > li").nth(n - 1)


def fill_course(page, n, title="", date="", hours="", approval="", delivery=None, national=False, component=None):
    while page.locator("#course-list > li").count() < n:
        page.get_by_role("button", name="Add a course").click()
    r = row(page, n)
    r.get_by_label("Course title").fill(title)
    r.get_by_label("Date you took it").fill(date)
    r.get_by_label("Hours").fill(hours)
    r.get_by_label("Approval number").fill(approval)
    if delivery is not None:
        r.get_by_label("How it was taught").select_option(delivery)
    r.get_by_label("Covers National (NCCR) content").set_checked(national)
    if component is not None:
        r.get_by_label("Counts toward").select_option(component)


def fill_complete_cycle(page):
    fill_course(page, 1, "NCCR refresher", "2017-01-10", "30", "17-OEMS-T1-0001", national=True)
    fill_course(page, 2, "Local protocols", "2017-02-10", "15", "17-OEMS-T1-0002", delivery="in_person")
    fill_course(page, 3, "Online cardiology", "2017-03-10", "15", "17-OEMS-T3-0003")


def headline(page):
    return page.locator("#results .result-headline")


def saved(page):
    text = page.evaluate(f"localStorage.getItem({KEY!r})")
    return None if text is None else json.loads(text)


def saved_answers(page):
    """The saved courses and answers, without the time they were last saved."""
    data = saved(page)
    return data and {k: v for k, v in data.items() if k != "saved"}


def wait_saved(page, predicate, timeout=5.0):
    """Wait until the saved data satisfies predicate (the page saves a moment after typing).

    Polled from Python: under the page's CSP, Playwright's wait_for_function cannot eval."""
    deadline = time.monotonic() + timeout
    while True:
        data = saved(page)
        if data is not None and predicate(data):
            return data
        if time.monotonic() > deadline:
            raise AssertionError(f"saved data never matched; last saved: {data}")
        page.wait_for_timeout(50)


def course_values(page):
    out = []
    for i in range(page.locator("#course-list > li").count()):
        r = row(page, i + 1)
        out.append({
            "title": r.get_by_label("Course title").input_value(),
            "date": r.get_by_label("Date you took it").input_value(),
            "hours": r.get_by_label("Hours").input_value(),
            "approval": r.get_by_label("Approval number").input_value(),
            "delivery": r.get_by_label("How it was taught").input_value(),
            "national": r.get_by_label("Covers National (NCCR) content").is_checked(),
            "component": r.get_by_label("Counts toward").input_value(),
        })
    return out


def assert_no_axe_violations(page, state):
    violations = run_axe(page)
    assert violations == [], f"{state}: {format_violations(violations)}"


# ---- loading ------------------------------------------------------------------


def test_form_is_usable_while_the_engine_loads(context, page, site_url):
    FakeEngine(mode="hang", progress=("Loading the Python runtime…",)).install(context)
    open_calculator(page, site_url, state="loading")
    status = page.locator("#engine-status")
    expect(status).to_have_attribute("role", "status")
    expect(status).to_contain_text("Loading the calculator: Loading the Python runtime…")
    expect(page.locator("#results-body")).to_contain_text("You can enter your courses now")
    expect(page.locator("#calc-fallback")).to_be_hidden()
    fill_course(page, 1, "Airway", "2017-05-01", "2", "17-OEMS-T1-0009")
    wait_saved(page, lambda s: s["courses"][0]["title"] == "Airway")
    page.get_by_role("button", name="Check my courses").click()
    expect(page.locator("#results-body")).to_contain_text("as soon as the calculator has loaded")
    expect(page.locator("#results-heading")).to_be_focused()
    assert page.console_errors == []


def test_download_progress_is_shown_announced_at_each_quarter_and_gone_when_ready(context, page, site_url):
    steps = ((0, 8_000_000), (1_000_000, 8_000_000), (2_500_000, 8_000_000), (4_100_000, 8_000_000))
    FakeEngine(mode="hang", progress=(), download=steps).install(context)
    open_calculator(page, site_url, state="loading")
    bar = page.get_by_role("progressbar", name="Calculator download")
    expect(page.locator("#engine-progress-figure")).to_have_text("51% (4.1 of 8.0 MB)")
    expect(bar).to_be_visible()
    assert bar.get_attribute("value") == "51.25"  # the exact share: the bar moves with the first bytes
    # Read out at 25% and 50%, not at every update; the status says the step once.
    expect(page.locator("#engine-progress [aria-live=polite]")).to_have_text("Downloaded 50% of the calculator.")
    expect(page.locator("#engine-status-text")).to_have_text("Loading the calculator: Downloading the Python runtime…")
    fill_course(page, 1, "Airway", "2017-05-01", "2", "17-OEMS-T1-0009")  # the form works meanwhile
    wait_saved(page, lambda s: s["courses"][0]["title"] == "Airway")
    assert_no_axe_violations(page, "downloading")

    page.close()
    FakeEngine(today=TODAY, download=steps[:2]).install(context)
    ready = context.new_page()
    open_calculator(ready, site_url)
    expect(ready.locator("#engine-progress")).to_be_hidden()
    expect(row(ready, 1).locator("[data-slot=outcome]")).not_to_be_empty()  # results as soon as it is ready


def test_download_shows_before_the_pages_main_script_has_arrived(context, page, site_url):
    """The page's first, small script starts the engine worker: the download and
    its progress begin while the page's main script is still on its way."""
    FakeEngine(today=TODAY, download=((1_000_000, 8_000_000),)).install(context)
    held = []
    context.route("**/assets/js/calculator-page.mjs", lambda route: held.append(route))
    page.goto(site_url + PARAMEDIC, wait_until="commit")  # the main script, held, keeps the page loading
    bar = page.get_by_role("progressbar", name="Calculator download")
    expect(bar).to_be_visible()
    assert bar.get_attribute("value") == "12.5"
    expect(page.locator("#engine-progress-figure")).to_have_text("12% (1.0 of 8.0 MB)")
    expect(row(page, 1).get_by_label("Course title")).to_be_editable()
    assert len(held) == 1 and page.evaluate("window.recert === undefined")
    held[0].continue_()
    page.wait_for_selector("html[data-engine=ready]")
    expect(page.locator("#engine-progress")).to_be_hidden()
    assert page.console_errors == []


def test_engine_that_cannot_load_says_so_and_keeps_the_form(context, page, site_url):
    context.route(WORKER_GLOB, lambda route: route.fulfill(status=404, body="not found"))
    open_calculator(page, site_url, state="failed")
    expect(page.locator("#engine-status-text")).to_contain_text("could not be loaded")
    expect(page.get_by_role("button", name="Try loading the calculator again")).to_be_visible()
    expect(page.locator("#results-body")).to_contain_text("Results cannot be shown")
    expect(page.locator("#ce-requirements")).to_be_visible()
    fill_course(page, 1, "Airway", "2017-05-01", "2")
    wait_saved(page, lambda s: s["courses"][0]["hours"] == "2")


def test_engine_start_error_is_shown_and_retry_works(context, page, site_url):
    FakeEngine(mode="fail", error="Python said no").install(context)
    open_calculator(page, site_url, state="failed")
    expect(page.locator("#engine-status-text")).to_have_text("The calculator could not start: Python said no")
    FakeEngine(today=TODAY).install(context)  # the newest route wins: the next start succeeds
    page.get_by_role("button", name="Try loading the calculator again").click()
    page.wait_for_selector("html[data-engine=ready]")
    expect(page.locator("#engine-status-text")).to_contain_text("ready")
    expect(page.get_by_role("button", name="Try loading the calculator again")).to_be_hidden()


def test_slow_engine_times_out_with_a_message(context, page, site_url):
    FakeEngine(mode="hang").install(context)
    page.clock.install()
    open_calculator(page, site_url, state="loading")
    page.clock.fast_forward(91_000)
    page.wait_for_selector("html[data-engine=failed]")
    expect(page.locator("#engine-status-text")).to_contain_text("did not finish loading within 90 seconds")
    expect(page.get_by_role("button", name="Try loading the calculator again")).to_be_visible()


@pytest.mark.parametrize("feature", ["WebAssembly", "Worker"])
def test_browser_without_webassembly_or_workers_gets_a_message_not_a_spinner(context, page, site_url, engine, feature):
    context.add_init_script(f"delete globalThis.{feature};")
    open_calculator(page, site_url, state="unavailable")
    expected = "it needs WebAssembly" if feature == "WebAssembly" else "it needs Web Workers"
    expect(page.locator("#engine-status-text")).to_contain_text(expected)
    expect(page.get_by_role("button", name="Try loading the calculator again")).to_be_hidden()
    expect(page.locator("#ce-requirements")).to_be_visible()
    assert engine.calls == []


def test_page_opened_from_a_file_explains_itself(browser, built_site):
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto((built_site / PARAMEDIC).as_uri())
        fallback = page.locator("#calc-fallback")
        expect(fallback).to_be_visible()
        expect(fallback).to_contain_text("opened from a file on your device")
        expect(page.locator("#calculator")).to_be_hidden()
        expect(page.locator("#ce-requirements tbody tr")).to_have_count(3)
    finally:
        context.close()


def test_without_javascript_the_requirements_and_a_reason_show(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + PARAMEDIC)
        expect(page.locator("#calc-fallback")).to_contain_text("It needs JavaScript")
        expect(page.locator("#calculator")).to_be_hidden()
        expect(page.locator("#ce-requirements tbody tr")).to_have_count(3)
    finally:
        context.close()


# ---- results ----------------------------------------------------------------------


def test_results_follow_each_change(page, site_url, engine):
    open_calculator(page, site_url)
    fill_course(page, 1, "Trauma day", "2017-01-01", "10", "17-OEMS-T1-0001", national=True)
    expect(headline(page)).to_have_text("Short by 50 hours: 10 of 60 hours count so far.")
    expect(row(page, 1).locator(".course-outcome")).to_have_text("Counts: 10 h National.")
    expect(page.locator("#results-announce")).to_have_text("Short by 50 hours: 10 of 60 hours count so far.")
    national = page.locator(".result-components tr[data-component=national]")
    expect(national.locator("td").nth(1)).to_have_text("10")
    expect(national.locator("meter")).to_have_attribute("aria-label", "National: 10 of 30 hours")
    row(page, 1).get_by_label("Hours").fill("12")
    expect(headline(page)).to_have_text("Short by 48 hours: 12 of 60 hours count so far.")
    sent = engine.calls[-1]["input"]
    assert sent["cycle"] == "2018/paramedic" and sent["schema"] == 1
    assert sent["courses"] == [{"title": "Trauma day", "date": "2017-01-01", "hours": 12, "approval": "17-OEMS-T1-0001",
                                "delivery": None, "national": True, "component": None}]


def test_results_updated_in_place_read_as_a_fresh_page_would_show_them(page, site_url, engine):
    """Each keystroke changes only what differs in the results (a part that did
    not change is left as it was: no redraw, a screen reader's or a reader's
    place in it is kept), and what is shown is what a fresh page shows."""
    open_calculator(page, site_url)
    fill_course(page, 1, "Trauma day", "2017-01-01", "10", "17-OEMS-T1-0001", national=True)
    fill_course(page, 2, "Online cardiology", "2017-03-10", "15", "17-OEMS-T3-0003", component="local")
    fill_course(page, 3, "Half typed", "2017-04-01", "", "")
    expect(headline(page)).to_have_text(re.compile("count so far"))
    deadlines = page.locator("#results-body h3", has_text="Deadlines as of today")
    page.evaluate("(el) => { window.__kept = el; }", deadlines.element_handle())
    row(page, 1).get_by_label("Hours").fill("12")
    expect(headline(page)).to_have_text(re.compile("12 of 60 hours"))
    row(page, 2).get_by_label("Counts toward").select_option("")
    row(page, 3).get_by_label("Hours").fill("2")
    expect(page.locator("#results-body")).not_to_contain_text("Not included yet")
    assert page.evaluate("(el) => el === window.__kept && el.isConnected", deadlines.element_handle())
    shown = page.evaluate("[document.getElementById('results-body').innerHTML, document.getElementById('summary-body').innerHTML]")
    page.reload()
    page.wait_for_selector("html[data-engine=ready]")
    expect(headline(page)).to_have_text(re.compile("count so far"))
    fresh = page.evaluate("[document.getElementById('results-body').innerHTML, document.getElementById('summary-body').innerHTML]")
    assert shown == fresh


def test_results_explain_what_does_not_count_and_suggest_a_fix(page, site_url, engine):
    open_calculator(page, site_url)
    fill_course(page, 1, "Online protocols", "2017-01-01", "5", "17-OEMS-T3-0001", component="local")
    fill_course(page, 2, "Old course", "2015-06-01", "3", "15-OEMS-T1-0001")
    expect(headline(page)).to_contain_text("0 of 60 hours")
    notes = page.locator(".course-notes")
    expect(notes).to_contain_text("Local takes no distributive education (DE)")
    expect(notes).to_contain_text("Suggestion: Clear this course's component")
    expect(notes).to_contain_text("this cycle's CE window opened on April 1, 2016")
    expect(page.locator(".missing")).to_contain_text("keep 5 hours from counting")
    expect(row(page, 2).locator(".course-outcome")).to_contain_text("Does not count")
    deadlines = page.locator("#results-body")
    expect(deadlines).to_contain_text("Last day to complete continuing education: March 31, 2018 (30 days left)")
    assert page.locator("#results-body time[datetime='2018-03-31']").count() >= 1


def test_half_typed_courses_are_listed_not_counted(page, site_url, engine):
    open_calculator(page, site_url)
    fill_course(page, 1, "Trauma day", "2017-01-01", "10", "17-OEMS-T1-0001", national=True)
    fill_course(page, 2, "Unfinished", "2017-02-01", "")
    expect(page.locator("#results-body")).to_contain_text("Not included yet")
    expect(page.locator("#results-body")).to_contain_text("Enter the hours for course 2")
    expect(headline(page)).to_contain_text("10 of 60")
    expect(page.locator("#error-summary")).to_be_hidden()  # errors wait for "Check my courses"


def test_complete_cycle_reads_complete(page, site_url, engine):
    open_calculator(page, site_url)
    fill_complete_cycle(page)
    expect(headline(page)).to_have_text("Complete: all 60 hours add up. See below what this calculator cannot check.")
    expect(page.locator("#results-body")).to_contain_text("Nothing is missing")
    assert_no_axe_violations(page, "complete")


def test_window_recert_evaluate_returns_the_engines_output(page, site_url, engine, built_site):
    open_calculator(page, site_url)
    data = {"schema": 1, "cycle": "2018/paramedic", "profile": {"nremt": False},
            "courses": [{"title": "A", "date": "2017-01-01", "hours": 4, "approval": "17-OEMS-T1-1",
                         "delivery": None, "national": True, "component": None}]}
    got = page.evaluate("(input) => window.recert.evaluate(input, {today: '2018-03-01'})", data)
    rules = (built_site / "2018/paramedic/rules.json").read_text(encoding="utf-8")
    assert got == json.loads(recert_engine.evaluate_json(rules, json.dumps(data), TODAY))
    bad = page.evaluate("(input) => window.recert.evaluate(input)", {"schema": 1, "cycle": "2018/paramedic"})
    assert "errors" not in bad  # no courses is a valid, short, answer
    bad = page.evaluate("() => window.recert.evaluate({schema: 2})")
    assert bad["errors"] and any(e["field"] == "schema" for e in bad["errors"])


# ---- rows and validation ---------------------------------------------------------------


def test_add_edit_and_remove_courses(page, site_url, engine):
    open_calculator(page, site_url)
    expect(page.locator("#course-list > li")).to_have_count(1)  # first visit: one empty course
    fill_course(page, 1, "First", "2017-01-01", "1")
    page.get_by_role("button", name="Add a course").click()
    assert page.evaluate("document.activeElement.id") == page.locator("#course-list > li").nth(1).get_by_label("Course title").get_attribute("id")
    expect(page.locator("#course-change-note")).to_have_text("Course 2 added.")
    fill_course(page, 2, "Second", "2017-02-01", "2")
    fill_course(page, 3, "Third", "2017-03-01", "3")
    expect(row(page, 3).locator("legend")).to_have_text("Course 3")
    row(page, 2).get_by_label("Hours").fill("2.5")
    row(page, 2).get_by_role("button", name="Remove course 2").click()
    expect(page.locator("#course-list > li")).to_have_count(2)
    expect(row(page, 2).locator("legend")).to_have_text("Course 2")
    assert [c["title"] for c in course_values(page)] == ["First", "Third"]
    focused = page.evaluate("document.activeElement.id")
    assert focused == row(page, 2).get_by_label("Course title").get_attribute("id")
    expect(page.locator("#course-change-note")).to_have_text("Course 2 removed.")
    wait_saved(page, lambda s: len(s["courses"]) == 2 and s["courses"][1]["title"] == "Third")
    row(page, 2).get_by_role("button", name="Remove course 2").click()
    row(page, 1).get_by_role("button", name="Remove course 1").click()
    expect(page.locator("#courses-empty")).to_be_visible()
    assert page.evaluate("document.activeElement.id") == "add-course"


def test_check_shows_gov_uk_error_summary_and_keeps_what_was_typed(page, site_url, engine):
    open_calculator(page, site_url)
    fill_course(page, 1, "Good", "2017-01-01", "2", "17-OEMS-T1-1")
    fill_course(page, 2, "Typo", "2017-01-02", "two")
    page.get_by_role("button", name="Add a course").click()  # left empty
    page.get_by_role("button", name="Check my courses").click()
    summary = page.locator("#error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    assert page.title().startswith("Error: ")
    links = summary.locator("a")
    expect(links).to_have_text(["Hours for course 2 must be a number, like 2 or 1.5",
                                "Enter the date you took course 3", "Enter the hours for course 3"])
    hours2 = row(page, 2).get_by_label("Hours")
    expect(hours2).to_have_value("two")  # nothing typed is cleared
    expect(hours2).to_have_attribute("aria-invalid", "true")
    expect(row(page, 2).locator(".error-message")).to_have_text("Error: Hours for course 2 must be a number, like 2 or 1.5")
    described = hours2.get_attribute("aria-describedby").split()
    assert any(page.locator(f"#{d}").inner_text().endswith("must be a number, like 2 or 1.5") for d in described)
    assert_no_axe_violations(page, "errors")
    links.first.click()
    assert page.evaluate("document.activeElement.id") == hours2.get_attribute("id")
    # Fixing everything and checking again clears the errors and shows results.
    hours2.fill("2")
    row(page, 3).get_by_role("button", name="Remove course 3").click()
    expect(summary.locator("a")).to_have_count(1)  # the removed course's errors go with it
    page.get_by_role("button", name="Check my courses").click()
    expect(summary).to_be_hidden()
    assert not page.title().startswith("Error: ")
    expect(page.locator(".error-message")).to_have_count(0)
    expect(page.locator("#results-heading")).to_be_focused()
    expect(headline(page)).to_contain_text("2 of 60")


def test_limits_are_checked_on_the_page_as_the_engine_would(page, site_url, engine):
    open_calculator(page, site_url)
    fill_course(page, 1, "Precise", "2017-01-01", "1.255", "17-OEMS-T1-1")
    fill_course(page, 2, "Marathon", "9999-01-01", "250", "17-OEMS-T1-2")
    page.get_by_role("button", name="Check my courses").click()
    links = page.locator("#error-summary a")
    expect(links).to_have_text(["Hours for course 1 can have at most 2 decimal places, like 1.25",
                                "Date you took course 2 is in the year 9999: check the year",
                                "Hours for course 2 must be 200 or less: no single course is longer"])
    assert links.first.get_attribute("href") == "#" + row(page, 1).get_by_label("Hours").get_attribute("id")


def test_engine_errors_join_the_summary_and_link_to_the_field(context, page, site_url):
    FakeEngine(today="2023-06-01").install(context)  # inside the 2024 AEMT cycle
    open_calculator(page, site_url, AEMT)
    page.get_by_label("Date of your last recertification").fill("2023-07-01")  # after that today
    fill_course(page, 1, "Refresher", "2023-01-10", "4", "23-OEMS-T1-0001")
    page.get_by_role("button", name="Check my courses").click()
    link = page.locator("#error-summary a").first
    expect(link).to_contain_text("is after today")
    assert link.get_attribute("href") == "#profile-last-recertified"


def test_last_recertification_date_is_asked_where_the_cycle_needs_it(context, page, site_url):
    engine = FakeEngine(today="2023-06-01").install(context)  # inside the 2024 AEMT cycle
    open_calculator(page, site_url, AEMT)
    expect(page.locator("#results-body")).to_contain_text("To see results: enter the date of your last recertification")
    page.get_by_role("button", name="Check my courses").click()
    link = page.locator("#error-summary a").first
    expect(link).to_have_text("Enter the date of your last recertification")
    link.click()
    assert page.evaluate("document.activeElement.id") == "profile-last-recertified"
    page.get_by_label("Date of your last recertification").fill("2021-10-15")
    fill_course(page, 1, "Refresher", "2022-01-10", "4", "22-OEMS-T1-0001", national=True)
    expect(headline(page)).to_contain_text("4 of")
    assert engine.calls[-1]["input"]["profile"] == {"nremt": None, "last_recertified": "2021-10-15"}  # NREMT not answered


def test_everything_works_from_the_keyboard(page, site_url, engine):
    open_calculator(page, site_url)
    page.get_by_role("button", name="Remove course 1").focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "add-course"
    page.keyboard.press("Enter")  # Add a course
    page.keyboard.type("Keyboard course")
    page.keyboard.press("Tab")
    page.keyboard.type("1/2/2017")  # the date as people write it
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id").endswith("-hours")
    page.keyboard.type("3")
    page.keyboard.press("Tab")
    page.keyboard.type("17-OEMS-T1-0042")
    page.keyboard.press("Enter")  # submits the form: "Check my courses"
    expect(page.locator("#results-heading")).to_be_focused()
    expect(headline(page)).to_contain_text("3 of 60")
    assert course_values(page)[0]["date"] == "2017-01-02"


# ---- the person's data ---------------------------------------------------------------------


def test_courses_and_answers_survive_a_reload(page, site_url, engine):
    open_calculator(page, site_url)
    page.get_by_label("Yes").check()
    fill_course(page, 1, "Kept", "2017-04-01", "1.5", "MA-2017-7", delivery="live_virtual", national=True, component="individual")
    fill_course(page, 2, "Half typed", "", "abc")
    wait_saved(page, lambda s: len(s["courses"]) == 2 and s["courses"][1]["hours"] == "abc")
    before = course_values(page)
    page.reload()
    page.wait_for_selector("html[data-engine=ready]")
    assert course_values(page) == before
    assert page.get_by_label("Yes").is_checked()
    stored = saved(page)
    assert stored["format"] == 1
    assert stored["profile"] == {"nremt": "yes", "last_recertified": ""}


def test_unreadable_saved_data_is_kept_aside(page, site_url, engine):
    page.goto(site_url + PARAMEDIC)
    page.evaluate(f"localStorage.setItem({KEY!r}, '{{not json')")
    page.reload()
    expect(page.locator("#data-status")).to_contain_text("could not be read")
    assert page.evaluate(f"localStorage.getItem({KEY!r} + ':unreadable')") == "{not json"


def download_text(page, button):
    with page.expect_download() as info:
        page.get_by_role("button", name=button).click()
    download = info.value
    return download.suggested_filename, Path(download.path()).read_text(encoding="utf-8")


def clear_all(page):
    page.get_by_role("button", name="Delete all my courses and answers").click()
    page.locator("#confirm-dialog").get_by_role("button", name="Yes, delete everything").click()
    expect(page.locator("#course-list > li")).to_have_count(0)


def import_file(page, name, text, mime):
    page.set_input_files("#import-file", files=[{"name": name, "mimeType": mime, "buffer": text.encode("utf-8")}])


def test_json_export_is_engine_input_and_imports_back(page, site_url, engine, built_site):
    open_calculator(page, site_url)
    page.get_by_label("No").check()
    fill_course(page, 1, "Trauma, \"day\" one", "2017-01-01", "10", "MA-2017-0001", delivery="in_person", national=True)
    fill_course(page, 2, "Online", "2017-02-01", "2.25", "17-OEMS-T3-0002", component="individual")
    before = course_values(page)
    name, text = download_text(page, "Export as JSON")
    assert name == "recert-2018-paramedic-courses.json"
    data = json.loads(text)
    assert data == {"schema": 1, "cycle": "2018/paramedic", "profile": {"nremt": False}, "courses": [
        {"title": 'Trauma, "day" one', "date": "2017-01-01", "hours": 10, "approval": "MA-2017-0001",
         "delivery": "in_person", "national": True, "component": None},
        {"title": "Online", "date": "2017-02-01", "hours": 2.25, "approval": "17-OEMS-T3-0002",
         "delivery": None, "national": False, "component": "individual"}]}
    rules = (built_site / "2018/paramedic/rules.json").read_text(encoding="utf-8")
    assert "errors" not in json.loads(recert_engine.evaluate_json(rules, text, TODAY))  # the CLI reads it as is
    clear_all(page)
    import_file(page, name, text, "application/json")
    expect(page.locator("#data-status")).to_have_text(f"Imported 2 courses from {name}.")
    assert course_values(page) == before
    assert page.get_by_label("No").is_checked()
    wait_saved(page, lambda s: len(s["courses"]) == 2)


def test_csv_export_has_a_header_and_imports_back(page, site_url, engine):
    open_calculator(page, site_url)
    page.get_by_label("Yes").check()
    fill_course(page, 1, "Trauma, day one", "2017-01-01", "10", "MA-2017-0001", delivery="live_virtual", national=True)
    fill_course(page, 2, 'Say "hi"', "2017-02-01", "1.5", "", component="local")
    before = course_values(page)
    name, text = download_text(page, "Export as CSV (spreadsheet)")
    assert name == "recert-2018-paramedic-courses.csv"
    lines = text.splitlines()
    assert lines[0] == "title,date,hours,approval,delivery,national,component"
    assert lines[1] == '"Trauma, day one",2017-01-01,10,MA-2017-0001,live_virtual,yes,'
    assert lines[2] == '"Say ""hi""",2017-02-01,1.5,,,no,local'
    clear_all(page)
    page.get_by_label("No").check()  # a CSV holds courses only: the answers stay
    import_file(page, name, text, "text/csv")
    expect(page.locator("#data-status")).to_have_text(f"Imported 2 courses from {name}.")
    assert course_values(page) == before
    assert page.get_by_label("No").is_checked()


def test_spreadsheet_style_csv_is_understood(page, site_url, engine):
    open_calculator(page, site_url)
    row(page, 1).get_by_role("button", name="Remove course 1").click()
    text = "\ufeffDate,Hours,Title,National\r\n3/1/2017,4,From Excel,Yes\r\n,,,\r\n"
    import_file(page, "mine.csv", text, "text/csv")
    expect(page.locator("#data-status")).to_have_text("Imported 1 course from mine.csv.")
    values = course_values(page)[0]
    assert (values["date"], values["hours"], values["title"], values["national"]) == ("2017-03-01", "4", "From Excel", True)


def test_bad_import_lists_each_problem_and_changes_nothing(page, site_url, engine):
    open_calculator(page, site_url)
    fill_course(page, 1, "Mine", "2017-01-01", "3", "17-OEMS-T1-1")
    wait_saved(page, lambda s: s["courses"][0]["approval"] == "17-OEMS-T1-1")
    stored = saved_answers(page)
    before = course_values(page)
    text = ("title,date,hours,approval,delivery,national,component\n"
            "Fine,2017-01-01,2,A,,no,\n"
            "Bad date,2017-31-01,2,A,,no,\n"
            "Bad hours,2017-01-01,two,A,,no,\n"
            "Bad many,2017-01-01,0,A,online,maybe,state\n")
    import_file(page, "courses.csv", text, "text/csv")
    report = page.locator("#import-report")
    expect(report).to_be_visible()
    expect(report).to_be_focused()
    expect(report.locator("h3")).to_have_text("There is a problem with courses.csv")
    expect(report).to_contain_text("Nothing was imported")
    expect(report.locator("li")).to_have_text([
        'Line 3: date "2017-31-01" is not a real date written 2017-03-01, 3/1/2017 or March 1, 2017.',
        'Line 4: hours "two" is not a number such as 2 or 1.5.',
        'Line 5: hours "0" must be more than 0.',
        'Line 5: delivery "online" is not one of in_person, live_virtual, distributive (or empty).',
        'Line 5: national "maybe" must be yes or no.',
        'Line 5: component "state" is not one of national, local, individual (or empty to let the calculator decide).',
    ])
    assert course_values(page) == before
    assert saved_answers(page) == stored
    assert_no_axe_violations(page, "bad import")

    import_file(page, "other.json", json.dumps({"schema": 1, "cycle": "2024/aemt", "courses": []}), "application/json")
    expect(report.locator("li")).to_have_text([
        'This file is for cycle "2024/aemt", but this calculator is for 2018/paramedic. Open the calculator for that cycle.'])
    import_file(page, "broken.json", '{\n  "schema": 1,\n  "courses": [\n    {"title": "x",}\n  ]\n}', "application/json")
    expect(report.locator("li")).to_contain_text(["The file is not valid JSON near line 4"])
    import_file(page, "wide.csv", "date,hours\n2017-01-01,2,extra\n", "text/csv")
    expect(report.locator("li")).to_have_text([
        'Line 2: 3 values, but the first line names only 2 columns (a comma inside a title needs "quotes").'])
    assert course_values(page) == before


def test_import_asks_before_replacing_courses(page, site_url, engine):
    open_calculator(page, site_url)
    fill_course(page, 1, "Mine", "2017-01-01", "3")
    import_file(page, "new.csv", "date,hours\n2017-02-02,5\n", "text/csv")
    dialog = page.locator("#confirm-dialog")
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text("Replace your 1 course here with the 1 course in new.csv?")
    dialog.get_by_role("button", name="Cancel").click()
    expect(page.locator("#data-status")).to_have_text("Nothing was imported.")
    assert course_values(page)[0]["title"] == "Mine"
    import_file(page, "new.csv", "date,hours\n2017-02-02,5\n", "text/csv")
    dialog.get_by_role("button", name="Yes, replace them").click()
    expect(row(page, 1).get_by_label("Hours")).to_have_value("5")


def test_delete_all_asks_first(page, site_url, engine):
    open_calculator(page, site_url)
    fill_course(page, 1, "Mine", "2017-01-01", "3")
    wait_saved(page, lambda s: s["courses"][0]["title"] == "Mine")
    clear = page.get_by_role("button", name="Delete all my courses and answers")
    clear.click()
    dialog = page.locator("#confirm-dialog")
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text("It cannot be undone")
    assert page.evaluate("document.activeElement.textContent") == "Cancel"  # the safe choice
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    assert page.evaluate("document.activeElement.id") == "clear-all"
    assert course_values(page)[0]["title"] == "Mine" and saved(page) is not None
    clear.click()
    dialog.get_by_role("button", name="Yes, delete everything").click()
    expect(page.locator("#course-list > li")).to_have_count(0)
    assert saved(page) is None
    expect(page.locator("#data-status")).to_contain_text("were deleted from this browser")
    assert page.evaluate("document.activeElement.id") == "add-course"


def test_page_says_nothing_leaves_the_device(page, site_url, engine):
    open_calculator(page, site_url)
    expect(page.locator("#privacy")).to_contain_text("Nothing you enter leaves this device.")


# ---- accessibility, speed, layout -----------------------------------------------------------


def test_axe_empty_and_short_states(page, site_url, engine):
    open_calculator(page, site_url)
    expect(headline(page)).to_have_text("Short by 60 hours: 0 of 60 hours count so far.")
    assert_no_axe_violations(page, "empty")
    fill_course(page, 1, "Online protocols", "2017-01-01", "5", "17-OEMS-T3-0001", component="local")
    expect(page.locator(".course-notes")).to_be_visible()
    assert_no_axe_violations(page, "short")


def test_axe_while_loading_and_after_failure(context, page, site_url):
    context.route(WORKER_GLOB, lambda route: route.fulfill(status=404, body="not found"))
    open_calculator(page, site_url, state="failed")
    assert_no_axe_violations(page, "failed")


@contextmanager
def calculator_on_a_phone(browser, site_url, width, height):
    """The calculator, ready, in a narrow window of its own."""
    context = browser.new_context(viewport={"width": width, "height": height})
    try:
        FakeEngine(today=TODAY).install(context)
        yield open_calculator(context.new_page(), site_url)
    finally:
        context.close()


def test_calculator_fits_a_phone_screen(browser, site_url):
    with calculator_on_a_phone(browser, site_url, 360, 740) as page:
        fill_course(page, 1, "A rather long course title about pediatric airway management", "2017-01-01", "4",
                    "17-OEMS-T1-0001")
        expect(headline(page)).to_contain_text("4 of 60")
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"page is {overflow}px wider than a 360px phone screen"


# ---- a real transcript: paste, fast entry, results in view, printed summary --------------------

TITLES = ["Airway update", "Pediatric assessment", "Stroke protocols", "Cardiology rounds", "Trauma triage"]


def transcript(n, header=True):
    """n courses as a spreadsheet copies them: tab-separated, US dates, a header row."""
    lines = ["Course\tDate\tHours\tApproval number\tNational\tHow taught"] if header else []
    for i in range(n):
        code = "T3" if i % 5 == 2 else "T1"
        taught = "Distributive" if code == "T3" else "In person"
        lines.append(f"{TITLES[i % 5]} {i + 1}\t{1 + i % 12}/{1 + i % 28}/2017\t{1 + i % 4}\t17-OEMS-{code}-{i:04d}"
                     f"\t{'Yes' if i % 2 else 'No'}\t{taught}")
    return "\n".join(lines) + "\n"


def paste(page, text):
    page.get_by_role("button", name="Paste from a spreadsheet or transcript").click()
    page.locator("#paste-text").fill(text)
    page.get_by_role("button", name="Read the pasted rows").click()


def test_pasted_transcript_is_shown_row_by_row_before_anything_is_added(page, site_url, engine):
    open_calculator(page, site_url)
    fill_course(page, 1, "Already here", "2017-01-05", "2", "17-OEMS-T1-9999")
    paste(page, transcript(25) + "Broken row\t2/30/2017\t250\t\tmaybe\n")
    preview = page.locator("#paste-preview")
    expect(preview).to_be_focused()
    expect(preview.locator("h4")).to_have_text("Read 26 rows: 25 courses ready to add, 1 row with problems")
    bad = preview.locator("tr.paste-bad")
    expect(bad.locator("th")).to_have_text("27")
    expect(bad.locator("li")).to_have_text([
        'date "2/30/2017" is not a real date written 2017-03-01, 3/1/2017 or March 1, 2017',
        'hours "250" is more than 200, which no single course has; check the number',
        'National content "maybe" should be yes or no'])
    expect(page.locator("#course-list > li")).to_have_count(1)  # nothing added yet
    assert_no_axe_violations(page, "paste preview")
    page.get_by_role("button", name="Add 25 courses to your list").click()
    expect(page.locator("#course-list > li")).to_have_count(26)
    values = course_values(page)
    assert values[0]["title"] == "Already here"  # nothing entered is lost
    assert (values[1]["title"], values[1]["date"], values[1]["hours"], values[1]["national"]) == ("Airway update 1", "2017-01-01", "1", False)
    expect(page.locator("#course-change-note")).to_have_text("25 courses added from the pasted rows.")
    wait_saved(page, lambda s: len(s["courses"]) == 26)
    expect(headline(page)).to_contain_text("60 hours")


def test_approval_code_says_how_it_was_taught_and_stops_asking(page, site_url, engine):
    open_calculator(page, site_url)
    r = row(page, 1)
    how = r.get_by_label("How it was taught")
    expect(how).to_be_visible()
    r.get_by_label("Approval number").fill("17-CAPCE-F3-0001")
    expect(how).to_be_hidden()
    # Under the note, the source that says what the code means (fixture 2018:
    # mass.gov gives the DE codes, the flyer the others), as text: a link in
    # every row would add a keyboard stop.
    source = r.locator(".code-source")
    expect(r.locator(".taught-by-code")).to_have_text("Code F3: distributive (DE)")
    expect(source).to_have_text("Source: Mass.gov: Renew your EMT, Advanced EMT, or Paramedic certification.")
    r.get_by_label("Approval number").fill("17-OEMS-T1-0001")
    expect(r.locator(".taught-by-code")).to_have_text("Code T1: not distributive")
    expect(source).to_have_text("Source: OEMS flyer: Massachusetts Paramedic recertification 2018 (two pages).")
    expect(source.locator("a")).to_have_count(0)
    r.get_by_label("Approval number").fill("MA-2017-1")
    expect(how).to_be_visible()
    expect(r.locator(".taught-by-code")).to_be_hidden()
    expect(source).to_be_hidden()


def test_duplicate_and_sort_by_date(page, site_url, engine):
    open_calculator(page, site_url)
    fill_course(page, 1, "Late", "March 3, 2017", "2", "17-OEMS-T1-1")
    fill_course(page, 2, "Early", "1/2/2016", "1", "16-OEMS-T1-2")
    row(page, 2).get_by_role("button", name="Duplicate course 2").click()
    expect(page.locator("#course-list > li")).to_have_count(3)
    expect(page.locator("#course-change-note")).to_have_text("Course 2 duplicated as course 3.")
    assert page.evaluate("document.activeElement.id") == row(page, 3).get_by_label("Course title").get_attribute("id")
    page.get_by_role("button", name="Sort by date").click()
    assert [(c["title"], c["date"]) for c in course_values(page)] == [
        ("Early", "2016-01-02"), ("Early", "2016-01-02"), ("Late", "2017-03-03")]  # dates read back as written by the engine
    expect(row(page, 3).locator("legend")).to_have_text("Course 3")


def test_keyboard_order_and_visible_focus_in_a_course_row(page, site_url, engine):
    open_calculator(page, site_url)
    row(page, 1).get_by_label("Course title").focus()
    order = []
    for _ in range(8):
        focused = page.evaluate("""() => { const e = document.activeElement; const s = getComputedStyle(e);
            return [e.dataset.field || e.dataset.action || e.id, s.outlineStyle, s.outlineWidth, s.boxShadow]; }""")
        order.append(focused[0])
        assert focused[1] == "solid" and focused[2] == "3px" and "rgb(27, 27, 27)" in focused[3], focused  # dark ring, 17:1 on white
        page.keyboard.press("Tab")
    assert order == ["title", "date", "hours", "approval", "delivery", "national", "component", "duplicate"]


def test_results_and_summary_at_320px_show_every_column(browser, site_url):
    with calculator_on_a_phone(browser, site_url, 320, 640) as page:
        for n in range(1, 4):
            fill_course(page, n, f"Course {n}", f"2017-0{n}-01", "4", f"17-OEMS-T3-000{n}")
        expect(headline(page)).to_contain_text("of 60 hours")
        assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
        for table in ("result-components", "result-assignment"):
            cells = page.locator(f".{table} tbody td")
            for i in range(cells.count()):
                cell = cells.nth(i)
                box = cell.bounding_box()
                assert box and box["width"] > 0 and box["x"] >= 0 and box["x"] + box["width"] <= 320, (table, i, box)
        expect(page.locator(".result-components tr[data-component=local] td").nth(3)).to_be_visible()  # Still needed
        expect(page.locator(".result-assignment tbody tr").first.locator("td").last).to_be_visible()  # Not counted
        # The summary stays on screen while the courses are edited.
        row(page, 1).get_by_label("Hours").focus()
        summary = page.locator("#summary").bounding_box()
        assert 0 <= summary["y"] and summary["y"] + summary["height"] <= 640 + 1
        expect(page.locator("#summary-counted")).to_contain_text("of 60 hours counted")
        assert_no_axe_violations(page, "phone width")


def test_what_to_take_next_is_plain_advice_from_the_cycle(page, site_url, engine):
    open_calculator(page, site_url)
    fill_course(page, 1, "Online", "2017-01-01", "10", "17-OEMS-T3-0001", national=True)
    advice = page.locator("#results .missing li")
    expect(advice.first).to_have_text(
        "National: 20 hours more, from courses covering National (NCCR) content with an OEMS or CAPCE approval number, "
        "taught in person or live virtual (distributive education no longer counts here). Take them by March 31, 2018.")
    expect(page.locator("#results .missing li[data-component=local]")).to_contain_text("Local: 15 hours more, from courses on any topic")


def test_printed_summary_for_the_training_officer_fits_two_pages(page, site_url, engine):
    open_calculator(page, site_url)
    row(page, 1).get_by_role("button", name="Remove course 1").click()
    paste(page, transcript(30))
    page.get_by_role("button", name="Add 30 courses to your list").click()
    expect(headline(page)).to_contain_text("60 hours")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    summary = page.locator("#print-summary")
    expect(summary.locator("h2")).to_have_text("Continuing education summary: Paramedic recertification, 2018")
    expect(summary.locator(".print-courses tbody tr")).to_have_count(30)
    first = summary.locator(".print-courses tbody tr").first.locator("td")
    expect(first).to_have_text(["1", "January 1, 2017", "Airway update 1", "1", "17-OEMS-T1-0000", "Not DE, code T1",
                                first.nth(6).inner_text(), ""])
    expect(summary.locator(".print-totals tbody tr")).to_have_count(3)
    expect(summary).to_contain_text("Made on")
    page.emulate_media(media="print")
    expect(summary).to_be_visible()
    expect(page.locator("#calc-form")).to_be_hidden()
    pdf = page.pdf(format="Letter")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert 1 <= pages <= 2, f"the summary of 30 courses printed on {pages} pages"


def test_imported_files_are_checked_with_the_engines_limits_and_encoding(page, site_url, engine):
    open_calculator(page, site_url)
    fill_course(page, 1, "Mine", "2017-01-01", "3", "17-OEMS-T1-1")
    wait_saved(page, lambda s: s["courses"][0]["approval"] == "17-OEMS-T1-1")
    stored = saved_answers(page)
    data = {"schema": 1, "cycle": "2018/paramedic", "courses": [
        {"title": "Huge", "date": "2017-01-01", "hours": 250, "approval": "A"},
        {"title": "Future", "date": "9999-01-01", "hours": 1, "approval": "A"}]}
    import_file(page, "big.json", json.dumps(data), "application/json")
    report = page.locator("#import-report")
    expect(report.locator("li")).to_have_text([
        'Course 1 ("Huge"): hours 250 is more than 200, which no single course has; check the number.',
        'Course 2 ("Future"): date "9999-01-01" is in the year 9999; check the year.'])
    expect(report).not_to_contain_text("null")
    page.set_input_files("#import-file", files=[{"name": "win.csv", "mimeType": "text/csv",
                                                 "buffer": "date,hours\n2017-01-01,2\n".encode("utf-16")}])
    expect(report.locator("li")).to_contain_text(["saved as UTF-16"])
    page.set_input_files("#import-file", files=[{"name": "ansi.csv", "mimeType": "text/csv",
                                                 "buffer": "title,date,hours\nCaf\xe9,2017-01-01,2\n".encode("cp1252")}])
    expect(report.locator("li")).to_contain_text(["not UTF-8 text"])
    assert saved_answers(page) == stored and course_values(page)[0]["title"] == "Mine"


def test_csv_export_neutralises_formulas_and_imports_them_back(page, site_url, engine):
    open_calculator(page, site_url)
    fill_course(page, 1, '=HYPERLINK("http://example.com","x")', "2017-01-01", "1", "17-OEMS-T1-1")
    fill_course(page, 2, "@risk +1", "2017-01-02", "1", "17-OEMS-T1-2")
    before = course_values(page)
    name, text = download_text(page, "Export as CSV (spreadsheet)")
    lines = text.splitlines()
    assert lines[1].startswith('"\'=HYPERLINK(') and lines[2].startswith("'@risk +1,")
    clear_all(page)
    import_file(page, name, text, "text/csv")
    expect(page.locator("#course-list > li")).to_have_count(len(before))  # the file is read asynchronously
    assert course_values(page) == before


def test_window_recert_evaluate_answers_every_input(page, site_url, engine):
    open_calculator(page, site_url)
    for bad in ("() => window.recert.evaluate(undefined)", "() => window.recert.evaluate('not json')",
                "() => { const a = {}; a.a = a; return window.recert.evaluate(a); }"):
        got = page.evaluate(bad)
        assert got["errors"], bad


# ---- the real engine (Pyodide) ---------------------------------------------------------------


@pytest.fixture
def real_runtime(built_site):
    # Every full build has it (its core files sit in a folder named after their bytes).
    if not (built_site / "assets/js/engine-worker.mjs").exists() or not list(built_site.glob("assets/pyodide/*/pyodide.mjs")):
        pytest.fail("the build lacks the calculator's Pyodide runtime")
    return built_site


def test_real_engine_loads_and_matches_the_cli(context, page, site_url, real_runtime):
    requests = []
    page.on("request", lambda r: requests.append((r.method, r.url, r.post_data)))
    page.goto(site_url + PARAMEDIC)
    page.wait_for_selector("html[data-engine=ready]", timeout=120_000)
    data = {"schema": 1, "cycle": "2018/paramedic", "profile": {"nremt": False},
            "courses": [{"title": "Secret title 7f3a", "date": "2017-01-01", "hours": 12.5,
                         "approval": "17-OEMS-T3-0001", "delivery": None, "national": True, "component": "local"}]}
    got = page.evaluate("(input) => window.recert.evaluate(input, {today: '2018-03-01'})", data)
    rules = (real_runtime / "2018/paramedic/rules.json").read_text(encoding="utf-8")
    assert got == json.loads(recert_engine.evaluate_json(rules, json.dumps(data), TODAY))
    fill_course(page, 1, "Secret title 7f3a", "2017-01-01", "10", "17-OEMS-T1-0001", national=True)
    expect(headline(page)).to_contain_text("10 of 60")
    leaked = [r for r in requests if r[0] != "GET" or "7f3a" in r[1] or (r[2] and "7f3a" in r[2])]
    assert leaked == [], f"typed data left the page: {leaked}"
    assert page.console_errors == []


def test_real_engine_axe_with_results(page, site_url, real_runtime):
    page.goto(site_url + PARAMEDIC)
    page.wait_for_selector("html[data-engine=ready]", timeout=120_000)
    fill_complete_cycle(page)
    expect(headline(page)).to_contain_text("60 hours")
    assert_no_axe_violations(page, "real engine results")


@pytest.mark.parametrize(
    "path, cycle, today, profile, courses, expected",
    [
        pytest.param(
            PARAMEDIC, "2018/paramedic", "2018-03-01", None,
            [("NCCR refresher", "2017-01-10", "30", "17-OEMS-T1-0001", True),
             ("Local protocols", "2017-02-10", "15", "17-OEMS-T1-0002", False),
             ("Online cardiology", "2017-03-10", "15", "17-OEMS-T3-0003", False)],
            "60 hours", id="2018-paramedic-complete"),
        pytest.param(
            AEMT, "2024/aemt", "2024-03-01", "2022-03-20",
            [("NCCR AEMT refresher", "2023-01-10", "25", "23-CAPCE-F3-0001", True),
             ("Stroke protocols", "2022-03-21", "12.5", "22-OEMS-T1-0002", False),
             ("Pediatric airway", "2023-05-10", "6.25", "23-OEMS-T3-0003", False)],
            "43.75 of 50", id="2024-aemt-short"),
    ],
)
def test_full_flow_with_the_real_engine(page, site_url, real_runtime, path, cycle, today, profile, courses, expected):
    """A person fills the form on each seed cycle; the page agrees with the CLI's engine."""
    page.goto(site_url + path + f"?today={today}")
    if profile:
        page.get_by_label("Date of your last recertification").fill(profile)
    for n, (title, date, hours, approval, national) in enumerate(courses, start=1):
        fill_course(page, n, title, date, hours, approval, national=national)
    page.wait_for_selector("html[data-engine=ready]", timeout=120_000)
    expect(headline(page)).to_contain_text(expected)
    data = {"schema": 1, "cycle": cycle, "profile": {"last_recertified": profile} if profile else {},
            "courses": [{"title": t, "date": d, "hours": h, "approval": a, "national": n}
                        for t, d, h, a, n in courses]}
    got = page.evaluate("([input, today]) => window.recert.evaluate(input, {today})", [data, today])
    rules = (real_runtime / cycle / "rules.json").read_text(encoding="utf-8")
    assert got == json.loads(recert_engine.evaluate_json(rules, json.dumps(data), today))
    assert_no_axe_violations(page, f"{cycle} with the real engine")
    # The step fees: 2018's profile fee depends on the NREMT answer, 2024's does not.
    if cycle == "2018/paramedic":
        expect(page.locator("#results")).to_contain_text("Answer the NREMT question above to see your total.")
        page.locator('input[name="nremt"][value="no"]').check()
        expect(page.locator("#results")).to_contain_text("Your fees for these steps: $150 in all")
    else:
        expect(page.locator("#results")).to_contain_text("Your fees for these steps: $151 in all")


def test_each_reason_names_its_source_and_the_result_says_what_it_cannot_check(page, site_url, engine):
    open_calculator(page, site_url)
    fill_course(page, 1, "Webinar", "2017-01-01", "20", "17-ACME-F5-0001")
    notes = page.locator(".course-notes")
    expect(notes).to_contain_text("only courses taught in person count there, and this course was taught live online (live virtual) (approval code F5)")
    reason = notes.locator("li li", has_text="taught live online")
    expect(reason.locator(".source-note")).to_have_text(
        "Source: OEMS flyer: Massachusetts Paramedic recertification 2018 (two pages); "
        "CE provider page: CAPCE delivery codes F1-F5 explained.")
    assert reason.locator(".source-note a").first.get_attribute("href") == "#source-flyer"
    assert page.locator("#source-capce-codes a").get_attribute("href") == "https://emt-ce.com/info/f1-f5-explained"
    cannot = page.locator(".not-checked")
    expect(cannot).to_contain_text("Your state application and recertification fee on eLicensing (Step 3).")
    assert_no_axe_violations(page, "reasons with sources")


def test_a_de_reason_by_its_t3_code_names_the_page_that_says_t3_is_de(page, site_url, engine):
    # The 2018 flyer lists only the codes that are not DE; that T3 is DE comes from mass.gov.
    open_calculator(page, site_url)
    fill_course(page, 1, "Online NCCR", "2017-01-01", "30", "17-OEMS-T3-0001", national=True)
    reasons = page.locator(".course-notes li li", has_text="this course is DE (approval code T3)")
    expect(reasons).to_have_count(2)  # National's limit and Local's none
    both = ("Source: OEMS flyer: Massachusetts Paramedic recertification 2018 (two pages); "
            "Mass.gov: Renew your EMT, Advanced EMT, or Paramedic certification.")
    expect(reasons.locator(".source-note")).to_have_text([both, both])
    assert reasons.first.locator(".source-note a").nth(1).get_attribute("href") == "#source-massgov-renew"
    assert_no_axe_violations(page, "a DE reason naming mass.gov")
    summary = print_summary(page)
    expect(summary.locator(".print-reasons li").first).to_contain_text("(approval code T3). National still needs 20 h")
    expect(summary.locator(".print-reasons li").first).to_contain_text(both)
    expect(summary.locator(".print-sources li")).to_have_text([
        "OEMS flyer: Massachusetts Paramedic recertification 2018 (two pages): "
        "no web address listed; ask your Training Officer or OEMS for a copy",
        "Mass.gov: Renew your EMT, Advanced EMT, or Paramedic certification: "
        "https://www.mass.gov/how-to/renew-your-emt-advanced-emt-or-paramedic-certification"])


def print_summary(page):
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    return page.locator("#print-summary")


def test_the_printed_summary_names_each_reasons_source_and_lists_their_addresses(page, site_url, engine):
    open_calculator(page, site_url)
    fill_course(page, 1, "Webinar", "2017-01-01", "20", "17-ACME-F5-0001")
    fill_course(page, 2, "Refresher", "2017-02-01", "5", "N/A", delivery="in_person", national=True)
    expect(page.locator(".course-notes")).to_contain_text("is not an approval number")
    summary = print_summary(page)
    reasons = summary.locator(".print-reasons").first
    expect(reasons.locator("li").first).to_contain_text(
        "ask your Training Officer or OEMS before you rely on one. Source: OEMS flyer: Massachusetts Paramedic "
        "recertification 2018 (two pages); CE provider page: CAPCE delivery codes F1-F5 explained.")
    expect(reasons.locator("li").nth(1)).to_contain_text(
        "2. Refresher: 5 h: “N/A” is not an approval number")
    expect(reasons.locator("li").nth(1)).to_contain_text("Source: OEMS flyer: Massachusetts Paramedic recertification 2018 (two pages).")
    expect(summary.locator(".print-not-checked")).to_contain_text(
        "Your state application and recertification fee on eLicensing (Step 3). Source: OEMS flyer")
    # Paper has no links: the sources cited are listed with their addresses.
    expect(summary.locator(".print-sources li")).to_have_text([
        "OEMS flyer: Massachusetts Paramedic recertification 2018 (two pages): "
        "no web address listed; ask your Training Officer or OEMS for a copy",
        "CE provider page: CAPCE delivery codes F1-F5 explained: https://emt-ce.com/info/f1-f5-explained"])
    expect(summary.locator("h3", has_text="Still needed")).to_have_count(1)
    page.emulate_media(media="print")
    expect(summary).to_be_visible()
    assert_no_axe_violations(page, "printed summary with sources")


def test_an_ended_cycles_results_and_printed_summary_ask_nobody_to_take_a_course(context, page, site_url):
    FakeEngine(today="2026-11-30").install(context)  # the 2018 cycle ended on April 30, 2018
    open_calculator(page, site_url)
    fill_course(page, 1, "Refresher", "2017-02-01", "5", "17-OEMS-T1-0001", national=True)
    expect(headline(page)).to_contain_text("Short by 55 hours")
    expect(page.locator("#results")).to_contain_text("Nothing: this cycle has ended.")
    expect(page.locator("#results .missing")).to_have_count(0)
    summary = print_summary(page)
    expect(summary.locator(".print-totals caption")).to_contain_text("55 still needed")
    expect(summary.locator("h3", has_text="Still needed")).to_have_count(0)
    expect(summary).not_to_contain_text("Take them by")
    assert_no_axe_violations(page, "ended cycle's results")
