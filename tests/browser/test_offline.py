"""Offline use: after one visit the pages and the calculator work without a network;
a rebuilt site is offered as a new version; "Reset offline copy" removes the saved copy.

The service worker is sw.js (generator/features/offline.py, site_src/js/offline-sw.js); the page
side is site_src/js/offline.js.
"""

from __future__ import annotations

import json
import shutil
import time

import pytest
from playwright.sync_api import expect

import recert_engine
from generator.features.offline import read_manifest
from generator.pipeline import build
from generator.preview.server import start_in_thread
from tests.browser.conftest import OffsiteGuard, format_violations, run_axe

GUIDANCE = "2024/aemt/index.html"
CALCULATOR = "2018/paramedic/calculator/index.html"
NEW_VERSION = "A new version of these rules is available."
INTRO_BEFORE = "Please read it carefully."
INTRO_AFTER = "Please read every step carefully."

CACHED_URLS = """async () => {
  const out = {};
  for (const name of await caches.keys()) {
    out[name] = (await (await caches.open(name)).keys()).map((request) => request.url);
  }
  return out;
}"""

ADD_FOREIGN_CACHES = """async () => {
  // Another site under /other/ on the same origin, and an unrelated app.
  const other = `recert-offline ${new URL("/other/", location.origin).href} 0000000000000000`;
  for (const name of [other, "another-app"]) {
    await (await caches.open(name)).put(new URL("/marker", location.origin).href, new Response("kept"));
  }
  return other;
}"""

REGISTERED_SCOPES = "async () => (await navigator.serviceWorker.getRegistrations()).map((r) => r.scope)"


def wait_for(page, condition: str, arg=None, seconds: float = 30) -> None:
    """Poll an async JS condition `(arg) => boolean` inside the page (the pages' CSP
    forbids the eval that Playwright's wait_for_function needs)."""
    met = page.evaluate(
        f"""async ([arg, ms]) => {{
          const test = {condition};
          for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) {{
            if (await test(arg)) return true;
          }}
          return false;
        }}""",
        [arg, seconds * 1000],
    )
    assert met, f"not met within {seconds} s: {condition}"


def wait_until_controlled(page) -> None:
    wait_for(page, "async () => navigator.serviceWorker.controller !== null")


def site_caches(page, site_url: str) -> dict[str, list[str]]:
    return {name: urls for name, urls in page.evaluate(CACHED_URLS).items()
            if name.startswith(f"recert-offline {site_url} ")}


def wait_until_cached(page, urls: list[str]) -> None:
    """The worker keeps the runtime after the page used it; wait for that to finish."""
    wait_for(page, """async (wanted) => {
          const have = [];
          for (const name of await caches.keys()) {
            for (const r of await (await caches.open(name)).keys()) have.push(r.url.split("?")[0]);
          }
          return wanted.every((url) => have.includes(url));
        }""", urls, seconds=60)


def test_pages_and_calculator_work_offline_after_one_visit(context, page, site_url, built_site):
    page.goto(site_url + GUIDANCE)
    wait_until_controlled(page)
    page.goto(site_url + CALCULATOR)
    page.wait_for_selector("html[data-engine=ready]", timeout=120_000)
    engine_files = read_manifest((built_site / "sw.js").read_bytes())["engine"]
    wait_until_cached(page, [site_url + path for path in engine_files])

    context.set_offline(True)
    page.reload()
    page.wait_for_selector("html[data-engine=ready]", timeout=120_000)
    data = {"schema": 1, "cycle": "2018/paramedic", "profile": {"nremt": False},
            "courses": [{"title": "Airway", "date": "2017-01-01", "hours": 12.5, "approval": "17-OEMS-T3-0001",
                         "delivery": None, "national": True, "component": "local"}]}
    got = page.evaluate("(input) => window.recert.evaluate(input, {today: '2018-03-01'})", data)
    rules = (built_site / "2018/paramedic/rules.json").read_text(encoding="utf-8")
    assert got == json.loads(recert_engine.evaluate_json(rules, json.dumps(data), "2018-03-01"))

    # The service worker answers the runtime from the browser's HTTP cache while
    # that holds it, and from the copy it kept once the browser has dropped it.
    context.new_cdp_session(page).send("Network.clearBrowserCache")
    page.reload()
    page.wait_for_selector("html[data-engine=ready]", timeout=120_000)
    assert page.evaluate("(input) => window.recert.evaluate(input, {today: '2018-03-01'})", data) == got

    page.goto(site_url + GUIDANCE)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Advanced EMT")
    # A page never opened was saved too, and an unknown one says why it is missing.
    page.goto(site_url + "2018/paramedic/checklist/index.html")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert page.console_errors == []
    page.goto(site_url + "2030/emt/index.html")
    expect(page.get_by_role("heading", level=1)).to_have_text("This page is not saved on this device")

    cached = [url for urls in page.evaluate(CACHED_URLS).values() for url in urls]
    assert cached and all(url.startswith(site_url) for url in cached)


@pytest.fixture
def live_site(browser, content_copy, tmp_path):
    """A site served from a folder the test rebuilds in place, with its own browser context."""
    out = tmp_path / "live"
    build(content_copy, out, runtime=False)  # the guidance pages are enough here
    server, url = start_in_thread(out)
    context = browser.new_context(service_workers="allow")
    guard = OffsiteGuard(url.rstrip("/"))
    context.route("**/*", guard)
    yield url, content_copy, out, context
    context.close()
    server.shutdown()
    assert not guard.blocked, f"the site tried to reach other origins: {guard.blocked}"


def test_rebuilt_site_is_offered_as_a_new_version_and_replaces_the_old_cache(live_site):
    url, content, out, context = live_site
    page = context.new_page()
    notice = page.locator("#offline-notice")
    page.goto(url + GUIDANCE)
    wait_until_controlled(page)
    foreign = page.evaluate(ADD_FOREIGN_CACHES)
    old_version = read_manifest((out / "sw.js").read_bytes())["version"]

    # generator.preview.server answers If-Modified-Since to the second: rebuild in a later second.
    time.sleep(max(0.0, 1.1 - (time.time() - (out / "sw.js").stat().st_mtime)))
    cycle = content / "2024" / "aemt.yaml"
    cycle.write_text(cycle.read_text(encoding="utf-8").replace(INTRO_BEFORE, INTRO_AFTER), encoding="utf-8")
    build(content, out, runtime=False)
    new_version = read_manifest((out / "sw.js").read_bytes())["version"]
    assert new_version != old_version

    # The open page checks for a new version when the connection comes back.
    context.set_offline(True)
    context.set_offline(False)
    expect(notice).to_contain_text(NEW_VERSION, timeout=30_000)
    expect(page.locator("main")).to_contain_text(INTRO_BEFORE)  # nothing changes under the reader
    violations = run_axe(page)
    assert violations == [], format_violations(violations)

    notice.get_by_role("button", name="Dismiss").click()
    expect(notice).to_be_empty()
    page.reload()  # still the saved version, and still offered
    expect(page.locator("main")).to_contain_text(INTRO_BEFORE)
    expect(notice).to_contain_text(NEW_VERSION)

    notice.get_by_role("button", name="Reload to see it").click()
    expect(page.locator("main")).to_contain_text(INTRO_AFTER, timeout=30_000)
    expect(notice).to_be_empty()
    assert list(site_caches(page, url)) == [f"recert-offline {url} {new_version}"]
    assert {foreign, "another-app"} <= set(page.evaluate("caches.keys()"))


UPDATE_AND_WAIT = """async () => {
  const registration = await navigator.serviceWorker.getRegistration();
  await registration.update().catch(() => undefined);
  const incoming = registration.installing;
  if (!incoming) return registration.waiting ? "installed" : "no update";
  return await new Promise((resolve) => incoming.addEventListener("statechange", () => {
    if (incoming.state === "installed" || incoming.state === "redundant") resolve(incoming.state);
  }));
}"""


def test_a_new_worker_that_arrives_before_the_rest_of_a_deploy_never_keeps_old_pages(live_site, tmp_path):
    """A host uploads the new sw.js first (or a CDN edge has it first): the reader must
    end on the new pages, never on old pages kept under the new version's name."""
    url, content, out, context = live_site
    page = context.new_page()
    notice = page.locator("#offline-notice")
    page.goto(url + GUIDANCE)
    wait_until_controlled(page)
    old_version = read_manifest((out / "sw.js").read_bytes())["version"]

    time.sleep(max(0.0, 1.1 - (time.time() - (out / "sw.js").stat().st_mtime)))  # If-Modified-Since: a later second
    cycle = content / "2024" / "aemt.yaml"
    cycle.write_text(cycle.read_text(encoding="utf-8").replace(INTRO_BEFORE, INTRO_AFTER), encoding="utf-8")
    staged = tmp_path / "next"
    build(content, staged, runtime=False)

    # 1. Only the new sw.js is on the host: the new version refuses to install,
    # and leaves no cache of its own behind; the reader keeps the old version.
    shutil.copy(staged / "sw.js", out / "sw.js")
    assert page.evaluate(UPDATE_AND_WAIT) == "redundant"
    assert list(site_caches(page, url)) == [f"recert-offline {url} {old_version}"]
    page.reload()
    expect(page.locator("main")).to_contain_text(INTRO_BEFORE)
    expect(notice).not_to_contain_text(NEW_VERSION)

    # 2. The rest of the deploy arrives: the next check installs the new version.
    shutil.copytree(staged, out, dirs_exist_ok=True, copy_function=shutil.copy)
    page.reload()
    expect(notice).to_contain_text(NEW_VERSION, timeout=30_000)
    notice.get_by_role("button", name="Reload to see it").click()
    expect(page.locator("main")).to_contain_text(INTRO_AFTER, timeout=30_000)
    new_version = read_manifest((out / "sw.js").read_bytes())["version"]
    assert list(site_caches(page, url)) == [f"recert-offline {url} {new_version}"]
    # Every page kept is the new build's, not only the one on screen.
    page.goto(url + "index.html")
    for path in ("2024/aemt/index.html", "2024/aemt/rules.json"):
        saved = page.evaluate("""async (path) => {
          const hit = await caches.match(new URL(path, location.href).href);
          return hit ? await hit.text() : null;
        }""", path)
        assert saved == (staged / path).read_text(encoding="utf-8"), path


def test_reset_offline_copy_unregisters_and_deletes_only_this_sites_caches(context, page, site_url):
    page.goto(site_url + GUIDANCE)
    wait_until_controlled(page)
    page.evaluate("localStorage.setItem('recert.calculator.v1:2024/aemt', '{\"courses\": []}')")
    foreign = page.evaluate(ADD_FOREIGN_CACHES)
    assert site_caches(page, site_url)

    page.get_by_role("button", name="Reset offline copy").click()
    expect(page.locator("#offline-notice")).to_contain_text(
        "The offline copy of this site was deleted from this browser", timeout=30_000)
    assert site_url not in page.evaluate(REGISTERED_SCOPES)
    assert site_caches(page, site_url) == {}
    assert page.evaluate("navigator.serviceWorker.controller") is None
    assert {foreign, "another-app"} <= set(page.evaluate("caches.keys()"))
    assert page.evaluate("localStorage.getItem('recert.calculator.v1:2024/aemt')") == '{"courses": []}'

    # Saved again only when the site is opened afresh (a new tab), as the message says.
    page.goto(site_url + "index.html")
    assert site_url not in page.evaluate(REGISTERED_SCOPES)
    other = context.new_page()
    other.goto(site_url + "index.html")
    wait_until_controlled(other)
    assert page.console_errors == []


def test_without_javascript_or_from_a_file_nothing_offline_shows(browser, site_url, built_site):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + GUIDANCE)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        expect(page.get_by_role("button", name="Reset offline copy")).to_be_hidden()
    finally:
        context.close()
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto((built_site / GUIDANCE).as_uri())
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        expect(page.get_by_role("button", name="Reset offline copy")).to_be_hidden()
        assert page.evaluate("navigator.serviceWorker ? navigator.serviceWorker.controller : null") is None
    finally:
        context.close()


def test_under_a_sub_path_the_worker_and_its_cache_belong_to_that_folder(browser, built_site):
    server, url = start_in_thread(built_site.parent)  # the site lives in /<folder>/ here
    site_url = f"{url}{built_site.name}/"
    context = browser.new_context(service_workers="allow")
    guard = OffsiteGuard(url.rstrip("/"))
    context.route("**/*", guard)
    try:
        page = context.new_page()
        page.goto(site_url + GUIDANCE)
        wait_until_controlled(page)
        assert page.evaluate(REGISTERED_SCOPES) == [site_url]
        assert [name.rsplit(" ", 1)[0] for name in page.evaluate("caches.keys()")] == [f"recert-offline {site_url}"]
        context.set_offline(True)
        page.goto(site_url + "2018/paramedic/index.html")
        expect(page.get_by_role("heading", level=1)).to_contain_text("Paramedic")
    finally:
        context.close()
        server.shutdown()
    assert not guard.blocked, f"the site tried to reach other origins: {guard.blocked}"
