"""How the site reaches the output folder: whole, or not at all."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.write.writer import MANIFEST, write_site

SITE = {"index.html": b"<h1>home</h1>", "2018/paramedic/index.html": b"<h1>2018</h1>", "assets/site.css": b"body{}"}


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_first_build_writes_every_file_and_leaves_no_staging_folder(tmp_path):
    stats = write_site(SITE, tmp_path / "out")
    assert tree(tmp_path / "out") == {**SITE, MANIFEST: tree(tmp_path / "out")[MANIFEST]}
    assert sorted(stats.written) == sorted(SITE)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_first_build_into_an_empty_folder(tmp_path):
    (tmp_path / "out").mkdir()
    write_site(SITE, tmp_path / "out")
    assert set(tree(tmp_path / "out")) == set(SITE) | {MANIFEST}


def test_failed_first_build_leaves_nothing(tmp_path):
    # "index.html" cannot be a file and a folder: writing fails part way.
    broken = {**SITE, "index.html/oops.html": b"x"}
    with pytest.raises(OSError):
        write_site(broken, tmp_path / "out")
    assert list(tmp_path.iterdir()) == []


def test_failed_first_build_keeps_an_existing_empty_folder(tmp_path):
    (tmp_path / "out").mkdir()
    with pytest.raises(OSError):
        write_site({**SITE, "index.html/oops.html": b"x"}, tmp_path / "out")
    assert (tmp_path / "out").is_dir() and list((tmp_path / "out").iterdir()) == []


def test_a_linked_output_folder_stays_a_link(tmp_path):
    target = tmp_path / "www"
    target.mkdir()
    (tmp_path / "out").symlink_to(target)
    write_site(SITE, tmp_path / "out")
    assert (tmp_path / "out").is_symlink()
    assert set(tree(target)) == set(SITE) | {MANIFEST}


def test_rebuild_rewrites_only_changed_files_and_removes_stale_ones(tmp_path):
    out = tmp_path / "out"
    write_site(SITE, out)
    before = {rel: os.stat(out / rel).st_mtime_ns for rel in SITE}
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    changed = {"index.html": b"<h1>new home</h1>", "assets/site.css": SITE["assets/site.css"]}
    stats = write_site(changed, out)
    assert stats.written == ["index.html"] and stats.unchanged == 1
    assert stats.removed == ["2018/paramedic/index.html"]
    assert not (out / "2018").exists(), "emptied folders are removed"
    assert os.stat(out / "assets/site.css").st_mtime_ns == before["assets/site.css"]
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine", "files the generator did not write stay"
