"""Preview server: serves the output folder on 127.0.0.1 with correct types.

`python -m generator serve` also watches content/ and site_src/ (templates,
css, js), rebuilds what an edit affects (incremental.py), and reloads the open
browser tab. It does that by adding, to the HTML it serves (never to the files
in the output folder), a stylesheet and a script from /__preview/, which exist
only on this server. When a build fails, the last good site keeps being served
with the errors shown on top of every page.
"""

from __future__ import annotations

import functools
import html
import http.server
import io
import json
import re
import secrets
import sys
import threading
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

from generator.locations import SITE_SRC
from generator.preview.incremental import BuildFailed, IncrementalBuilder, Rebuilt
from generator.preview.watch import Watcher

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

PREVIEW_PREFIX = "/__preview/"
PREVIEW_ASSETS = Path(__file__).resolve().parent / "assets"
KEEPALIVE_SECONDS = 15.0


class SiteRequestHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **MIME_TYPES}

    def end_headers(self) -> None:
        # The preview never caches, so an edit shows on the next reload.
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def send_response(self, code: int, message: str | None = None) -> None:
        self.response_started = True
        super().send_response(code, message)

    def handle_one_request(self) -> None:
        # The standard handler drops the connection on any unexpected error
        # (a NUL byte in the path, an unreadable file); answer with an HTTP error.
        self.response_started = False
        try:
            super().handle_one_request()
        except (BrokenPipeError, ConnectionResetError, TimeoutError):
            self.close_connection = True
        except Exception as exc:  # noqa: BLE001 - any request must get an answer
            self.close_connection = True
            if self.response_started:
                return  # the status line is out; closing is all that is left
            try:
                if isinstance(exc, (ValueError, UnicodeError)):
                    self.send_error(400, "Bad request", f"cannot serve this address: {exc}")
                else:
                    self.send_error(500, "Internal error", f"{type(exc).__name__}: {exc}")
            except OSError:
                pass  # the client has gone

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - stdlib signature
        if getattr(self.server, "quiet", False) or self.path.startswith(PREVIEW_PREFIX):
            return
        super().log_message(format, *args)


def make_server(root: Path, port: int = 0, quiet: bool = True, handler_class=SiteRequestHandler) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(handler_class, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    server.quiet = quiet
    server.daemon_threads = True
    return server


def start_in_thread(root: Path, port: int = 0) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = make_server(root, port)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    host, bound_port = server.server_address[:2]
    return server, f"http://{host}:{bound_port}/"


# ---- live preview -----------------------------------------------------------


class PreviewState:
    """The current build version and errors, shared by the watcher and the handlers."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._instance = secrets.token_hex(4)  # a restarted server reloads open tabs too
        self._counter = 0
        self.errors: list[str] = []
        self.closed = False

    @property
    def version(self) -> str:
        return f"{self._instance}-{self._counter}"

    def publish(self, errors: list[str]) -> None:
        with self._changed:
            self._counter += 1
            self.errors = list(errors)
            self._changed.notify_all()

    def wait_for_change(self, seen: str | None, timeout: float) -> str:
        with self._changed:
            self._changed.wait_for(lambda: self.version != seen or self.closed, timeout)
            return self.version

    def close(self) -> None:
        with self._changed:
            self.closed = True
            self._changed.notify_all()


def error_panel(errors: list[str], last_good: bool = True) -> str:
    items = html.escape("\n".join(errors))
    shown = "The page below is from the last good build. " if last_good else ""
    return (
        '<aside class="preview-error" role="alert" aria-labelledby="preview-error-title">'
        '<p class="preview-error-title" id="preview-error-title">Build failed</p>'
        f"<p>{shown}Fix the problems listed here and save; this page reloads by itself.</p>"
        f"<pre>{items}</pre></aside>"
    )


def inject_preview(page: str, version: str, errors: list[str], last_good: bool = True) -> str:
    """The served copy of a page: preview stylesheet, error panel, reload script."""
    link = f'<link rel="stylesheet" href="{PREVIEW_PREFIX}preview.css">'
    script = f'<script type="module" src="{PREVIEW_PREFIX}reload.js" data-version="{html.escape(version)}"></script>'
    page = page.replace("</head>", link + "</head>", 1) if "</head>" in page else link + page
    if errors:
        body = re.search(r"<body[^>]*>", page)
        at = body.end() if body else 0
        page = page[:at] + error_panel(errors, last_good) + page[at:]
    if "</body>" in page:
        return page.replace("</body>", script + "</body>", 1)
    return page + script


def error_page() -> str:
    """What a page request gets when the first build failed and nothing was ever built."""
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Build failed</title></head>'
        '<body><main><h1>Nothing built yet</h1><p>The first build failed and there is no earlier build to show.</p>'
        "</main></body></html>"
    )


class PreviewRequestHandler(SiteRequestHandler):
    """Serves the output folder plus /__preview/ (reload script, events, status)."""

    @property
    def state(self) -> PreviewState:
        return self.server.preview_state

    def do_GET(self) -> None:
        path = urlsplit(self.path).path
        if path.startswith(PREVIEW_PREFIX):
            self._preview_endpoint(path[len(PREVIEW_PREFIX):])
            return
        if self.headers.get("Service-Worker") == "script":
            # The site's service worker would answer from its saved copy and hide
            # edits. Chromium keeps an installed worker when its update is a 404,
            # so answer with a worker that clears the saved copy and removes itself.
            self._send_retiring_worker()
            return
        super().do_GET()

    def _send_retiring_worker(self) -> None:
        body = (PREVIEW_ASSETS / "retire-sw.js").read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", "text/javascript; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def send_head(self):
        target = self._html_target()
        if target is None:
            return super().send_head()
        state = self.state
        if target.is_file():
            page, status, last_good = target.read_text(encoding="utf-8", errors="replace"), 200, True
        elif state.errors:
            page, status, last_good = error_page(), 503, False
        else:
            return super().send_head()
        body = inject_preview(page, state.version, state.errors, last_good).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", MIME_TYPES[".html"])
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def _html_target(self) -> Path | None:
        """The HTML file a request is for, or None when it is not for a page."""
        url_path = unquote(urlsplit(self.path).path)
        local = Path(self.translate_path(self.path))
        if url_path.endswith("/"):
            return local / "index.html"
        if local.suffix == ".html":
            return local
        return None

    def _send_bytes(self, data: bytes, content_type: str, status: int = 200) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _preview_endpoint(self, name: str) -> None:
        if name == "events":
            self._events()
        elif name == "status":
            body = {"version": self.state.version, "errors": self.state.errors}
            self._send_bytes(json.dumps(body).encode("utf-8"), MIME_TYPES[".json"])
        elif name in ("reload.js", "preview.css"):
            self._send_bytes((PREVIEW_ASSETS / name).read_bytes(), MIME_TYPES[Path(name).suffix])
        else:
            self.send_error(404, "no such preview resource")

    def _events(self) -> None:
        """Server-Sent Events: the build version now, then each time it changes."""
        self.close_connection = True
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.end_headers()
        seen = None
        while True:
            version = self.state.wait_for_change(seen, KEEPALIVE_SECONDS)
            if self.state.closed:
                return
            message = ": keep-alive\n\n" if version == seen else f"event: version\ndata: {version}\n\n"
            seen = version
            try:
                self.wfile.write(message.encode("utf-8"))
                self.wfile.flush()
            except (BrokenPipeError, ConnectionResetError):
                return


class Preview:
    """Build, serve, watch and rebuild; `start()` returns the URL."""

    def __init__(self, content_dir: Path, out_dir: Path, src: Path = SITE_SRC, port: int = 0,
                 interval: float = 0.1, log=None, quiet: bool = False, runtime: bool = True):
        self.content_dir = Path(content_dir)
        self.out_dir = Path(out_dir)
        self.src = Path(src)
        self.builder = IncrementalBuilder(self.content_dir, self.out_dir, self.src, runtime)
        self.state = PreviewState()
        self.port = port
        self.interval = interval
        self.quiet = quiet  # no request log lines (tests)
        self.log = log or (lambda line: print(line, file=sys.stderr, flush=True))
        self.stop_event = threading.Event()
        self.server: http.server.ThreadingHTTPServer | None = None
        self.threads: list[threading.Thread] = []
        self.last: Rebuilt | None = None

    @property
    def watched(self) -> list[Path]:
        return [self.content_dir, self.src / "templates", self.src / "css", self.src / "js"]

    def start(self) -> str:
        self.out_dir.mkdir(parents=True, exist_ok=True)
        # Bind first so a taken port fails before any work; snapshot before
        # building so no edit made during the first build is missed.
        self.server = make_server(self.out_dir, self.port, quiet=self.quiet, handler_class=PreviewRequestHandler)
        self.server.preview_state = self.state
        watcher = Watcher(self.watched, self.interval)
        self._run(lambda: self.builder.full(), "initial build")
        for target, args in ((self.server.serve_forever, ()), (self._watch, (watcher,))):
            thread = threading.Thread(target=target, args=args, daemon=True)
            thread.start()
            self.threads.append(thread)
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}/"

    def stop(self) -> None:
        self.stop_event.set()
        self.state.close()
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
        for thread in self.threads:
            thread.join(timeout=5)

    def _watch(self, watcher: Watcher) -> None:
        while not self.stop_event.is_set():
            changed = watcher.wait(self.stop_event)
            if changed:
                names = ", ".join(sorted(self._short(p) for p in changed))
                self._run(lambda: self.builder.rebuild(changed), f"{names} changed")

    def _short(self, path: Path) -> str:
        for root in (self.content_dir.resolve().parent, self.src.resolve()):
            if root in path.parents:
                return str(path.relative_to(root))
        return str(path)

    def _run(self, build, why: str) -> None:
        stamp = time.strftime("%H:%M:%S")
        try:
            result = build()
        except Exception as exc:  # the builder names every failure; anything else is still shown
            failure = exc if isinstance(exc, BuildFailed) else BuildFailed([f"{type(exc).__name__}: {exc}"])
            kept = "still serving the last good site" if self.builder.site else "serving what is in the output folder"
            self.log(f"[{stamp}] {why}: build FAILED; {kept}")
            for line in failure.messages:
                self.log(f"  {line}")
            self.state.publish(failure.messages)
            return
        self.last = result
        for line in result.warnings:
            self.log(f"  {line}")
        self.log(
            f"[{stamp}] {why}: rebuilt {result.what} in {result.seconds * 1000:.0f} ms, "
            f"{len(result.written)} file(s) written, {len(result.removed)} removed"
        )
        if result.written or result.removed or self.state.errors:
            self.state.publish([])


def serve(args) -> int:
    if args.no_build:
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
    preview = Preview(args.content, args.out, port=args.port, runtime=not getattr(args, "no_runtime", False))
    try:
        url = preview.start()
    except OSError as exc:  # most often: the port is taken
        print(f"cannot serve on 127.0.0.1:{args.port}: {exc.strerror}; try another --port", file=sys.stderr)
        return 1
    watched = ", ".join(f"{p}/" for p in preview.watched)
    print(f"previewing {args.out}/ at {url} (watching {watched}; Ctrl+C to stop)", file=sys.stderr)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        preview.stop()
    return 0
