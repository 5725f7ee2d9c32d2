"""engine-worker.mjs in headless Chromium, served under a sub-path, loading
only the site's own files."""

from __future__ import annotations

import json
from urllib.parse import urlparse

import pytest

from generator.preview.server import start_in_thread

from generator.features.runtime import engine_worker, site_runtime

from .conftest import SITE_SRC, load_fixture_engine

SUB = "some/sub/path/"
RULES = {"required": {"EMT": {"Airway": 2}}}

PAGE_JS = """
const worker = new Worker(new URL("assets/js/engine-worker.mjs", location.href), { type: "module" });
const pending = new Map();
window.progress = [];
window.downloaded = [];
let next = 1;
worker.onmessage = (event) => {
  const m = event.data;
  if (m.type === "progress") {
    window.progress.push(m.message);
    if (m.loaded !== undefined) window.downloaded.push([m.loaded, m.total]);
    return;
  }
  pending.get(m.id)?.(m);
  pending.delete(m.id);
};
window.ask = (op, payload) => new Promise((resolve) => {
  const id = next++;
  pending.set(id, resolve);
  worker.postMessage({ id, op, payload });
});
window.pageReady = true;
"""


@pytest.fixture(scope="module")
def site_and_manifest(fixture_bundle, tmp_path_factory):
    root = tmp_path_factory.mktemp("site")
    base = root / SUB
    # Laid out and named as the site build does it.
    bundle = {p.name: p.read_bytes() for p in fixture_bundle.dest.iterdir()}
    figures = fixture_bundle.figures
    files, manifest = site_runtime(bundle, figures["pyodide_version"])
    files["assets/js/engine-worker.mjs"] = engine_worker(manifest, SITE_SRC)
    for module in (SITE_SRC / "js" / "lib").iterdir():  # what the worker imports
        files[f"assets/js/lib/{module.name}"] = module.read_bytes()
    for path, data in files.items():
        (base / path).parent.mkdir(parents=True, exist_ok=True)
        (base / path).write_bytes(data)
    (base / "data").mkdir()
    (base / "data" / "rules.json").write_text(json.dumps(RULES))
    (base / "test.mjs").write_text(PAGE_JS)
    (base / "index.html").write_text('<!doctype html><meta charset="utf-8"><title>t</title><script type="module" src="test.mjs"></script>')
    server, url = start_in_thread(root)
    yield url + SUB, manifest
    server.shutdown()


@pytest.fixture
def page(browser, site_and_manifest):
    site, site_manifest = site_and_manifest
    ctx = browser.new_context()
    origin = f"{urlparse(site).scheme}://{urlparse(site).netloc}"
    seen, offsite = [], []

    def guard(route):
        url = route.request.url
        seen.append(url)
        if url.startswith(origin) or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            offsite.append(url)
            route.abort()

    ctx.route("**/*", guard)
    pg = ctx.new_page()
    console = []
    pg.on("console", lambda msg: console.append(msg.text))
    pg.goto(site + "index.html")
    pg.wait_for_function("window.pageReady === true")
    pg.seen = seen
    pg.total_bytes = sum(site_manifest["bytes"].values())
    yield pg
    ctx.close()
    assert offsite == [], f"worker reached other origins: {offsite}"
    # The browser's startup path needs nothing the Node-traced stdlib lacks.
    assert not [m for m in console if "stdlib fallback" in m], console


@pytest.fixture
def site(site_and_manifest):
    return site_and_manifest[0]


def test_init_evaluate_and_errors(page, site):
    rules_url = site + "data/rules.json"
    reply = page.evaluate("(u) => window.ask('init', {rulesUrl: u})", rules_url)
    assert reply["ok"] is True, reply
    assert page.evaluate("window.progress").count("Ready") == 1
    assert len(page.evaluate("window.progress")) >= 2
    # The download is reported in bytes, never backwards, up to everything the runtime needs.
    downloaded = page.evaluate("window.downloaded")
    assert downloaded and all(b[0] >= a[0] for a, b in zip(downloaded, downloaded[1:]))
    assert downloaded[-1][0] == downloaded[-1][1] == page.total_bytes

    data = {"courses": [{"topic": "Airway", "hours": 1.25, "date": "2025-01-02"}]}
    reply = page.evaluate("(d) => window.ask('evaluate', {input: d, today: '2025-06-01'})", data)
    want = json.loads(load_fixture_engine().evaluate_json(json.dumps(RULES), json.dumps(data), "2025-06-01"))
    assert reply == {"id": 2, "ok": True, "result": want}

    # An input the engine fails on is still answered, as errors (never a rejected request).
    reply = page.evaluate("() => window.ask('evaluate', {input: {level: 'Nurse'}, today: '2025-06-01'})")
    assert reply["ok"] is True and "ValueError" in reply["result"]["errors"][0]["message"]

    reply = page.evaluate("() => window.ask('nonsense', {})")
    assert reply["ok"] is False and "unknown op" in reply["error"]

    reply = page.evaluate("() => window.ask('init', {rulesUrl: 'https://example.org/rules.json'})")
    assert reply["ok"] is False and "origin" in reply["error"]

    # Everything came from the site's own sub-path; no source maps, no CDN.
    paths = [urlparse(u).path for u in page.seen]
    assert all(p.startswith("/" + SUB) for p in paths), paths
    assert not any(p.endswith((".map", "pyodide.js", "pyodide-lock.json", ".whl")) or "python_stdlib_full" in p
                   for p in paths), paths


def test_init_with_rules_text_and_evaluate_before_init(page):
    reply = page.evaluate("() => window.ask('evaluate', {input: {}, today: '2025-01-01'})")
    assert reply["ok"] is False and "init" in reply["error"]
    reply = page.evaluate("(r) => window.ask('init', r)", json.dumps(RULES))
    assert reply["ok"] is True
    reply = page.evaluate("() => window.ask('evaluate', {input: '{}', today: '2025-01-01'})")
    assert reply["ok"] is True and reply["result"]["missing"] == {"Airway": "2"}
