"""_headers for hosts that read it (Netlify, Cloudflare Pages).

Pages already carry their Content-Security-Policy in a <meta> tag; the header
also covers what a tag cannot: the engine's Web Worker and the service worker
(scripts get their policy only from a header), and frame-ancestors.

Caching: the calculator's runtime files are named after a hash of their bytes
(features/runtime.py), so browsers may keep them for a year without asking again.
sw.js must always be checked, so people get new rules promptly. Everything
else keeps the host's default (Netlify and Cloudflare Pages revalidate every
time). No Cache-Control rule matches every path: these hosts merge the headers
of every matching rule, and two Cache-Control values would be joined into one.
"""

from __future__ import annotations

from generator.features.base import BuildContext, Feature
from generator.features.runtime import RUNTIME_FOLDER
from generator.render.environment import CSP_WASM, Files

HEADERS_FILE = "_headers"
IMMUTABLE = "public, max-age=31536000, immutable"


def headers_file() -> bytes:
    lines = [
        "# Written by generator/features/headers.py. Runtime files are named after their bytes: kept for a year.",
        "# sw.js is always checked with the server, so people get new rules promptly.",
        "/*",
        f"  Content-Security-Policy: {CSP_WASM}; frame-ancestors 'none'",
        "  X-Content-Type-Options: nosniff",
        "/sw.js",
        "  Cache-Control: no-cache",
        f"/{RUNTIME_FOLDER}/*",
        f"  Cache-Control: {IMMUTABLE}",
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")


class HostHeaders(Feature):
    name = "host headers"

    def finish(self, files: Files, build: BuildContext) -> None:
        files[HEADERS_FILE] = headers_file()
