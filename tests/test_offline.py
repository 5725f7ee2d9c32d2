"""sw.js and _headers as written by the build (browser behaviour: tests/browser/test_offline.py)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from generator.features.offline import read_manifest
from generator.pipeline import build
from generator.render.environment import CSP_WASM
from tests.pagetext import read_page


def manifest(out: Path) -> dict:
    return read_manifest((out / "sw.js").read_bytes())


def served_files(out: Path) -> set[str]:
    """What a browser can fetch: everything but files for the host and the writer."""
    files = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    return {f for f in files if not f.startswith(".") and f not in {"sw.js", "_headers"}}


def test_worker_lists_every_file_and_precaches_only_the_small_ones(built_site):
    m = manifest(built_site)
    precache, on_use = set(m["precache"]), set(m["onUse"])
    assert precache | on_use == served_files(built_site)
    assert not precache & on_use
    assert {"index.html", "2018/paramedic/index.html", "2024/aemt/calculator/index.html",
            "2024/aemt/rules.json", "2018/paramedic/timeline.ics", "assets/js/offline.js"} <= precache
    # A guidance reader on a phone plan does not download the calculator's runtime.
    assert all(p.startswith("assets/pyodide/") for p in on_use)
    assert sum((built_site / p).stat().st_size for p in precache) < 500_000
    assert "assets/pyodide/pyodide.asm.wasm" in on_use


def test_runtime_files_carry_their_sha256_and_the_fallback_stdlib_is_not_kept_up_front(built_site):
    m = manifest(built_site)
    for path, digest in m["onUse"].items():
        assert hashlib.sha256((built_site / path).read_bytes()).hexdigest() == digest, path
    assert "assets/pyodide/python_stdlib.zip" in m["engine"]
    assert "assets/pyodide/python_stdlib_full.zip" in m["onUse"]
    assert "assets/pyodide/python_stdlib_full.zip" not in m["engine"]


def test_cache_version_changes_with_any_content_change_and_only_then(content_copy, tmp_path):
    first, same, changed = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    build(content_copy, first, runtime=False)
    build(content_copy, same, runtime=False)
    # An unchanged rebuild gives the same sw.js: no false "new version" notice.
    assert (first / "sw.js").read_bytes() == (same / "sw.js").read_bytes()

    cycle = content_copy / "2024" / "aemt.yaml"
    cycle.write_text(cycle.read_text(encoding="utf-8").replace("Please read it carefully.", "Please read it."),
                     encoding="utf-8")
    build(content_copy, changed, runtime=False)
    assert manifest(changed)["version"] != manifest(first)["version"]


def test_every_page_loads_the_offline_script_and_has_a_hidden_reset_button(built_site):
    for path in sorted(built_site.rglob("*.html")):
        rel = path.relative_to(built_site).as_posix()
        html = path.read_text(encoding="utf-8")
        root = "../" * rel.count("/")
        assert f'<script type="module" src="{root}assets/js/offline.js"></script>' in html, rel
        assert '<p id="offline-reset" class="offline-reset" hidden>' in html, rel
        assert 'id="offline-notice"' in html and 'role="status"' in html, rel
        assert "Reset offline copy" in read_page(path).text, rel


def test_headers_file_sends_the_policy_nosniff_and_no_cache(built_site):
    text = (built_site / "_headers").read_text(encoding="utf-8")
    rules = [line for line in text.splitlines() if line and not line.startswith("#")]
    assert rules == [
        "/*",
        f"  Content-Security-Policy: {CSP_WASM}; frame-ancestors 'none'",
        "  X-Content-Type-Options: nosniff",
        "  Cache-Control: no-cache",
    ]
    assert "'unsafe-inline'" not in text
