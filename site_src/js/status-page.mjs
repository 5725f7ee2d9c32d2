// Brings every cycle status on the page up to the reader's own date: the
// build wrote the status as of the day it ran (and says so); this sets each
// [data-cycle-status] from its data-* dates and shows the [data-when] parts
// that match. Without JavaScript the build's wording stays, which is correct
// as of the date it states.

import { statusOn, readersDay, showsFor } from "./cycle-status.mjs";
import { isRealDate, longDate, todayIso } from "./lib/format.mjs";

function datesOf(el) {
  return { opens: el.dataset.opens || null, recommended: el.dataset.recommended || null, lastDay: el.dataset.lastDay };
}

export function applyStatus(doc, today) {
  for (const el of doc.querySelectorAll("[data-cycle-status][data-last-day]")) {
    el.dataset.cycleStatus = statusOn(datesOf(el), today);
  }
  for (const part of doc.querySelectorAll("[data-when]")) {
    const owner = part.closest("[data-cycle-status]");
    if (owner) part.hidden = !showsFor(part.dataset.when, owner.dataset.cycleStatus);
  }
  for (const el of doc.querySelectorAll("[data-as-of=build]")) el.hidden = true;
  for (const el of doc.querySelectorAll("[data-as-of=today]")) el.hidden = false;
  for (const el of doc.querySelectorAll("time[data-today]")) {
    el.dateTime = today;
    el.textContent = longDate(today);
  }
  doc.documentElement.dataset.statusDay = today;
}

applyStatus(document, readersDay(window.location.search, new Date(), { isRealDate, todayIso }).day);
