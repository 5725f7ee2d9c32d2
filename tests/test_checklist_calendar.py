"""Checklist pages, calendar files and the sitemap, as built from the real content."""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from icalendar import Calendar
from icalendar.parser import Contentline

from generator.pipeline import build, load_site
from tests.conftest import FIXTURE_CONTENT
from tests.pagetext import read_page

CYCLES = ["2018/paramedic", "2024/aemt"]


@pytest.fixture(scope="module")
def site():
    return load_site(FIXTURE_CONTENT)[0]


class _Form(HTMLParser):
    """Checkboxes, their labels and the ids the checkboxes point at."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.boxes: list[dict] = []
        self.label_for: dict[str, str] = {}
        self.ids: set[str] = set()
        self._label: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "input" and attrs.get("type") == "checkbox":
            self.boxes.append(attrs)
        if tag == "label":
            self._label, self._text = attrs.get("for"), []

    def handle_endtag(self, tag):
        if tag == "label" and self._label:
            self.label_for[self._label] = re.sub(r"\s+", " ", "".join(self._text)).strip()
            self._label = None

    def handle_data(self, data):
        if self._label:
            self._text.append(data)


def read_form(path: Path) -> _Form:
    form = _Form()
    form.feed(path.read_text(encoding="utf-8"))
    return form


def checklist_html(built_site: Path, cycle_id: str) -> str:
    return (built_site / cycle_id / "checklist" / "index.html").read_text(encoding="utf-8")


# ---- checklist page -------------------------------------------------------


@pytest.mark.parametrize("cycle_id", CYCLES)
def test_every_substep_is_a_labelled_checkbox(built_site, site, cycle_id):
    cycle = site.cycle(cycle_id)
    form = read_form(built_site / cycle_id / "checklist" / "index.html")
    substeps = [(step, sub) for step in cycle.data["steps"] for sub in step["substeps"]]
    assert len(form.boxes) == len(substeps) >= 7
    for box, (step, sub) in zip(form.boxes, substeps):
        assert box["name"] == f"{step['id']}/{sub['id']}"
        label = form.label_for.get(box["id"], "")
        assert label.startswith(f"{sub['label']}."), (box["id"], label)
        assert sub["title"].split()[0] in label


def test_2018_paramedic_checklist_shows_fees_deadline_and_steps(built_site):
    page = read_page(built_site / "2018/paramedic/checklist/index.html")
    for step in ("Step 1: Training profile", "Step 2: Profile review", "Step 3: State application"):
        assert step in page.text
    # Both training-profile fees and the state fee, each next to its sub-step.
    assert "$25 – MA-only Paramedics" in page.text
    assert "$20 – MA/NREMT Paramedics" in page.text
    assert "$125 – State recertification fee" in page.text
    assert "Deadline: March 31, 2018" in page.text
    assert {"2018-03-31", "2018-04-30", "2016-04-01", "2017-10-01", "2018-02-15"} <= page.times
    assert "$50 late fee will apply after April 1, 2018." in page.text
    assert "NREMT Paramedics only" in page.text  # the step's note


def test_fee_and_deadline_describe_their_checkbox(built_site):
    form = read_form(built_site / "2024/aemt/checklist/index.html")
    described = {box["name"]: box.get("aria-describedby") for box in form.boxes}
    assert described["state-application/submit-application"] in form.ids
    assert described["state-application/pay-state-fee"] in form.ids
    assert described["training-profile/log-in-nremt"] is None  # nothing to describe
    html = checklist_html(built_site, "2024/aemt")
    details = re.search(r'id="check-state-application-submit-application-details">(.*?)</div>', html, re.S).group(1)
    assert '<time datetime="2024-03-31">March 31, 2024</time>' in details


def test_2024_checklist_carries_the_flyers_key_warning_from_the_step_notes(built_site):
    page = read_page(built_site / "2024/aemt/checklist/index.html")
    assert "YOUR ADVANCED EMT CERTIFICATION IS NOT RENEWED UNTIL BOTH STEPS A AND B ARE COMPLETE!" in page.text
    assert "After midnight, if you have not recertified, you cannot staff an ambulance!" in page.text


def test_step_notes_come_from_content_not_the_template(content_copy, tmp_path):
    aemt = content_copy / "2024" / "aemt.yaml"
    text = aemt.read_text(encoding="utf-8")
    text = text.replace("ARE COMPLETE!**", "ARE DONE!**")
    aemt.write_text(text, encoding="utf-8")
    build(content_copy, tmp_path / "out")
    page = read_page(tmp_path / "out/2024/aemt/checklist/index.html")
    assert "NOT RENEWED UNTIL BOTH STEPS A AND B ARE DONE!" in page.text
    assert "ARE COMPLETE!" not in page.text


@pytest.mark.parametrize("cycle_id", CYCLES)
def test_checklist_links_guidance_calendar_and_shows_last_verified(built_site, cycle_id):
    page = read_page(built_site / cycle_id / "checklist" / "index.html")
    assert "../index.html" in page.hrefs
    assert "../timeline.ics" in page.hrefs
    assert "Add the dates to your calendar (.ics)" in page.text
    assert "last verified against them on November 21, 2026" in page.text
    assert "2026-11-21" in page.times
    assert page.tags.count("h1") == 1
    html = checklist_html(built_site, cycle_id)
    assert f'data-storage-key="recert.checklist.v1:{cycle_id}"' in html


@pytest.mark.parametrize("cycle_id", CYCLES)
def test_guidance_page_links_checklist_and_calendar(built_site, cycle_id):
    page = read_page(built_site / cycle_id / "index.html")
    assert "checklist/index.html" in page.hrefs
    assert "timeline.ics" in page.hrefs
    assert "Self-check checklist" in page.text
    assert "Add the dates to your calendar (.ics)" in page.text


def test_home_page_shows_when_each_current_cycle_was_last_verified(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    for cycle_link in ("2024 Paramedic recertification", "2024 Advanced EMT recertification"):
        after = html[html.index(cycle_link):]
        block = after[: after.index("</p>")]
        assert 'Last verified <time datetime="2026-11-21">November 21, 2026</time>' in block


# ---- calendar -------------------------------------------------------------


def read_calendar(path: Path) -> Calendar:
    return Calendar.from_ical(path.read_bytes())


@pytest.mark.parametrize("cycle_id", CYCLES)
def test_every_dated_milestone_is_an_all_day_event_with_a_week_ahead_alarm(built_site, site, cycle_id):
    cycle = site.cycle(cycle_id)
    calendar = read_calendar(built_site / cycle_id / "timeline.ics")
    events = list(calendar.walk("VEVENT"))
    dated = [m for m in cycle.data["timeline"]["milestones"] if m["date"] != "varies"]
    assert len(events) == len(dated) >= 4
    for event, milestone in zip(events, dated):
        start = event.decoded("dtstart")
        assert type(start) is dt.date and start == milestone["date"]
        assert event.decoded("dtend") == milestone["date"] + dt.timedelta(days=1)
        assert "{date:" not in str(event["summary"])
        alarms = list(event.walk("VALARM"))
        assert len(alarms) == 1
        assert str(alarms[0]["action"]) == "DISPLAY"
        assert alarms[0].decoded("trigger") == -dt.timedelta(days=7)
    uids = [str(e["uid"]) for e in events]
    assert len(set(uids)) == len(uids)


def test_calendar_text_is_plain_with_dates_spelled_out(built_site):
    calendar = read_calendar(built_site / "2018/paramedic/timeline.ics")
    by_day = {e.decoded("dtstart"): e for e in calendar.walk("VEVENT")}
    recommended = str(by_day[dt.date(2018, 2, 15)]["summary"])
    assert "receive your new card by April 1, 2018." in recommended
    assert "<time" not in recommended
    last = by_day[dt.date(2018, 3, 31)]
    assert "cannot staff an ambulance" in str(last["description"])
    assert str(last["uid"]) == "2018-paramedic-2018-03-31-3@ma-ems-recert"


def test_calendar_name_is_escaped_as_rfc_5545_text(built_site):
    data = (built_site / "2018/paramedic/timeline.ics").read_bytes()
    name = next(line for line in data.split(b"\r\n") if line.startswith(b"X-WR-CALNAME:"))
    assert name == b"X-WR-CALNAME:Massachusetts Paramedic recertification\\, 2018"  # a bare comma separates values
    assert Contentline(name.decode()).parts()[2] == "Massachusetts Paramedic recertification, 2018"  # read back


def test_varies_milestone_is_skipped(built_site):
    calendar = read_calendar(built_site / "2024/aemt/timeline.ics")
    summaries = [str(e["summary"]) for e in calendar.walk("VEVENT")]
    assert not any("Check your NREMT.org dashboard" in s for s in summaries)
    assert len(summaries) == 4


def test_calendar_bytes_are_stable_and_stamped_from_last_verified(content_copy, tmp_path):
    out = tmp_path / "out"
    build(content_copy, out)
    first = (out / "2018/paramedic/timeline.ics").read_bytes()
    assert b"DTSTAMP:20261121T000000Z" in first
    again = build(content_copy, out)
    assert "2018/paramedic/timeline.ics" not in again.stats.written
    assert (out / "2018/paramedic/timeline.ics").read_bytes() == first

    paramedic = content_copy / "2018" / "paramedic.yaml"
    paramedic.write_text(paramedic.read_text(encoding="utf-8").replace("last_verified: 2026-11-21", "last_verified: 2026-12-01"), encoding="utf-8")
    changed = build(content_copy, out)
    assert "2018/paramedic/timeline.ics" in changed.stats.written
    assert b"DTSTAMP:20261201T000000Z" in (out / "2018/paramedic/timeline.ics").read_bytes()


def test_calendar_file_is_served_as_text_calendar(site_url_plain):
    import urllib.request

    with urllib.request.urlopen(site_url_plain + "2024/aemt/timeline.ics") as response:
        assert response.headers["Content-Type"].startswith("text/calendar")
        assert response.read().startswith(b"BEGIN:VCALENDAR\r\n")


@pytest.fixture
def site_url_plain(built_site):
    from generator.preview.server import start_in_thread

    server, url = start_in_thread(built_site)
    yield url
    server.shutdown()


# ---- sitemap --------------------------------------------------------------


def test_no_sitemap_without_base_url(built_site):
    assert not (built_site / "sitemap.xml").exists()


def test_sitemap_lists_every_page_with_absolute_urls(content_copy, tmp_path):
    site_yaml = content_copy / "site.yaml"
    site_yaml.write_text(site_yaml.read_text(encoding="utf-8") + "base_url: https://example.org/recert\n", encoding="utf-8")
    out = tmp_path / "out"
    result = build(content_copy, out)
    import xml.etree.ElementTree as ET

    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ET.parse(out / "sitemap.xml").getroot()
    locs = [loc.text for loc in root.findall("s:url/s:loc", ns)]
    pages = sorted(p for p in result.files if p.endswith(".html"))
    assert len(locs) == len(pages) >= 5
    expected = {"https://example.org/recert/" + p.removesuffix("index.html") for p in pages}
    assert set(locs) == expected
    assert "https://example.org/recert/" in locs
    assert "https://example.org/recert/2018/paramedic/checklist/" in locs
    assert not any(loc.endswith((".ics", ".json", ".css", ".js")) for loc in locs)


def test_base_url_must_be_a_web_address(content_copy):
    from generator.loading.diagnostics import ContentError

    site_yaml = content_copy / "site.yaml"
    site_yaml.write_text(site_yaml.read_text(encoding="utf-8") + "base_url: example.org\n", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_site(content_copy)
    message = "\n".join(str(d) for d in caught.value.report.errors)
    assert "base_url" in message and "http" in message and "site.yaml" in message
