"""The build writes a complete site, atomically, and only what changed."""

from __future__ import annotations

from pathlib import Path

from generator.__main__ import main
from tests.pagetext import read_page


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def build(content: Path, out: Path, capsys=None) -> int:
    return main(["build", "--content", str(content), "--out", str(out), "--today", "2026-11-30"])


def test_site_layout(content_copy, tmp_path):
    out = tmp_path / "out"
    assert build(content_copy, out) == 0
    for rel in ("index.html", "2018/paramedic/index.html", "2024/aemt/index.html",
                "2018/paramedic/rules.json", "2024/aemt/rules.json", "assets/site.css", "assets/print.css"):
        assert (out / rel).is_file(), rel


def test_pages_use_only_relative_links(built_site):
    for path in built_site.rglob("*.html"):
        page = read_page(path)
        html = path.read_text(encoding="utf-8")
        for href in page.hrefs:
            assert not href.startswith("/"), f"{path}: root-absolute link {href}"
        assert 'src="/' not in html and 'href="/' not in html


def test_home_lists_current_cycles_first_and_levels_without_cycles(built_site):
    page = read_page(built_site / "index.html")
    assert "2024 Paramedic recertification" in page.text
    assert "2024 Advanced EMT recertification" in page.text
    assert "No EMT cycle is published here yet. Check with OEMS" in page.text


def test_home_lists_each_levels_cycles_newest_first(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert html.index("2024 Paramedic recertification") < html.index("2022 Paramedic recertification")
    assert html.index("2022 Paramedic recertification") < html.index("2018 Paramedic recertification")


def test_unchanged_files_are_not_rewritten(content_copy, tmp_path):
    out = tmp_path / "out"
    assert build(content_copy, out) == 0
    before = snapshot(out)
    assert build(content_copy, out) == 0
    assert snapshot(out) == before

    path = content_copy / "2024" / "aemt.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("amount: 26", "amount: 27"), encoding="utf-8")
    assert build(content_copy, out) == 0
    after = snapshot(out)
    changed = sorted(rel for rel in after if after[rel] != before.get(rel))
    assert "2024/aemt/index.html" in changed
    assert "2018/paramedic/index.html" not in changed
    assert "index.html" not in changed


def test_bad_content_leaves_previous_output_exactly_as_it_was(content_copy, tmp_path, capsys):
    out = tmp_path / "out"
    assert build(content_copy, out) == 0
    before = snapshot(out)
    path = content_copy / "2018" / "paramedic.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  total_hours: 60", "  total_hours: 6O"), encoding="utf-8")
    assert build(content_copy, out) == 1
    assert "build failed" in capsys.readouterr().err
    assert snapshot(out) == before


def test_template_error_leaves_previous_output_exactly_as_it_was(content_copy, tmp_path, monkeypatch, capsys):
    import shutil

    from generator import pipeline
    from generator.locations import SITE_SRC

    out = tmp_path / "out"
    assert build(content_copy, out) == 0
    before = snapshot(out)
    src = tmp_path / "site_src"
    shutil.copytree(SITE_SRC, src, ignore=shutil.ignore_patterns("node_modules"))
    template = src / "templates" / "guidance.html"
    template.write_text(template.read_text(encoding="utf-8").replace("{{ cycle.year }}", "{{ cycle.no_such_field }}", 1), encoding="utf-8")
    monkeypatch.setattr(pipeline, "SITE_SRC", src)
    assert build(content_copy, out) == 1
    err = capsys.readouterr().err
    assert "template error" in err and "no_such_field" in err
    assert snapshot(out) == before


def test_files_no_longer_produced_are_removed(content_copy, tmp_path):
    out = tmp_path / "out"
    assert build(content_copy, out) == 0
    (content_copy / "2024" / "aemt.yaml").unlink()
    keep = out / "my-notes.txt"
    keep.write_text("not the generator's", encoding="utf-8")
    assert build(content_copy, out) == 0
    assert not (out / "2024" / "aemt").exists()
    assert (out / "2024" / "paramedic" / "index.html").exists()
    assert keep.exists(), "files the generator did not write are left alone"


def test_output_that_cannot_be_written_is_reported(content_copy, tmp_path, capsys):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    assert build(content_copy, blocker / "out") == 1
    err = capsys.readouterr().err
    assert "cannot write the site" in err and "a-file" in err
    assert blocker.read_text(encoding="utf-8") == "not a folder"
