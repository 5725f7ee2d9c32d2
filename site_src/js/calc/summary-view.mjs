// The summary that stays in view while the person edits: hours counted of
// those required, what each component still needs, and the days left to the
// next deadline.

import { h, patchChildren, replaceChildren } from "../lib/dom.mjs";
import { hours, num, plural, timeEl } from "../lib/format.mjs";

const DEADLINES = [
  ["ce_last_day", "Last day for CE hours"],
  ["last_day_without_penalty", "Last day without penalty"],
  ["last_day", "Last day of all"],
];

// The first deadline not yet passed, or the last one if all have passed.
export function nextDeadline(deadlines) {
  const known = DEADLINES.filter(([key]) => deadlines && deadlines[key]).map(([key, label]) => ({ key, label, ...deadlines[key] }));
  return known.find((d) => !d.passed) || known[known.length - 1] || null;
}

function deadlineLine(d) {
  if (!d) return null;
  const when = d.passed ? `passed ${plural(-d.days_left, "day", "days")} ago`
    : d.days_left === 0 ? "today" : `${plural(d.days_left, "day", "days")} left`;
  return h("p", { class: `summary-deadline${d.passed ? " deadline-passed" : ""}` }, `${d.label}: `, timeEl(d.date), ` (${when})`);
}

export function renderSummary(container, output, components) {
  const complete = output.status === "complete";
  patchChildren(container,
    h("p", { class: `summary-counted${complete ? " is-complete" : ""}`, id: "summary-counted" },
      h("strong", { text: `${num(output.counted)} of ${hours(output.required)}` }), " counted",
      complete ? ": complete" : `, ${num(output.short_by)} still needed`),
    h("ul", { class: "summary-components" }, components.map((c) => {
      const r = output.components[c.id];
      const remaining = Number(r.remaining);
      return h("li", { dataset: { component: c.id }, class: remaining > 0 ? "is-short" : "is-met" },
        h("span", { class: "summary-name", text: c.name }), " ",
        remaining > 0 ? `${num(remaining)} still needed` : "done",
        h("span", { class: "summary-of", text: ` (${num(r.counted)} of ${num(r.required)})` }));
    })),
    deadlineLine(nextDeadline(output.deadlines)));
}

export function renderSummaryMessage(container, text) {
  replaceChildren(container, h("p", { text }));
}
