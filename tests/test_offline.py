"""sw.js, _headers, the runtime's names and the precompressed copies as written by
the build (browser behaviour: tests/browser/test_offline.py)."""

from __future__ import annotations

import gzip
import hashlib
from pathlib import Path

import brotli

from generator.features.offline import read_manifest
from generator.features.runtime import read_runtime_manifest
from generator.pipeline import build
from generator.render.environment import CSP_WASM
from tests.pagetext import read_page


def manifest(out: Path) -> dict:
    return read_manifest((out / "sw.js").read_bytes())


def served_files(out: Path) -> set[str]:
    """What a browser can fetch: everything but files for the host and the writer."""
    files = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    return {f for f in files if not f.startswith(".") and f not in {"sw.js", "_headers"}
            and not f.endswith((".br", ".gz"))}


def test_worker_lists_every_file_and_precaches_only_the_small_ones(built_site):
    m = manifest(built_site)
    precache, on_use = set(m["precache"]), set(m["onUse"])
    assert precache | on_use == served_files(built_site)
    assert not precache & on_use
    assert {"index.html", "2018/paramedic/index.html", "2024/aemt/calculator/index.html",
            "2024/aemt/rules.json", "2018/paramedic/timeline.ics", "assets/js/offline.js"} <= precache
    # A guidance reader on a phone plan does not download the calculator's runtime.
    # Nor the calculator's own modules, which no page loads one by one: their
    # code is inside its main script, which is kept like every page's scripts.
    assert {"assets/js/calculator-page.mjs", "assets/js/calc/engine-early.mjs", "assets/js/lib/format.mjs",
            "assets/js/status-page.mjs"} <= precache
    assert {"assets/js/calc/rows.mjs", "assets/js/calculator.mjs"} <= on_use
    assert all(p.startswith(("assets/pyodide/", "assets/js/calc/", "assets/js/calculator.mjs")) for p in on_use)
    # The fixture's four cycles, every requirement and list of sources naming
    # where to find each source, weigh about 552 KB uncompressed.
    assert sum((built_site / p).stat().st_size for p in precache) < 600_000
    assert any(p.endswith("/pyodide.asm.wasm") for p in on_use)


def test_every_file_carries_its_sha256_and_the_fallback_stdlib_is_not_kept_up_front(built_site):
    m = manifest(built_site)
    # The worker keeps no file, precached or not, whose bytes are not this build's.
    for path, digest in {**m["precache"], **m["onUse"]}.items():
        assert hashlib.sha256((built_site / path).read_bytes()).hexdigest() == digest, path
    names = [p.rsplit("/", 1)[-1] for p in m["engine"]]
    assert any(n.startswith("python_stdlib.") for n in names)
    assert any(p.rsplit("/", 1)[-1].startswith("python_stdlib_full.") for p in m["onUse"])
    assert not any(n.startswith("python_stdlib_full.") for n in names)


def test_runtime_file_names_change_with_their_bytes(built_site):
    """A new build never re-downloads an unchanged runtime file, and never reuses a name for new bytes."""
    worker = read_runtime_manifest((built_site / "assets/js/engine-worker.mjs").read_bytes())
    runtime = built_site / "assets/pyodide"
    core = runtime / worker["core"]
    assert sorted(p.name for p in core.iterdir() if not p.name.endswith((".br", ".gz"))) == [
        "pyodide.asm.mjs", "pyodide.asm.wasm", "pyodide.mjs"]
    for name in (worker["stdlib"], worker["fullStdlib"]):
        data = (runtime / name).read_bytes()
        assert name.split(".")[1] == hashlib.sha256(hashlib.sha256(data).digest()).hexdigest()[:12], name
    for name, size in worker["bytes"].items():
        path = core / name if name.startswith("pyodide.") else runtime / worker["stdlib"]
        assert path.stat().st_size == size, name
    # The engine comes inside the stdlib zip: no wheel to download and install.
    assert worker["lock"]["packages"] == {} and not list(runtime.glob("*.whl"))


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
        # The calculator page runs it from its one page script (the browser tests use it there).
        script = "calculator-page.mjs" if rel.endswith("calculator/index.html") else "offline.js"
        assert f'src="{root}assets/js/{script}"></script>' in html, rel
        assert '<p id="offline-reset" class="offline-reset" hidden>' in html, rel
        assert 'id="offline-notice"' in html and 'role="status"' in html, rel
        assert "Reset offline copy" in read_page(path).text, rel


def test_headers_file_sends_the_policy_nosniff_and_caches_only_the_runtime_for_long(built_site):
    text = (built_site / "_headers").read_text(encoding="utf-8")
    rules = [line for line in text.splitlines() if line and not line.startswith("#")]
    assert rules == [
        "/*",
        f"  Content-Security-Policy: {CSP_WASM}; frame-ancestors 'none'",
        "  X-Content-Type-Options: nosniff",
        "/sw.js",
        "  Cache-Control: no-cache",
        "/assets/pyodide/*",
        "  Cache-Control: public, max-age=31536000, immutable",
    ]
    assert "'unsafe-inline'" not in text
    # Hosts join the values of every rule matching a path: one Cache-Control per path.
    assert sum("Cache-Control" in line for line in rules) == 2
    # Only files named after their bytes are kept for a year.
    immutable = [p for p in served_files(built_site) if p.startswith("assets/pyodide/")]
    assert immutable and all(any(c.isdigit() for c in p) for p in immutable)


def test_precompressed_copies_hold_the_same_bytes_and_only_where_they_help(built_site):
    for path in sorted(served_files(built_site) | {"sw.js"}):
        data = (built_site / path).read_bytes()
        br, gz = built_site / f"{path}.br", built_site / f"{path}.gz"
        if br.is_file():
            assert brotli.decompress(br.read_bytes()) == data, path
            assert br.stat().st_size <= len(data) * 0.9, path
        if gz.is_file():
            assert gzip.decompress(gz.read_bytes()) == data, path
            assert gz.read_bytes()[4:8] == b"\0\0\0\0", f"{path}.gz carries a time stamp"
    for path in ("index.html", "sw.js", "2018/paramedic/rules.json", "assets/site.css"):
        assert (built_site / f"{path}.br").is_file() and (built_site / f"{path}.gz").is_file(), path
    full = next(built_site.glob("assets/pyodide/python_stdlib_full.*.zip"))
    assert not Path(f"{full}.br").exists(), "an already compressed file gets no copy"
    wasm = next(built_site.glob("assets/pyodide/*/pyodide.asm.wasm"))
    assert Path(f"{wasm}.br").stat().st_size < 0.3 * wasm.stat().st_size
