"""Acknowledged differences between a source and its page.

A cycle file may list, under a source, facts that deliberately differ between
that source and the guidance page, each with a reason:

    sources:
      - id: flyer
        file: aemt-2024.pdf
        acknowledged:
          - fact: "$1253"
            kind: money
            on_page: "$125"
            reason: The PDF's text runs the $125 fee into the number of item 3.

`fact` is written as the source writes it. An acknowledged fact is not
reported by `check --sources` in either direction: missing from the page, or
on the page but in no source. With `on_page`, the page's own spelling of the
fact (here $125) counts as coming from this source.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.sources.facts import fact_key


@dataclass(frozen=True)
class Acknowledgement:
    kind: str
    key: str
    on_page: str | None  # key of the page's version, if it differs
    fact: str  # as written in the cycle file
    source_index: int
    index: int

    @property
    def path(self) -> str:
        return f"sources[{self.source_index}].acknowledged[{self.index}]"


def check_acknowledged(source: dict, path: str, year, ctx) -> None:
    """Validation (while loading): each acknowledged fact, and its `on_page`
    version, reads as one fact of the kind given."""
    items = source.get("acknowledged")
    if not isinstance(items, list):
        return
    fallback = year if isinstance(year, int) else None
    for index, item in enumerate(items):
        if not isinstance(item, dict) or not isinstance(item.get("kind"), str):
            continue
        for key in ("fact", "on_page"):
            written = item.get(key)
            if isinstance(written, str) and fact_key(item["kind"], written, fallback) is None:
                ctx.error(
                    item["_nodes"][key], f"{path}.acknowledged[{index}].{key}",
                    f"{written!r} does not read as one {item['kind']} fact; write it as the "
                    f"{'source' if key == 'fact' else 'page'} does",
                )


def acknowledgements(data: dict) -> list[Acknowledgement]:
    """Every acknowledged fact of a (validated) cycle."""
    found = []
    for s_index, source in enumerate(data["sources"]):
        for index, item in enumerate(source.get("acknowledged") or []):
            key = fact_key(item["kind"], item["fact"], data["year"])
            on_page = fact_key(item["kind"], item["on_page"], data["year"]) if item.get("on_page") else None
            found.append(Acknowledgement(item["kind"], key, on_page, item["fact"], s_index, index))
    return found
