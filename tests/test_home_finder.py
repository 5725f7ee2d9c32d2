""""Find your cycle" without JavaScript: the home page lists every cycle by level
and the card expiration date it renews, and says what to do for any other."""

from __future__ import annotations

import re

from tests.pagetext import read_page


def test_home_lists_each_cycle_with_the_card_date_it_renews(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    items = re.findall(r'<li class="cycle" data-level="(\w+)" data-expires="([\d-]+)" data-href="([^"]+)"', html)
    assert ("paramedic", "2018-03-31", "2018/paramedic/index.html") in items
    assert ("aemt", "2024-03-31", "2024/aemt/index.html") in items
    text = read_page(built_site / "index.html", visible_only=True).text
    assert "2018 Paramedic recertification Ended April 30, 2018 For certifications expiring March 31, 2018." in text


def test_home_says_what_to_do_when_the_cycle_is_not_on_the_site(built_site):
    page = read_page(built_site / "index.html", visible_only=True)
    assert ("If your level or your card’s expiration date is not listed below, this site does not have your "
            "cycle yet. Do not follow another year’s rules from this site. Check with OEMS") in page.text
    assert "https://www.mass.gov/how-to/renew-your-emt-advanced-emt-or-paramedic-certification" in page.hrefs
    assert "Find my cycle" not in page.text  # the form needs JavaScript and stays hidden without it
