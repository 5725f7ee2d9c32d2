// Module Web Worker: runs the CE-hour rules engine in Pyodide, offline.
//
// Start it with: new Worker(new URL("js/engine-worker.mjs", base), { type: "module" })
//
// Every runtime file comes from the site itself: the directory RUNTIME_DIR
// (written by generator.bundle.bundle_runtime) is resolved against this
// worker's own URL, so the site works under any sub-path, and no other origin
// is ever contacted.
//
// Protocol (postMessage), requests are {id, op, payload}:
//   op "init"     payload {rulesUrl} | {rules: "<json text>"} | "<json text>"
//                 -> any number of {type: "progress", id, message}
//                 -> {id, ok: true}
//   op "evaluate" payload {input: object | "<json text>", today?: "YYYY-MM-DD"}
//                 -> {id, ok: true, result}   (result = parsed engine output)
//   failures      -> {id, ok: false, error: "<message>"}
// Requests are handled one at a time in arrival order.

const RUNTIME_DIR = new URL("../pyodide/", import.meta.url);
const PACKAGE = "recert-engine"; // name in the site's pyodide-lock.json
const MODULE = "recert_engine";
const ENTRY = "evaluate_json";

let pyodideReady = null; // Promise of {py, call}, created once
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
function loadFullStdlib(py) {
  const url = new URL("python_stdlib_full.zip", RUNTIME_DIR).href;
  const xhr = new XMLHttpRequest();
  xhr.open("GET", url, false);
  xhr.responseType = "arraybuffer";
  xhr.send();
  if (xhr.status !== 200) throw new Error(`could not load ${url}: HTTP ${xhr.status}`);
  py.FS.writeFile("/lib/python_stdlib_full.zip", new Uint8Array(xhr.response));
  return "/lib/python_stdlib_full.zip";
}

async function startPython(id) {
  progress(id, "Loading the Python runtime…");
  const { loadPyodide } = await import(new URL("pyodide.mjs", RUNTIME_DIR).href);
  const py = await loadPyodide({
    indexURL: RUNTIME_DIR.href,
    stdLibURL: new URL("python_stdlib.zip", RUNTIME_DIR).href,
    lockFileURL: new URL("pyodide-lock.json", RUNTIME_DIR).href,
    // Wheels are resolved here; setting it also points Pyodide's CDN
    // fallback at our own directory.
    packageBaseUrl: RUNTIME_DIR.href,
    packages: [PACKAGE], // fetched while the interpreter boots
    stdout: (msg) => console.log(msg),
    stderr: (msg) => console.warn(msg),
  });
  progress(id, "Preparing the calculator…");
  py.pyimport("_site_stdlib_fallback").install(
    () => loadFullStdlib(py),
    (msg) => console.warn(msg),
  );
  const ns = py.globals.get("dict")();
  py.runPython(
    `
import importlib, json
_fn = getattr(importlib.import_module(${JSON.stringify(MODULE)}), ${JSON.stringify(ENTRY)})

def call(rules, data, today):
    try:
        return [True, _fn(rules, data, today)]
    except Exception as exc:
        return [False, f"{type(exc).__name__}: {exc}"]
`,
    { globals: ns },
  );
  const pyCall = ns.get("call");
  ns.destroy();
  const call = (rules, input, today) => {
    const res = pyCall(rules, input, today);
    try {
      return res.toJs();
    } finally {
      res.destroy();
    }
  };
  return { py, call };
}

async function readRules(id, payload) {
  if (typeof payload === "string") return payload;
  if (payload && typeof payload.rules === "string") return payload.rules;
  if (payload && payload.rules && typeof payload.rules === "object") return JSON.stringify(payload.rules);
  if (payload && payload.rulesUrl) {
    const url = siteUrl(payload.rulesUrl);
    progress(id, "Loading the rules…");
    const resp = await fetch(url, { credentials: "same-origin" });
    if (!resp.ok) throw new Error(`could not load rules from ${url.pathname}: HTTP ${resp.status}`);
    return await resp.text();
  }
  throw new Error("init needs {rulesUrl}, {rules} or the rules JSON text");
}

function localToday() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

const handlers = {
  async init(id, payload) {
    const rulesPromise = readRules(id, payload); // in parallel with the boot
    pyodideReady ??= startPython(id);
    pyodideReady.catch(() => {
      pyodideReady = null; // let a later init retry
    });
    const [text] = await Promise.all([rulesPromise, pyodideReady]);
    JSON.parse(text); // fail early, with a clear message, on broken rules
    rulesText = text;
    progress(id, "Ready");
    return undefined;
  },
  async evaluate(id, payload) {
    if (!pyodideReady || rulesText === null) throw new Error("engine not initialised: send op \"init\" first");
    const { call } = await pyodideReady;
    const input = typeof payload?.input === "string" ? payload.input : JSON.stringify(payload?.input ?? {});
    const [ok, text] = call(rulesText, input, payload?.today || localToday());
    if (!ok) throw new Error(text);
    return JSON.parse(text);
  },
};

let queue = Promise.resolve();
self.addEventListener("message", (event) => {
  const { id, op, payload } = event.data || {};
  queue = queue.then(async () => {
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
