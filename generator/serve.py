"""Preview server: serves the output folder on 127.0.0.1 with correct types."""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from pathlib import Path

# Pyodide needs application/wasm for streaming compilation; .mjs must be
# JavaScript for module workers; calendars must be text/calendar.
MIME_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".wasm": "application/wasm",
    ".json": "application/json",
    ".ics": "text/calendar; charset=utf-8",
    ".xml": "application/xml",
    ".zip": "application/zip",
    ".whl": "application/zip",
    ".svg": "image/svg+xml",
    ".txt": "text/plain; charset=utf-8",
    ".webmanifest": "application/manifest+json",
}


class SiteRequestHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **MIME_TYPES}

    def end_headers(self) -> None:
        # The preview never caches, so an edit shows on the next reload.
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - stdlib signature
        if getattr(self.server, "quiet", False):
            return
        super().log_message(format, *args)


def make_server(root: Path, port: int = 0, quiet: bool = True) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(SiteRequestHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    server.quiet = quiet
    server.daemon_threads = True
    return server


def start_in_thread(root: Path, port: int = 0) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = make_server(root, port)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    host, bound_port = server.server_address[:2]
    return server, f"http://{host}:{bound_port}/"


def serve(args) -> int:
    if not args.no_build:
        from .__main__ import cmd_build

        if cmd_build(args) != 0 and not Path(args.out).is_dir():
            return 1
    server = make_server(Path(args.out), args.port, quiet=False)
    host, port = server.server_address[:2]
    print(f"serving {args.out}/ at http://{host}:{port}/ (Ctrl+C to stop)", file=sys.stderr)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0
