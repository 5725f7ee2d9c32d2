"""`python -m generator.bundle ENGINE_DIR DEST CACHE_DIR [--probes FILE]`:
build the runtime by hand and print the size table (handy for benchmarks)."""
import argparse
import json
import sys
from pathlib import Path

from . import BundleError, bundle_runtime, format_figures


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m generator.bundle", description=__doc__)
    ap.add_argument("engine_dir", type=Path)
    ap.add_argument("dest", type=Path)
    ap.add_argument("cache_dir", type=Path)
    ap.add_argument("--probes", type=Path, help="JSON list of {rules, input, today} traced at build time")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)
    probes = json.loads(args.probes.read_text()) if args.probes else None
    try:
        figures = bundle_runtime(args.engine_dir, args.dest, args.cache_dir, probes=probes)
    except BundleError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(json.dumps(figures, indent=1) if args.json else format_figures(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
