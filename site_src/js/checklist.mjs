// Checklist enhancements: saved ticks, progress, the next thing to do and
// deadline warnings. Without this file the page is still a printable list.
// Dates are compared as whole days; "today" is the browser's date unless the
// address says ?today=YYYY-MM-DD (handy for checking an old cycle's warnings).

import { readersDay } from "./cycle-status.mjs";
import { h } from "./lib/dom.mjs";
import { dayNumber, daysAgo, inDays, isRealDate, isoOfDay, timeEl, todayIso } from "./lib/format.mjs";

const NEAR_DAYS = 14;

const form = document.getElementById("checklist");
const storageKey = form?.dataset.storageKey;
const boxes = form ? [...form.querySelectorAll("input[type=checkbox]")] : [];
const dayEl = (day) => timeEl(isoOfDay(day));

function copyOf(node) {
  // Captions may hold <time> elements; keep them rather than flattening to text.
  return h("span", {}, node ? [...node.childNodes].map((c) => c.cloneNode(true)) : []);
}

// Replace a node's children only when they differ, so the live region
// announces what changed and not everything on every tick.
function setContent(target, nodes) {
  const holder = h("div", {}, nodes);
  if (holder.innerHTML === target.innerHTML) return;
  target.replaceChildren(...holder.childNodes);
}

// ---- saved ticks ---------------------------------------------------------

let storageWorks = true;

function loadTicks() {
  try {
    const saved = JSON.parse(window.localStorage.getItem(storageKey) || "[]");
    return Array.isArray(saved) ? saved : [];
  } catch {
    storageWorks = false;
    return [];
  }
}

function saveTicks() {
  const ticked = boxes.filter((b) => b.checked).map((b) => b.name).sort();
  try {
    if (ticked.length) window.localStorage.setItem(storageKey, JSON.stringify(ticked));
    else window.localStorage.removeItem(storageKey);
  } catch {
    storageWorks = false;
  }
}

function applyTicks(ticked) {
  for (const b of boxes) b.checked = ticked.includes(b.name);
}

// ---- what to show --------------------------------------------------------

function stepName(box) {
  const title = box.parentNode.querySelector(".check-title");
  return `${box.dataset.step}, ${box.dataset.substep}: ${title ? title.textContent.trim() : ""}`;
}

const deadlineOf = (box) => dayNumber(box.closest(".check-item").dataset.deadline);

// The cycle's status, as the page's status script set it for the same day
// (site_src/js/status-page.mjs runs first) or as the build wrote it.
function cycleEnded() {
  const main = document.querySelector("main[data-cycle-status]");
  return Boolean(main) && main.dataset.cycleStatus === "ended";
}

function nextThing(open) {
  if (cycleEnded()) return ["This cycle has ended, so nothing on this list is to be done now. The notice at the top says where to find the current requirements."];
  if (!open.length) return ["Everything on this list is ticked."];
  const box = open[0];
  const parts = ["Next: ", h("a", { href: `#${box.id}`, text: stepName(box) })];
  const due = deadlineOf(box);
  if (due !== null) parts.push(" (deadline ", dayEl(due), ")");
  return parts;
}

function warningsFor(today, open) {
  const items = [];
  if (!open.length || cycleEnded()) return items;

  for (const row of document.querySelectorAll(".key-date[data-date]")) {
    const kind = row.dataset.kind;
    if (kind !== "deadline" && kind !== "recommended") continue;
    const day = dayNumber(row.dataset.date);
    const diff = day - today;
    const what = kind === "recommended" ? "Recommended date" : "Deadline";
    const caption = copyOf(row.querySelector(".key-date-caption"));
    const extra = row.querySelector(".key-date-warning");
    const tail = extra ? [" ", h("strong", { text: extra.textContent })] : [];
    if (diff < 0) {
      items.push({ day, passed: true, parts: [h("strong", { text: `${what} passed` }), " on ", dayEl(day),
        ` (${daysAgo(diff)}): `, caption, ...tail] });
    } else if (diff <= NEAR_DAYS) {
      items.push({ day, passed: false, parts: [h("strong", { text: `${what} ${inDays(diff)}` }), ", ",
        dayEl(day), ": ", caption, ...tail] });
    }
  }

  for (const box of open) {
    const day = deadlineOf(box);
    if (day === null) continue;
    const diff = day - today;
    if (diff < 0) {
      items.push({ day, passed: true, parts: [h("strong", { text: "Not ticked, deadline passed" }), " on ",
        dayEl(day), ` (${daysAgo(diff)}): `, stepName(box)] });
    } else if (diff <= NEAR_DAYS) {
      items.push({ day, passed: false, parts: [h("strong", { text: `Not ticked, due ${inDays(diff)}` }), ", ",
        dayEl(day), ": ", stepName(box)] });
    }
  }

  for (const fee of document.querySelectorAll(".late-fees [data-applies-after]")) {
    const after = dayNumber(fee.dataset.appliesAfter);
    if (after !== null && today > after) {
      // Where the flyer is unclear (data-unclear), the fee "may" apply: the safe reading.
      const label = fee.dataset.unclear ? "Late fee may apply" : "Late fee applies";
      items.push({ day: after, passed: true, parts: [h("strong", { text: label }), ": ",
        copyOf(fee.querySelector(".late-fee-text"))] });
    }
  }

  return items.sort((a, b) => a.day - b.day);
}

function markKeyDates(today) {
  // Only dates that ask something of the reader get "(passed)" or "(in 3 days)".
  for (const row of document.querySelectorAll(".key-date[data-date]:not([data-kind=info])")) {
    const diff = dayNumber(row.dataset.date) - today;
    const status = row.querySelector(".key-date-status");
    const text = diff < 0 ? "(passed)" : `(${inDays(diff)})`;
    row.classList.toggle("is-passed", diff < 0);
    row.classList.toggle("is-near", diff >= 0 && diff <= NEAR_DAYS);
    if (status && status.textContent !== text) status.textContent = text;
  }
}

function render() {
  const today = readersDay(window.location.search, new Date(), { isRealDate, todayIso });
  const day = dayNumber(today.day);
  const open = boxes.filter((b) => !b.checked);
  const done = boxes.length - open.length;

  setContent(document.getElementById("checklist-progress"), [`${done} of ${boxes.length} done`]);
  setContent(document.getElementById("checklist-next"), nextThing(open));
  setContent(document.getElementById("checklist-warnings"),
    warningsFor(day, open).map((w) => h("li", { class: w.passed ? "is-passed" : "is-near" }, w.parts)));
  setContent(document.getElementById("checklist-today"), [
    `Deadlines are checked against ${today.fromAddress ? "the date in the page address, " : "today's date, "}`,
    timeEl(today.day), "."]);
  markKeyDates(day);
  document.getElementById("checklist-storage-note").hidden = storageWorks;
  document.getElementById("clear-ticks").disabled = done === 0;
}

// ---- wiring --------------------------------------------------------------

function start() {
  applyTicks(loadTicks());
  form.addEventListener("change", () => {
    saveTicks();
    render();
  });
  form.addEventListener("submit", (event) => event.preventDefault());
  document.getElementById("clear-ticks").addEventListener("click", () => {
    const done = boxes.filter((b) => b.checked).length;
    if (!done) return;
    if (!window.confirm(`Clear all ${done} ticks on this checklist? This cannot be undone.`)) return;
    applyTicks([]);
    saveTicks();
    render();
    boxes[0].focus();
  });
  // Another tab ticked something on the same checklist.
  window.addEventListener("storage", (event) => {
    if (event.key === storageKey) {
      applyTicks(loadTicks());
      render();
    }
  });

  for (const node of document.querySelectorAll(".checklist-status, .js-only")) node.hidden = false;
  render();
}

if (form) start();
