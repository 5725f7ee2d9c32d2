"""`check`: validate the content and report every problem; with `--sources`,
also check every cycle against the source documents it names."""

from __future__ import annotations

import sys

from generator.commands.report import print_report
from generator.loading.diagnostics import ContentError, Report
from generator.pipeline import load_site
from generator.sources.coverage import CoverageSummary, check_coverage, default_sources_dir

# `--sources` given without a folder: sources/ beside the content folder. Not
# a string, which argparse would turn into a Path like a folder given.
BESIDE_CONTENT = object()


def _failed(report: Report, summary: CoverageSummary | None) -> int:
    print_report(report)
    if summary:
        print(summary, file=sys.stderr)
    errors, warnings = len(report.errors), len(report.warnings)
    what = f"{errors} error(s), {warnings} warning(s)"
    if not errors:
        what += " (warnings fail the check because of --strict)"
    print(f"check failed: {what}", file=sys.stderr)
    return 1


def run_check(args) -> int:
    try:
        # Drafts too: a draft is what a publisher checks against a new flyer.
        site, report = load_site(args.content, strict=args.strict, drafts=True)
    except ContentError as exc:
        return _failed(exc.report, None)
    summary = None
    sources = getattr(args, "sources", None)
    if sources is not None:
        if sources is BESIDE_CONTENT:
            sources = default_sources_dir(args.content)
        summary = check_coverage(site, args.content, sources, report, getattr(args, "only_present", False))
        if report.failed(args.strict):
            return _failed(report, summary)
    print_report(report)
    if summary:
        print(summary, file=sys.stderr)
    print(f"content OK ({len(report.warnings)} warning(s))", file=sys.stderr)
    return 0
