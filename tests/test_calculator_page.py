"""The calculator page as rendered: what a person gets before any script runs,
and what the scripts are told about the cycle."""

from __future__ import annotations

import json
import posixpath
import re
import subprocess
from html.parser import HTMLParser

import pytest

from generator.model.rules_export import rules_for
from generator.pipeline import load_site, render
from recert_engine import vocabulary
from tests.conftest import FIXTURE_CONTENT


class Page(HTMLParser):
    """Every start tag with its attributes, the text, and where it sits."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict, list[str]]] = []  # (tag, attrs, open ancestors)
        self.stack: list[str] = []
        self.texts: list[tuple[str, list[str]]] = []
        self.feed(html)

    VOID = {"meta", "link", "input", "br", "img", "hr", "source", "col", "wbr"}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs, list(self.stack)))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass

    def handle_data(self, data):
        self.texts.append((data, list(self.stack)))

    def find(self, tag=None, **attrs):
        return [a for t, a, _ in self.tags if (tag is None or t == tag)
                and all(a.get(k.replace("_", "-")) == v for k, v in attrs.items())]

    def one(self, tag=None, **attrs):
        found = self.find(tag, **attrs)
        assert len(found) == 1, f"expected one <{tag} {attrs}>, found {len(found)}"
        return found[0]

    def text(self) -> str:
        return " ".join(" ".join(t.split()) for t, _ in self.texts if t.strip())


@pytest.fixture(scope="module")
def site_files():
    site, _ = load_site(FIXTURE_CONTENT)
    return site, render(site)


def calculator_pages(site_files):
    site, files = site_files
    return [(cycle, f"{cycle.path}calculator/index.html") for cycle in site.cycles]


@pytest.fixture(scope="module")
def pages(site_files):
    _, files = site_files
    return {path: Page(files[path].decode("utf-8")) for _, path in calculator_pages(site_files)}


def test_every_cycle_has_a_calculator_linked_from_its_guidance_page(site_files):
    site, files = site_files
    assert len(site.cycles) >= 2
    for cycle, path in calculator_pages(site_files):
        assert path in files, f"{cycle.id}: no calculator page"
        guidance = Page(files[f"{cycle.path}index.html"].decode("utf-8"))
        links = guidance.find("a", href="calculator/index.html")
        assert links, f"{cycle.id}: the guidance page does not link to its calculator"


def test_the_calculator_code_comes_in_a_few_files_all_asked_for_up_front(site_files, pages):
    """After its first script the page loads one file, with every module it
    runs inside it, the status and offline scripts every page has included
    (each of some thirty small files costs the phone work while the engine
    starts); the only modules it still imports are the first script's, which
    the head asks for before anything else."""
    _, files = site_files
    pending, imported = ["assets/js/calculator-page.mjs"], set()
    while pending:
        importer = pending.pop()
        source = files[importer].decode("utf-8")
        for ref in re.findall(r'^import\s[^;]*?\sfrom\s*"(\.[^"]+)";', source, flags=re.M | re.S):
            path = posixpath.normpath(posixpath.join(posixpath.dirname(importer), ref))
            if path not in imported:
                imported.add(path)
                pending.append(path)
    # The course list's, the status's and the offline copy's code are inside.
    assert not imported & {"assets/js/calc/rows.mjs", "assets/js/status-page.mjs", "assets/js/offline.js"}
    for path, page in pages.items():
        folder = posixpath.dirname(path)
        scripts = {posixpath.normpath(posixpath.join(folder, a["src"])) for a in page.find("script", type="module")}
        preloaded = {posixpath.normpath(posixpath.join(folder, a["href"])) for a in page.find("link", rel="modulepreload")}
        assert "assets/js/calculator-page.mjs" in scripts, path
        assert imported and imported <= preloaded | scripts, f"{path}: not asked for up front: {sorted(imported - preloaded - scripts)}"
        assert len(preloaded | scripts) <= 5 and all(p in files for p in preloaded | scripts), f"{path}: {sorted(preloaded | scripts)}"


def test_the_engine_worker_starts_from_the_first_script_the_page_asks_for(site_files, pages):
    """Before any stylesheet or other script: a small module (the browser test
    shows it starting the engine worker before the main script has arrived),
    with what it imports preloaded right after it."""
    _, files = site_files
    for path, page in pages.items():
        folder = posixpath.dirname(path)
        fetched = [(t, a) for t, a, _ in page.tags if (t == "script" and "src" in a) or (t == "link" and "href" in a and a.get("rel") != "icon")]
        tag, first = fetched[0]
        assert tag == "script" and first["type"] == "module" and "async" in first, path
        early = posixpath.normpath(posixpath.join(folder, first["src"]))
        source = files[early].decode("utf-8")
        imports = {posixpath.normpath(posixpath.join(posixpath.dirname(early), ref))
                   for ref in re.findall(r'^import\s[^;]*?\sfrom\s*"(\.[^"]+)";', source, flags=re.M)}
        right_after = {posixpath.normpath(posixpath.join(folder, a["href"])) for _, a in fetched[1:1 + len(imports)]}
        assert imports and right_after == imports, path


def test_page_tells_the_scripts_about_its_cycle(site_files, pages):
    _, files = site_files
    for cycle, path in calculator_pages(site_files):
        page = pages[path]
        app = page.one(id="calculator")
        folder = posixpath.dirname(path)
        assert app["data-cycle"] == cycle.id
        assert app["data-storage-key"] == f"recert.calculator.v1:{cycle.id}"
        worker = posixpath.normpath(posixpath.join(folder, app["data-worker-url"]))
        assert worker == "assets/js/engine-worker.mjs"
        rules = posixpath.normpath(posixpath.join(folder, app["data-rules-url"]))
        assert rules == f"{cycle.path}rules.json" and rules in files
        assert int(app["data-load-timeout"]) >= 30
        needs = rules_for(cycle)["ce"]["window"]["starts_after_last_recertification"]
        assert app["data-needs-last-recertified"] == ("true" if needs else "false")


def test_scripts_learn_which_source_says_what_each_approval_code_means(site_files, pages):
    """The course rows name these sources beside a code (tests/js/approval.test.mjs),
    so each must be one the page lists."""
    for cycle, path in calculator_pages(site_files):
        page, approval = pages[path], rules_for(cycle)["ce"]["approval"]
        app = page.one(id="calculator")
        assert app["data-distributive-codes-source"] == approval["distributive_codes_source"], cycle.id
        assert app["data-other-codes-source"] == approval["source"], cycle.id
        for key in ("data-distributive-codes-source", "data-other-codes-source"):
            page.one("li", id=f"source-{app[key]}")


def approval_hint(html: str) -> Page:
    found = re.findall(r'<li class="hint-approval">.*?</li>', html, flags=re.S)
    assert len(found) == 1
    return Page(found[0])


def test_each_approval_field_is_described_by_one_short_sentence(site_files, pages):
    """A screen reader reads the description for every course: what the codes
    mean is in the hints above the courses, not in each field's description."""
    _, files = site_files
    for cycle, path in calculator_pages(site_files):
        html = files[path].decode("utf-8")
        fields = pages[path].find("input", **{"data-field": "approval"})
        assert fields, cycle.id
        for field in fields:
            (ref,) = field["aria-describedby"].split()
            (described,) = re.findall(rf'<(\w+) id="{ref}">(.*?)</\1>', html, flags=re.S)
            assert described[1] == "The approval number as printed on the certificate.", cycle.id


def test_approval_hint_says_what_codes_mean_only_as_far_as_the_cycle_does_and_names_its_sources(site_files, pages):
    """Each code in the hint is one the cycle's rules give (no "T1-T5" where the
    rules name only the DE codes), and the first source named after it is the
    one that says so: the DE codes' own, else the approval rules'."""
    _, files = site_files
    shown_by_cycle = {}
    for cycle, path in calculator_pages(site_files):
        approval = rules_for(cycle)["ce"]["approval"]
        hint = approval_hint(files[path].decode("utf-8"))
        text = hint.text()
        assert not re.search(r"[TF]\d\s*(\u2013|-|to)\s*[TF]?\d", text), f"{cycle.id}: a range of codes: {text}"
        shown = re.findall(r"\b[TF]\d\b", text)
        assert set(shown) == {*approval["distributive_codes"], *approval["non_distributive_codes"]}, f"{cycle.id}: {text}"
        for code in shown:
            after = text[re.search(rf"\b{code}\b", text).end():]
            own = approval["distributive_codes_source"] if code in approval["distributive_codes"] else approval["source"]
            assert "Source: " in after, f"{cycle.id}: nothing names where {code} comes from"
            assert after.split("Source: ", 1)[1].startswith(cycle.source_title(own)), f"{cycle.id}: {code}: {text}"
        # Each source is named in a source note, linked to the page's list of sources.
        links = [a["href"] for t, a, ancestors in hint.tags if t == "a"]
        notes = hint.find("span", **{"class": "source-note"})
        assert links and len(links) == len(notes) == text.count("Source: "), cycle.id
        for href in links:
            pages[path].one("li", id=href.removeprefix("#"))  # the page's list of sources
        shown_by_cycle[cycle.id] = (shown, links)
    # The fixture's 2024 Advanced EMT rules name only the DE codes, from mass.gov;
    # in 2018 mass.gov gives the DE codes and the flyer the others.
    assert shown_by_cycle["2024/aemt"] == (["T3", "F3"], ["#source-massgov-renew"])
    assert shown_by_cycle["2018/paramedic"] == (
        ["T3", "F3", "T1", "T2", "T4", "T5", "F1", "F2", "F4", "F5"], ["#source-massgov-renew", "#source-flyer"])


def test_profile_asks_for_last_recertification_only_where_the_window_depends_on_it(site_files, pages):
    asked = {}
    for cycle, path in calculator_pages(site_files):
        page = pages[path]
        needs = rules_for(cycle)["ce"]["window"]["starts_after_last_recertification"]
        date = page.find("input", id="profile-last-recertified")
        assert bool(date) == needs, cycle.id
        if needs:
            assert date[0]["type"] == "date"
            assert page.find("label", **{"for": "profile-last-recertified"})
        radios = page.find("input", name="nremt")
        assert sorted(r["value"] for r in radios) == ["no", "yes"]
        for radio in radios:
            assert page.find("label", **{"for": radio["id"]}), radio
        asked[cycle.id] = needs
    assert asked == {"2018/paramedic": False, "2022/paramedic": False, "2024/aemt": True, "2024/paramedic": False}


def test_static_requirements_table_matches_the_rules(site_files, pages):
    for cycle, path in calculator_pages(site_files):
        page = pages[path]
        rules = rules_for(cycle)
        rows = page.find("tr")
        rows = [r for r in rows if "data-component" in r]
        assert [r["data-component"] for r in rows] == [c["id"] for c in rules["ce"]["components"]]
        for row, comp in zip(rows, rules["ce"]["components"]):
            assert row["data-name"] == comp["name"]
            assert row["data-hours"] == comp["hours"]
            assert row.get("data-de-limit") == comp["de_limit"]
            assert row["data-national-only"] == ("true" if comp["national_content_only"] else "false")
        assert f"{rules['ce']['total_hours']} in total" in page.text()


def test_course_row_template_offers_every_engine_field(site_files, pages):
    for cycle, path in calculator_pages(site_files):
        page = pages[path]
        in_template = [(t, a) for t, a, anc in page.tags if "template" in anc]
        fields = {a["data-field"]: (t, a) for t, a in in_template if "data-field" in a}
        assert set(fields) == set(vocabulary.COURSE_FIELDS)
        labelled = {a["data-label"] for t, a in in_template if t == "label" and "data-label" in a}
        assert labelled == set(fields), "every field needs a label"
        assert fields["date"][1]["type"] == "text"  # typed as people write dates: 3/1/2017, March 1, 2017
        assert fields["national"][1]["type"] == "checkbox"
        options = [a.get("value") for t, a in in_template if t == "option"]
        ids = [c["id"] for c in rules_for(cycle)["ce"]["components"]]
        assert options == ["", *vocabulary.DELIVERIES, "", *ids]


def test_without_scripts_the_page_explains_itself_and_hides_the_form(pages):
    for path, page in pages.items():
        # The form is in the page from the start (nothing moves when the script
        # runs); without scripts a <noscript> stylesheet hides it and shows why.
        assert "without-js" in page.one(id="calc-fallback")["class"].split()
        assert "needs-js" in page.one(id="calculator")["class"].split()
        sheets = [a["href"] for t, a, anc in page.tags if t == "link" and "noscript" in anc]
        assert any(href.endswith("assets/nojs.css") for href in sheets), path
        noscript = [t for t, anc in page.texts if "noscript" in anc and t.strip()]
        assert any("JavaScript is turned off" in t for t in noscript), path
        text = page.text()
        assert "The calculator is not running" in text
        assert "Nothing you enter leaves this device" in text


def test_page_structure_is_accessible(pages):
    for path, page in pages.items():
        assert len(page.find("h1")) == 1, path
        ids = [a["id"] for _, a, anc in page.tags if "id" in a and "template" not in anc]
        assert len(ids) == len(set(ids)), f"{path}: duplicate ids"
        labels = {a["for"] for t, a, anc in page.tags if t == "label" and "for" in a}
        for tag, attrs, ancestors in page.tags:
            if tag in ("input", "select") and "template" not in ancestors and attrs.get("type") != "hidden":
                assert attrs.get("id") in labels, f"{path}: <{tag} id={attrs.get('id')}> has no label"
        status = page.one(id="engine-status")
        assert status["role"] == "status"
        assert page.one(id="results-announce")["aria-live"] == "polite"
        summary = page.one(id="error-summary")
        assert summary["tabindex"] == "-1" and "hidden" in summary


def test_dates_on_the_page_are_time_elements(pages):
    month = r"(January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}"
    for path, page in pages.items():
        for text, ancestors in page.texts:
            if re.search(month, text):
                assert "time" in ancestors, f"{path}: date outside <time>: {text.strip()!r}"
        assert page.find("time"), f"{path}: the CE window's dates are missing"
        for attrs in page.find("time"):
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", attrs["datetime"])


def test_csv_columns_documented_on_the_page_are_the_engine_course_fields(pages):
    # The browser's import and export use the same names (tests/js/transfer.test.mjs).
    for path, page in pages.items():
        documented = [t.strip() for t, anc in page.texts if anc[-2:] == ["th", "code"]]
        assert documented == list(vocabulary.COURSE_FIELDS), path


def test_browser_gets_the_engine_vocabulary(site_files, tmp_path):
    _, files = site_files
    module = tmp_path / "vocabulary.mjs"
    module.write_bytes(files["assets/js/vocabulary.mjs"])
    script = "import(process.argv[1]).then((m) => console.log(JSON.stringify(m)))"
    shown = subprocess.run(["node", "-e", script, module.as_uri()], capture_output=True, text=True, check=True).stdout
    assert json.loads(shown) == vocabulary.browser_values()
