"""The text a person reads on a guidance page, for finding its facts.

Only the page's <main> counts (the header and footer are the same on every
page). Parts marked `data-source-check="skip"` in the templates are left out:
they show facts that do not come from the cycle's sources (the previous cycle's
values in "What changed", the day the page was last verified). Dates in
<time datetime> and the addresses of links count as shown.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

SKIP_ATTRIBUTE = ("data-source-check", "skip")
BLOCKS = {"p", "li", "td", "th", "dd", "dt", "h1", "h2", "h3", "h4", "br", "caption", "div", "section", "tr"}
VOID = {"br", "img", "input", "meta", "link", "hr", "wbr", "source", "col", "area", "base", "embed", "track"}


class _MainText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []
        self.extras: list[str] = []  # datetime values and link addresses
        self.in_main = 0
        self.skipping: list[str] = []  # open tags since a skipped element began
        self.script = 0

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "main":
            self.in_main += 1
        if not self.in_main:
            return
        if self.skipping:
            if tag not in VOID:
                self.skipping.append(tag)
            return
        if values.get(SKIP_ATTRIBUTE[0]) == SKIP_ATTRIBUTE[1] and tag not in VOID:
            self.skipping.append(tag)
            return
        if tag in ("script", "style", "template"):
            self.script += 1
        if tag == "time" and values.get("datetime"):
            self.extras.append(values["datetime"])
        href = values.get("href") or ""
        if tag == "a" and re.match(r"(?:https?|mailto):", href):
            self.extras.append(href.removeprefix("mailto:"))
        if tag in BLOCKS:
            self.chunks.append("\n")

    def handle_endtag(self, tag):
        if self.skipping:
            if tag in self.skipping:
                # close up to the matching tag (HTML may leave some unclosed)
                while self.skipping and self.skipping.pop() != tag:
                    pass
            return
        if tag in ("script", "style", "template") and self.script:
            self.script -= 1
        if tag == "main" and self.in_main:
            self.in_main -= 1
        if tag in BLOCKS:
            self.chunks.append("\n")

    def handle_data(self, data):
        if self.in_main and not self.skipping and not self.script:
            self.chunks.append(data)


def page_text(html: str) -> str:
    """The main text of a page, one block per line, then its dates and link
    addresses one per line."""
    reader = _MainText()
    reader.feed(html)
    reader.close()
    text = "".join(reader.chunks)
    lines = [re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in text.split("\n")]
    return "\n".join([line for line in lines if line] + reader.extras)
