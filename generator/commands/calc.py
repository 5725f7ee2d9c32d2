"""`python -m generator calc`: evaluate a course list with the cycle's own rules.

Exit 0 for any valid evaluation (complete or short), 2 for invalid input, with
the errors as JSON on standard output.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

from generator.loading.diagnostics import ContentError
from generator.model.rules_export import rules_for
from generator.pipeline import load_site
from recert_engine import evaluate_json

EXIT_INVALID = 2


def _errors(message: str, field: str | None = None) -> str:
    return json.dumps({"errors": [{"course": None, "field": field, "message": message}]}, sort_keys=True)


def _read_input(name: str) -> str:
    """The file's text; a byte-order mark (Windows editors write one) is dropped."""
    if name == "-":
        return sys.stdin.read().removeprefix("\ufeff")
    return Path(name).read_text(encoding="utf-8-sig")


def run_calc(args) -> int:
    try:
        text = _read_input(args.file)
    except UnicodeDecodeError as exc:
        print(_errors(f"cannot read {args.file}: it is not UTF-8 text (byte {exc.start} is not UTF-8); "
                      "save it as UTF-8, as the calculator's export does"))
        return EXIT_INVALID
    except OSError as exc:
        print(_errors(f"cannot read {args.file}: {exc}"))
        return EXIT_INVALID
    today = args.today or dt.date.today().isoformat()
    try:
        dt.date.fromisoformat(today)
    except ValueError:
        print(_errors(f"--today must be a date written YYYY-MM-DD, got {today!r}", "today"))
        return EXIT_INVALID

    try:
        cycle_id = json.loads(text).get("cycle")
    except (ValueError, AttributeError, RecursionError):
        cycle_id = None  # the engine reports malformed input in its own words
    try:
        site, _ = load_site(args.content, drafts=True)  # a publisher checks a draft's answers too
    except ContentError as exc:
        for diagnostic in exc.report.sorted():
            print(diagnostic, file=sys.stderr)
        print(_errors("the site's content has errors; run `python -m generator check`"))
        return EXIT_INVALID
    cycle = site.cycle(cycle_id) if isinstance(cycle_id, str) else None
    if cycle is None and isinstance(cycle_id, str):
        known = ", ".join(c.id for c in site.cycles)
        print(_errors(f"unknown cycle {cycle_id!r}; known cycles: {known}", "cycle"))
        return EXIT_INVALID
    # With no usable cycle, any cycle's rules let the engine name the input's problems.
    rules = rules_for(cycle or site.cycles[0])
    output = evaluate_json(json.dumps(rules), text, today)
    print(output)
    return EXIT_INVALID if "errors" in json.loads(output) else 0
