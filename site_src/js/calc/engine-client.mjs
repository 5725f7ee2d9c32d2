// Talks to the engine worker (site_src/js/engine-worker.mjs, which runs the
// Python engine in Pyodide off the main thread). Protocol: requests
// {id, op, payload}; replies {id, ok, result | error}; from its start until
// "init" is done the worker also posts {type: "progress", message, loaded?,
// total?} (bytes of the runtime downloaded so far, passed on to onProgress).
//
// The page's first script (engine-early.mjs) starts the worker with
// startEarly(), before this page's other scripts have arrived; start() then
// takes that worker over, once.
//
// States: "loading" -> "ready", or "failed" (worker error, init error, load
// timeout; start() may be called again), or "unavailable" (this browser or
// page cannot run it at all). Every state change is reported to onStatus.

export function unsupportedReason(env = globalThis) {
  if (env.location && env.location.protocol === "file:") {
    return "This page was opened from a file on your device, and the calculator only runs when the page is opened from the website.";
  }
  if (typeof env.WebAssembly !== "object") {
    return "This browser cannot run the calculator: it needs WebAssembly, which is turned off or missing.";
  }
  if (typeof env.Worker !== "function") {
    return "This browser cannot run the calculator: it needs Web Workers, which are turned off or missing.";
  }
  return null;
}

// The worker startEarly() started, until start() takes it: {worker, workerUrl,
// failed, last (its latest progress message), listeners}.
let early = null;

// Starts the worker now and passes its download progress to onProgress(loaded,
// total) until an EngineClient takes it over. Does nothing where the
// calculator cannot run: start() then says why.
export function startEarly(workerUrl, onProgress) {
  if (early !== null || unsupportedReason() !== null) return;
  let worker;
  try {
    worker = new Worker(workerUrl, { type: "module" });
  } catch {
    return; // start() tries again and says why
  }
  const started = { worker, workerUrl, failed: false, last: null };
  started.onMessage = (event) => {
    const data = event.data;
    if (!data || data.type !== "progress") return;
    started.last = data;
    if (typeof data.loaded === "number") onProgress(data.loaded, data.total);
  };
  started.onError = (event) => {
    event.preventDefault();
    started.failed = true;
  };
  worker.addEventListener("message", started.onMessage);
  worker.addEventListener("error", started.onError);
  early = started;
}

// The early worker for workerUrl, once; null if there is none or it failed
// (start() then starts another, which says what went wrong).
function takeEarly(workerUrl) {
  const started = early;
  early = null;
  if (started === null) return null;
  started.worker.removeEventListener("message", started.onMessage);
  started.worker.removeEventListener("error", started.onError);
  if (started.failed || started.workerUrl !== workerUrl) {
    started.worker.terminate();
    return null;
  }
  return started;
}

export class EngineClient {
  constructor({ workerUrl, rulesUrl, timeoutMs, onStatus, onProgress = () => {} }) {
    this.workerUrl = workerUrl;
    this.rulesUrl = rulesUrl;
    this.timeoutMs = timeoutMs;
    this.onStatus = onStatus;
    this.onProgress = onProgress;
    this.state = "idle";
    this.message = "";
    this.worker = null;
    this.nextId = 1;
    this.pending = new Map(); // id -> {resolve, reject}
    this.waiters = []; // callers of whenReady() while loading
  }

  setState(state, message) {
    this.state = state;
    this.message = message;
    this.onStatus(state, message);
    if (state === "ready" || state === "failed" || state === "unavailable") {
      const waiters = this.waiters.splice(0);
      for (const w of waiters) (state === "ready" ? w.resolve() : w.reject(new Error(message)));
    }
  }

  start() {
    const reason = unsupportedReason();
    if (reason) {
      this.setState("unavailable", reason);
      return;
    }
    this.stop();
    this.setState("loading", "Loading the calculator…");
    const started = takeEarly(this.workerUrl);
    let worker = started && started.worker;
    if (!worker) {
      try {
        worker = new Worker(this.workerUrl, { type: "module" });
      } catch (error) {
        this.setState("unavailable", `This browser cannot start the calculator (${error.message}).`);
        return;
      }
    }
    this.worker = worker;
    worker.addEventListener("message", (event) => this.receive(event.data));
    if (started && started.last) this.receive(started.last); // the step it is at
    worker.addEventListener("error", (event) => {
      event.preventDefault();
      this.fail("The calculator's files could not be loaded. Check your connection and try again.");
    });
    worker.addEventListener("messageerror", () => this.fail("The calculator sent a message the page could not read."));
    this.timer = setTimeout(() => {
      const seconds = Math.round(this.timeoutMs / 1000);
      this.fail(`The calculator did not finish loading within ${seconds} seconds. Check your connection and try again.`);
    }, this.timeoutMs);
    this.request("init", { rulesUrl: this.rulesUrl }).then(
      () => {
        clearTimeout(this.timer);
        this.setState("ready", "The calculator is ready. Results update as you type.");
      },
      (error) => this.fail(`The calculator could not start: ${error.message}`),
    );
  }

  stop() {
    clearTimeout(this.timer);
    if (this.worker) this.worker.terminate();
    this.worker = null;
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const p of pending) p.reject(new Error("The calculator was stopped."));
  }

  fail(message) {
    if (this.state !== "loading" && this.state !== "ready") return;
    this.stop();
    this.setState("failed", message);
  }

  receive(data) {
    if (!data || typeof data !== "object") return;
    if (data.type === "progress") {
      if (this.state !== "loading") return;
      if (typeof data.loaded === "number") this.onProgress(data.loaded, data.total);
      // The worker's last step says "Ready" just before it answers; the
      // "ready" state says that better, so it is not shown (or read out) twice.
      // A step is told once, however many byte counts come with it.
      const message = `Loading the calculator: ${data.message}`;
      if (!/^ready\.?$/i.test(data.message) && message !== this.message) this.setState("loading", message);
      return;
    }
    const waiting = this.pending.get(data.id);
    if (!waiting) return;
    this.pending.delete(data.id);
    if (data.ok) waiting.resolve(data.result);
    else waiting.reject(new Error(data.error || "unknown error"));
  }

  request(op, payload) {
    return new Promise((resolve, reject) => {
      if (!this.worker) {
        reject(new Error("The calculator is not running."));
        return;
      }
      const id = this.nextId++;
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, op, payload });
    });
  }

  whenReady() {
    if (this.state === "ready") return Promise.resolve();
    if (this.state === "loading" || this.state === "idle") {
      return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
    }
    return Promise.reject(new Error(this.message));
  }

  // -> the engine's output object, or {errors: [...]} for bad input.
  evaluate(input, today) {
    return this.request("evaluate", { input, today });
  }
}
