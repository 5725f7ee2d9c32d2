// Served only by `python -m generator serve`, never part of the built site.
// Reloads the page when the preview server reports a new build (or a failed
// one, so its error message appears). The server writes the version the page
// was served with into data-version.
"use strict";

(function () {
  const script = document.currentScript;
  const served = script ? script.dataset.version : null;
  const events = new EventSource("/__preview/events");
  events.addEventListener("version", function (event) {
    if (served !== null && event.data !== served) {
      events.close();
      window.location.reload();
    }
  });
})();
