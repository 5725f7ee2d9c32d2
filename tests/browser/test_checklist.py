"""The checklist page in a real browser: saved ticks, progress, warnings, no-JS list."""

from __future__ import annotations

import re

from tests.browser.conftest import format_violations, run_axe

PARAMEDIC = "2018/paramedic/checklist/index.html"
AEMT = "2024/aemt/checklist/index.html"
BOX = "#checklist input[type=checkbox]"


def progress(page) -> str:
    return page.locator("#checklist-progress").inner_text()


def warnings(page) -> list[str]:
    return page.locator("#checklist-warnings li").all_inner_texts()


def test_ticks_survive_a_reload(page, site_url):
    page.goto(site_url + PARAMEDIC)
    assert progress(page) == "0 of 9 done"
    page.get_by_label("Create a training profile.").check()
    page.get_by_label("Submit your state application.").check()
    assert progress(page) == "2 of 9 done"
    page.reload()
    assert page.get_by_label("Create a training profile.").is_checked()
    assert page.get_by_label("Submit your state application.").is_checked()
    assert page.locator(BOX + ":checked").count() == 2
    assert progress(page) == "2 of 9 done"
    assert page.console_errors == []


def test_ticks_are_kept_per_cycle(page, site_url):
    page.goto(site_url + PARAMEDIC)
    page.get_by_label("Create a training profile.").check()
    page.goto(site_url + AEMT)
    assert page.locator(BOX + ":checked").count() == 0
    assert progress(page) == "0 of 7 done"
    page.locator(BOX).first.check()
    page.goto(site_url + PARAMEDIC)
    assert progress(page) == "1 of 9 done"
    stored = page.evaluate("Object.keys(localStorage).sort()")
    assert stored == ["recert.checklist.v1:2018/paramedic", "recert.checklist.v1:2024/aemt"]


def test_next_thing_to_do_follows_the_ticks(page, site_url):
    page.goto(site_url + PARAMEDIC + "?today=2018-01-10")
    next_line = page.locator("#checklist-next")
    assert next_line.inner_text() == "Next: Step 1, A: Create a training profile."
    page.get_by_label("Create a training profile.").check()
    assert next_line.inner_text() == "Next: Step 1, B: Affiliate with your EMS agency."
    assert next_line.locator("a").get_attribute("href") == "#check-training-profile-affiliate"
    for box in page.locator(BOX).all()[:8]:
        box.check()
    assert "Step 3, C: Submit your state application." in next_line.inner_text()
    assert next_line.locator("time").get_attribute("datetime") == "2018-03-31"
    page.locator(BOX).nth(8).check()
    assert next_line.inner_text() == "Everything on this list is ticked."
    assert progress(page) == "9 of 9 done"


def test_an_ended_cycles_checklist_names_no_next_step_and_no_deadlines(page, site_url):
    page.goto(site_url + PARAMEDIC + "?today=2026-11-30")
    assert page.locator("main").get_attribute("data-cycle-status") == "ended"
    assert page.locator("#checklist-next").inner_text().startswith("This cycle has ended, so nothing on this list is to be done now.")
    assert "Next:" not in page.locator("#checklist-status").inner_text()
    assert warnings(page) == []
    assert page.get_by_text("Tick each step as you finish it").is_hidden()
    assert page.get_by_text("Do not follow it for a renewal now.").is_visible()


def test_passed_deadlines_are_warned_about(page, site_url):
    page.goto(site_url + PARAMEDIC + "?today=2018-04-05")
    found = warnings(page)
    text = "\n".join(found)
    assert "Deadline passed on March 31, 2018 (5 days ago)" in text
    assert "After midnight, if not recertified, you cannot staff an ambulance!" in text
    assert "Not ticked, deadline passed on March 31, 2018 (5 days ago): Step 3, C: Submit your state application." in text
    assert "Late fee may apply: $50 late fee will apply after April 1, 2018." in text
    assert page.locator("#checklist-warnings li.is-passed").count() == len(found)
    # April 30 is 25 days away: not near enough to warn about yet.
    assert "April 30, 2018" not in text
    assert "April 5, 2018" in page.locator("#checklist-today").inner_text()
    # Every date the script writes is machine-readable too.
    times = page.locator("#checklist-status time")
    assert times.count() >= 4
    for i in range(times.count()):
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", times.nth(i).get_attribute("datetime"))

    page.get_by_label("Submit your state application.").check()
    assert "Submit your state application" not in "\n".join(warnings(page))
    for box in page.locator(BOX).all():
        box.check()
    assert warnings(page) == []


def test_the_unclear_late_fee_may_apply_from_the_day_after_the_last_day_without_penalty(page, site_url):
    # The flyer: "$50 late fee will apply after April 1, 2018", but March 31 is the
    # last day without penalty. On April 1 the safe reading says it may apply, never "Not yet".
    page.goto(site_url + PARAMEDIC + "?today=2018-04-01")
    text = "\n".join(warnings(page))
    assert "Deadline passed on March 31, 2018 (yesterday)" in text
    assert "Late fee may apply: $50 late fee will apply after April 1, 2018." in text
    note = page.locator(".late-fees .unclear-note").inner_text()
    assert "The flyer is unclear about when this fee starts" in note and "Check with your Training Officer or OEMS." in note
    violations = run_axe(page)
    assert violations == [], format_violations(violations)
    page.goto(site_url + PARAMEDIC + "?today=2018-03-31")
    assert "Late fee" not in "\n".join(warnings(page))


def test_near_deadlines_are_warned_about_and_early_dates_are_quiet(page, site_url):
    page.goto(site_url + PARAMEDIC + "?today=2018-03-25")
    text = "\n".join(warnings(page))
    assert "Deadline in 6 days, March 31, 2018" in text
    assert "Not ticked, due in 6 days, March 31, 2018: Step 3, C" in text
    assert page.locator(".key-date.is-near").count() == 1
    page.goto(site_url + PARAMEDIC + "?today=2017-11-01")
    assert warnings(page) == []
    assert "(in 106 days)" in page.locator(".key-date[data-date='2018-02-15']").inner_text()
    # The start of the CE window asks nothing of the reader, so it gets no "(passed)".
    assert page.locator(".key-date[data-date='2016-04-01'] .key-date-status").inner_text() == ""
    assert "(passed)" in page.locator(".key-date[data-date='2017-10-01']").inner_text()


def test_a_bad_today_in_the_address_falls_back_to_the_real_date(page, site_url):
    page.goto(site_url + PARAMEDIC + "?today=2018-02-30")
    assert "today's date" in page.locator("#checklist-today").inner_text()
    assert page.console_errors == []


def test_clearing_ticks_asks_first(page, site_url):
    page.goto(site_url + AEMT)
    page.locator(BOX).nth(0).check()
    page.locator(BOX).nth(1).check()
    questions = []

    def answer(dialog, accept):
        questions.append(dialog.message)
        dialog.accept() if accept else dialog.dismiss()

    page.once("dialog", lambda d: answer(d, False))
    page.get_by_role("button", name="Clear all ticks").click()
    assert progress(page) == "2 of 7 done"
    page.once("dialog", lambda d: answer(d, True))
    page.get_by_role("button", name="Clear all ticks").click()
    assert progress(page) == "0 of 7 done"
    assert all("Clear all 2 ticks" in q for q in questions) and len(questions) == 2
    page.reload()
    assert page.locator(BOX + ":checked").count() == 0
    assert page.get_by_role("button", name="Clear all ticks").is_disabled()


def test_checklist_has_no_axe_violations_empty_and_ticked(page, site_url):
    for rel in (PARAMEDIC + "?today=2018-04-05", AEMT + "?today=2024-03-25"):
        page.goto(site_url + rel)
        violations = run_axe(page)
        assert violations == [], f"{rel} empty: {format_violations(violations)}"
        page.locator(BOX).nth(0).check()
        page.locator(BOX).nth(2).check()
        assert len(warnings(page)) >= 1
        violations = run_axe(page)
        assert violations == [], f"{rel} ticked: {format_violations(violations)}"


def test_checklist_works_as_a_plain_list_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + PARAMEDIC)
        assert page.locator("h1").count() == 1
        assert page.locator(BOX).count() == 9
        assert not page.locator(".checklist-status").is_visible()
        assert not page.get_by_role("button", name="Clear all ticks").is_visible()
        # A tap on the words ticks the box: each box has a real label.
        page.get_by_text("Pay for training profile & send to Training Officer.").click()
        assert page.get_by_label("Pay for training profile & send to Training Officer.").is_checked()
        assert "Deadline: March 31, 2018" in page.locator("#checklist").inner_text()
        assert page.get_by_role("link", name="Add the dates to your calendar (.ics)").is_visible()
    finally:
        context.close()


def test_checklist_fits_a_phone_screen(browser, site_url):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    try:
        page = context.new_page()
        page.goto(site_url + AEMT + "?today=2024-03-25")
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"page is {overflow}px wider than a 360px phone screen"
    finally:
        context.close()
