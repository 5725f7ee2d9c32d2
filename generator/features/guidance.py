"""The guidance page of each cycle, its rules.json, and the home page listing them.

The guidance page renders after the cycle's other features, so it can link
to what they made ("At a glance").
"""

from __future__ import annotations

from generator.features.base import CyclePages, Feature
from generator.model.changes import changes_for
from generator.render.environment import Renderer, json_bytes

RULES_FILE = "rules.json"


class RulesExport(Feature):
    """rules.json: what the engine reads, for the calculator and for anyone's tools."""

    name = "rules export"

    def cycle(self, renderer: Renderer, pages: CyclePages) -> None:
        renderer.files[f"{pages.cycle.path}{RULES_FILE}"] = json_bytes(pages.rules)


class Guidance(Feature):
    name = "guidance"

    def cycle(self, renderer: Renderer, pages: CyclePages) -> None:
        cycle = pages.cycle
        renderer.page(
            f"{cycle.path}index.html",
            "guidance.html",
            cycle=cycle,
            rules=pages.rules,
            tools=pages.tools,
            links={link["id"]: link for link in cycle.data["links"]},
            components={c["id"]: c for c in cycle.data["ce"]["components"]},
            changes=changes_for(cycle),
        )

    def site(self, renderer: Renderer) -> None:
        renderer.static("css", "assets")
        renderer.page("index.html", "home.html")
