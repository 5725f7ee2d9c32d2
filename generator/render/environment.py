"""The template environment and the page renderer every feature writes through."""

from __future__ import annotations

import json
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from generator.locations import SITE_SRC
from generator.model.site import Site
from generator.text import prose

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
        long_date=prose.long_date,
        money=prose.money,
        hours=prose.hours,
        number=prose.number,
        de_limit=prose.de_limit,
        de_sentence=prose.de_sentence,
        window_start=prose.window_start,
        milestone_date=prose.milestone_date,
        tel_href=prose.tel_href,
        source_where=prose.source_where,
    )
    return env


def json_bytes(data) -> bytes:
    # Compact: the calculator downloads it, and browsers pretty-print JSON for people.
    return (json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def root_for(path: str) -> str:
    """Relative prefix from a page back to the site root, so any sub-path works."""
    return "../" * path.count("/")


class Renderer:
    """Renders templates into `files` (output path -> bytes), held in memory
    until the whole site is rendered."""

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
