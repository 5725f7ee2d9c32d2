// Classic script, so it runs even where the calculator's modules cannot:
// browsers refuse module scripts on pages opened from a file. It only makes
// the "not running" message say why; calculator.mjs hides that message.
(function () {
  "use strict";
  if (window.location.protocol !== "file:") return;
  var reason = document.getElementById("calc-fallback-reason");
  if (reason) {
    reason.textContent = "This page was opened from a file on your device, and the calculator only runs "
      + "when the page is opened from the website. Open the website address in your browser instead.";
  }
})();
