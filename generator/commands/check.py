"""`check`: validate the content and report every problem."""

from __future__ import annotations

import sys

from generator.commands.report import print_report
from generator.loading.diagnostics import ContentError
from generator.pipeline import load_site


def run_check(args) -> int:
    try:
        _, report = load_site(args.content, strict=args.strict)
    except ContentError as exc:
        print_report(exc.report)
        errors, warnings = len(exc.report.errors), len(exc.report.warnings)
        what = f"{errors} error(s), {warnings} warning(s)"
        if not errors:
            what += " (warnings fail the check because of --strict)"
        print(f"check failed: {what}", file=sys.stderr)
        return 1
    print_report(report)
    print(f"content OK ({len(report.warnings)} warning(s))", file=sys.stderr)
    return 0
