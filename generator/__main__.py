"""Command line: python -m generator {check,build,serve,calc,new-cycle}."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from generator.commands.build import run_build
from generator.commands.calc import run_calc
from generator.commands.check import BESIDE_CONTENT, run_check
from generator.commands.new_cycle import run_new_cycle
from generator.commands.serve import run_serve


def build_date(text: str) -> dt.date:
    """`--today YYYY-MM-DD` for argparse: a real calendar day, or a message naming what is wrong."""
    try:
        if len(text) == 10:
            return dt.date.fromisoformat(text)
    except ValueError:
        pass
    raise argparse.ArgumentTypeError(f"expected a real date written YYYY-MM-DD, got {text!r}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    def content_option(p):
        p.add_argument("--content", type=Path, default=Path("content"), help="content folder (default: content)")

    p = sub.add_parser("check", help="validate the content and report every problem")
    content_option(p)
    p.add_argument("--strict", action="store_true", help="fail on warnings too")
    p.add_argument(
        "--sources", type=Path, nargs="?", const=BESIDE_CONTENT, metavar="DIR",
        help="also check every fact of the source documents the cycles name (found in DIR; "
        "default: sources/ beside the content folder) against the cycles' pages",
    )
    p.add_argument(
        "--only-present", action="store_true",
        help="with --sources: a document the folder does not hold is a note, not a warning "
        "(a shared folder of flyers, as in CI, may not have a new cycle's flyer yet)",
    )
    p.set_defaults(func=run_check)

    p = sub.add_parser("build", help="render the site into the output folder")
    content_option(p)
    p.add_argument("--out", type=Path, default=Path("build"), help="output folder (default: build)")
    p.add_argument("--strict", action="store_true", help="fail on warnings too")
    p.add_argument("--no-runtime", action="store_true",
                   help="leave out the calculator's Pyodide runtime (faster; the calculator pages then say it is unavailable)")
    p.add_argument("--drafts", action="store_true",
                   help="include draft cycles (from new-cycle), each page marked as a draft and not for search engines")
    p.add_argument("--today", type=build_date, metavar="YYYY-MM-DD",
                   help="build as of this date: the day pages judge each cycle's status by without JavaScript (default: today)")
    p.set_defaults(func=run_build)

    p = sub.add_parser("serve", help="preview on 127.0.0.1, rebuilding and reloading on every edit")
    content_option(p)
    p.add_argument("--out", type=Path, default=Path("build"))
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--no-build", action="store_true", help="serve the output folder as it is (no watching)")
    p.add_argument("--no-runtime", action="store_true", help="leave out the calculator's Pyodide runtime (faster first build)")
    p.set_defaults(func=run_serve)

    p = sub.add_parser("calc", help="evaluate a course list (JSON) against its cycle's rules")
    content_option(p)
    p.add_argument("file", help="input JSON file, or - for standard input")
    p.add_argument("--today", help="evaluate as of this date (YYYY-MM-DD); default: today")
    p.set_defaults(func=run_calc)

    p = sub.add_parser("new-cycle", help="start a new cycle's content file from an earlier cycle")
    content_option(p)
    p.add_argument("--from", dest="from_cycle", required=True, metavar="YEAR/LEVEL", help="earlier cycle to copy, e.g. 2024/aemt")
    p.add_argument("--year", type=int, required=True, help="year of the new cycle, e.g. 2026")
    p.set_defaults(func=run_new_cycle)

    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
