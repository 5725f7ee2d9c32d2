"""assets/js/vocabulary.mjs: the engine's vocabulary for the browser code.

Delivery kinds, approval codes, field names and input limits come from
recert_engine/vocabulary.py, written out at every build, so the calculator's
form, imports and checks can never drift from the engine that judges them.
"""

from __future__ import annotations

from generator.features.base import Feature
from generator.render.environment import Renderer
from generator.render.es_module import es_module
from recert_engine import vocabulary

VOCABULARY_FILE = "assets/js/vocabulary.mjs"


class BrowserVocabulary(Feature):
    name = "vocabulary"

    def site(self, renderer: Renderer) -> None:
        renderer.files[VOCABULARY_FILE] = es_module(vocabulary.browser_values(), "recert_engine/vocabulary.py")
