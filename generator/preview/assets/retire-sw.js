// Served by `python -m generator serve` at /sw.js instead of the site's own
// service worker, which would serve saved pages and hide every edit. A worker
// that an earlier `serve --no-build` (or a deployed copy) left at this address
// updates to this one, which deletes the site's saved copy, removes itself and
// reloads the open tabs from the preview.
self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const prefix = `recert-offline ${self.registration.scope} `; // as in site_src/js/offline-sw.js
    const names = await caches.keys();
    await Promise.all(names.filter((name) => name.startsWith(prefix)).map((name) => caches.delete(name)));
    await self.registration.unregister();
    const tabs = await self.clients.matchAll({ type: "window" });
    await Promise.all(tabs.map((tab) => tab.navigate(tab.url).catch(() => undefined)));
  })());
});
