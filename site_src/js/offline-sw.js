// The site's service worker, a classic script on purpose: Firefox runs module
// service workers only since version 147 (2026), so older ones would lose
// offline use. generator/features/offline.py writes it to sw.js at the
// site root, behind a line `const BUILD = {version, precache, onUse, engine}`
// describing one build (paths relative to the site root; precache and onUse
// map each path to the SHA-256 of its bytes).
//
// One cache per build, named "recert-offline <scope> <version>": the scope in
// the name keeps other sites on the same origin apart, so a new version
// deletes only this site's older caches.
//
// Pages, scripts and rules.json are served cache first, so what a person sees
// always comes from one build, with or without a signal. A new build is a new
// sw.js: the browser installs it in the background and it waits; the page
// (offline.js) then offers "a new version is available" and, when asked,
// sends "skip-waiting" and reloads.
//
// Never a stale or mixed copy: a host in the middle of a deploy (or a CDN edge
// behind the rest) can send the new sw.js with old pages. Every file is kept
// only if its bytes are the ones this build recorded; if any is not, the
// install fails, its half-filled cache is deleted, the old version keeps
// serving, and the browser tries again at its next update check (offline.js
// also asks again a little later).
//
// The calculator's runtime (BUILD.onUse, megabytes) is not precached: it is
// kept when first fetched, or when a page whose calculator has started sends
// "keep-engine" (it was loaded before this worker controlled the page). It is
// stored under its SHA-256, so the next build carries it over unless it changed.
// Once kept, it is answered from the browser's HTTP cache while that still
// holds the same file (never from the network; see fromHttpCache), so that
// Chromium reuses the wasm it compiled on an earlier visit; from the kept copy
// otherwise (offline after the browser dropped it).

const SCOPE = self.registration.scope;
const CACHE_PREFIX = `recert-offline ${SCOPE} `;
const CACHE = CACHE_PREFIX + BUILD.version;
const PRECACHE = new Set(Object.keys(BUILD.precache));

function siteUrl(path) {
  return new URL(path, SCOPE).href;
}

function runtimeKey(path) {
  return `${siteUrl(path)}?sha256=${BUILD.onUse[path]}`;
}

// A request's path relative to the site root ("…/" means "…/index.html"), or
// null for anything outside the site.
function sitePath(requestUrl) {
  const url = new URL(requestUrl);
  const root = new URL(SCOPE);
  if (url.origin !== root.origin || !url.pathname.startsWith(root.pathname)) return null;
  let path;
  try {
    path = decodeURIComponent(url.pathname.slice(root.pathname.length));
  } catch {
    return null;
  }
  return path === "" || path.endsWith("/") ? `${path}index.html` : path;
}

function siteCaches(names) {
  return names.filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE);
}

async function sha256(buffer) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", buffer));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

// Keep a runtime file only if it is this build's (a host mid-deploy may serve another).
async function keepIfIntact(cache, path, response) {
  const copy = await verified(response, BUILD.onUse[path]);
  if (!copy) return false;
  await cache.put(runtimeKey(path), copy);
  return true;
}

// A copy of `response` to keep, or null unless its bytes have this SHA-256.
// The copy is never "redirected" (a host may answer "x/index.html" with a
// redirect to "x/"), which a navigation could not use.
async function verified(response, expected) {
  if (!response.ok) return null;
  const body = await response.arrayBuffer();
  if ((await sha256(body)) !== expected) return null;
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

// Every file with this build's bytes, or an error (the install handler then
// deletes the cache: puts still under way go to the deleted, unreachable one).
async function precache() {
  const cache = await caches.open(CACHE);
  await Promise.all(Object.entries(BUILD.precache).map(async ([path, expected]) => {
    const copy = await verified(await fetch(siteUrl(path), { cache: "no-cache" }), expected);
    if (!copy) throw new Error(`${path} is not this version's file (a deploy may be under way)`);
    await cache.put(siteUrl(path), copy);
  }));
}

// Runtime files an older version of this site kept, with the same SHA-256.
async function carryOverRuntime() {
  const cache = await caches.open(CACHE);
  const older = siteCaches(await caches.keys());
  for (const path of Object.keys(BUILD.onUse)) {
    const key = runtimeKey(path);
    if (await cache.match(key)) continue;
    for (const name of older) {
      const kept = await (await caches.open(name)).match(key);
      if (kept) {
        await cache.put(key, kept);
        break;
      }
    }
  }
}

// The page's calculator has started: keep what it loaded. The files are
// normally still in the HTTP cache, so this costs no second download.
async function keepEngine() {
  const cache = await caches.open(CACHE);
  for (const path of BUILD.engine) {
    if (await cache.match(runtimeKey(path))) continue;
    const cached = await fetch(siteUrl(path), { cache: "force-cache" });
    if (!(await keepIfIntact(cache, path, cached))) {
      await keepIfIntact(cache, path, await fetch(siteUrl(path), { cache: "no-cache" }));
    }
  }
}

async function fromCache(key, request) {
  const hit = await (await caches.open(CACHE)).match(key);
  if (hit) return hit;
  try {
    return await fetch(request);
  } catch (error) {
    if (request.mode === "navigate") return notSavedPage();
    throw error;
  }
}

async function runtimeFile(path, request, event) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(runtimeKey(path));
  if (hit) return (await fromHttpCache(request)) ?? hit;
  const response = await fetch(request);
  if (response.ok && response.type === "basic") {
    event.waitUntil(keepIfIntact(cache, path, response.clone()).catch(() => false));
  }
  return response;
}

// The browser's own HTTP-cached copy of a runtime file whose bytes this
// version has checked (its name carries their hash), or null; never the
// network. Chromium reuses the wasm it compiled on an earlier visit (its code
// cache) for a response it fetched itself or that a service worker passes on
// unchanged, but not for one answered from the Cache API under another key:
// served from there, the runtime was compiled again on every visit.
async function fromHttpCache(request) {
  try {
    const response = await fetch(request.url, { cache: "only-if-cached", mode: "same-origin", credentials: "same-origin" });
    return response.ok ? response : null;
  } catch {
    return null;
  }
}

async function pageOrNotSaved(request) {
  try {
    return await fetch(request);
  } catch {
    return notSavedPage();
  }
}

function notSavedPage() {
  const home = siteUrl("index.html");
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Not saved on this device</title></head>
<body><main><h1>This page is not saved on this device</h1>
<p>There is no connection, and this page was not saved for use without one.
<a href="${home}">Go to the home page</a>, which is saved.</p></main></body></html>`;
  return new Response(html, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

self.addEventListener("install", (event) => {
  event.waitUntil(precache().then(carryOverRuntime).catch(async (error) => {
    await caches.delete(CACHE);
    throw error; // the install fails; the version in use stays
  }));
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    await carryOverRuntime(); // what the old version kept while this one waited
    const older = siteCaches(await caches.keys());
    await Promise.all(older.map((name) => caches.delete(name)));
    await self.clients.claim();
  })());
});

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET") return;
  const path = sitePath(request.url);
  if (path === null) return;
  if (PRECACHE.has(path)) {
    event.respondWith(fromCache(siteUrl(path), request));
  } else if (Object.hasOwn(BUILD.onUse, path)) {
    event.respondWith(runtimeFile(path, request, event));
  } else if (request.mode === "navigate") {
    event.respondWith(pageOrNotSaved(request));
  }
});

self.addEventListener("message", (event) => {
  const type = event.data && event.data.type;
  if (type === "skip-waiting") {
    self.skipWaiting();
  } else if (type === "keep-engine") {
    event.waitUntil(keepEngine().catch(() => undefined));
  }
});
