"""Render the site model into output files held in memory."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from . import prose
from .changes import changes_for
from .model import Cycle, Site
from .rules import rules_for

SITE_SRC = Path(__file__).resolve().parent.parent / "site_src"

# Pages never need inline code; the calculator alone adds 'wasm-unsafe-eval'.
CSP_BASE = (
    "default-src 'self'; script-src 'self'{extra}; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'"
)
CSP_STATIC = CSP_BASE.format(extra="")
CSP_WASM = CSP_BASE.format(extra=" 'wasm-unsafe-eval'")

Files = dict[str, bytes]


class ContentEnvironment(Environment):
    """Jinja looks `a.b` up as an attribute first and as a key only after an
    AttributeError. The content is plain dicts, so look up keys first: pages
    render faster, and no template uses a dict method."""

    def getattr(self, obj, attribute):
        if type(obj) is dict:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)


def make_environment(templates: Path, auto_reload: bool = True) -> Environment:
    """`auto_reload=False` for one-off builds: templates are not re-checked on
    disk for every page (the preview server keeps it on, to see edits)."""
    env = ContentEnvironment(
        loader=FileSystemLoader(str(templates)),
        autoescape=select_autoescape(["html", "xml"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=auto_reload,
    )
    env.filters.update(
        markdown=prose.markdown_block,
        markdown_inline=prose.markdown_inline,
        fact=prose.fact_html,
        date_tag=prose.date_tag,
        money=prose.money,
        tel_href=prose.tel_href,
    )
    return env


def json_bytes(data) -> bytes:
    # Compact: the calculator downloads it, and browsers pretty-print JSON for people.
    return (json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def root_for(path: str) -> str:
    """Relative prefix from a page back to the site root, so any sub-path works."""
    return "../" * path.count("/")


class Renderer:
    """Holds the template environment; page renderers register extra pages."""

    def __init__(self, site: Site, src: Path = SITE_SRC, env: Environment | None = None):
        self.site = site
        self.src = src
        # Renderers of one build share an environment, and so its compiled templates.
        self.env = env or make_environment(src / "templates")
        self.files: Files = {}

    def page(self, out_path: str, template: str, csp: str = CSP_STATIC, **context) -> None:
        html = self.env.get_template(template).render(
            site=self.site, root=root_for(out_path), csp=csp, **context
        )
        self.files[out_path] = html.encode("utf-8")

    def static(self, folder: str, out_folder: str) -> None:
        base = self.src / folder
        for path in sorted(base.rglob("*")):
            if path.is_file():
                self.files[f"{out_folder}/{path.relative_to(base).as_posix()}"] = path.read_bytes()


# Extra per-cycle pages (calculator, checklist, calendar...) and site-wide files
# (sitemap, compare page) plug in through generator/extras.py, so this module
# does not need to know about them.
CycleExtra = Callable[[Renderer, Cycle, dict], list[tuple[str, str]]]
SiteExtra = Callable[[Renderer], None]


def render_cycle(renderer: Renderer, cycle: Cycle) -> None:
    """Everything of one cycle: rules.json, its extras and its guidance page."""
    from .extras import CYCLE_EXTRAS

    rules = rules_for(cycle)
    renderer.files[f"{cycle.path}rules.json"] = json_bytes(rules)
    tools: list[tuple[str, str]] = []
    for extra in CYCLE_EXTRAS:
        tools.extend(extra(renderer, cycle, rules))
    renderer.page(
        f"{cycle.path}index.html",
        "guidance.html",
        cycle=cycle,
        rules=rules,
        tools=tools,
        links={link["id"]: link for link in cycle.data["links"]},
        components={c["id"]: c for c in cycle.data["ce"]["components"]},
        changes=changes_for(cycle),
    )


def render_site_pages(renderer: Renderer) -> None:
    """Pages that depend on every cycle: the home page, the site extras, then
    the listing extras."""
    render_model_pages(renderer)
    render_listings(renderer)


def render_listings(renderer: Renderer) -> None:
    """The listing extras (sitemap): they list every file rendered so far."""
    from .extras import LISTING_EXTRAS

    for listing_extra in LISTING_EXTRAS:
        listing_extra(renderer)


def render_model_pages(renderer: Renderer) -> None:
    """The home page and the site extras: they need the model, not other pages."""
    from .extras import SITE_EXTRAS

    renderer.page("index.html", "home.html")
    for site_extra in SITE_EXTRAS:
        site_extra(renderer)


def render_site(site: Site, src: Path = SITE_SRC) -> Files:
    # The preview server (incremental.py) calls the steps itself, in one process.
    from .parallel import map_alongside

    env = make_environment(src / "templates", auto_reload=False)

    def render_one(cycle: Cycle) -> Files:
        renderer = Renderer(site, src, env)
        render_cycle(renderer, cycle)
        return renderer.files

    def render_shared() -> Files:
        renderer = Renderer(site, src, env)
        renderer.static("css", "assets")
        render_model_pages(renderer)
        return renderer.files

    # Cycle pages in worker processes; the home and compare pages meanwhile here.
    rendered, files = map_alongside(render_one, site.cycles, render_shared)
    for cycle_files in rendered:
        files.update(cycle_files)
    renderer = Renderer(site, src, env)
    renderer.files = files
    render_listings(renderer)
    return renderer.files
