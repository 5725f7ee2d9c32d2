"""Write the field table of docs/rules-json.md from recert_engine/rules.schema.json.

    python scripts/rules_doc.py           # rewrite the table in the doc
    python scripts/rules_doc.py --check   # exit 1 if the doc's table is not the one the schema gives

The format of rules.json is described once, in the schema; the doc's table
(between the two `rules-schema` markers) is generated from it, so every field
the schema names is documented and the doc names no other. A test runs
`--check`.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "recert_engine" / "rules.schema.json"
DOC = ROOT / "docs" / "rules-json.md"
START = "<!-- rules-schema: start (written by scripts/rules_doc.py from recert_engine/rules.schema.json) -->"
END = "<!-- rules-schema: end -->"


def kinds_of(spec: dict) -> list[str]:
    return spec["type"] if isinstance(spec.get("type"), list) else [spec.get("type")]


def type_text(spec: dict, defs: dict) -> str:
    if "x-type" in spec:
        return spec["x-type"]
    if "$ref" in spec:
        return defs[spec["$ref"].rsplit("/", 1)[1]]["x-type"]
    if "const" in spec:
        return f"`{json.dumps(spec['const'])}`"
    kinds = kinds_of(spec)
    names = {"array": "list", "object": "object", "boolean": "true/false", "integer": "integer", "null": "null",
             "string": "text"}
    if "array" in kinds and spec.get("items", {}).get("type") == "object":
        return " or ".join("list of objects" if k == "array" else names[k] for k in kinds)
    if spec.get("type") == "object" and "additionalProperties" in spec and "properties" not in spec:
        return f"object of {names[spec['additionalProperties']['type']]}"
    return " or ".join(names[k] for k in kinds)


def rows(spec: dict, defs: dict, prefix: str = "") -> list[tuple[str, str, str, str]]:
    """(key, type, required, meaning) for every field, depth first, in the schema's order."""
    out = []
    required = set(spec.get("required", ()))
    for key, child in spec.get("properties", {}).items():
        name = f"{prefix}{key}"
        out.append((f"`{name}`", type_text(child, defs), "yes" if key in required else "", child["description"]))
        if "object" in kinds_of(child) and "properties" in child:
            out += rows(child, defs, f"{name}.")
        elif "array" in kinds_of(child) and "properties" in child.get("items", {}):
            out += rows(child["items"], defs, f"{name}[].")
    return out


def table(schema: dict) -> str:
    lines = ["| key | type | required | meaning |", "| --- | --- | --- | --- |"]
    lines += [f"| {key} | {kind} | {req} | {meaning} |" for key, kind, req, meaning in rows(schema, schema["$defs"])]
    return "\n".join(lines)


def with_table(doc: str, schema: dict) -> str:
    before, found, rest = doc.partition(START)
    _, found_end, after = rest.partition(END)
    if not found or not found_end:
        raise SystemExit(f"{DOC.relative_to(ROOT)}: the markers {START!r} and {END!r} are missing")
    return f"{before}{START}\n{table(schema)}\n{END}{after}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="only compare; exit 1 if the doc is out of step")
    parser.add_argument("--doc", type=Path, default=DOC, help=argparse.SUPPRESS)
    args = parser.parse_args()
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    doc = args.doc.read_text(encoding="utf-8")
    wanted = with_table(doc, schema)
    if args.check:
        if doc != wanted:
            print(f"{args.doc}: the field table is not the table written from recert_engine/rules.schema.json; "
                  "run `python scripts/rules_doc.py` and commit the result", file=sys.stderr)
            return 1
        return 0
    if doc != wanted:
        args.doc.write_text(wanted, encoding="utf-8")
        print(f"wrote the field table of {args.doc}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
