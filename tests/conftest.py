"""Shared fixtures: the tests' own content, and a site built from it once per run.

Behaviour tests use FIXTURE_CONTENT (tests/fixtures/content/), a complete site of
made-up cycles that stays fixed, never the published content/: adding, changing
or removing a published cycle never needs a test edit. The published cycles are
tested, whatever they are, by tests/test_published_content.py.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from generator.pipeline import build

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
FIXTURE_CONTENT = ROOT / "tests" / "fixtures" / "content"
PUBLISHED_CONTENT = ROOT / "content"
SEEDS = ROOT.parent / "shared" / "seeds"
# The build date of the shared test site: fixed, so no test depends on the real clock.
BUILD_DAY = dt.date(2026, 11, 30)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The fixture content built once into a temporary folder (never build/)."""
    out = tmp_path_factory.mktemp("site")
    build(FIXTURE_CONTENT, out, today=BUILD_DAY)
    return out


@pytest.fixture
def content_copy(tmp_path) -> Path:
    """A private copy of the fixture content that a test may change."""
    target = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, target)
    return target


@pytest.fixture(scope="session")
def browser():
    """One headless Debian Chromium for the whole run (Playwright allows one sync instance)."""
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing; run `make test`, which installs Debian's chromium")
    with playwright_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


