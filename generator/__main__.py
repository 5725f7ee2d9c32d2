"""Command line: python -m generator {check,build,serve,calc,new-cycle}."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .diagnostics import ContentError, Report


def _print_report(report: Report) -> None:
    for diagnostic in report.sorted():
        print(diagnostic, file=sys.stderr)


def cmd_check(args) -> int:
    from .pipeline import load_site

    try:
        _, report = load_site(args.content, strict=args.strict)
    except ContentError as exc:
        _print_report(exc.report)
        errors, warnings = len(exc.report.errors), len(exc.report.warnings)
        what = f"{errors} error(s), {warnings} warning(s)"
        if not errors:
            what += " (warnings fail the check because of --strict)"
        print(f"check failed: {what}", file=sys.stderr)
        return 1
    _print_report(report)
    print(f"content OK ({len(report.warnings)} warning(s))", file=sys.stderr)
    return 0


def cmd_build(args) -> int:
    from jinja2 import TemplateError

    from .bundle import BundleError
    from .pipeline import build

    try:
        result = build(args.content, args.out, strict=args.strict, runtime=not getattr(args, "no_runtime", False))
    except ContentError as exc:
        _print_report(exc.report)
        print(f"build failed: {len(exc.report.errors)} error(s); {args.out}/ was left unchanged", file=sys.stderr)
        return 1
    except TemplateError as exc:
        where = f"{getattr(exc, 'filename', None) or 'template'}:{getattr(exc, 'lineno', '?')}"
        print(f"{where}: template error: {exc}", file=sys.stderr)
        print(f"build failed; {args.out}/ was left unchanged", file=sys.stderr)
        return 1
    except BundleError as exc:
        print(f"calculator runtime: {exc}", file=sys.stderr)
        print(f"build failed; {args.out}/ was left unchanged", file=sys.stderr)
        return 1
    except OSError as exc:  # raised while writing: the whole site was rendered
        print(f"cannot write the site: {exc}", file=sys.stderr)
        print(f"build failed; each file in {args.out}/ is whole, from this build or the one before", file=sys.stderr)
        return 1
    _print_report(result.report)
    stats = result.stats
    print(
        f"built {len(result.site.cycles)} cycle(s), {len(result.files)} files into {args.out}/ "
        f"in {result.seconds * 1000:.0f} ms: {len(stats.written)} written, {stats.unchanged} unchanged, "
        f"{len(stats.removed)} removed",
        file=sys.stderr,
    )
    return 0


def cmd_serve(args) -> int:
    from .serve import serve

    return serve(args)


def cmd_calc(args) -> int:
    from .calc import run_calc

    return run_calc(args)


def cmd_new_cycle(args) -> int:
    from .scaffold import ScaffoldError, new_cycle

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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    def content_option(p):
        p.add_argument("--content", type=Path, default=Path("content"), help="content folder (default: content)")

    p = sub.add_parser("check", help="validate the content and report every problem")
    content_option(p)
    p.add_argument("--strict", action="store_true", help="fail on warnings too")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("build", help="render the site into the output folder")
    content_option(p)
    p.add_argument("--out", type=Path, default=Path("build"), help="output folder (default: build)")
    p.add_argument("--strict", action="store_true", help="fail on warnings too")
    p.add_argument("--no-runtime", action="store_true",
                   help="leave out the calculator's Pyodide runtime (faster; the calculator pages then say it is unavailable)")
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("serve", help="preview on 127.0.0.1, rebuilding and reloading on every edit")
    content_option(p)
    p.add_argument("--out", type=Path, default=Path("build"))
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--no-build", action="store_true", help="serve the output folder as it is (no watching)")
    p.add_argument("--no-runtime", action="store_true", help="leave out the calculator's Pyodide runtime (faster first build)")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("calc", help="evaluate a course list (JSON) against its cycle's rules")
    content_option(p)
    p.add_argument("file", help="input JSON file, or - for standard input")
    p.add_argument("--today", help="evaluate as of this date (YYYY-MM-DD); default: today")
    p.set_defaults(func=cmd_calc)

    p = sub.add_parser("new-cycle", help="start a new cycle's content file from an earlier cycle")
    content_option(p)
    p.add_argument("--from", dest="from_cycle", required=True, metavar="YEAR/LEVEL", help="earlier cycle to copy, e.g. 2024/aemt")
    p.add_argument("--year", type=int, required=True, help="year of the new cycle, e.g. 2026")
    p.set_defaults(func=cmd_new_cycle)

    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
