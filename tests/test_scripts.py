"""The browser code every built page loads: relative, built, ES modules whose
imports are all in the build (a missing module breaks the page's scripts
without a sound), and nothing inline, so the pages' Content-Security-Policy
holds without 'unsafe-inline'."""

from __future__ import annotations

import posixpath
import re
from html.parser import HTMLParser

# Only this classic script is allowed: it must run on a page opened from a
# file, where browsers refuse module scripts (site_src/js/calculator-fallback.js).
CLASSIC_SCRIPTS = {"assets/js/calculator-fallback.js"}

IMPORT = re.compile(r'^\s*(?:import|export)\b[^;"]*?(?:\bfrom\s*)?"(\.{1,2}/[^"]+)"', re.M | re.S)


class Refs(HTMLParser):
    def __init__(self, html: str):
        super().__init__()
        self.scripts: list[tuple[str, str | None]] = []
        self.styles: list[str] = []
        self.inline: list[str] = []  # what the policy would block
        self.csp = ""
        self._in_script = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "script":
            self._in_script = not a.get("src")
            if a.get("src"):
                self.scripts.append((a["src"], a.get("type")))
        if tag == "link" and a.get("rel") == "stylesheet":
            self.styles.append(a["href"])
        if tag == "style":
            self.inline.append("<style>")
        if tag == "meta" and a.get("http-equiv") == "Content-Security-Policy":
            self.csp = a["content"]
        self.inline += [f"<{tag} {name}=>" for name in a if name == "style" or name.startswith("on")]

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.inline.append("inline <script>")


def imports_of(path: str, files: dict[str, bytes]) -> list[str]:
    folder = posixpath.dirname(path)
    return [posixpath.normpath(posixpath.join(folder, ref)) for ref in IMPORT.findall(files[path].decode("utf-8"))]


def test_every_page_loads_built_module_scripts_whose_imports_are_built(built_site):
    files = {p.relative_to(built_site).as_posix(): p.read_bytes() for p in built_site.rglob("*") if p.is_file()}
    pages = [p for p in files if p.endswith(".html")]
    modules_loaded = set()
    for page in pages:
        refs = Refs(files[page].decode("utf-8"))
        folder = posixpath.dirname(page)
        assert refs.scripts, f"{page} loads no script"
        for ref in [src for src, _ in refs.scripts] + refs.styles:
            assert not ref.startswith(("/", "http:", "https:")), f"{page}: {ref} is not relative"
            assert posixpath.normpath(posixpath.join(folder, ref)) in files, f"{page}: {ref} is not built"
        for src, kind in refs.scripts:
            target = posixpath.normpath(posixpath.join(folder, src))
            if kind == "module":
                modules_loaded.add(target)
            else:
                assert target in CLASSIC_SCRIPTS, f"{page}: {src} is a classic script, not an ES module"
    pending, seen = list(modules_loaded), set()
    while pending:
        path = pending.pop()
        if path in seen:
            continue
        seen.add(path)
        assert path in files, f"{path} is imported but not built"
        pending += imports_of(path, files)
    # The pages' modules share the helpers (the calculator's, inside its one main script).
    assert {"assets/js/lib/format.mjs", "assets/js/lib/dom.mjs"} <= seen
    assert {"assets/js/checklist.mjs", "assets/js/compare.mjs", "assets/js/calculator-page.mjs"} <= modules_loaded


def test_no_page_has_inline_code_and_only_the_calculator_may_run_webassembly(built_site):
    for path in built_site.rglob("*.html"):
        page = path.relative_to(built_site).as_posix()
        refs = Refs(path.read_text(encoding="utf-8"))
        assert refs.inline == [], f"{page}: {refs.inline}"
        assert "unsafe-inline" not in refs.csp and "'unsafe-eval'" not in refs.csp, page
        assert "worker-src 'self'" in refs.csp, page
        assert ("'wasm-unsafe-eval'" in refs.csp) == page.endswith("calculator/index.html"), page
