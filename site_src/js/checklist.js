// Checklist enhancements: saved ticks, progress, the next thing to do and
// deadline warnings. Without this file the page is still a printable list.
// Dates are compared as whole days; "today" is the browser's date unless the
// address says ?today=YYYY-MM-DD (handy for checking an old cycle's warnings).
(function () {
  "use strict";

  var NEAR_DAYS = 14;
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December"];

  var form = document.getElementById("checklist");
  if (!form) return;
  var storageKey = form.getAttribute("data-storage-key");
  var boxes = Array.prototype.slice.call(form.querySelectorAll("input[type=checkbox]"));

  // ---- dates ---------------------------------------------------------------

  function dayNumber(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
    if (!m) return null;
    var y = +m[1], mo = +m[2], d = +m[3];
    var t = Date.UTC(y, mo - 1, d);
    var back = new Date(t);
    if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
    return t / 86400000;
  }

  function isoOf(day) {
    return new Date(day * 86400000).toISOString().slice(0, 10);
  }

  function longDate(day) {
    var dt = new Date(day * 86400000);
    return MONTHS[dt.getUTCMonth()] + " " + dt.getUTCDate() + ", " + dt.getUTCFullYear();
  }

  function whichToday() {
    var asked = new URLSearchParams(window.location.search).get("today");
    var fromAddress = dayNumber(asked);
    if (fromAddress !== null) return { day: fromAddress, fromAddress: true };
    var now = new Date();
    return { day: Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) / 86400000, fromAddress: false };
  }

  // ---- small DOM helpers ---------------------------------------------------

  function el(tag, className, children) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function timeEl(day) {
    var t = el("time", null, [longDate(day)]);
    t.setAttribute("datetime", isoOf(day));
    return t;
  }

  function copyOf(node) {
    // Captions may hold <time> elements; keep them rather than flattening to text.
    var span = el("span");
    if (node) Array.prototype.forEach.call(node.childNodes, function (c) { span.appendChild(c.cloneNode(true)); });
    return span;
  }

  function inDays(diff) {
    if (diff === 0) return "today";
    if (diff === 1) return "tomorrow";
    return "in " + diff + " days";
  }

  function daysAgo(diff) {
    return diff === -1 ? "yesterday" : -diff + " days ago";
  }

  // Replace a node's children only when they differ, so the live region
  // announces what changed and not everything on every tick.
  function setContent(target, nodes) {
    var holder = el("div", null, nodes);
    if (holder.innerHTML === target.innerHTML) return;
    target.replaceChildren.apply(target, nodes);
  }

  // ---- saved ticks ---------------------------------------------------------

  var storageWorks = true;

  function loadTicks() {
    try {
      var saved = JSON.parse(window.localStorage.getItem(storageKey) || "[]");
      return Array.isArray(saved) ? saved : [];
    } catch (e) {
      storageWorks = false;
      return [];
    }
  }

  function saveTicks() {
    var ticked = boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.name; }).sort();
    try {
      if (ticked.length) window.localStorage.setItem(storageKey, JSON.stringify(ticked));
      else window.localStorage.removeItem(storageKey);
    } catch (e) {
      storageWorks = false;
    }
  }

  function applyTicks(ticked) {
    boxes.forEach(function (b) { b.checked = ticked.indexOf(b.name) !== -1; });
  }

  // ---- what to show --------------------------------------------------------

  function stepName(box) {
    var title = box.parentNode.querySelector(".check-title");
    return box.getAttribute("data-step") + ", " + box.getAttribute("data-substep") + ": " +
      (title ? title.textContent.trim() : "");
  }

  // The cycle's status, as the page's status script set it for the same day
  // (site_src/js/status-page.mjs runs first) or as the build wrote it.
  function cycleEnded() {
    var main = document.querySelector("main[data-cycle-status]");
    return !!main && main.getAttribute("data-cycle-status") === "ended";
  }

  function nextThing(open) {
    if (cycleEnded()) return ["This cycle has ended, so nothing on this list is to be done now. The notice at the top says where to find the current requirements."];
    if (!open.length) return ["Everything on this list is ticked."];
    var box = open[0];
    var link = el("a", null, [stepName(box)]);
    link.href = "#" + box.id;
    var parts = ["Next: ", link];
    var due = dayNumber(box.closest(".check-item").getAttribute("data-deadline"));
    if (due !== null) parts.push(" (deadline ", timeEl(due), ")");
    return parts;
  }

  function warningsFor(today, open) {
    var items = [];
    if (!open.length || cycleEnded()) return items;

    document.querySelectorAll(".key-date[data-date]").forEach(function (row) {
      var kind = row.getAttribute("data-kind");
      if (kind !== "deadline" && kind !== "recommended") return;
      var day = dayNumber(row.getAttribute("data-date"));
      var diff = day - today;
      var what = kind === "recommended" ? "Recommended date" : "Deadline";
      var caption = copyOf(row.querySelector(".key-date-caption"));
      var extra = row.querySelector(".key-date-warning");
      var tail = extra ? [" ", el("strong", null, [extra.textContent])] : [];
      if (diff < 0) {
        items.push({ day: day, passed: true, parts: [el("strong", null, [what + " passed"]), " on ", timeEl(day),
          " (" + daysAgo(diff) + "): ", caption].concat(tail) });
      } else if (diff <= NEAR_DAYS) {
        items.push({ day: day, passed: false, parts: [el("strong", null, [what + " " + inDays(diff)]), ", ",
          timeEl(day), ": ", caption].concat(tail) });
      }
    });

    open.forEach(function (box) {
      var day = dayNumber(box.closest(".check-item").getAttribute("data-deadline"));
      if (day === null) return;
      var diff = day - today;
      if (diff < 0) {
        items.push({ day: day, passed: true, parts: [el("strong", null, ["Not ticked, deadline passed"]), " on ",
          timeEl(day), " (" + daysAgo(diff) + "): ", stepName(box)] });
      } else if (diff <= NEAR_DAYS) {
        items.push({ day: day, passed: false, parts: [el("strong", null, ["Not ticked, due " + inDays(diff)]), ", ",
          timeEl(day), ": ", stepName(box)] });
      }
    });

    document.querySelectorAll(".late-fees [data-applies-after]").forEach(function (fee) {
      var after = dayNumber(fee.getAttribute("data-applies-after"));
      if (after !== null && today > after) {
        items.push({ day: after, passed: true, parts: [el("strong", null, ["Late fee applies"]), ": ",
          copyOf(fee.querySelector(".late-fee-text"))] });
      }
    });

    items.sort(function (a, b) { return a.day - b.day; });
    return items;
  }

  function markKeyDates(today) {
    // Only dates that ask something of the reader get "(passed)" or "(in 3 days)".
    document.querySelectorAll(".key-date[data-date]:not([data-kind=info])").forEach(function (row) {
      var diff = dayNumber(row.getAttribute("data-date")) - today;
      var status = row.querySelector(".key-date-status");
      var text = diff < 0 ? "(passed)" : diff === 0 ? "(today)" : "(" + inDays(diff) + ")";
      row.classList.toggle("is-passed", diff < 0);
      row.classList.toggle("is-near", diff >= 0 && diff <= NEAR_DAYS);
      if (status && status.textContent !== text) status.textContent = text;
    });
  }

  function render() {
    var today = whichToday();
    var open = boxes.filter(function (b) { return !b.checked; });
    var done = boxes.length - open.length;

    setContent(document.getElementById("checklist-progress"), [done + " of " + boxes.length + " done"]);
    setContent(document.getElementById("checklist-next"), nextThing(open));
    setContent(document.getElementById("checklist-warnings"), warningsFor(today.day, open).map(function (w) {
      return el("li", w.passed ? "is-passed" : "is-near", w.parts);
    }));
    setContent(document.getElementById("checklist-today"), [
      "Deadlines are checked against " + (today.fromAddress ? "the date in the page address, " : "today's date, "),
      timeEl(today.day), "."]);
    markKeyDates(today.day);
    document.getElementById("checklist-storage-note").hidden = storageWorks;
    document.getElementById("clear-ticks").disabled = done === 0;
  }

  // ---- wiring --------------------------------------------------------------

  applyTicks(loadTicks());
  form.addEventListener("change", function () { saveTicks(); render(); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  document.getElementById("clear-ticks").addEventListener("click", function () {
    var done = boxes.filter(function (b) { return b.checked; }).length;
    if (!done) return;
    if (!window.confirm("Clear all " + done + " ticks on this checklist? This cannot be undone.")) return;
    applyTicks([]);
    saveTicks();
    render();
    boxes[0].focus();
  });
  // Another tab ticked something on the same checklist.
  window.addEventListener("storage", function (event) {
    if (event.key === storageKey) { applyTicks(loadTicks()); render(); }
  });

  document.querySelectorAll(".checklist-status, .js-only").forEach(function (node) { node.hidden = false; });
  render();
})();
