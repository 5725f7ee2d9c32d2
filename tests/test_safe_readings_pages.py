"""The safe readings and their sources, as the pages show them: every unclear
rule says it is unclear and whom to ask, and every requirement names its source."""

from __future__ import annotations

import json

from tests.pagetext import read_page


def test_deadline_labels_come_from_the_content_not_a_fixed_wording(built_site):
    aemt = read_page(built_site / "2024/aemt/index.html").text
    assert "LAST DAY to receive Training Officer and/or MD sign off approval on NREMT.org (Step A) April 30, 2024" in aemt
    assert "Last day of all" not in aemt
    paramedic = read_page(built_site / "2018/paramedic/index.html").text
    assert "Last day to have all renewal steps complete April 30, 2018" in paramedic


def test_step_a_submission_has_the_march_31_deadline(built_site):
    html = (built_site / "2024/aemt/checklist/index.html").read_text(encoding="utf-8")
    item = html[html.index('id="check-training-profile-submit-profile"') - 400:]
    assert 'data-deadline="2024-03-31"' in item[:400]


def test_the_unclear_late_fee_says_so_and_whom_to_ask(built_site):
    for page in ("2018/paramedic/index.html", "2018/paramedic/checklist/index.html"):
        text = read_page(built_site / page).text
        assert "Unclear: The flyer is unclear about when this fee starts" in text
        assert "Read safely, the fee may apply from April 1, 2018. Check with your Training Officer or OEMS." in text
    checklist = (built_site / "2018/paramedic/checklist/index.html").read_text(encoding="utf-8")
    assert 'data-applies-after="2018-03-31" data-unclear="true"' in checklist


def test_local_in_person_only_says_what_live_virtual_means_and_whom_to_ask(built_site):
    text = read_page(built_site / "2018/paramedic/index.html").text
    assert "Live virtual courses (taught live online, approval codes F5 or T5) are not distributive" in text
    assert "ask your Training Officer or OEMS before you rely on one" in text
    assert "Approval codes that mean live virtual (taught live online, not in person): F5, T5." in text


def test_every_requirement_names_its_source_with_its_address(built_site):
    page = read_page(built_site / "2018/paramedic/index.html")
    text = page.text
    assert text.count("Source: OEMS flyer: Massachusetts Paramedic recertification 2018 (two pages)") >= 8
    # A fact inferred from another source names that source, and the list gives its address.
    assert "Source: CE provider page: CAPCE delivery codes F1-F5 explained" in text
    assert "#source-capce-codes" in page.hrefs and "https://emt-ce.com/info/f1-f5-explained" in page.hrefs
    aemt = read_page(built_site / "2024/aemt/index.html")
    assert "Source: Mass.gov: Renew your EMT, Advanced EMT, or Paramedic certification" in aemt.text
    assert "https://www.mass.gov/how-to/renew-your-emt-advanced-emt-or-paramedic-certification" in aemt.hrefs


def test_rules_json_carries_the_safe_readings_as_data(built_site):
    rules = json.loads((built_site / "2018/paramedic/rules.json").read_text(encoding="utf-8"))
    local = next(c for c in rules["ce"]["components"] if c["id"] == "local")
    assert local["deliveries"] == ["in_person"] and "Training Officer" in local["delivery_text"]
    assert rules["ce"]["approval"]["live_virtual_codes"] == ["F5", "T5"]
    assert rules["ce"]["approval"]["live_virtual_source"] == "capce-codes"
    assert {"n/a", "none", "pending", "-"} <= set(rules["ce"]["approval"]["placeholders"])
    fee = rules["deadlines"]["late_fees"][0]
    assert (fee["applies_after"], fee["may_apply_after"]) == ("2018-04-01", "2018-03-31")
    assert [item["source"] for item in rules["ce"]["not_checked"]] == ["flyer"] * 4
    aemt = json.loads((built_site / "2024/aemt/rules.json").read_text(encoding="utf-8"))
    assert aemt["ce"]["window"]["last_recertified"] == {"earliest": "2020-03-31", "latest": "2023-09-30"}
    assert aemt["deadlines"]["labels"]["last_day"].startswith("LAST DAY to receive Training Officer")
