"""The offline CE-hour calculator page of each cycle.

The page works without JavaScript as far as it can: the cycle's CE table and
a message explaining why the calculator is not running are in the HTML, and
the scripts replace that message once they start. Everything the browser code
needs to know about the cycle is put on the page as data attributes, taken
from the same rules dict the engine reads, so the two cannot disagree.
"""

from __future__ import annotations

import posixpath
import re
from functools import lru_cache
from pathlib import Path

from generator.features.base import BuildContext, CyclePages, Feature
from generator.features.runtime import runtime_files
from generator.render.environment import CSP_WASM, Files, Renderer
from generator.render.script_bundle import bundle_script
from recert_engine.vocabulary import DELIVERY_LABELS

PAGE = "calculator/index.html"
LABEL = "Hour calculator"

# Browser code of the calculator, copied under assets/js/ (the engine worker
# itself is shipped with the Pyodide bundle, not here).
SCRIPT_FILES = ("calculator-page.mjs", "calculator.mjs", "calculator-fallback.js")
SCRIPT_FOLDER = "calc"
WORKER = "assets/js/engine-worker.mjs"
# What the page loads after its first script: the calculator with the status
# and offline scripts every page has (one file in a build with the runtime).
MAIN_SCRIPT = "assets/js/calculator-page.mjs"
# The calculator's own code, which no other page loads.
OWN_SCRIPTS = ("assets/js/calculator.mjs", f"assets/js/{SCRIPT_FOLDER}/")
# The page's first script: starts the engine worker before the rest arrive.
EARLY_SCRIPT = f"{SCRIPT_FOLDER}/engine-early.mjs"

# How long the engine may take to load before the page says so; Pyodide on a
# slow phone over a weak signal takes tens of seconds.
LOAD_TIMEOUT_SECONDS = 90

# The form's choices: the engine's delivery kinds, after "not sure" (none given).
DELIVERY_CHOICES = (("", "Not sure"), *DELIVERY_LABELS.items())


# A static import of one of our own modules: `import ... from "./x.mjs";`. Our
# scripts only, written one way, so a pattern is enough (no JavaScript parser).
STATIC_IMPORT = re.compile(r'^import\s[^;]*?\sfrom\s*"(\.{1,2}/[^"]+)"', re.M | re.S)


@lru_cache(maxsize=16)
def imported_modules(src: Path, entry: str) -> tuple[str, ...]:
    """Every module `entry` (under site_src/js) imports, directly or not, as
    output paths (assets/js/...). A module the build writes itself (not in
    site_src/js) is listed without following its imports."""
    found: set[str] = set()
    pending = [entry]
    while pending:
        source = src / "js" / pending.pop()
        if not source.is_file():
            continue
        folder = posixpath.dirname(source.relative_to(src / "js").as_posix())
        for ref in STATIC_IMPORT.findall(source.read_text(encoding="utf-8")):
            module = posixpath.normpath(posixpath.join(folder, ref))
            if module not in found:
                found.add(module)
                pending.append(module)
    return tuple(f"assets/js/{module}" for module in sorted(found))


def page_scripts(src: Path) -> dict:
    """The page's first scripts, in the order its head asks for them: the small
    module that starts the engine worker, and what it imports; then the main
    script, one file holding every other module the page runs (see
    Calculator.finish)."""
    return {
        "early_script": f"assets/js/{EARLY_SCRIPT}",
        "early_modules": imported_modules(src, EARLY_SCRIPT),
        "main_script": MAIN_SCRIPT,
    }


class Calculator(Feature):
    """The calculator page of each cycle, its scripts, and the Pyodide runtime it runs."""

    name = "calculator"

    def cycle(self, renderer: Renderer, pages: CyclePages) -> None:
        renderer.page(
            f"{pages.cycle.path}{PAGE}",
            "calculator.html",
            csp=CSP_WASM,
            cycle=pages.cycle,
            rules=pages.rules,
            worker=WORKER,
            load_timeout=LOAD_TIMEOUT_SECONDS,
            deliveries=DELIVERY_CHOICES,
            **page_scripts(renderer.src),
        )
        pages.tools.append((LABEL, PAGE))

    def site(self, renderer: Renderer) -> None:
        # The scripts, once per build rather than per cycle.
        js = renderer.src / "js"
        for name in SCRIPT_FILES:
            renderer.files[f"assets/js/{name}"] = (js / name).read_bytes()
        renderer.static(f"js/{SCRIPT_FOLDER}", f"assets/js/{SCRIPT_FOLDER}")

    @staticmethod
    def bundle_main_script(files: Files, build: BuildContext) -> None:
        """The page's main script as one file. The early modules, which the page
        loads first, stay separate and are shared with it. Only in a build with
        the runtime: without it the calculator cannot run, and a quick build
        (tests, a preview of content) needs no esbuild."""
        early = page_scripts(build.src)
        bundled = bundle_script(files, MAIN_SCRIPT, (early["early_script"], *early["early_modules"]), build.src)
        files[MAIN_SCRIPT] = bundled.code
        # The calculator's own modules now inside it are still written, for
        # whoever imports them one by one (the tests), but no page loads them.
        build.not_precached.update(m for m in bundled.modules if m.startswith(OWN_SCRIPTS))

    def finish(self, files: Files, build: BuildContext) -> None:
        if not build.runtime:
            return
        self.bundle_main_script(files, build)
        # The runtime does not depend on the content: the preview keeps the
        # files of its first build and asks for them again only then.
        runtime, figures = runtime_files(build.src)
        files.update(runtime)
        build.figures["runtime"] = figures

