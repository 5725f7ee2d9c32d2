"""The offline CE-hour calculator page of each cycle.

The page works without JavaScript as far as it can: the cycle's CE table and
a message explaining why the calculator is not running are in the HTML, and
the scripts replace that message once they start. Everything the browser code
needs to know about the cycle is put on the page as data attributes, taken
from the same rules dict the engine reads, so the two cannot disagree.
"""

from __future__ import annotations

from .model import Cycle
from .render import CSP_WASM, Renderer

PAGE = "calculator/index.html"
LABEL = "Hour calculator"

# Browser code of the calculator, copied under assets/js/ (the engine worker
# itself is shipped with the Pyodide bundle, not here).
SCRIPT_FILES = ("calculator.mjs", "calculator-fallback.js")
SCRIPT_FOLDER = "calc"
WORKER = "assets/js/engine-worker.mjs"

# How long the engine may take to load before the page says so; Pyodide on a
# slow phone over a weak signal takes tens of seconds.
LOAD_TIMEOUT_SECONDS = 90

DELIVERY_CHOICES = (
    ("", "Not sure"),
    ("in_person", "In person"),
    ("live_virtual", "Live virtual (taught live online)"),
    ("distributive", "Distributive (self-paced or recorded)"),
)


def copy_scripts(renderer: Renderer) -> None:
    """Site extra: the calculator's scripts, once per build rather than per cycle."""
    js = renderer.src / "js"
    for name in SCRIPT_FILES:
        renderer.files[f"assets/js/{name}"] = (js / name).read_bytes()
    renderer.static(f"js/{SCRIPT_FOLDER}", f"assets/js/{SCRIPT_FOLDER}")


def render_calculator(renderer: Renderer, cycle: Cycle, rules: dict) -> list[tuple[str, str]]:
    out_path = f"{cycle.path}{PAGE}"
    renderer.page(
        out_path,
        "calculator.html",
        csp=CSP_WASM,
        cycle=cycle,
        rules=rules,
        worker=WORKER,
        load_timeout=LOAD_TIMEOUT_SECONDS,
        deliveries=DELIVERY_CHOICES,
    )
    return [(LABEL, PAGE)]

