// Shows what was read from pasted rows (paste.mjs), row by row with every
// problem, before anything is added; "Add" then adds only the rows read
// without a problem, after the courses already entered.

import { h, replaceChildren } from "../lib/dom.mjs";
import { longDate, plural } from "../lib/format.mjs";

const FIELD_NAMES = { title: "Title", date: "Date", hours: "Hours", approval: "Approval number", delivery: "How taught", national: "National", component: "Counts toward" };

export function renderPastePreview(container, result, { components }) {
  if (result.error) {
    replaceChildren(container, h("div", { class: "paste-problem" },
      h("p", {}, h("strong", { text: "Nothing can be added yet: " }), result.error)));
    return [];
  }
  const good = result.rows.filter((r) => r.course);
  const bad = result.rows.length - good.length;
  const componentName = (id) => components.find((c) => c.id === id)?.name ?? "";
  const columns = result.columns.map((f, i) => `column ${i + 1}: ${f ? FIELD_NAMES[f] : "not used"}`).join("; ");
  replaceChildren(container,
    h("h4", { id: "paste-result-heading", text: `Read ${plural(result.rows.length, "row", "rows")}: ${plural(good.length, "course", "courses")} ready to add${bad ? `, ${plural(bad, "row", "rows")} with problems` : ""}` }),
    h("p", { class: "small", text: `${result.header ? "The first row named the columns" : "No row naming the columns, so they were recognised by what they hold"} (${columns}).` }),
    h("table", { class: "paste-table stack" },
      h("caption", { class: "visually-hidden", text: "What the calculator read from each pasted row" }),
      h("thead", {}, h("tr", {}, ["Line", "Title", "Date", "Hours", "Approval number", "National", "Counts toward", "Problems"].map((t) => h("th", { scope: "col", text: t })))),
      h("tbody", {}, result.rows.map((row) => {
        const c = row.course;
        const raw = (i) => row.cells[i] ?? "";
        const at = (field) => result.columns.indexOf(field);
        const shownValue = (field, fromCourse) => (c ? fromCourse : at(field) >= 0 ? raw(at(field)) : "");
        return h("tr", { class: c ? "paste-ok" : "paste-bad" },
          h("th", { scope: "row", text: String(row.line) }),
          h("td", { dataset: { label: "Title" }, text: shownValue("title", c?.title) }),
          h("td", { dataset: { label: "Date" }, text: shownValue("date", c && longDate(c.date)) }),
          h("td", { dataset: { label: "Hours" }, text: shownValue("hours", c?.hours) }),
          h("td", { dataset: { label: "Approval number" }, text: shownValue("approval", c?.approval) }),
          h("td", { dataset: { label: "National" }, text: c ? (c.national ? "Yes" : "No") : "" }),
          h("td", { dataset: { label: "Counts toward" }, text: c ? (componentName(c.component) || "Calculator decides") : "" }),
          h("td", { dataset: { label: "Problems" } }, row.problems.length ? h("ul", {}, row.problems.map((p) => h("li", { text: p }))) : "None"));
      }))),
    bad ? h("p", { class: "paste-problem", text: `${plural(bad, "row has", "rows have")} problems and will not be added. Correct them in the box and read the rows again, or add the others now and type the rest in.` }) : null,
    good.length ? h("div", { class: "form-actions" },
      h("button", { type: "button", id: "paste-add", class: "button", text: `Add ${plural(good.length, "course", "courses")} to your list` })) : null);
  return good.map((r) => r.course);
}
