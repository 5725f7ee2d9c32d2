"""Read a built HTML page the way the tests need it: text, dates, links."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path


@dataclass
class Page:
    text: str = ""
    times: set[str] = field(default_factory=set)
    hrefs: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Reader(HTMLParser):
    def __init__(self, visible_only: bool = False) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self._chunks: list[str] = []
        self._skip = 0
        self._visible_only = visible_only
        self._hidden_depth = 0  # open elements inside a [hidden] subtree, counting its root

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self._hidden_depth:
            if tag not in VOID:
                self._hidden_depth += 1
            return
        if self._visible_only and "hidden" in attrs and tag not in VOID:
            self._hidden_depth = 1
            return
        self.page.tags.append(tag)
        if tag in ("script", "style"):
            self._skip += 1
        if tag == "time" and attrs.get("datetime"):
            self.page.times.add(attrs["datetime"])
        if tag == "a" and attrs.get("href"):
            self.page.hrefs.append(attrs["href"])
        if tag in ("p", "li", "td", "th", "dd", "dt", "h1", "h2", "h3", "h4", "br", "caption"):
            self._chunks.append(" ")

    def handle_endtag(self, tag):
        if self._hidden_depth:
            self._hidden_depth -= 1
            return
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip and not self._hidden_depth:
            self._chunks.append(data)


def read_page(path: Path, visible_only: bool = False) -> Page:
    """The page's text, dates and links; `visible_only` leaves out [hidden] elements,
    as a browser without JavaScript shows the page."""
    reader = _Reader(visible_only)
    reader.feed(path.read_text(encoding="utf-8"))
    reader.page.text = re.sub(r"\s+", " ", "".join(reader._chunks))
    return reader.page
