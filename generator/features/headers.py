"""_headers for hosts that read it (Netlify, Cloudflare Pages).

Pages already carry their Content-Security-Policy in a <meta> tag; the header
also covers what a tag cannot: the engine's Web Worker and the service worker
(scripts get their policy only from a header), and frame-ancestors. One rule
for every path, because these hosts merge the headers of every rule that
matches, and two Cache-Control values would be joined into one.
"""

from __future__ import annotations

from generator.features.base import BuildContext, Feature
from generator.render.environment import CSP_WASM, Files

HEADERS_FILE = "_headers"


def headers_file() -> bytes:
    lines = [
        "# Written by generator/features/headers.py. no-cache means \"check with the server before using a",
        "# stored copy\": sw.js must be fresh for people to get new rules; pages and the runtime are",
        "# revalidated too (their names carry no version). Offline use comes from the service worker.",
        "/*",
        f"  Content-Security-Policy: {CSP_WASM}; frame-ancestors 'none'",
        "  X-Content-Type-Options: nosniff",
        "  Cache-Control: no-cache",
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")


class HostHeaders(Feature):
    name = "host headers"

    def finish(self, files: Files, build: BuildContext) -> None:
        files[HEADERS_FILE] = headers_file()
