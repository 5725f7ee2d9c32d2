"""A page script bundled with the modules it imports (generator/render/script_bundle.py),
on fixture scripts: what a page then loads, and what a broken script says."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from generator.locations import SITE_SRC
from generator.render.script_bundle import ScriptBundleError, bundle_script

FILES = {
    "assets/js/page.mjs": b'import { total } from "./parts/sum.mjs";\nimport { shown } from "./early.mjs";\n'
                          b'export const answer = `${shown}: ${total([1, 2, 3])}`;\n',
    "assets/js/parts/sum.mjs": b'import { add } from "../lib/add.mjs";\nexport const total = (xs) => xs.reduce(add, 0);\n',
    "assets/js/lib/add.mjs": b"export const add = (a, b) => a + b;\n",
    "assets/js/early.mjs": b'export const shown = "total";\n',
    "index.html": b"<!doctype html>",
}


def run_module(folder: Path, files: dict[str, bytes], entry: str) -> str:
    """Node imports `entry` from the files written to `folder`; -> its `answer`."""
    for path, data in files.items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_bytes(data)
    script = f'import("{(folder / entry).as_uri()}").then((m) => process.stdout.write(m.answer));'
    return subprocess.run(["node", "-e", script], capture_output=True, text=True, check=True).stdout


def test_the_bundle_works_alone_and_imports_only_the_modules_kept_separate(tmp_path):
    bundled = bundle_script(FILES, "assets/js/page.mjs", ("assets/js/early.mjs",), SITE_SRC)
    assert bundled.modules == ("assets/js/lib/add.mjs", "assets/js/parts/sum.mjs")
    # Only the bundle and the module kept separate are there: nothing else is fetched.
    alone = {"assets/js/page.mjs": bundled.code, "assets/js/early.mjs": FILES["assets/js/early.mjs"]}
    assert run_module(tmp_path, alone, "assets/js/page.mjs") == "total: 6"


def test_a_script_that_does_not_parse_is_named_with_its_line(tmp_path):
    broken = {**FILES, "assets/js/parts/sum.mjs": b"export const total = (xs) => xs.reduce(add, 0;\n"}
    with pytest.raises(ScriptBundleError) as raised:
        bundle_script(broken, "assets/js/page.mjs", (), SITE_SRC)
    message = str(raised.value)
    assert message.startswith("assets/js/page.mjs: ") and "assets/js/parts/sum.mjs:1:" in message
    assert str(tmp_path) not in message and "script-bundle-" not in message  # no temporary folder in it


def test_an_import_of_a_missing_module_is_named():
    missing = {**FILES, "assets/js/page.mjs": b'import { gone } from "./gone.mjs";\nexport const answer = gone;\n'}
    with pytest.raises(ScriptBundleError, match=r"assets/js/page\.mjs.*\./gone\.mjs"):
        bundle_script(missing, "assets/js/page.mjs", (), SITE_SRC)


def test_without_esbuild_installed_the_message_says_how_to_install_it(tmp_path):
    with pytest.raises(ScriptBundleError, match=r"esbuild is not installed .*npm ci --prefix site_src"):
        bundle_script(FILES, "assets/js/page.mjs", (), tmp_path)


def test_a_build_whose_page_script_cannot_be_bundled_fails_and_keeps_the_last_site(content_copy, tmp_path, monkeypatch, capsys):
    from generator.__main__ import main
    from generator.render import script_bundle

    out = tmp_path / "out"
    command = ["build", "--content", str(content_copy), "--out", str(out), "--today", "2026-11-30"]
    assert main(command) == 0
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    monkeypatch.setattr(script_bundle, "ESBUILD", Path("nowhere", "esbuild"))
    assert main(command) == 1
    err = capsys.readouterr().err
    assert "page script: esbuild is not installed" in err and "left unchanged" in err and "Traceback" not in err
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
