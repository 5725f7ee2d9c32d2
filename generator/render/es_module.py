"""Python data as an ES module, so browser code imports facts the build owns
instead of keeping its own copies."""

from __future__ import annotations

import json
from typing import Any


def es_module(values: dict[str, Any], origin: str) -> bytes:
    """`export const NAME = value;` per item; lists and objects are frozen so
    no importer can change them for the others."""
    lines = [f"// Written by the site build from {origin}: change it there, not here.", ""]
    for name, value in values.items():
        literal = json.dumps(value, ensure_ascii=False)
        if isinstance(value, (list, dict)):
            literal = f"Object.freeze({literal})"
        lines.append(f"export const {name} = {literal};")
    return ("\n".join(lines) + "\n").encode("utf-8")
