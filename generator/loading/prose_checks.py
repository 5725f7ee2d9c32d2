"""What a publisher can get wrong inside Markdown prose, found while loading.

Dates written as text ("March 31, 2024", "3/31/2024") are not shown as dates
and are not moved by `new-cycle`: a warning asks for `{date:…}`. Phone numbers,
e-mail addresses and the `{date:…}` dates are returned so the cross-checks can
compare them with the contacts and the typed dates.

The page renderer (text/prose.py) disables raw HTML and lets markdown-it drop
unsafe links, so such text would silently show as something else. Here the
same text is parsed with everything allowed, to say what is wrong instead:
raw HTML, `javascript:`/`data:` links, images from other sites, and a
`{date:…}` where it cannot become a <time> element (a link title, image text).
In-page links (`#component-national`) are returned for the cross-checks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from markdown_it import MarkdownIt

_md = MarkdownIt("commonmark", {"html": True})
_md.validateLink = lambda url: True  # see every link as written, even ones the page would drop

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
WRITTEN_DATE = re.compile(
    rf"\b(?:(?:{MONTHS}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?)\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    r"|\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d{2}-\d{2})\b"
)
DATE_SHORTCODE = re.compile(r"\{date:([^}]*)\}")
PHONE = re.compile(r"(?<![\d-])\(?(\d{3})\)?[-. ]?(\d{3})[-.](\d{4})(?![\d-])")
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
UNSAFE_SCHEME = re.compile(r"\s*(javascript|vbscript|data)\s*:", re.IGNORECASE)
OTHER_SITE = re.compile(r"\s*(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)


@dataclass
class ProseFindings:
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    fragments: list[str] = field(default_factory=list)  # "#component-national" links
    phones: list[str] = field(default_factory=list)  # as 617-973-0935
    emails: list[str] = field(default_factory=list)  # lowercase
    dates: list[str] = field(default_factory=list)  # what each {date:…} holds: 2030-03-31 or a name (ce_last_day)


def _walk(tokens):
    for token in tokens:
        yield token
        if token.children:
            yield from _walk(token.children)


@lru_cache(maxsize=20000)
def check_prose(text: str) -> ProseFindings:
    """Problems in one prose value; cached, since cycles of a level repeat most of their prose."""
    found = ProseFindings(dates=[m.group(1) for m in DATE_SHORTCODE.finditer(text)])
    plain = DATE_SHORTCODE.sub(" ", text)
    for match in WRITTEN_DATE.finditer(plain):
        found.warnings.append(
            f"date {match.group(0)!r} written as text; write it as {{date:YYYY-MM-DD}} so the page shows it as a "
            "date and new-cycle moves it"
        )
    found.phones = ["-".join(m.groups()) for m in PHONE.finditer(plain)]
    found.emails = [m.group(0).lower().rstrip(".") for m in EMAIL.finditer(plain)]
    if "<" in text or "[" in text:  # otherwise no HTML, link or image is possible: most prose
        _check_markdown(text, found)
    return found


def _check_markdown(text: str, found: ProseFindings) -> None:
    for token in _walk(_md.parse(text)):
        if token.type in ("html_inline", "html_block"):
            if token.content.lstrip().startswith("</"):
                continue  # its opening tag is reported
            tag = token.content.strip().splitlines()[0][:40]
            found.errors.append(f"raw HTML {tag!r} is not shown on the page; write Markdown instead")
        elif token.type == "link_open":
            href = str(token.attrs.get("href", ""))
            if UNSAFE_SCHEME.match(href):
                found.errors.append(f"link to {href[:40]!r}: only web, e-mail and phone links are allowed")
            elif href.startswith("#"):
                found.fragments.append(href)
            if "{date:" in str(token.attrs.get("title", "")):
                found.errors.append("{date:…} in a link title cannot be shown as a date; write the date out in words")
        elif token.type == "image":
            src = str(token.attrs.get("src", ""))
            if OTHER_SITE.match(src):
                found.errors.append(
                    f"image {src[:40]!r} is not from this site; pages show only images from this site (and work offline)"
                )
            if "{date:" in token.content or "{date:" in str(token.attrs.get("title", "")):
                found.errors.append("{date:…} in an image's text cannot be shown as a date; write the date out in words")
