// Draws the engine's output (recert_engine/FORMAT.md) as the results panel:
// a headline, what to take next, hours per component, where each course
// counts and why not, and the deadlines as of today. Tables keep every
// column: on a narrow screen each row becomes a small block of label: value
// lines (calculator.css, table.stack), never a box that scrolls sideways.

import { nextCourses } from "./advice.mjs";
import { sourceNote } from "./sources.mjs";
import { h, patchChildren, replaceChildren } from "../lib/dom.mjs";
import { deLimit, hours, money, num, plural, timeEl } from "../lib/format.mjs";

export function headline(output) {
  if (output.status === "complete") return `Complete: all ${hours(output.required)} add up. See below what this calculator cannot check.`;
  return `Short by ${hours(output.short_by)}: ${num(output.counted)} of ${hours(output.required)} count so far.`;
}

// A table cell that names its column, for the stacked layout on a phone.
function cell(tag, label, attrs, ...children) {
  return h(tag, { ...attrs, dataset: { label } }, ...children);
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

const COMPONENT_COLUMNS = ["Component", "Required", "Counted", "Of which distributive (DE)", "Still needed", "Progress"];

function componentTable(output, components) {
  const [, required, counted, de, still, progressLabel] = COMPONENT_COLUMNS;
  const rows = components.map((c) => {
    const r = output.components[c.id];
    const deText = `${num(r.distributive)} (allowed: ${deLimit(r.de_limit).toLowerCase()})`;
    const need = Number(r.required);
    const progress = need > 0
      ? h("meter", { min: 0, max: need, value: Math.min(Number(r.counted), need), optimum: need,
        "aria-label": `${c.name}: ${num(r.counted)} of ${hours(need)}` }, `${num(r.counted)} of ${num(need)}`)
      : "Not required";
    return h("tr", { dataset: { component: c.id } },
      h("th", { scope: "row", text: c.name }),
      cell("td", required, { text: num(r.required) }),
      cell("td", counted, { text: num(r.counted) }),
      cell("td", de, { text: deText }),
      cell("td", still, { text: num(r.remaining) }),
      cell("td", progressLabel, {}, progress));
  });
  return h("table", { class: "result-components stack" },
    h("caption", { text: "Hours counted toward each component" }),
    h("thead", {}, h("tr", {}, COMPONENT_COLUMNS.map((t) => h("th", { scope: "col", text: t })))),
    h("tbody", {}, rows),
    h("tfoot", {}, h("tr", {},
      h("th", { scope: "row", text: "Total" }),
      cell("td", required, { text: num(output.required) }),
      cell("td", counted, { text: num(output.counted) }),
      cell("td", de, { class: "stack-empty" }),
      cell("td", still, { text: num(output.short_by) }),
      cell("td", progressLabel, { class: "stack-empty" }))));
}

// What to take next, as advice a person can act on (advice.mjs).
function nextSteps(output, components, issuers) {
  const { items, pins } = nextCourses(output, components, { issuers });
  if (!items.length && !pins) return h("p", { text: `Nothing is missing: all ${hours(output.required)} count.` });
  return h("ul", { class: "missing" },
    pins ? h("li", { text: pins }) : null,
    items.map((item) => h("li", { dataset: { component: item.component }, text: item.text })));
}

function courseLabel(course, rowNumber) {
  return course.title ? `Course ${rowNumber}: ${course.title}` : `Course ${rowNumber}`;
}

function assignmentTable(output, components, rowNumbers) {
  const rows = output.courses.map((course, i) => h("tr", {},
    h("th", { scope: "row" }, courseLabel(course, rowNumbers[i]),
      course.pinned ? h("span", { class: "small", text: ` (you chose ${components.find((c) => c.id === course.pinned)?.name ?? course.pinned})` }) : null),
    components.map((c) => cell("td", c.name, { text: num(course.counted[c.id] ?? 0) })),
    cell("td", "Not counted", { text: num(course.not_counted) })));
  return h("table", { class: "result-assignment stack" },
    h("caption", { text: "Where each course's hours count" }),
    h("thead", {}, h("tr", {}, h("th", { scope: "col", text: "Course" }),
      components.map((c) => h("th", { scope: "col", text: c.name })),
      h("th", { scope: "col", text: "Not counted" }))),
    h("tbody", {}, rows));
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
        h("strong", { text: `${hours(r.hours)} not counted: ` }), r.message, sourceNote(r.source, r.also_source)))) : null,
      course.messages.map((m) => h("p", {}, h("strong", { text: "Check: " }), m.message, sourceNote(m.source))),
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
    h("ul", {}, excluded.map((e) => h("li", {}, e.id ? h("a", { href: `#${e.id}`, text: `Course ${e.number}` }) : `Course ${e.number}`, `: ${e.reason}`))),
  ];
}

// Each deadline is named in the content's words (the engine's `label`).
const DEADLINES = ["ce_last_day", "last_day_without_penalty", "last_day"];

function deadlineState(d) {
  if (d.passed) return h("span", { class: "deadline-passed", text: `passed ${plural(-d.days_left, "day", "days")} ago` });
  if (d.days_left === 0) return h("strong", { text: "today" });
  return `${plural(d.days_left, "day", "days")} left`;
}

function deadlines(d) {
  const items = DEADLINES.filter((key) => d[key]).map((key) =>
    h("li", {}, `${d[key].label}: `, timeEl(d[key].date), " (", deadlineState(d[key]), ")"));
  // The safe reading: once the last day without penalty has passed, a late fee
  // "may apply" even where the flyer names a later day; never "Not yet" then.
  const fees = d.late_fees.map((fee) => h("li", {},
    fee.applies ? h("strong", { text: fee.unclear ? "May apply now: " : "Applies now: " }) : "Not yet: ", fee.text,
    fee.unclear ? h("span", { class: "unclear-note" }, " ", fee.unclear) : null));
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

// The cycle's last day (as in generator/model/status.py: last_day, else the
// last day without penalty, else the CE window's) has passed on the engine's today.
export function cycleEnded(d) {
  const last = d.last_day || d.last_day_without_penalty || d.ce_last_day;
  return Boolean(last && last.passed);
}

function notChecked(items) {
  if (!items || !items.length) return null;
  return [
    h("h3", { text: "What this calculator cannot check" }),
    h("p", { text: "“Complete” means your hours add up. Before you rely on it, make sure of these too:" }),
    h("ul", { class: "not-checked" }, items.map((item) => h("li", {}, item.text, sourceNote(item.source)))),
  ];
}

// rowNumbers[i]: the form row (1-based) of the engine's course i;
// excluded: [{number, id, reason}] rows left out of this evaluation.
export function renderResults(container, output, { components, rowNumbers, excluded, issuers = [] }) {
  const complete = output.status === "complete";
  patchChildren(container,
    h("p", { class: `result-headline${complete ? " is-complete" : ""}`, text: headline(output) }),
    h("h3", { text: "What to take next" }),
    // An ended cycle's calculator is a record: it asks nobody to take a course.
    cycleEnded(output.deadlines)
      ? h("p", { text: "Nothing: this cycle has ended. The notice at the top of the page says where to find the current requirements." })
      : nextSteps(output, components, issuers),
    componentTable(output, components),
    excludedList(excluded),
    output.courses.length ? [
      h("h3", { text: "How your hours are assigned" }),
      h("p", { text: "The calculator puts each course where it counts most, keeping any choice you made under “Counts toward”." }),
      assignmentTable(output, components, rowNumbers),
    ] : null,
    courseNotes(output, components, rowNumbers),
    notChecked(output.not_checked),
    deadlines(output.deadlines),
    stepFees(output.fees));
}

export function renderMessage(container, ...paragraphs) {
  replaceChildren(container, paragraphs.map((p) => h("p", {}, p)));
}
