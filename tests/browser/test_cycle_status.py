"""Cycle status in the browser: the page brings the build's status up to the
reader's day (here fixed with ?today=), and every state passes axe."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import format_violations, run_axe

GUIDANCE = "2018/paramedic/index.html"
PAGES = ("2018/paramedic/index.html", "2018/paramedic/checklist/index.html",
         "2018/paramedic/calculator/index.html", "index.html", "compare/index.html")


def visible(page, text) -> bool:
    return page.get_by_text(text, exact=False).first.is_visible()


def test_the_reader_day_decides_the_status_shown(page, site_url):
    # The shared site is built on November 30, 2026, when the 2018 cycle had long ended.
    page.goto(site_url + GUIDANCE + "?today=2018-01-10")
    main = page.locator("main")
    assert main.get_attribute("data-cycle-status") == "open"
    assert page.locator(".cycle-status-title:visible").inner_text() == "This cycle is open"
    assert not visible(page, "kept as a record")
    as_of = page.locator(".status-as-of").inner_text()
    assert as_of == "Status as of today, January 10, 2018."
    assert page.locator(".status-as-of time[data-today]").get_attribute("datetime") == "2018-01-10"

    page.goto(site_url + GUIDANCE + "?today=2018-03-01")
    assert main.get_attribute("data-cycle-status") == "closing"
    assert visible(page, "The recommended date, February 15, 2018, has passed.")

    page.goto(site_url + GUIDANCE + "?today=2018-05-01")
    assert main.get_attribute("data-cycle-status") == "ended"
    assert page.locator(".cycle-status-title:visible").inner_text() == "This cycle has ended"
    assert visible(page, "It ended on April 30, 2018")
    assert page.console_errors == []


def test_the_calculator_page_brings_its_status_up_to_the_reader_day_too(page, site_url):
    """There the status script runs from inside the page's one main script."""
    page.goto(site_url + "2018/paramedic/calculator/index.html?today=2018-01-10")
    expect(page.locator("main")).to_have_attribute("data-cycle-status", "open")
    expect(page.locator(".cycle-status-title:visible")).to_have_text("This cycle is open")
    assert page.locator(".status-as-of").inner_text() == "Status as of today, January 10, 2018."
    assert page.console_errors == []


def test_home_page_tags_follow_the_reader_day(page, site_url):
    page.goto(site_url + "index.html?today=2017-11-01")
    paramedic = page.locator("li.cycle", has_text="2018 Paramedic")
    aemt = page.locator("li.cycle", has_text="2024 Advanced EMT")
    assert paramedic.get_attribute("data-cycle-status") == "open"
    assert paramedic.locator(".status-tag").inner_text() == "Open"
    assert aemt.get_attribute("data-cycle-status") == "upcoming"
    assert aemt.locator(".status-tag").inner_text() == "Not open yet (opens October 1, 2023)"


def test_without_javascript_the_build_day_status_stands(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + GUIDANCE + "?today=2018-01-10")
        assert page.locator("main").get_attribute("data-cycle-status") == "ended"
        assert page.locator(".status-as-of").inner_text() == "Status as of November 30, 2026, the day this page was built."
        assert page.get_by_text("It ended on April 30, 2018").is_visible()
    finally:
        context.close()


@pytest.mark.parametrize("day", ["2017-11-01", "2018-03-01", "2026-11-30"])
def test_every_status_state_has_no_axe_violations(page, site_url, day):
    for rel in PAGES:
        page.goto(f"{site_url}{rel}?today={day}")
        violations = run_axe(page)
        assert violations == [], f"{rel} as of {day}: " + format_violations(violations)
