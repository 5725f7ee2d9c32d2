// On every page (base.html): registers the site's service worker (sw.js at
// the site root, see generator/features/offline.py) so pages and the calculator work
// without a signal after one visit; says so when a new version of the site is
// waiting; and runs "Reset offline copy" in the footer.
//
// Where service workers cannot run (no support, page opened from a file) this
// does nothing, and without JavaScript the pages simply load from the network.

const ROOT = new URL("../../", import.meta.url); // this file is <root>assets/js/offline.js
const WORKER_URL = new URL("sw.js", ROOT);
const CACHE_PREFIX = `recert-offline ${ROOT.href} `; // as in offline-sw.js
const RESET_FLAG = "recert.offline.reset"; // sessionStorage: "deleted", then "told"

const notice = document.getElementById("offline-notice");
let reloadWhenUpdated = false;

function supported() {
  return (location.protocol === "https:" || location.protocol === "http:")
    && window.isSecureContext && "serviceWorker" in navigator && "caches" in window;
}

// The live preview (`python -m generator serve`) adds its reload script,
// generator/preview_assets/reload.js, and refuses service workers: saved
// pages would hide every edit there.
function isLivePreview() {
  return document.querySelector('script[src$="/reload.js"][data-version]') !== null;
}

function readFlag() {
  try {
    return sessionStorage.getItem(RESET_FLAG);
  } catch {
    return null;
  }
}

function writeFlag(value) {
  try {
    sessionStorage.setItem(RESET_FLAG, value);
  } catch {
    // Without sessionStorage the worker is registered again on the next page: still correct.
  }
}

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text) node.textContent = text;
  if (className) node.className = className;
  return node;
}

// A short message at the top of the page (a polite live region), with buttons.
function showNotice(kind, text, actions = []) {
  if (!notice) return;
  const box = element("div", "", "offline-notice-box");
  box.dataset.kind = kind;
  box.append(element("p", text));
  const buttons = element("p", "", "offline-notice-actions");
  for (const [label, onClick] of [...actions, ["Dismiss", () => notice.replaceChildren()]]) {
    const button = element("button", label, "offline-notice-button");
    button.type = "button";
    button.addEventListener("click", onClick);
    buttons.append(button);
  }
  box.append(buttons);
  notice.replaceChildren(box);
}

function offerUpdate(registration) {
  if (!registration.waiting || !navigator.serviceWorker.controller) return; // first install: nothing to offer
  if (notice && notice.querySelector('[data-kind="update"]')) return;
  showNotice("update", "A new version of these rules is available.", [["Reload to see it", () => {
    const waiting = registration.waiting;
    if (!waiting) {
      location.reload(); // another tab already switched to it
      return;
    }
    reloadWhenUpdated = true;
    waiting.postMessage({ type: "skip-waiting" });
  }]]);
}

// The worker refuses to install a version whose files do not all match it
// (a deploy still under way): ask again a little later, then less often.
const RETRY_SECONDS = [20, 60, 300, 900];
let retries = 0;

function watchInstall(registration, incoming) {
  let installed = false;
  incoming.addEventListener("statechange", () => {
    if (incoming.state === "installed") {
      installed = true;
      retries = 0;
      offerUpdate(registration);
    } else if (incoming.state === "redundant" && !installed) {
      const seconds = RETRY_SECONDS[Math.min(retries++, RETRY_SECONDS.length - 1)];
      setTimeout(() => registration.update().catch(() => undefined), seconds * 1000);
    }
  });
}

function watchForUpdates(registration) {
  offerUpdate(registration);
  if (registration.installing) watchInstall(registration, registration.installing);
  registration.addEventListener("updatefound", () => {
    if (registration.installing) watchInstall(registration, registration.installing);
  });
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (reloadWhenUpdated) location.reload();
  });
  // The browser checks on every page load; a page left open checks when it
  // is looked at again or the connection comes back.
  const check = () => registration.update().catch(() => undefined);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") check();
  });
  window.addEventListener("online", check);
}

// The calculator loaded its runtime before the worker controlled the page:
// once the engine runs (<html data-engine="ready">), ask the worker to keep it.
function keepEngineOnceReady() {
  const html = document.documentElement;
  const ask = () => navigator.serviceWorker.ready
    .then((registration) => registration.active && registration.active.postMessage({ type: "keep-engine" }))
    .catch(() => undefined);
  if (html.dataset.engine === "ready") {
    ask();
    return;
  }
  const observer = new MutationObserver(() => {
    if (html.dataset.engine === "ready") {
      observer.disconnect();
      ask();
    }
  });
  observer.observe(html, { attributes: true, attributeFilter: ["data-engine"] });
}

async function resetOfflineCopy(button) {
  if (!navigator.onLine) {
    showNotice("reset", "You are offline. Reset the offline copy when you have a connection, so the page can load again.");
    return;
  }
  button.disabled = true;
  try {
    const registrations = await navigator.serviceWorker.getRegistrations();
    await Promise.all(registrations.filter((r) => r.scope === ROOT.href).map((r) => r.unregister()));
    const names = await caches.keys();
    await Promise.all(names.filter((name) => name.startsWith(CACHE_PREFIX)).map((name) => caches.delete(name)));
  } catch (error) {
    button.disabled = false;
    showNotice("reset", `The offline copy could not be deleted: ${error.message || error}`);
    return;
  }
  writeFlag("deleted");
  location.reload();
}

function setUpReset() {
  const box = document.getElementById("offline-reset");
  const button = document.getElementById("offline-reset-button");
  if (!box || !button) return;
  button.addEventListener("click", () => resetOfflineCopy(button));
  box.hidden = false;
}

// Registering downloads every page of the site (about 70 kB gzip): wait until
// this page has loaded, and on the calculator until its engine has started,
// so that the two downloads do not compete on a slow connection.
function whenPageSettled() {
  const html = document.documentElement;
  const settled = () => html.dataset.engine !== "loading";
  return new Promise((resolve) => {
    const afterLoad = () => {
      if (settled()) {
        resolve();
        return;
      }
      const observer = new MutationObserver(() => {
        if (settled()) {
          observer.disconnect();
          resolve();
        }
      });
      observer.observe(html, { attributes: true, attributeFilter: ["data-engine"] });
    };
    if (document.readyState === "complete") afterLoad();
    else window.addEventListener("load", afterLoad, { once: true });
  });
}

async function start() {
  if (!supported() || isLivePreview()) return;
  setUpReset();
  const flag = readFlag();
  if (flag) {
    // Just reset: do not save the site again until it is opened in a new tab.
    if (flag === "deleted") {
      writeFlag("told");
      showNotice("reset", "The offline copy of this site was deleted from this browser. It is saved again the next time you open the site. Courses you entered in the calculator were kept.");
    }
    return;
  }
  await whenPageSettled();
  try {
    const registration = await navigator.serviceWorker.register(WORKER_URL.href, { scope: ROOT.href, type: "classic" });
    watchForUpdates(registration);
    keepEngineOnceReady();
  } catch {
    // No worker (blocked, private mode, host without sw.js): pages still load from the network.
  }
}

start();
