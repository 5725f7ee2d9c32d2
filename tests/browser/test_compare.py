"""The compare page in Chromium: accessible, usable without JavaScript, and the pickers work."""

from __future__ import annotations

import re

import pytest

from generator.model.changes import diff_cycles
from generator.pipeline import load_site
from tests.browser.conftest import format_violations, run_axe
from tests.conftest import BUILD_DAY, FIXTURE_CONTENT

# What a list of sources says of a flyer the content names only by its file.
NO_WEB_ADDRESS = "no web address listed; ask your Training Officer or OEMS for a copy"


@pytest.fixture(scope="module")
def two_cycles():
    """The fixture site, whose Paramedic level has three cycles."""
    return FIXTURE_CONTENT


def visible_headings(page) -> list[str]:
    return [t.strip() for t in page.locator("table.compare-table thead th:visible").all_inner_texts()]


def summary(page) -> str:
    return page.locator("#compare-summary").inner_text()


def test_compare_page_has_no_axe_violations(page, site_url):
    page.goto(site_url + "compare/index.html")
    assert page.locator("#compare-controls").is_visible()
    violations = run_axe(page)
    assert violations == [], format_violations(violations)
    page.get_by_label("Show only what differs").check()
    violations = run_axe(page)
    assert violations == [], format_violations(violations)
    assert page.console_errors == []


def test_pickers_show_two_cycles_and_count_what_differs(page, site_url, two_cycles):
    site = load_site(two_cycles)[0]
    page.goto(site_url + "compare/index.html")
    # starts with the newest cycle and the one before it
    assert visible_headings(page) == ["What", "2022 Paramedic", "2024 Paramedic"]
    expected = len(diff_cycles(site.cycle("2022/paramedic"), site.cycle("2024/paramedic")))
    assert summary(page).startswith(f"{expected} of ")
    assert summary(page).endswith("rows differ between 2022 Paramedic and 2024 Paramedic.")
    fee = page.locator('tr[data-key="fee.pay-profile.0"]')
    assert fee.locator(".diff-tag").is_visible()
    assert fee.locator("td:visible").all_inner_texts() == ["$25 (MA-only Paramedics)", "$30 (MA-only Paramedics)"]

    page.get_by_label("Show only what differs").check()
    assert page.locator("table.compare-table tr[data-key]:visible").count() == expected

    page.get_by_label("Compare").select_option("2018/paramedic")
    page.get_by_label("with").select_option("2024/aemt")
    assert visible_headings(page) == ["What", "2024 Advanced EMT", "2018 Paramedic"]
    expected = len(diff_cycles(site.cycle("2018/paramedic"), site.cycle("2024/aemt")))
    assert page.locator("table.compare-table tr[data-key]:visible").count() == expected
    assert summary(page).startswith(f"{expected} of ")

    page.get_by_label("with").select_option("2018/paramedic")
    assert summary(page) == "Pick two different cycles to see what differs."
    assert page.console_errors == []


def test_without_javascript_every_cycle_is_a_column(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + "compare/index.html")
        assert not page.locator("#compare-controls").is_visible()
        assert visible_headings(page) == ["What", "2024 Advanced EMT", "2018 Paramedic", "2022 Paramedic", "2024 Paramedic"]
        assert page.locator("h1").count() == 1
    finally:
        context.close()


@pytest.mark.parametrize("width", [320, 360])
def test_compare_page_fits_a_phone_screen(browser, site_url, width):
    context = browser.new_context(viewport={"width": width, "height": 740})
    try:
        page = context.new_page()
        page.goto(site_url + "compare/index.html")
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"page is {overflow}px wider than a {width}px phone screen"
        # two cycles side by side fit without scrolling the table sideways
        inside = page.evaluate(
            "(() => { const box = document.querySelector('.compare-table').parentElement;"
            " return box.scrollWidth - box.clientWidth; })()"
        )
        assert inside <= 0, f"the two-cycle table is {inside}px wider than its box"
    finally:
        context.close()


def test_each_columns_source_stays_in_view_and_leads_to_its_address(page, site_url):
    page.goto(site_url + "compare/index.html")
    page.get_by_label("Compare").select_option("2018/paramedic")
    page.get_by_label("with").select_option("2024/aemt")
    status = page.locator("table.compare-table tr", has=page.locator("th", has_text="Status"))
    assert len(status.locator("td:visible").all()) == 2
    sources = page.locator("tr.source-row td:visible")
    assert sources.all_inner_texts() == [
        "Source: OEMS flyer: Massachusetts Advanced EMT recertification 2024",
        "Source: OEMS flyer: Massachusetts Paramedic recertification 2018 (two pages)",
    ]
    # a value from a second source names it in its cell; the name leads to the address
    codes = page.locator('tr[data-key="ce.approval.de_codes"] td[data-cycle="2024/aemt"]')
    assert codes.inner_text() == "T3, F3\nSource: Mass.gov: Renew your EMT, Advanced EMT, or Paramedic certification"
    codes.get_by_role("link").click()
    page.wait_for_url("**/2024/aemt/index.html#source-massgov-renew")
    address = page.locator("#source-massgov-renew").get_by_role("link")
    assert address.get_attribute("href") == "https://www.mass.gov/how-to/renew-your-emt-advanced-emt-or-paramedic-certification"
    assert page.console_errors == []


def test_guidance_page_with_changes_has_no_axe_violations(page, site_url):
    page.goto(site_url + "2024/paramedic/index.html")
    assert page.locator("#changes").is_visible()
    violations = run_axe(page)
    assert violations == [], format_violations(violations)


LAYOUT_SHIFT = """
window.__shift = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
}).observe({ type: "layout-shift", buffered: true });
"""


@pytest.mark.parametrize("width", [390, 1280])
def test_the_page_does_not_move_when_its_script_picks_two_cycles(browser, site_url, width):
    """Four cycles, two shown: the page arrives as the script first shows it."""
    context = browser.new_context(viewport={"width": width, "height": 844}, service_workers="block")
    try:
        context.add_init_script(LAYOUT_SHIFT)
        page = context.new_page()
        page.goto(site_url + f"compare/index.html?today={BUILD_DAY.isoformat()}")
        page.wait_for_timeout(800)
        assert visible_headings(page) == ["What", "2022 Paramedic", "2024 Paramedic"]
        assert page.locator("table.compare-table tbody.status-body").is_visible()
        assert page.evaluate("window.__shift") <= 0.05
    finally:
        context.close()


def test_the_count_of_what_differs_is_in_the_page_as_the_script_words_it(page, site_url, built_site):
    written = re.search(r'id="compare-summary"[^>]*>([^<]*)<', (built_site / "compare/index.html").read_text("utf-8"))
    page.goto(site_url + "compare/index.html")
    assert written.group(1) and summary(page) == written.group(1)
    page.get_by_label("Compare").select_option("2018/paramedic")
    assert summary(page) != written.group(1)


FLYER_2018 = f"OEMS flyer: Massachusetts Paramedic recertification 2018 (two pages): {NO_WEB_ADDRESS}"
FLYER_2024 = f"OEMS flyer: Massachusetts Advanced EMT recertification 2024: {NO_WEB_ADDRESS}"
MASSGOV_URL = "https://www.mass.gov/how-to/renew-your-emt-advanced-emt-or-paramedic-certification"


def printed_sources(page) -> list[str]:
    return [t.strip() for t in page.locator("#compare-sources li:visible").all_inner_texts()]


def test_the_printed_page_ends_with_the_shown_columns_sources_each_address_once(page, site_url):
    page.goto(site_url + "compare/index.html")
    page.emulate_media(media="print")
    assert page.get_by_role("heading", name="Sources", level=2).is_visible()
    # the first pair, 2022 and 2024 Paramedic, both cite the 2018 flyer: listed once
    assert printed_sources(page) == [FLYER_2018]
    page.emulate_media(media="screen")  # the pickers do not print
    page.get_by_label("Compare").select_option("2018/paramedic")
    page.get_by_label("with").select_option("2024/aemt")
    page.emulate_media(media="print")
    assert printed_sources(page) == [FLYER_2024, FLYER_2018,
                                     f"Mass.gov: Renew your EMT, Advanced EMT, or Paramedic certification: {MASSGOV_URL}"]
    # the address is the link's text; print.css does not spell it out a second time
    link = page.locator("#compare-sources a")
    assert link.get_attribute("href") == MASSGOV_URL
    assert page.evaluate("getComputedStyle(document.querySelector('#compare-sources a'), '::after').content") == "none"
    assert page.console_errors == []


def test_printed_the_summary_not_the_pickers_says_what_the_table_shows(page, site_url):
    page.goto(site_url + "compare/index.html")
    page.get_by_label("Compare").select_option("2018/paramedic")
    page.get_by_label("with").select_option("2024/aemt")
    page.get_by_label("Show only what differs").check()
    page.emulate_media(media="print")
    assert not page.get_by_label("Compare").is_visible()
    assert not page.get_by_label("Show only what differs").is_visible()
    printed = page.locator("#compare-summary")
    assert printed.is_visible()
    assert printed.inner_text().endswith(
        "rows differ between 2018 Paramedic and 2024 Advanced EMT. Only the rows that differ are shown.")
    page.emulate_media(media="screen")
    page.get_by_label("Show only what differs").uncheck()
    assert summary(page).endswith("rows differ between 2018 Paramedic and 2024 Advanced EMT.")
    assert page.console_errors == []


def test_without_javascript_every_printed_column_fits_the_paper(browser, site_url):
    # Letter paper less print.css's margins is about 700 CSS pixels wide.
    context = browser.new_context(java_script_enabled=False, viewport={"width": 700, "height": 900})
    try:
        page = context.new_page()
        page.goto(site_url + "compare/index.html")
        page.emulate_media(media="print")
        assert visible_headings(page) == ["What", "2024 Advanced EMT", "2018 Paramedic", "2022 Paramedic", "2024 Paramedic"]
        right = page.evaluate("document.querySelector('.compare-table').getBoundingClientRect().right")
        assert right <= 700, f"the table runs {right - 700:.0f}px off the paper"
        assert len(printed_sources(page)) == 3
    finally:
        context.close()
