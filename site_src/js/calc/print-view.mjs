// The one-page summary for a Training Officer, printed with the browser's own
// "Print" (calculator.css has the print styles; no PDF library): the cycle and
// level, every course with its date, hours, approval number, how it was taught
// and where its hours count, what did not count and why, totals per
// component, what is still needed, what the calculator cannot check and the
// day it was made. Each reason names its source; the sources cited are listed
// with their addresses, since paper has no links.

import { nextCourses } from "./advice.mjs";
import { cycleEnded } from "./results-view.mjs";
import { sourcesOf, sourceText } from "./sources.mjs";
import { h, replaceChildren } from "../lib/dom.mjs";
import { longDate, num, timeEl } from "../lib/format.mjs";

const TAUGHT = { in_person: "In person", live_virtual: "Live virtual", distributive: "Distributive" };

function taught(course) {
  const how = course.distributive ? "Distributive (DE)" : "Not DE";
  return course.approval_code ? `${how}, code ${course.approval_code}` : how;
}

function countsWhere(course, components) {
  const parts = components.filter((c) => Number(course.counted[c.id]) > 0).map((c) => `${c.name} ${num(course.counted[c.id])}`);
  return parts.length ? parts.join(", ") : "None";
}

// page: {title (cycle and level), today, components, issuers};
// rows: the page's rows in engine order, for the approval number and delivery as entered.
export function renderPrintSummary(container, output, rows, page) {
  if (!output) {
    replaceChildren(container,
      h("h2", { text: `Continuing education summary: ${page.title}` }),
      h("p", { text: "The calculator had no results to print yet. Enter your courses, wait for the results, then print again." }));
    return;
  }
  const { components } = page;
  const notCounted = output.courses.map((course, i) => ({ course, i })).filter(({ course }) => course.reasons.length);
  // An ended cycle's summary is a record: it asks nobody to take a course.
  const { items } = cycleEnded(output.deadlines) ? { items: [] } : nextCourses(output, components, { issuers: page.issuers });
  const notChecked = output.not_checked || [];
  const cited = sourcesOf([
    ...notCounted.flatMap(({ course }) => course.reasons.flatMap((r) => [r.source, r.also_source])),
    ...notChecked.map((item) => item.source),
  ]);
  replaceChildren(container,
    h("h2", { text: `Continuing education summary: ${page.title}` }),
    h("p", { class: "print-meta" }, "Made on ", timeEl(page.today), " with the hour calculator for this cycle. Hours count from ",
      timeEl(output.window.start), " through ", timeEl(output.window.last_day), "."),
    h("p", { class: "print-meta" }, "Name: ", h("span", { class: "print-blank" }), " Certification number: ", h("span", { class: "print-blank" })),
    h("table", { class: "print-totals" },
      h("caption", { text: `Totals: ${num(output.counted)} of ${num(output.required)} hours counted${output.status === "complete" ? ", complete" : `, ${num(output.short_by)} still needed`}` }),
      h("thead", {}, h("tr", {}, ["Component", "Required", "Counted", "Of which DE", "Still needed"].map((t) => h("th", { scope: "col", text: t })))),
      h("tbody", {}, components.map((c) => {
        const r = output.components[c.id];
        return h("tr", {}, h("th", { scope: "row", text: c.name }), h("td", { text: num(r.required) }), h("td", { text: num(r.counted) }),
          h("td", { text: num(r.distributive) }), h("td", { text: num(r.remaining) }));
      }))),
    h("table", { class: "print-courses" },
      h("caption", { text: `Courses (${output.courses.length})` }),
      h("thead", {}, h("tr", {}, ["#", "Date", "Course", "Hours", "Approval number", "How taught", "Counts toward", "Not counted"]
        .map((t) => h("th", { scope: "col", text: t })))),
      h("tbody", {}, output.courses.map((course, i) => h("tr", {},
        h("td", { text: String(i + 1) }),
        h("td", { text: longDate(course.date) }),
        h("td", { text: course.title || "(no title)" }),
        h("td", { text: num(course.hours) }),
        h("td", { text: rows[i]?.approval || "None" }),
        h("td", { text: course.approval_code ? taught(course) : (TAUGHT[rows[i]?.delivery] || taught(course)) }),
        h("td", { text: countsWhere(course, components) }),
        h("td", { text: Number(course.not_counted) > 0 ? num(course.not_counted) : "" }))))),
    notCounted.length ? [
      h("h3", { text: "What did not count, and why" }),
      h("ul", { class: "print-reasons" }, notCounted.map(({ course, i }) => h("li", {},
        h("strong", { text: `${i + 1}. ${course.title || "(no title)"}: ` }),
        course.reasons.map((r) => `${num(r.hours)} h: ${r.message}${sourceText(r.source, r.also_source)}`).join(" ")))),
    ] : null,
    items.length ? [h("h3", { text: "Still needed" }), h("ul", {}, items.map((item) => h("li", { text: item.text })))] : null,
    notChecked.length ? [
      h("h3", { text: "Not checked by the calculator" }),
      h("ul", { class: "print-reasons print-not-checked" }, notChecked.map((item) => h("li", { text: `${item.text}${sourceText(item.source)}` }))),
    ] : null,
    cited.length ? [
      h("h3", { text: "Sources" }),
      h("ul", { class: "print-reasons print-sources" }, cited.map((s) => h("li", { text: s.where ? `${s.title}: ${s.where}` : s.title }))),
    ] : null);
}
