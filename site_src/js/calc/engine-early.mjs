// The calculator page's first script: the page's head loads it before
// anything else (async, high priority), and it starts the engine worker at
// once, so the runtime downloads, and its progress shows, while the page's
// other scripts are still on their way. calculator.mjs imports it too (one
// module, run once): it takes the worker over (EngineClient.start) and keeps
// drawing the same progress bar.
//
// Page contract: #calculator[data-worker-url], #engine-progress (progress-view.mjs).

import { startEarly } from "./engine-client.mjs";
import { DownloadProgress } from "./progress-view.mjs";

// An async script may run before the parser has reached the calculator.
if (document.readyState === "loading") {
  await new Promise((resolve) => document.addEventListener("readystatechange", resolve, { once: true }));
}

export const download = new DownloadProgress(document.getElementById("engine-progress"));

const root = document.getElementById("calculator");
if (root && root.dataset.workerUrl) {
  startEarly(new URL(root.dataset.workerUrl, document.baseURI).href, (loaded, total) => download.update(loaded, total));
}
