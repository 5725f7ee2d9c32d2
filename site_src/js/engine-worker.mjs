// Module Web Worker: runs the CE-hour rules engine in Pyodide, offline.
//
// Start it with: new Worker(new URL("js/engine-worker.mjs", base), { type: "module" })
//
// The build (generator/features/runtime.py) puts one line before this code,
//   const RUNTIME = {core, stdlib, fullStdlib, lock, bytes}
// naming this build's runtime files. Their names carry a hash of their bytes
// (so hosts may cache them for a year) and they live in ../pyodide/ beside
// this worker, so the site works under any sub-path and no other origin is
// ever contacted. The lockfile is in that line too: one request fewer. The
// engine is inside the standard library zip: nothing to install.
//
// Protocol (postMessage), requests are {id, op, payload}:
//   from its start, before any request (it downloads the runtime and starts
//   Python at once):
//                 -> {type: "progress", message, loaded, total} as the runtime
//                    downloads (bytes so far and in all; the first as soon as
//                    the first bytes arrive, then at most every 100 ms)
//                 -> {type: "progress", message} once Python runs
//   op "init"     payload {rulesUrl} | {rules: "<json text>"} | "<json text>"
//                 -> any number of {type: "progress", id, message, loaded?, total?}
//                 -> {id, ok: true}
//   op "evaluate" payload {input: object | "<json text>", today?: "YYYY-MM-DD"}
//                 -> {id, ok: true, result}   (result = parsed engine output,
//                    or {errors: [...]} for any input it cannot evaluate)
//   failures      -> {id, ok: false, error: "<message>"}
// Requests are handled one at a time in arrival order.
//
// Once ready it evaluates a made-up transcript a few times, so that Chromium
// keeps the compiled runtime for the next visit (calc/warm-up.mjs says why).
//
// Start-up is traced with performance marks named "engine:<step>" (read by
// scripts/bench_calculator.py).

/* global RUNTIME */
const RUNTIME_DIR = new URL("../pyodide/", import.meta.url);
const CORE_DIR = new URL(RUNTIME.core, RUNTIME_DIR);
const MODULE = "recert_engine";
const ENTRY = "evaluate_json";
const PROGRESS_EVERY_MS = 100;

const mark = (step) => performance.mark(`engine:${step}`);
mark("worker-start");

const coreUrl = (name) => new URL(name, CORE_DIR).href;
const runtimeUrl = (name) => new URL(name, RUNTIME_DIR).href;

// ---- downloads, started as soon as the worker runs --------------------------
//
// Pyodide would fetch the wasm and the stdlib one step after another; here
// they both start at once, before an "init" even arrives, and
// the bytes are counted as they come in. Pyodide's own fetches of these URLs
// are then handed the responses already under way (see handOver).

const DOWNLOADING = "Downloading the Python runtime…";
const total = Object.values(RUNTIME.bytes).reduce((a, b) => a + b, 0);
let loaded = 0;
let reporting = true; // until the interpreter has started
let lastReport = -Infinity;

// Progress from the first bytes on, whether or not the page has asked for
// anything yet: the page shows it before its own scripts are all in.
function report(id) {
  lastReport = performance.now();
  self.postMessage({ type: "progress", id, message: DOWNLOADING, loaded, total });
}

function counted(bytes) {
  loaded += bytes;
  if (reporting && (performance.now() - lastReport >= PROGRESS_EVERY_MS || loaded >= total)) report();
}

// Counts a copy of the body, so the response itself stays untouched: the
// browser then still streams, compiles and caches the wasm by its URL.
async function countBody(response, name) {
  const reader = response.clone().body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    counted(value.byteLength);
  }
  mark(`downloaded:${name}`);
}

const pending = new Map(); // url -> Promise<Response>, each handed over once
function startDownload(url, name) {
  const response = fetch(url, { credentials: "same-origin" }).then((r) => {
    mark(`response:${name}`);
    if (r.ok && r.body) countBody(r, name).catch(() => undefined);
    return r;
  });
  response.catch(() => undefined); // reported when Pyodide asks for it
  pending.set(url, response);
}

startDownload(coreUrl("pyodide.asm.wasm"), "wasm");
startDownload(runtimeUrl(RUNTIME.stdlib), "stdlib");
// The two scripts: imported now, Pyodide's own imports of them then resolve at once.
const pyodideScript = import(coreUrl("pyodide.mjs")).then((m) => {
  counted(RUNTIME.bytes["pyodide.mjs"]);
  return m;
});
const asmScript = import(coreUrl("pyodide.asm.mjs")).then((m) => {
  counted(RUNTIME.bytes["pyodide.asm.mjs"]);
  mark("imported:asm");
  return m;
});
pyodideScript.catch(() => undefined);
asmScript.catch(() => undefined);
// The shared start-up and date helpers, fetched alongside rather than as
// static imports, which would hold every download above back by one request.
const engineStart = import("./lib/engine-start.mjs");
const formatting = import("./lib/format.mjs");
engineStart.catch(() => undefined);
formatting.catch(() => undefined);

const networkFetch = self.fetch.bind(self);
self.fetch = function handOver(resource, options) {
  const url = typeof resource === "string" || resource instanceof URL
    ? new URL(resource, self.location.href).href : null;
  if (url !== null && pending.has(url)) {
    const response = pending.get(url);
    pending.delete(url);
    return response;
  }
  return networkFetch(resource, options);
};

// ---- the engine -----------------------------------------------------------------

let pyodideReady = null; // Promise of {call}, while starting or started
let rulesText = null;

function progress(id, message) {
  self.postMessage({ type: "progress", id, message });
}

// Same-origin only: refuse anything else rather than silently leak requests.
function siteUrl(url, base = self.location.href) {
  const u = new URL(url, base);
  if (u.origin !== self.location.origin) {
    throw new Error(`refusing to fetch ${u.href}: not on this site's origin`);
  }
  return u;
}

// The trimmed stdlib's fallback importer calls this (synchronously, from
// inside an import) only if code needs a stdlib module the build did not see
// being used; sync XHR with an ArrayBuffer response is allowed in workers.
function fullStdlib() {
  const url = runtimeUrl(RUNTIME.fullStdlib);
  const xhr = new XMLHttpRequest();
  xhr.open("GET", url, false);
  xhr.responseType = "arraybuffer";
  xhr.send();
  if (xhr.status !== 200) throw new Error(`could not load ${url}: HTTP ${xhr.status}`);
  return new Uint8Array(xhr.response);
}

async function startPython() {
  const { loadPyodide } = await pyodideScript;
  mark("imported:pyodide");
  const { startEngine } = await engineStart;
  const call = await startEngine({
    loadPyodide,
    options: {
      indexURL: CORE_DIR.href,
      stdLibURL: runtimeUrl(RUNTIME.stdlib),
      lockFileContents: RUNTIME.lock,
      // Setting it points Pyodide's CDN fallback at our own directory.
      packageBaseUrl: RUNTIME_DIR.href,
      fsInit: () => mark("wasm-ready"), // compiled and instantiated; Python starts next
    },
    module: MODULE,
    entry: ENTRY,
    fullStdlib,
    log: (msg) => console.log(msg),
    warn: (msg) => console.warn(msg),
    onStep: (step) => {
      mark(step);
      if (step === "python-ready") {
        reporting = false;
        progress(undefined, "Preparing the calculator…");
      }
    },
  });
  return { call };
}

// Python starts as soon as the worker runs, not when the page's "init"
// arrives: the page's own scripts may still be on their way. A failed start
// is told to the init that waits for it, and the next init tries again.
function bootPython() {
  pyodideReady = startPython();
  pyodideReady.catch(() => {
    pyodideReady = null;
  });
  return pyodideReady;
}
bootPython();

async function readRules(id, payload) {
  if (typeof payload === "string") return payload;
  if (payload && typeof payload.rules === "string") return payload.rules;
  if (payload && payload.rules && typeof payload.rules === "object") return JSON.stringify(payload.rules);
  if (payload && payload.rulesUrl) {
    const url = siteUrl(payload.rulesUrl);
    const resp = await fetch(url, { credentials: "same-origin" });
    if (!resp.ok) throw new Error(`could not load rules from ${url.pathname}: HTTP ${resp.status}`);
    const text = await resp.text();
    mark("rules-loaded");
    return text;
  }
  throw new Error("init needs {rulesUrl}, {rules} or the rules JSON text");
}

const handlers = {
  async init(id, payload) {
    if (reporting) report(id); // where the download is, for a page that just asked
    const rulesPromise = readRules(id, payload); // in parallel with the boot
    const [text] = await Promise.all([rulesPromise, pyodideReady ?? bootPython()]);
    JSON.parse(text); // fail early, with a clear message, on broken rules
    rulesText = text;
    mark("ready");
    progress(id, "Ready");
    warmUpOnce();
    return undefined;
  },
  async evaluate(id, payload) {
    if (!pyodideReady || rulesText === null) throw new Error("engine not initialised: send op \"init\" first");
    const { call } = await pyodideReady;
    // Any input gets the engine's output or {errors}: bad input is an answer, not a failure.
    const problem = (message) => ({ errors: [{ course: null, field: null, message }] });
    let input;
    try {
      input = typeof payload?.input === "string" ? payload.input : JSON.stringify(payload?.input ?? {});
    } catch (err) {
      return problem(`The input cannot be written as JSON: ${err.message}`);
    }
    if (typeof input !== "string") return problem("The input must be an object or JSON text.");
    const today = typeof payload?.today === "string" ? payload.today : (await formatting).todayIso();
    const answer = call(rulesText, input, today);
    return answer.ok ? JSON.parse(answer.text) : problem(`The calculator stopped: ${answer.type}: ${answer.message}`);
  },
};

let queue = Promise.resolve();
function enqueue(task) {
  queue = queue.then(task);
}

// Once the engine is ready, it evaluates a made-up transcript a few times, one
// run at a time behind any request the reader has sent (scheduleWarmUp), so
// that Chromium keeps the compiled runtime for the next visit (the reason is
// in calc/warm-up.mjs).
let warmedUp = false;
function warmUpOnce() {
  if (warmedUp) return;
  warmedUp = true;
  Promise.all([import("./calc/warm-up.mjs"), pyodideReady, formatting]).then(
    ([{ warmUp, WARM_UP_RUNS, scheduleWarmUp }, { call }, { todayIso }]) => {
      const { input, today } = warmUp(JSON.parse(rulesText));
      scheduleWarmUp({
        runs: WARM_UP_RUNS,
        run: () => call(rulesText, JSON.stringify(input), today ?? todayIso()),
        enqueue,
        done: () => mark("warmed-up"),
      });
    }).catch(() => undefined);
}

self.addEventListener("message", (event) => {
  const { id, op, payload } = event.data || {};
  enqueue(async () => {
    try {
      const handler = Object.hasOwn(handlers, op) ? handlers[op] : null;
      if (!handler) throw new Error(`unknown op ${JSON.stringify(op)}`);
      const result = await handler(id, payload);
      self.postMessage(result === undefined ? { id, ok: true } : { id, ok: true, result });
    } catch (err) {
      self.postMessage({ id, ok: false, error: String(err?.message || err) });
    }
  });
});
