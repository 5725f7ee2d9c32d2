"""`serve`: the live preview on 127.0.0.1 (preview/server.py)."""

from __future__ import annotations

from generator.preview.server import serve


def run_serve(args) -> int:
    return serve(args)
