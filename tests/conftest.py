"""Shared fixtures: the real content, and a site built from it once per run."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.pipeline import build

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real content built once into a temporary folder (never build/)."""
    out = tmp_path_factory.mktemp("site")
    build(CONTENT, out)
    return out


@pytest.fixture
def content_copy(tmp_path) -> Path:
    """A private copy of the real content that a test may change."""
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target
