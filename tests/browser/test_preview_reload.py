"""The live preview's promise, in Chromium: an open tab reloads by itself
when a content file is saved (generator/preview/assets/reload.js)."""

from __future__ import annotations

from playwright.sync_api import expect

from generator.preview.server import Preview
from tests.test_serve import edit


def test_an_open_tab_reloads_after_an_edit(browser, content_copy, tmp_path):
    running = Preview(content_copy, tmp_path / "out", interval=0.05, log=lambda line: None, quiet=True, runtime=False)
    url = running.start()
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(url + "2024/aemt/index.html")
        expect(page.locator("strong.money").first).to_be_visible()
        assert "$27" not in page.inner_text("main")
        page.evaluate("window.__notReloaded = true")
        edit(content_copy / "2024/aemt.yaml", "amount: 26", "amount: 27")
        expect(page.locator("main")).to_contain_text("$27", timeout=10_000)
        assert page.evaluate("window.__notReloaded === undefined"), "the page changed without a reload"
    finally:
        context.close()
        running.stop()
