"""Every guidance page passes axe-core (WCAG 2.2 AA) and reads without JavaScript."""

from __future__ import annotations


from tests.browser.conftest import format_violations, run_axe


def _pages(built_site):
    return sorted(p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html"))


def test_every_page_has_no_axe_violations(page, site_url, built_site):
    checked = 0
    for rel in _pages(built_site):
        page.goto(site_url + rel)
        violations = run_axe(page)
        assert violations == [], f"{rel}: {format_violations(violations)}"
        checked += 1
    assert checked >= 3


def test_guidance_page_reads_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + "2018/paramedic/index.html")
        assert page.locator("h1").count() == 1
        assert "Step 3: State application" in page.locator("section[aria-labelledby=steps]").inner_text()
        assert page.locator("table.ce-table tbody tr").count() == 3
    finally:
        context.close()


def test_guidance_page_fits_a_phone_screen(browser, site_url):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    try:
        page = context.new_page()
        page.goto(site_url + "2024/aemt/index.html")
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"page is {overflow}px wider than a 360px phone screen"
    finally:
        context.close()


def test_no_csp_violations_on_guidance_pages(page, site_url, built_site):
    for rel in _pages(built_site):
        page.goto(site_url + rel)
    assert page.console_errors == []


def test_guidance_page_prints_as_a_clean_flyer(browser, site_url):
    """Printing drops navigation and tool buttons and spells out web addresses."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(site_url + "2018/paramedic/index.html")
        page.emulate_media(media="print")
        for selector in (".skip-link", ".breadcrumbs", "nav.toc", ".tools"):
            assert not page.locator(selector).first.is_visible(), f"{selector} shows in print"
        after = page.evaluate(
            "getComputedStyle(document.querySelector('main a[href^=\"http\"]'), '::after').content"
        )
        assert "http" in after
        assert page.locator("h1").is_visible()
        assert page.locator("table.timeline").is_visible()
    finally:
        context.close()


def test_each_requirement_names_its_source_and_leads_to_its_address(page, site_url):
    page.goto(site_url + "2018/paramedic/index.html")
    steps = page.locator("li.step")
    assert steps.count() == 3
    for i in range(steps.count()):
        assert steps.nth(i).locator(":scope > p .source-note").inner_text() == \
            "Source: OEMS flyer: Massachusetts Paramedic recertification 2018 (two pages)"
    rows = page.locator("table.timeline tbody tr")
    assert rows.count() == rows.locator(".source-note").count() > 0
    # The live virtual codes come from a CE provider's page, not the flyer: the note says so and leads to its address.
    note = page.locator(".source-note a", has_text="CAPCE delivery codes F1-F5 explained")
    note.click()
    assert page.url.endswith("#source-capce-codes")
    entry = page.locator("#source-capce-codes")
    assert entry.locator("a").get_attribute("href") == "https://emt-ce.com/info/f1-f5-explained"
    assert entry.is_visible()
    # The flyer lists only the codes that are not DE; that T3 and F3 are is the mass.gov page's: named beside them.
    page.locator("#distributive-codes .source-note a").click()
    assert page.url.endswith("#source-massgov-renew")
    assert page.locator("#source-massgov-renew a").get_attribute("href") == \
        "https://www.mass.gov/how-to/renew-your-emt-advanced-emt-or-paramedic-certification"
    local = page.locator("#component-local")
    assert "in person only" in local.locator(".note.unclear").inner_text()
    assert local.locator(".source-note a").get_attribute("href") == "#source-flyer"
