"""The browser's half of cycle status: the scripts every page loads.

The pages themselves carry each cycle's status as of the build date
(site_src/templates/status.html, from generator/model/status.py); these
scripts bring it up to the reader's own date.
"""

from __future__ import annotations

from generator.features.base import Feature
from generator.render.environment import Renderer

SCRIPTS = ("cycle-status.mjs", "status-page.mjs")


class StatusScripts(Feature):
    name = "cycle status"

    def site(self, renderer: Renderer) -> None:
        for name in SCRIPTS:
            renderer.files[f"assets/js/{name}"] = (renderer.src / "js" / name).read_bytes()
