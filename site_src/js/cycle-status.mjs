// A cycle's status on a given day, the browser's copy of the rule in
// generator/model/status.py (README "Cycle status"). Dates are YYYY-MM-DD
// strings, which compare correctly as text.

export const STATUSES = ["upcoming", "open", "closing", "ended"];

// dates: {opens, recommended, lastDay}; opens and recommended may be null.
export function statusOn({ opens = null, recommended = null, lastDay }, today) {
  if (today > lastDay) return "ended";
  if (opens && today < opens) return "upcoming";
  if (recommended && today > recommended) return "closing";
  return "open";
}

// Which day the reader's page judges by: ?today=YYYY-MM-DD in the address
// (as on the checklist, to look at a cycle as of another day), else the
// device's own date. `isRealDate` and `todayIso` come from the format module.
export function readersDay(search, now, { isRealDate, todayIso }) {
  const asked = new URLSearchParams(search).get("today");
  if (asked && isRealDate(asked)) return { day: asked, fromAddress: true };
  return { day: todayIso(now), fromAddress: false };
}

// Whether an element marked data-when="open closing" shows for a status.
export function showsFor(when, status) {
  return when.split(/\s+/).includes(status);
}
