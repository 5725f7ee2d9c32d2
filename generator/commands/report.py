"""How commands print content problems: one `file:line:column: severity: ...` line each."""

from __future__ import annotations

import sys

from generator.loading.diagnostics import Report


def print_report(report: Report) -> None:
    for diagnostic in report.sorted():
        print(diagnostic, file=sys.stderr)
