// Classic script, so it runs even where the calculator's modules cannot:
// browsers refuse module scripts on pages opened from a file. There it hides
// the form that cannot work and shows the message saying why. (Without
// JavaScript, calculator-nojs.css does the same.)
(function () {
  "use strict";
  if (window.location.protocol !== "file:") return;
  var fallback = document.getElementById("calc-fallback");
  var calculator = document.getElementById("calculator");
  var reason = document.getElementById("calc-fallback-reason");
  if (reason) {
    reason.textContent = "This page was opened from a file on your device, and the calculator only runs "
      + "when the page is opened from the website. Open the website address in your browser instead.";
  }
  if (fallback) fallback.hidden = false;
  if (calculator) calculator.hidden = true;
})();
