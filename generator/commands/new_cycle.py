"""`new-cycle`: start a new cycle's content file from an earlier cycle."""

from __future__ import annotations

import sys

from generator.authoring.scaffold import ScaffoldError, new_cycle


def run_new_cycle(args) -> int:
    try:
        made = new_cycle(args.content, args.from_cycle, args.year)
    except ScaffoldError as exc:
        print(f"new-cycle failed: {exc}", file=sys.stderr)
        return 1
    print(
        f"wrote {made.path}: {made.dates_moved} date(s) moved, {made.verify_count} value(s) tagged !verify; "
        f"check each against the {args.year} sources and remove its tag (`check --strict` fails until then)",
        file=sys.stderr,
    )
    return 0
