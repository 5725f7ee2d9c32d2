"""An installed generator (not the checkout) builds a site from any folder."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import FIXTURE_CONTENT, ROOT


def source_tree(dest: Path) -> Path:
    """What a source distribution holds (installing from the checkout would leave
    setuptools' build/lib inside the site's output folder)."""
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, dest / name)
    skip = shutil.ignore_patterns("node_modules", "__pycache__")
    for name in ("generator", "recert_engine", "site_src"):
        shutil.copytree(ROOT / name, dest / name, symlinks=True, ignore=skip)
    return dest


def test_installed_package_builds_from_another_folder(tmp_path):
    (tmp_path / "source").mkdir()
    source = source_tree(tmp_path / "source")
    target = tmp_path / "site-packages"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
         "--target", str(target), str(source)],
        check=True, capture_output=True, text=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = elsewhere / "site"
    result = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--content", str(FIXTURE_CONTENT),
         "--out", str(out), "--no-runtime"],
        cwd=elsewhere, env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"}, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    home = (out / "index.html").read_text(encoding="utf-8")
    assert "<h1" in home
    assert (out / "assets" / "site.css").is_file() and (out / "assets" / "js" / "calculator.mjs").is_file()
    assert not (target / "generator" / "site_src" / "node_modules").exists()
    assert (target / "recert_engine" / "rules.schema.json").is_file(), "the engine carries its rules contract"
