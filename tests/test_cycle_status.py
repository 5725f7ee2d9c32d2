"""Every page knows whether its cycle is open: status from the timeline's dates
as of the build date (`build --today`), never from which file is newest."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from generator.__main__ import main
from generator.model.status import StatusDates, status_dates, status_on
from generator.pipeline import build, load_site
from tests.conftest import FIXTURE_CONTENT, PUBLISHED_CONTENT
from tests.pagetext import read_page

D = dt.date
DAY = dt.timedelta(days=1)
FULL = StatusDates(opens=D(2023, 10, 1), recommended=D(2024, 2, 15), last_day=D(2024, 4, 30), last_day_caption=None)


@pytest.mark.parametrize(
    "today, expected",
    [
        (D(2022, 1, 1), "upcoming"),
        (D(2023, 9, 30), "upcoming"),
        (D(2023, 10, 1), "open"),  # the day it opens
        (D(2024, 2, 15), "open"),  # the recommended day itself
        (D(2024, 2, 16), "closing"),
        (D(2024, 4, 30), "closing"),  # the last day itself
        (D(2024, 5, 1), "ended"),
        (D(2026, 11, 30), "ended"),
    ],
)
def test_status_before_during_and_after_a_cycle(today, expected):
    assert status_on(FULL, today) == expected


def test_without_opens_or_recommended_marks_a_cycle_is_open_until_its_last_day():
    bare = StatusDates(opens=None, recommended=None, last_day=D(2024, 4, 30), last_day_caption=None)
    assert status_on(bare, D(2000, 1, 1)) == "open"
    assert status_on(bare, D(2024, 4, 30)) == "open"
    assert status_on(bare, D(2024, 5, 1)) == "ended"


def timeline(*milestones, window_last_day=D(2024, 3, 31)):
    return {
        "timeline": {"milestones": [{"date": d, "marks": marks, "caption": f"caption {i}"} for i, (d, marks) in enumerate(milestones)]},
        "ce": {"window": {"last_day": window_last_day}},
    }


def test_last_day_falls_back_to_the_last_day_without_penalty_then_the_ce_window():
    with_penalty = timeline(("varies", ["ce_start"]), (D(2024, 3, 15), ["last_day_without_penalty"]))
    assert status_dates(with_penalty).last_day == D(2024, 3, 15)
    assert status_dates(with_penalty).last_day_caption == "caption 1"
    only_window = timeline((D(2023, 10, 1), ["opens"]))
    dates = status_dates(only_window)
    assert (dates.opens, dates.recommended, dates.last_day, dates.last_day_caption) == (D(2023, 10, 1), None, D(2024, 3, 31), None)


def test_every_published_cycle_is_upcoming_before_it_opens_and_ended_after_its_last_day():
    site, _ = load_site(PUBLISHED_CONTENT, today=D(2026, 11, 30))
    for cycle in site.cycles:
        dates = cycle.dates
        assert status_on(dates, dates.last_day + DAY) == "ended", cycle.id
        assert status_on(dates, dates.last_day) != "ended", cycle.id
        if dates.opens:
            assert status_on(dates, dates.opens - DAY) == "upcoming", cycle.id
            assert status_on(dates, dates.opens) == "open", cycle.id


# ---- pages built as of a fixed day --------------------------------------------

@pytest.fixture(scope="module")
def in_2024(tmp_path_factory):
    """The fixture site built on January 10, 2024: the 2024 Paramedic and Advanced
    EMT cycles are open, the 2018 and 2022 Paramedic cycles have ended."""
    out = tmp_path_factory.mktemp("status-site")
    build(FIXTURE_CONTENT, out, today=D(2024, 1, 10))
    return out


def main_status(path):
    return re.search(r'<main [^>]*data-cycle-status="(\w+)"', path.read_text(encoding="utf-8")).group(1)


CYCLE_PAGES = ("index.html", "checklist/index.html", "calculator/index.html")


@pytest.mark.parametrize("page", CYCLE_PAGES)
def test_each_cycle_page_carries_its_status_as_data(in_2024, page):
    assert main_status(in_2024 / "2024/paramedic" / page) == "open"
    assert main_status(in_2024 / "2022/paramedic" / page) == "ended"
    assert main_status(in_2024 / "2018/paramedic" / page) == "ended"


@pytest.mark.parametrize("page", CYCLE_PAGES)
def test_an_ended_cycles_pages_say_so_at_the_top_with_the_official_links(in_2024, page):
    path = in_2024 / "2022/paramedic" / page
    text = read_page(path, visible_only=True).text
    h1 = text.index("recertification, 2022")
    notice = text[h1: h1 + 900]
    assert "This cycle has ended" in notice
    assert "It ended on April 30, 2022" in notice
    assert "kept as a record" in notice
    assert "check with OEMS" in notice
    hrefs = read_page(path, visible_only=True).hrefs
    assert "https://www.mass.gov/how-to/renew-your-emt-advanced-emt-or-paramedic-certification" in hrefs
    assert "https://www.mass.gov/dph/oems" in hrefs
    assert "Status as of January 10, 2024, the day this page was built." in text
    assert "is open" not in text and "current cycle" not in text.lower()


def test_an_open_cycles_pages_say_it_is_open_and_give_its_last_day(in_2024):
    text = read_page(in_2024 / "2024/paramedic/index.html", visible_only=True).text
    assert "This cycle is open" in text
    assert "Last day: April 30, 2024 (Last day to have all renewal steps complete.)" in text
    assert "This cycle has ended" not in text


def test_an_ended_checklist_and_calculator_do_not_ask_the_person_to_start(in_2024):
    checklist = read_page(in_2024 / "2022/paramedic/checklist/index.html", visible_only=True).text
    assert "Tick each step as you finish it" not in checklist
    assert "kept as a record. Do not follow it for a renewal now." in checklist
    open_checklist = read_page(in_2024 / "2024/paramedic/checklist/index.html", visible_only=True).text
    assert "Tick each step as you finish it" in open_checklist
    calculator = read_page(in_2024 / "2022/paramedic/calculator/index.html", visible_only=True).text
    assert "This cycle has ended: these are the 2022 rules, kept as a record." in calculator


def test_home_page_states_each_cycles_status_and_never_calls_an_ended_one_current(in_2024):
    text = read_page(in_2024 / "index.html", visible_only=True).text
    assert "Status as of January 10, 2024, the day this page was built." in text
    assert "2024 Paramedic recertification Open" in text
    assert "2022 Paramedic recertification Ended April 30, 2022" in text
    assert "2024 Advanced EMT recertification Closing (last day April 30, 2024)" not in text  # not yet past Feb 15
    assert "2024 Advanced EMT recertification Open" in text
    assert "current" not in text.lower().replace("current requirements", "")


def test_compare_page_heads_each_column_with_its_status(in_2024):
    html = (in_2024 / "compare/index.html").read_text(encoding="utf-8")
    heads = dict(re.findall(r'<td data-cycle="([\w/]+)" data-cycle-status="(\w+)"', html))
    assert heads == {"2018/paramedic": "ended", "2022/paramedic": "ended", "2024/paramedic": "open", "2024/aemt": "open"}


def test_the_same_content_built_on_another_day_gives_another_status(tmp_path):
    out = tmp_path / "out"
    build(FIXTURE_CONTENT, out, today=D(2018, 3, 1))
    assert main_status(out / "2018/paramedic/index.html") == "closing"
    assert main_status(out / "2024/aemt/index.html") == "upcoming"
    text = read_page(out / "2024/aemt/index.html", visible_only=True).text
    assert "Not open yet" in text and "It opens on October 1, 2023." in text


def test_build_today_must_be_a_real_date(capsys, tmp_path):
    with pytest.raises(SystemExit) as stop:
        main(["build", "--content", str(FIXTURE_CONTENT), "--out", str(tmp_path / "out"), "--today", "2026-02-30"])
    assert stop.value.code == 2
    assert "--today: expected a real date written YYYY-MM-DD, got '2026-02-30'" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
