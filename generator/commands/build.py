"""`build`: render the site into the output folder, which changes only if the whole build succeeds."""

from __future__ import annotations

import sys

from jinja2 import TemplateError

from generator.bundle import BundleError
from generator.commands.report import print_report
from generator.loading.diagnostics import ContentError
from generator.pipeline import build
from generator.render.script_bundle import ScriptBundleError


def run_build(args) -> int:
    try:
        result = build(args.content, args.out, strict=args.strict, runtime=not args.no_runtime, drafts=args.drafts, today=args.today)
    except ContentError as exc:
        print_report(exc.report)
        print(f"build failed: {len(exc.report.errors)} error(s); {args.out}/ was left unchanged", file=sys.stderr)
        return 1
    except TemplateError as exc:
        where = f"{getattr(exc, 'filename', None) or 'template'}:{getattr(exc, 'lineno', '?')}"
        print(f"{where}: template error: {exc}", file=sys.stderr)
        print(f"build failed; {args.out}/ was left unchanged", file=sys.stderr)
        return 1
    except ScriptBundleError as exc:
        print(f"page script: {exc}", file=sys.stderr)
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
    print_report(result.report)
    left_out = 0 if args.drafts else sum(1 for d in result.report.warnings if d.path == "draft")
    if left_out:
        print(f"left out {left_out} draft cycle(s); `build --drafts` includes them", file=sys.stderr)
    stats = result.stats
    print(
        f"built {len(result.site.cycles)} cycle(s), {len(result.files)} files into {args.out}/ "
        f"in {result.seconds * 1000:.0f} ms: {len(stats.written)} written, {stats.unchanged} unchanged, "
        f"{len(stats.removed)} removed",
        file=sys.stderr,
    )
    return 0
