// Draws the engine's output (recert_engine/FORMAT.md) as the results panel:
// a headline, hours per component, what is still missing, where each course
// counts and why not, and the deadlines as of today.

import { h, replaceChildren } from "../lib/dom.mjs";
import { deLimit, hours, money, num, plural, timeEl } from "../lib/format.mjs";

export function headline(output) {
  if (output.status === "complete") return `Complete: all ${hours(output.required)} count.`;
  return `Short by ${hours(output.short_by)}: ${num(output.counted)} of ${hours(output.required)} count so far.`;
}

// Wide tables scroll sideways on a phone; the box can take focus so the
// keyboard can scroll it too.
function scrollBox(label, table) {
  return h("div", { class: "table-scroll", role: "region", tabindex: "0", "aria-label": label }, table);
}

function countedParts(counted, components) {
  return components.filter((c) => Number(counted[c.id]) > 0).map((c) => `${num(counted[c.id])} h ${c.name}`);
}

// One line for the course's own row in the form.
export function courseOutcome(course, components) {
  const parts = countedParts(course.counted, components);
  const total = Number(course.hours);
  const left = Number(course.not_counted);
  if (!parts.length) return { text: `Does not count (${hours(left)}): see “Courses to check” in the results.`, kind: "counts-none" };
  if (left > 0) {
    return { text: `Counts ${num(total - left)} of ${hours(total)}: ${parts.join(", ")}. ${hours(left)} not counted: see the results.`, kind: "counts-part" };
  }
  return { text: `Counts: ${parts.join(", ")}.`, kind: "counts-all" };
}

function componentTable(output, components) {
  const rows = components.map((c) => {
    const r = output.components[c.id];
    const deText = `${num(r.distributive)} (allowed: ${deLimit(r.de_limit).toLowerCase()})`;
    const required = Number(r.required);
    const progress = required > 0
      ? h("meter", { min: 0, max: required, value: Math.min(Number(r.counted), required), optimum: required,
        "aria-label": `${c.name}: ${num(r.counted)} of ${hours(required)}` }, `${num(r.counted)} of ${num(required)}`)
      : "Not required";
    return h("tr", { dataset: { component: c.id } },
      h("th", { scope: "row", text: c.name }),
      h("td", { text: num(r.required) }),
      h("td", { text: num(r.counted) }),
      h("td", { text: deText }),
      h("td", { text: num(r.remaining) }),
      h("td", {}, progress));
  });
  return scrollBox("Hours counted toward each component", h("table", { class: "result-components" },
    h("caption", { text: "Hours counted toward each component" }),
    h("thead", {}, h("tr", {}, ["Component", "Required", "Counted", "Of which distributive (DE)", "Still needed", "Progress"]
      .map((t) => h("th", { scope: "col", text: t })))),
    h("tbody", {}, rows),
    h("tfoot", {}, h("tr", {},
      h("th", { scope: "row", text: "Total" }),
      h("td", { text: num(output.required) }),
      h("td", { text: num(output.counted) }),
      h("td", {}),
      h("td", { text: num(output.short_by) }),
      h("td", {})))));
}

function missingList(output, components) {
  const items = [];
  for (const c of components) {
    const r = output.components[c.id];
    const remaining = Number(r.remaining);
    if (remaining <= 0) continue;
    let text = `${c.name}: ${hours(remaining)} more`;
    if (c.nationalOnly) text += ", from courses with National (NCCR) content";
    if (r.de_limit !== null) {
      const room = Math.max(0, Number(r.de_limit) - Number(r.distributive));
      if (room === 0) text += ", taken in person or live virtual (no more distributive education counts here)";
      else if (room < remaining) text += `; at most ${hours(room)} of them may be distributive education (DE)`;
    }
    items.push(h("li", { text: `${text}.` }));
  }
  const lost = Number(output.counted_if_unpinned) - Number(output.counted);
  if (lost > 0) {
    items.push(h("li", { text: `Your choices under “Counts toward” keep ${hours(lost)} from counting. See the suggestions under “Courses to check”.` }));
  }
  if (!items.length) return h("p", { text: `Nothing is missing: all ${hours(output.required)} count.` });
  return h("ul", { class: "missing" }, items);
}

function courseLabel(course, rowNumber) {
  return course.title ? `Course ${rowNumber}: ${course.title}` : `Course ${rowNumber}`;
}

function assignmentTable(output, components, rowNumbers) {
  const rows = output.courses.map((course, i) => h("tr", {},
    h("th", { scope: "row" }, courseLabel(course, rowNumbers[i]),
      course.pinned ? h("span", { class: "small", text: ` (you chose ${components.find((c) => c.id === course.pinned)?.name ?? course.pinned})` }) : null),
    components.map((c) => h("td", { text: num(course.counted[c.id] ?? 0) })),
    h("td", { text: num(course.not_counted) })));
  return scrollBox("Where each course's hours count", h("table", { class: "result-assignment" },
    h("caption", { text: "Where each course's hours count" }),
    h("thead", {}, h("tr", {}, h("th", { scope: "col", text: "Course" }),
      components.map((c) => h("th", { scope: "col", text: c.name })),
      h("th", { scope: "col", text: "Not counted" }))),
    h("tbody", {}, rows)));
}

function courseNotes(output, components, rowNumbers) {
  const items = [];
  output.courses.forEach((course, i) => {
    if (!(Number(course.not_counted) > 0) && !course.messages.length && !course.suggestion) return;
    const parts = countedParts(course.counted, components);
    items.push(h("li", {},
      h("h4", { text: courseLabel(course, rowNumbers[i]) }),
      h("p", {}, `${hours(course.hours)}, taken `, timeEl(course.date), ". ",
        parts.length ? `Counts: ${parts.join(", ")}.` : "None of it counts yet."),
      course.reasons.length ? h("ul", {}, course.reasons.map((r) => h("li", {},
        h("strong", { text: `${hours(r.hours)} not counted: ` }), r.message))) : null,
      course.messages.map((m) => h("p", {}, h("strong", { text: "Check: " }), m.message)),
      course.suggestion ? h("p", {}, h("strong", { text: "Suggestion: " }), course.suggestion.message) : null));
  });
  if (!items.length) return null;
  return [h("h3", { text: "Courses to check" }), h("ul", { class: "course-notes" }, items)];
}

function excludedList(excluded) {
  if (!excluded.length) return null;
  return [
    h("h3", { text: "Not included yet" }),
    h("p", { text: "These courses are left out until they are complete. Select “Check my courses” to see what each needs." }),
    h("ul", {}, excluded.map((e) => h("li", {}, h("a", { href: `#${e.id}`, text: `Course ${e.number}` }), `: ${e.reason}`))),
  ];
}

const DEADLINES = [
  ["ce_last_day", "Last day to complete continuing education"],
  ["last_day_without_penalty", "Last day without penalty"],
  ["last_day", "Last day of all"],
];

function deadlineState(d) {
  if (d.passed) return h("span", { class: "deadline-passed", text: `passed ${plural(-d.days_left, "day", "days")} ago` });
  if (d.days_left === 0) return h("strong", { text: "today" });
  return `${plural(d.days_left, "day", "days")} left`;
}

function deadlines(d) {
  const items = DEADLINES.filter(([key]) => d[key]).map(([key, label]) =>
    h("li", {}, `${label}: `, timeEl(d[key].date), " (", deadlineState(d[key]), ")"));
  const fees = d.late_fees.map((fee) => h("li", {}, fee.applies ? h("strong", { text: "Applies now: " }) : "Not yet: ", fee.text));
  const open = d.last_day && !d.last_day.passed;
  return [
    h("h3", {}, "Deadlines as of today, ", timeEl(d.today)),
    h("ul", {}, items),
    fees.length ? [h("p", { text: "Late fees:" }), h("ul", {}, fees)] : null,
    open && d.warning ? h("p", { class: "warning-box", text: d.warning }) : null,
  ];
}

function stepFees(f) {
  if (!f || !f.items.length) return null;
  const items = f.items.map((fee) => h("li", {},
    h("strong", { text: money(fee.amount) }), ` ${fee.step}: ${fee.title}`,
    fee.who ? ` (${fee.who})` : "",
    fee.applies === false ? " \u2013 does not apply to you" : "",
    fee.applies === null ? " \u2013 depends on whether you have NREMT certification" : ""));
  return [
    h("h3", { text: "Fees" }),
    h("ul", {}, items),
    h("p", { text: f.total === null
      ? "Answer the NREMT question above to see your total."
      : `Your fees for these steps: ${money(f.total)} in all, not counting late fees.` }),
  ];
}

// rowNumbers[i]: the form row (1-based) of the engine's course i.
export function renderResults(container, output, { components, rowNumbers, excluded }) {
  const complete = output.status === "complete";
  replaceChildren(container,
    h("p", { class: `result-headline${complete ? " is-complete" : ""}`, text: headline(output) }),
    componentTable(output, components),
    h("h3", { text: "What is still missing" }),
    missingList(output, components),
    excludedList(excluded),
    output.courses.length ? [
      h("h3", { text: "How your hours are assigned" }),
      h("p", { text: "The calculator puts each course where it counts most, keeping any choice you made under “Counts toward”." }),
      assignmentTable(output, components, rowNumbers),
    ] : null,
    courseNotes(output, components, rowNumbers),
    deadlines(output.deadlines),
    stepFees(output.fees));
}

export function renderMessage(container, ...paragraphs) {
  replaceChildren(container, paragraphs.map((p) => h("p", {}, p)));
}
