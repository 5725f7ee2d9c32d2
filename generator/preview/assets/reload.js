// Served only by `python -m generator serve`, never part of the built site.
// Reloads the page when the preview server reports a new build (or a failed
// one, so its error message appears). The server writes the version the page
// was served with into data-version.
// A module, like all the site's scripts: it finds its own tag by its address.

const script = document.querySelector('script[src$="/reload.js"][data-version]');
const served = script ? script.dataset.version : null;
const events = new EventSource("/__preview/events");
events.addEventListener("version", (event) => {
  if (served !== null && event.data !== served) {
    events.close();
    window.location.reload();
  }
});
