"""The one interface every page feature implements.

A build calls each feature's hooks in the order the registry lists them:

- `start(build)` once, before anything is rendered;
- `cycle(renderer, pages)` for every cycle, possibly in a worker process:
  write the cycle's files and add links for its guidance page to `pages.tools`;
- `site(renderer)` once, for site-wide files that need the model but not the
  other pages (it may run while the cycles render);
- `finish(files, build)` once every page is rendered, to add files that list
  or hash the others (the sitemap, host headers, the service worker).

`build` and the live preview both run the hooks through generator/pipeline.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.model.site import Cycle, Site
from generator.render.environment import Files, Renderer


@dataclass
class BuildContext:
    site: Site
    src: Path  # the site_src folder: templates, stylesheets, scripts
    runtime: bool  # False: leave out the calculator's Pyodide bundle (build --no-runtime)
    precompress: bool = False  # write .br and .gz copies (the build; the preview never needs them)
    figures: dict = field(default_factory=dict)  # what features measured, for the benchmark
    # Files written for tools and tests that no page loads: served, not precached.
    not_precached: set[str] = field(default_factory=set)


@dataclass
class CyclePages:
    """What the features of one cycle share while it renders."""

    cycle: Cycle
    rules: dict  # the rules the engine reads (model/rules_export.py)
    tools: list[tuple[str, str]] = field(default_factory=list)  # (label, href) for "At a glance"


class Feature:
    name = "feature"

    def start(self, build: BuildContext) -> None:
        """Once per build, before rendering."""

    def cycle(self, renderer: Renderer, pages: CyclePages) -> None:
        """Once per cycle."""

    def site(self, renderer: Renderer) -> None:
        """Once per build, for site-wide files."""

    def finish(self, files: Files, build: BuildContext) -> None:
        """Once per build, after every page is rendered."""


class PageScripts(Feature):
    """A feature whose only files are browser scripts every page may load,
    copied once per build from site_src/js/ to assets/js/."""

    scripts: tuple[str, ...] = ()

    def site(self, renderer: Renderer) -> None:
        for name in self.scripts:
            renderer.files[f"assets/js/{name}"] = (renderer.src / "js" / name).read_bytes()
