""""Find your cycle" on the home page, in a real browser: a published and an
unpublished cycle, "I don't know", errors, and the plain list without JavaScript."""

from __future__ import annotations

from tests.browser.conftest import format_violations, run_axe

HOME = "index.html"
RENEW = "https://www.mass.gov/how-to/renew-your-emt-advanced-emt-or-paramedic-certification"


def ask(page, level: str | None, expires: str | None = None, unknown: bool = False):
    if level:
        page.select_option("#finder-level", label=level)
    if expires:
        page.fill("#finder-expires", expires)
    if unknown:
        page.check("#finder-unknown")
    page.get_by_role("button", name="Find my cycle").click()


def no_axe_violations(page, state: str):
    violations = run_axe(page)
    assert violations == [], f"{state}: " + format_violations(violations)


def test_a_published_cycle_is_where_the_finder_goes(page, site_url):
    page.goto(site_url + HOME)
    ask(page, "Paramedic", "2018-03-31")
    page.wait_for_url("**/2018/paramedic/index.html")
    assert page.locator("h1").inner_text() == "Massachusetts Paramedic recertification, 2018"


def test_an_unpublished_cycle_is_said_plainly_with_the_official_links(page, site_url):
    page.goto(site_url + HOME)
    ask(page, "Advanced EMT", "2026-03-31")
    result = page.locator("#finder-result")
    text = result.inner_text()
    assert "This site does not have the Advanced EMT cycle for cards expiring March 31, 2026 yet." in text
    assert "Do not follow another year’s rules from this site. Check with OEMS" in text
    assert result.locator(f'a[href="{RENEW}"]').count() == 1
    assert result.locator('a[href*="2024/aemt"]').count() == 0  # never the 2024 rules
    assert page.url.endswith(HOME)
    no_axe_violations(page, "unpublished cycle")


def test_same_year_but_another_day_is_offered_only_with_a_caution(page, site_url):
    page.goto(site_url + HOME)
    ask(page, "Paramedic", "2018-06-30")
    text = page.locator("#finder-result").inner_text()
    assert "This site may not have your cycle." in text
    assert "is for cards expiring March 31, 2018. Check with OEMS which rules apply to you" in text
    assert page.url.endswith(HOME)


def test_i_dont_know_lists_the_levels_cycles_with_their_status(page, site_url):
    page.goto(site_url + HOME + "?today=2026-11-30")
    ask(page, "Advanced EMT", unknown=True)
    text = page.locator("#finder-result").inner_text()
    assert "Your expiration date is printed on your certification card." in text
    assert "2024 Advanced EMT recertification (card expiring March 31, 2024): Ended April 30, 2024" in text
    assert "If your card’s date is not listed, this site does not have your cycle yet." in text
    assert page.locator("#finder-expires").is_disabled()
    no_axe_violations(page, "I don't know")
    page.goto(site_url + HOME)
    ask(page, "EMT", unknown=True)
    assert "This site does not have any EMT cycle yet." in page.locator("#finder-result").inner_text()


def test_missing_answers_get_an_error_summary_with_focus(page, site_url):
    page.goto(site_url + HOME)
    ask(page, None)
    summary = page.locator("#finder-errors")
    assert summary.is_visible()
    assert page.evaluate("document.activeElement.id") == "finder-errors"
    assert summary.locator("a").all_inner_texts() == [
        "Choose your level", "Enter the expiration date on your card, or tick “I don’t know my expiration date”"]
    assert page.locator("#finder-level").get_attribute("aria-invalid") == "true"
    assert page.locator("#finder-level-error").inner_text() == "Error: Choose your level"
    assert page.locator("#finder-result").inner_text() == ""
    no_axe_violations(page, "errors")
    # Nothing typed is lost, and fixing the answers clears the errors.
    ask(page, "Advanced EMT", "2026-03-31")
    assert summary.is_hidden()
    assert page.locator("#finder-level").get_attribute("aria-invalid") is None
    assert page.console_errors == []


def test_without_javascript_the_home_page_lists_every_cycle_by_card_date(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + HOME)
        assert page.locator("#finder").is_hidden()
        text = page.locator("main").inner_text()
        assert "If your level or your card’s expiration date is not listed below, this site does not have your cycle yet." in text
        paramedic = page.locator("li.cycle", has_text="2018 Paramedic")
        assert "For certifications expiring March 31, 2018." in paramedic.inner_text()
        assert page.locator(f'#finder-other a[href="{RENEW}"]').is_visible()
    finally:
        context.close()
