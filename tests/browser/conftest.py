"""Headless Debian Chromium driven by Playwright against the built site.

Every request that leaves 127.0.0.1 is aborted and recorded; a test fails if
the site tried to reach anything outside its own origin.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlparse

import pytest

from generator.preview.server import start_in_thread

ROOT = Path(__file__).resolve().parents[2]
from tests.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: F401 - shared with other browser tests

AXE = ROOT / "site_src" / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="session")
def site_url(built_site):
    server, url = start_in_thread(built_site)
    yield url
    server.shutdown()


class OffsiteGuard:
    """Aborts and remembers every request that is not to the test server."""

    def __init__(self, origin: str):
        self.origin = origin
        self.blocked: list[str] = []

    def __call__(self, route) -> None:
        url = route.request.url
        parsed = urlparse(url)
        if f"{parsed.scheme}://{parsed.netloc}" == self.origin or parsed.scheme in ("data", "blob"):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()


@pytest.fixture
def context(browser, site_url):
    origin = site_url.rstrip("/")
    ctx = browser.new_context(service_workers="allow")
    guard = OffsiteGuard(origin)
    ctx.route("**/*", guard)
    ctx.guard = guard
    yield ctx
    ctx.close()
    assert not guard.blocked, f"the site tried to reach other origins: {guard.blocked}"


@pytest.fixture
def page(context):
    pg = context.new_page()
    pg.console_errors = []
    pg.on("console", lambda msg: msg.type == "error" and pg.console_errors.append(msg.text))
    pg.on("pageerror", lambda exc: pg.console_errors.append(str(exc)))
    return pg


def run_axe(page) -> list[dict]:
    """Run axe-core for WCAG 2.x A/AA (up to 2.2); return the violations."""
    page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        """async () => {
            const r = await axe.run(document, {runOnly: {type: 'tag',
              values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}});
            return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
              nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}));
        }"""
    )
    return result


def format_violations(violations: list[dict]) -> str:
    return json.dumps(violations, indent=1)
