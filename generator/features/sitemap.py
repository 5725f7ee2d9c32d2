"""sitemap.xml listing every HTML page, when site.yaml says where the site lives.

Sitemaps must hold absolute URLs, and the host is otherwise unknown (the site
works under any sub-path), so without `base_url` no sitemap is written.
It finishes after every page is rendered, because it lists them.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from generator.features.base import BuildContext, Feature
from generator.render.environment import Files

SITEMAP_FILE = "sitemap.xml"
NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"


def page_url(base_url: str, path: str) -> str:
    """Folder URLs for index pages ("2018/paramedic/"), as hosts serve them."""
    if path == "index.html" or path.endswith("/index.html"):
        path = path[: -len("index.html")]
    return base_url.rstrip("/") + "/" + path


def sitemap_bytes(base_url: str, paths: list[str]) -> bytes:
    pages = sorted(p for p in paths if p.endswith(".html"))
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', f'<urlset xmlns="{NAMESPACE}">']
    lines += [f"  <url><loc>{escape(page_url(base_url, p))}</loc></url>" for p in pages]
    lines.append("</urlset>")
    return ("\n".join(lines) + "\n").encode("utf-8")


class Sitemap(Feature):
    name = "sitemap"

    def finish(self, files: Files, build: BuildContext) -> None:
        base_url = build.site.data.get("base_url")
        if base_url:
            # Draft cycles (build --drafts) are not for search engines.
            drafts = tuple(cycle.path for cycle in build.site.cycles if cycle.draft)
            files[SITEMAP_FILE] = sitemap_bytes(base_url, [p for p in files if not p.startswith(drafts)])
