"""Which source says so, on the checklist and compare pages (fixture content):
every requirement names its source by title, and the name leads to the
source's address."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from generator.commands.build import build
from generator.pipeline import load_site
from tests.conftest import BUILD_DAY, FIXTURE_CONTENT

# What a list of sources says of a flyer the content names only by its file.
NO_WEB_ADDRESS = "no web address listed; ask your Training Officer or OEMS for a copy"

CYCLES = ("2018/paramedic", "2024/aemt")
VOID = {"br", "img", "input", "meta", "link", "hr", "wbr", "source", "col", "area", "base", "embed", "track"}
CAPCE_URL = "https://emt-ce.com/info/f1-f5-explained"
MASSGOV_URL = "https://www.mass.gov/how-to/renew-your-emt-advanced-emt-or-paramedic-certification"


@dataclass
class Note:
    title: str
    href: str
    within: list[dict]  # the elements around the note, outermost first: their attributes, with "tag"


@dataclass
class Element:
    text: str = ""
    links: list[str] = field(default_factory=list)


class _Reader(HTMLParser):
    """Every "Source:" note of a page, with where it stands; and every element by id."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.notes: list[Note] = []
        self.by_id: dict[str, Element] = {}
        self.stack: list[tuple[dict, Element | None]] = []
        self.note: Note | None = None
        self.in_link = False

    def handle_starttag(self, tag, attrs):
        values = dict(attrs, tag=tag)
        if tag == "a" and values.get("href"):
            for _, element in self.stack:
                if element:
                    element.links.append(values["href"])
        if "source-note" in (values.get("class") or "").split():
            self.note = Note("", "", [v for v, _ in self.stack])
        elif tag == "a" and self.note is not None:
            self.note.href, self.in_link = values.get("href") or "", True
        element = Element() if values.get("id") else None
        if element:
            self.by_id[values["id"]] = element
        if tag not in VOID:
            self.stack.append((values, element))

    def handle_endtag(self, tag):
        if tag == "a":
            self.in_link = False
        while self.stack:
            values, _ = self.stack.pop()
            if self.note is not None and "source-note" in (values.get("class") or "").split():
                self.notes.append(self.note)
                self.note = None
            if values["tag"] == tag:
                break

    def handle_data(self, data):
        for _, element in self.stack:
            if element:
                element.text += data
        if self.note is not None and self.in_link:
            self.note.title += data


def read_notes(path: Path) -> _Reader:
    reader = _Reader()
    reader.feed(path.read_text(encoding="utf-8"))
    return reader


def inside(note: Note, **attrs: str) -> dict | None:
    """The innermost element around the note with these attribute values (class: one of its classes)."""
    for element in reversed(note.within):
        if all(value in (element.get(k) or "").split() if k == "class" else element.get(k) == value for k, value in attrs.items()):
            return element
    return None


def follow(site_root: Path, page: str, href: str) -> Element:
    """The element a note's link leads to, on whichever page it points at."""
    target = urlsplit(urljoin(f"http://site/{page}", href))
    found = read_notes(site_root / target.path.lstrip("/")).by_id.get(target.fragment)
    assert found is not None, f"{href} from {page} leads nowhere"
    return found


def assert_leads_to_the_source(site_root: Path, page: str, note: Note, source: dict) -> None:
    assert note.title == source["title"]
    listed = follow(site_root, page, note.href)
    assert source["title"] in listed.text
    if source.get("url"):
        assert source["url"] in listed.links, f"{note.href} does not give {source['url']}"
    else:  # a flyer named only by its file: how to get a copy, never the file's name
        assert NO_WEB_ADDRESS in listed.text and source["file"] not in listed.text


@pytest.fixture(scope="module")
def site():
    return load_site(FIXTURE_CONTENT)[0]


def source(cycle, source_id: str) -> dict:
    return next(s for s in cycle.data["sources"] if s["id"] == source_id)


# ---- the checklist ---------------------------------------------------------


@pytest.mark.parametrize("cycle_id", CYCLES)
def test_each_checklist_step_date_and_late_fee_names_its_source(built_site, site, cycle_id):
    cycle = site.cycle(cycle_id)
    page = f"{cycle_id}/checklist/index.html"
    notes = read_notes(built_site / page).notes
    for step in cycle.data["steps"]:
        # the step's own note, after its boxes (step notes carry theirs inside a .note)
        own = [n for n in notes if inside(n, id=f"step-{step['id']}") and inside(n, **{"class": "check-source"})]
        assert len(own) == 1, step["id"]
        assert_leads_to_the_source(built_site, page, own[0], source(cycle, cycle.source_of(step)))
    dates = [n for n in notes if inside(n, **{"class": "key-date"})]
    assert len(dates) == len(cycle.data["timeline"]["milestones"])
    fees = [n for n in notes if inside(n, **{"class": "late-fees"})]
    assert len(fees) == len(cycle.data["timeline"]["late_fees"]) >= 1
    for note in notes:
        assert note.href.startswith("#source-"), "a checklist's notes lead to its own list, which prints"


def test_a_step_or_date_from_another_source_names_that_source(content_copy, tmp_path):
    paramedic = content_copy / "2018" / "paramedic.yaml"
    text = paramedic.read_text(encoding="utf-8")
    text = text.replace("  - id: profile-review\n", "  - id: profile-review\n    source: capce-codes\n", 1)
    text = text.replace("    - date: 2017-10-01\n", "    - date: 2017-10-01\n      source: capce-codes\n", 1)
    paramedic.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    build(content_copy, out, today=BUILD_DAY)
    capce = {"title": "CE provider page: CAPCE delivery codes F1-F5 explained", "url": CAPCE_URL}
    flyer = {"title": "OEMS flyer: Massachusetts Paramedic recertification 2018 (two pages)",
             "file": "000_47e75b50fe8a7a38.txt"}
    page = "2018/paramedic/checklist/index.html"
    notes = read_notes(out / page).notes

    def named(**attrs) -> list[Note]:
        return [n for n in notes if inside(n, **attrs)]

    (review,) = [n for n in named(id="step-profile-review") if inside(n, **{"class": "check-source"})]
    assert_leads_to_the_source(out, page, review, capce)
    (profile,) = [n for n in named(id="step-training-profile") if inside(n, **{"class": "check-source"})]
    assert_leads_to_the_source(out, page, profile, flyer)
    by_date = {inside(n, **{"class": "key-date"}).get("data-date"): n for n in named(**{"class": "key-date"})}
    assert_leads_to_the_source(out, page, by_date["2017-10-01"], capce)
    assert_leads_to_the_source(out, page, by_date["2018-03-31"], flyer)
    # the guidance page names the same source for the same step
    guidance = read_notes(out / "2018/paramedic/index.html").notes
    (on_guidance,) = [n for n in guidance if inside(n, id="step-profile-review") and not inside(n, **{"class": "note"})]
    assert on_guidance.title == capce["title"]


# ---- the compare page ------------------------------------------------------


def test_compare_names_each_columns_source_once_and_a_values_own_source_in_its_cell(built_site, site):
    page = "compare/index.html"
    notes = read_notes(built_site / page).notes
    top = {inside(n, **{"class": "source-row"}) and inside(n, tag="td")["data-cycle"]: n for n in notes if inside(n, **{"class": "source-row"})}
    assert set(top) == {c.id for c in site.cycles}
    for cycle in site.cycles:
        assert top[cycle.id].href == f"../{cycle.path}index.html#source-{cycle.default_source}"
        assert_leads_to_the_source(built_site, page, top[cycle.id], source(cycle, cycle.default_source))

    in_cells = [(inside(n, tag="tr")["data-key"], inside(n, tag="td")["data-cycle"], n) for n in notes if inside(n, tag="tr").get("data-key")]
    # In the fixture only the 2024 Advanced EMT course approval, and which codes
    # are DE in 2018 (the flyer lists only the others), come from a second source (mass.gov).
    assert sorted((key, cycle_id) for key, cycle_id, _ in in_cells) == [
        ("ce.approval.de_codes", "2018/paramedic"),
        ("ce.approval.de_codes", "2024/aemt"),
        ("ce.approval.issuers", "2024/aemt"),
    ]
    for _, cycle_id, note in in_cells:
        assert note.href == f"../{cycle_id}/index.html#source-massgov-renew"
        massgov = source(site.cycle(cycle_id), "massgov-renew")
        assert_leads_to_the_source(built_site, page, note, {"title": massgov["title"], "url": MASSGOV_URL})


class _ListedSources(HTMLParser):
    """The items of the compare page's closing list of sources: text, links and the columns naming each."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.items: list[dict] = []
        self.depth = 0  # inside ul#compare-sources, how many elements deep
        self.item: dict | None = None

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if self.depth == 0 and tag == "ul" and values.get("id") == "compare-sources":
            self.depth = 1
        elif self.depth:
            self.depth += tag not in VOID
            if tag == "li":
                self.item = {"text": "", "links": [], "cycles": set((values.get("data-cycles") or "").split())}
                self.items.append(self.item)
            elif tag == "a" and self.item is not None:
                self.item["links"].append(values.get("href"))

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1
            if tag == "li":
                self.item = None

    def handle_data(self, data):
        if self.item is not None:
            self.item["text"] += data


def test_compare_ends_with_every_source_it_names_once_each_with_its_address(built_site, site):
    """On paper the notes' links cannot be followed: the page lists what they name, with the addresses."""
    page = "compare/index.html"
    named: dict[tuple, set[str]] = {}
    for note in read_notes(built_site / page).notes:
        cycle = site.cycle(inside(note, tag="td")["data-cycle"])
        entry = source(cycle, urlsplit(note.href).fragment.removeprefix("source-"))
        assert entry["title"] == note.title
        named.setdefault((entry["title"], entry.get("url"), entry.get("file")), set()).add(cycle.id)
    listed = _ListedSources()
    listed.feed((built_site / page).read_text(encoding="utf-8"))

    # The fixture's three Paramedic cycles cite one flyer and two cycles one mass.gov page:
    # each is listed once; the 2018 CE provider page, which no cell names, is not listed.
    assert len(listed.items) == len(named) == 3
    for (title, url, file), cycle_ids in named.items():
        (item,) = [i for i in listed.items if i["text"].startswith(title)]
        assert item["cycles"] == cycle_ids, title
        if url:
            # the address is the link's text, so it is on paper as well as on screen
            assert item["links"] == [url] and item["text"] == f"{title}: {url}"
        else:
            # a flyer named only by its file: how to get a copy, not the file's name
            assert item["text"] == f"{title}: {NO_WEB_ADDRESS}" and file not in item["text"]
    assert any(len(cycle_ids) == 3 for cycle_ids in named.values())
    assert MASSGOV_URL in {url for _, url, _ in named}
    assert not any(CAPCE_URL in item["links"] for item in listed.items)


# ---- the DE approval codes, where another source than the approval rules' names them ----


def test_the_2018_de_codes_name_the_page_that_gives_them_not_the_flyer(built_site, site):
    paramedic = site.cycle("2018/paramedic")
    massgov = {"title": source(paramedic, "massgov-renew")["title"], "url": MASSGOV_URL}
    flyer = source(paramedic, "flyer")
    page = "2018/paramedic/index.html"
    reader = read_notes(built_site / page)
    codes = reader.by_id["distributive-codes"]
    assert "Approval codes that mean distributive education: T3, F3." in codes.text
    (beside,) = [n for n in reader.notes if inside(n, id="distributive-codes")]
    assert_leads_to_the_source(built_site, page, beside, massgov)
    # the rest of the approval rules stays the flyer's: its note follows the flyer's wording
    html = (built_site / page).read_text(encoding="utf-8")
    assert "Approval codes that are not distributive: T1, T2, T4, T5, F1, F2, F4, F5." in html
    flyer_note = html.index(f"#source-flyer\">{flyer['title']}", html.index("are not distributive (or F1, F2, F4, F5 if CAPCE approved)"))
    assert flyer_note < html.index('id="distributive-codes"')
    # the calculator page says the same where it names the DE codes
    calc = "2018/paramedic/calculator/index.html"
    (on_calculator,) = [n for n in read_notes(built_site / calc).notes if inside(n, **{"class": "requirements"})]
    assert_leads_to_the_source(built_site, calc, on_calculator, massgov)


def test_de_codes_without_their_own_source_keep_one_sentence_and_the_approval_source(built_site, site):
    page = "2024/aemt/index.html"
    assert "distributive-codes" not in read_notes(built_site / page).by_id
    assert "Approval codes that mean distributive education: T3, F3." in (built_site / page).read_text(encoding="utf-8")


# ---- the rules file the calculator and `generator calc` read ----------------------------


@pytest.mark.parametrize("cycle_id", CYCLES)
def test_rules_json_says_where_to_find_each_source(built_site, site, cycle_id):
    cycle = site.cycle(cycle_id)
    labels = json.loads((built_site / cycle_id / "rules.json").read_text(encoding="utf-8"))["sources"]
    for entry in cycle.data["sources"]:
        label = labels[entry["id"]]
        assert label.startswith(entry["title"])
        if entry.get("url"):
            assert label.endswith(f"({entry['url']})")
        else:
            assert label.endswith(f"({NO_WEB_ADDRESS})") and entry["file"] not in label
