"""Every fact of each official flyer is on its cycle's page.

Two directions: facts pulled from the flyer's own text (phones, e-mails, dollar
amounts, dates, hour figures, web addresses) must be on the page of the cycle
whose content file names that flyer; and every typed fact of the content file
(fees, deadlines, milestones, hours, contacts) must be on that page.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest

from generator.pipeline import load_site
from generator.text.prose import money, plain_text
from tests.conftest import CONTENT, SEEDS
from tests.pagetext import read_page

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august",
     "september", "october", "november", "december"], start=1)}

# Text-extraction artefacts documented in seeds/README.md, undone before reading.
ARTEFACTS = [("$1253.", "$125 3."), ("canbe", "can be"), ("FO R", "FOR")]


def seed_text(name: str) -> str:
    path = SEEDS / name
    if not path.exists():
        pytest.skip(f"seed {name} not found next to the repository ({SEEDS})")
    text = path.read_text(encoding="utf-8")
    for wrong, right in ARTEFACTS:
        text = text.replace(wrong, right)
    return text


def seed_dates(text: str) -> set[str]:
    found: set[str] = set()
    for m, d, y in re.findall(r"\b(\d{1,2})/(\d{1,2})/(\d{2,4})\b", text):
        year = int(y) + 2000 if len(y) == 2 else int(y)
        found.add(dt.date(year, int(m), int(d)).isoformat())
    for month, day, year in re.findall(r"\b([A-Za-z]+) (\d{1,2}),? (\d{4})\b", text):
        if month.lower() in MONTHS:
            found.add(dt.date(int(year), MONTHS[month.lower()], int(day)).isoformat())
    return found


def seed_hours(text: str) -> set[Decimal]:
    pattern = r"\b(\d+(?:\.\d+)?) ?(?:h\b|hours?\b|Total Hours)"
    return {Decimal(n) for n in re.findall(pattern, text, flags=re.IGNORECASE)}


def seed_addresses(text: str) -> set[str]:
    hosts = re.findall(r"(?:https?://)?((?:[\w-]+\.)+(?:org|gov|us|com)(?:/[\w/]+)?)", text, flags=re.IGNORECASE)
    return {h.lower().removeprefix("www.").rstrip("/") for h in hosts if "@" not in h}


@pytest.fixture(scope="module")
def site():
    return load_site(CONTENT)[0]


def cycles_with_seeds(site):
    for cycle in site.cycles:
        for source in cycle.data["sources"]:
            if source.get("seed"):
                yield cycle, source["seed"]


def test_both_seed_flyers_have_a_cycle(site):
    seeds = sorted(seed for _, seed in cycles_with_seeds(site))
    assert seeds == ["000_47e75b50fe8a7a38.txt", "001_4acf593c88742f58.txt"]


@pytest.mark.parametrize("seed", ["000_47e75b50fe8a7a38.txt", "001_4acf593c88742f58.txt"])
def test_flyer_facts_are_on_the_page(site, built_site, seed):
    cycle = next(c for c, s in cycles_with_seeds(site) if s == seed)
    text = seed_text(seed)
    page = read_page(built_site / cycle.path / "index.html")
    lowered = page.text.lower() + " " + " ".join(page.hrefs).lower()

    for phone in set(re.findall(r"\b\d{3}-\d{3}-\d{4}\b", text)):
        assert phone in page.text, f"phone {phone}"
    for email in set(re.findall(r"[\w.]+@[\w.]+\.(?:us|gov|org)", text)):
        assert email in page.text, f"e-mail {email}"
    for amount in set(re.findall(r"\$(\d+)", text)):
        assert f"${amount}" in page.text, f"amount ${amount}"
    for iso in seed_dates(text):
        assert iso in page.times, f"date {iso} is not in a <time> element"
    for hours in seed_hours(text):
        assert re.search(rf"\b{hours} hours\b", page.text, re.IGNORECASE), f"{hours} hours"
    for address in seed_addresses(text):
        assert address in lowered, f"web address {address}"
    for words in ("2 to 5 business days", "10 business days", "at least 5 years"):
        if words in text:
            assert words in page.text


def test_typed_content_facts_are_on_the_page(site, built_site):
    for cycle in site.cycles:
        page = read_page(built_site / cycle.path / "index.html")
        data = cycle.data
        assert data["certification"]["expires"].isoformat() in page.times
        for step in data["steps"]:
            assert f"{step['label']}: {step['title']}" in page.text
            for sub in step["substeps"]:
                for fee in sub["fees"]:
                    assert money(fee["amount"]) in page.text
                    if fee.get("who"):
                        assert fee["who"] in page.text
                if sub["deadline"]:
                    assert sub["deadline"].isoformat() in page.times
        for milestone in data["timeline"]["milestones"]:
            if milestone["date"] != "varies":
                assert milestone["date"].isoformat() in page.times
            assert plain_text(milestone["caption"]).split("{")[0][:40] in page.text.replace("\u2019", "'")
            if milestone["warning"]:
                assert milestone["warning"] in page.text
        for fee in data["timeline"]["late_fees"]:
            assert fee["applies_after"].isoformat() in page.times
            assert money(fee["amount"]) in page.text
        for component in data["ce"]["components"]:
            assert f"{component['name']}: {component['hours']} hours" in page.text
            limit = "No limit" if component["de_limit"] is None else f"{component['de_limit']} hours at most"
            assert limit in page.text
        for contact in data["contacts"]:
            for key in ("phone", "email", "url"):
                if contact.get(key):
                    assert contact[key] in page.text
        assert data["last_verified"].isoformat() in page.times
        for source in data["sources"]:
            assert source["title"] in page.text


def test_every_date_on_a_page_is_machine_readable(built_site):
    month_day = re.compile(r"\b(January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}")
    for path in built_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        outside = re.sub(r"<time[^>]*>.*?</time>", "", html)
        assert not month_day.search(outside), f"{path}: {month_day.search(outside).group(0)} is not in <time>"
