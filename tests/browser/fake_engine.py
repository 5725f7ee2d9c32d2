"""A stand-in for the Pyodide engine worker, for browser tests that run before
(or without) the Pyodide runtime in the build.

The page starts its worker from ``data-worker-url``; the test fulfils that URL
with a small module worker that speaks the same protocol as
site_src/js/engine-worker.mjs. Its "evaluate" posts the input to a test-only
URL, which this module answers with the real engine (recert_engine, in this
Python process), so the page draws real engine output. Nothing here ships.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import recert_engine

WORKER_GLOB = "**/assets/js/engine-worker.mjs"
ENDPOINT_PATH = "/__test__/engine"

_WORKER_JS = """
const OPTIONS = __OPTIONS__;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
let rules = null;
// As the real worker: the download's progress from its start, before any request.
(async () => {
  for (const [loaded, total] of OPTIONS.download) {
    self.postMessage({ type: "progress", message: "Downloading the Python runtime…", loaded, total });
    await sleep(OPTIONS.step_ms);
  }
})();
self.addEventListener("message", async (event) => {
  const { id, op, payload } = event.data || {};
  try {
    if (op === "init") {
      for (const message of OPTIONS.progress) {
        self.postMessage({ type: "progress", id, message });
        await sleep(OPTIONS.step_ms);
      }
      if (OPTIONS.mode === "hang") return;
      if (OPTIONS.mode === "fail") {
        self.postMessage({ id, ok: false, error: OPTIONS.error });
        return;
      }
      const response = await fetch(payload.rulesUrl);
      if (!response.ok) throw new Error("rules: HTTP " + response.status);
      rules = await response.text();
      self.postMessage({ id, ok: true });
    } else if (op === "evaluate") {
      const response = await fetch(OPTIONS.endpoint, {
        method: "POST",
        body: JSON.stringify({ rules, input: payload.input, today: payload.today }),
      });
      self.postMessage({ id, ok: true, result: await response.json() });
    } else {
      throw new Error("unknown op " + op);
    }
  } catch (error) {
    self.postMessage({ id, ok: false, error: String(error.message || error) });
  }
});
"""


@dataclass
class FakeEngine:
    """Options for the fake worker, and what the page asked of it."""

    mode: str = "ok"  # ok | hang (never ready) | fail (init answers an error)
    progress: tuple[str, ...] = ("Loading the Python runtime…", "Preparing the calculator…")
    step_ms: int = 20
    download: tuple[tuple[int, int], ...] = ()  # (bytes downloaded, bytes in all), from the worker's start
    error: str = "the engine could not be loaded"
    today: str | None = None  # evaluate as of this day instead of the page's today
    calls: list[dict] = field(default_factory=list)

    def worker_source(self) -> str:
        options = {"mode": self.mode, "progress": list(self.progress), "download": [list(d) for d in self.download],
                   "step_ms": self.step_ms,
                   "error": self.error, "endpoint": ENDPOINT_PATH}
        return _WORKER_JS.replace("__OPTIONS__", json.dumps(options))

    def _serve_worker(self, route) -> None:
        route.fulfill(status=200, content_type="text/javascript; charset=utf-8", body=self.worker_source())

    def _serve_engine(self, route) -> None:
        # As the real worker: any input gets an answer (missing input reads as {}).
        request = json.loads(route.request.post_data or "{}")
        self.calls.append(request)
        data = request.get("input", {})
        text = data if isinstance(data, str) else json.dumps(data)
        output = recert_engine.evaluate_json(request.get("rules"), text, self.today or request.get("today"))
        route.fulfill(status=200, content_type="application/json", body=output)

    def install(self, context) -> "FakeEngine":
        context.route(WORKER_GLOB, self._serve_worker)
        context.route(f"**{ENDPOINT_PATH}", self._serve_engine)
        return self
