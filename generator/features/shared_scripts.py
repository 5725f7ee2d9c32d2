"""Browser code that every page's scripts share.

- assets/js/lib/: the one browser implementation of dates, numbers and DOM
  helpers (site_src/js/lib/);
- assets/js/vocabulary.mjs: the engine's vocabulary (delivery kinds, approval
  codes, field names, input limits) written from recert_engine/vocabulary.py
  at every build, so the calculator's form, imports and checks can never drift
  from the engine that judges them.
"""

from __future__ import annotations

from generator.features.base import Feature
from generator.render.environment import Renderer
from generator.render.es_module import es_module
from recert_engine import vocabulary

LIB_FOLDER = ("js/lib", "assets/js/lib")
VOCABULARY_FILE = "assets/js/vocabulary.mjs"


class SharedScripts(Feature):
    name = "shared scripts"

    def site(self, renderer: Renderer) -> None:
        renderer.static(*LIB_FOLDER)
        renderer.files[VOCABULARY_FILE] = es_module(vocabulary.browser_values(), "recert_engine/vocabulary.py")
