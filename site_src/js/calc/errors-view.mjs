// The GOV.UK error pattern: a summary at the top that takes focus and links
// to each field, the same message above the field, and "Error: " in the page
// title. What the person typed is never cleared.

import { h, replaceChildren } from "../lib/dom.mjs";

const TITLE_PREFIX = "Error: ";

export class ErrorView {
  constructor({ summary, list }) {
    this.summary = summary;
    this.list = list;
    this.marked = [];
    this.current = [];
    // Follow a summary link by focusing the field and showing its label too.
    this.list.addEventListener("click", (event) => {
      const link = event.target.closest("a[href^='#']");
      if (!link) return;
      const target = document.getElementById(link.getAttribute("href").slice(1));
      if (!target) return;
      event.preventDefault();
      const label = target.closest(".field, fieldset") || target;
      label.scrollIntoView({ block: "start" });
      target.focus({ preventScroll: true });
    });
  }

  // errors: [{id: field id or null, message}]
  show(errors, { focus = true } = {}) {
    this.clear();
    this.current = errors;
    if (!errors.length) return;
    replaceChildren(this.list, errors.map((e) => h("li", {},
      e.id && document.getElementById(e.id) ? h("a", { href: `#${e.id}`, text: e.message }) : e.message)));
    const seen = new Set();
    for (const error of errors) {
      if (!error.id || seen.has(error.id)) continue;
      seen.add(error.id);
      this.markField(error.id, error.message);
    }
    this.summary.hidden = false;
    if (!document.title.startsWith(TITLE_PREFIX)) document.title = TITLE_PREFIX + document.title;
    if (focus) {
      this.summary.scrollIntoView({ block: "start" });
      this.summary.focus({ preventScroll: true });
    }
  }

  markField(id, message) {
    const input = document.getElementById(id);
    if (!input) return;
    const field = input.closest(".field") || input.parentElement;
    const errorId = `${id}-error`;
    const note = h("p", { class: "error-message", id: errorId },
      h("span", { class: "visually-hidden", text: "Error: " }), message);
    // After the label and hint, before the control; a radio group's goes under its legend.
    const anchor = field.tagName === "FIELDSET" ? field.querySelector("legend").nextSibling
      : input.type === "checkbox" ? field.firstChild : input;
    field.insertBefore(note, anchor);
    field.classList.add("field--error");
    const described = (input.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
    input.setAttribute("aria-describedby", [...described, errorId].join(" "));
    input.setAttribute("aria-invalid", "true");
    this.marked.push({ input, field, note, errorId });
  }

  clear() {
    for (const { input, field, note, errorId } of this.marked) {
      note.remove();
      field.classList.remove("field--error");
      const rest = (input.getAttribute("aria-describedby") || "").split(" ").filter((x) => x && x !== errorId);
      if (rest.length) input.setAttribute("aria-describedby", rest.join(" "));
      else input.removeAttribute("aria-describedby");
      input.removeAttribute("aria-invalid");
    }
    this.marked = [];
    this.current = [];
    this.list.replaceChildren();
    this.summary.hidden = true;
    if (document.title.startsWith(TITLE_PREFIX)) document.title = document.title.slice(TITLE_PREFIX.length);
  }

  // After a row is removed: keep the errors of the fields still on the page.
  dropMissing() {
    const left = this.current.filter((e) => !e.id || document.getElementById(e.id));
    if (left.length) this.show(left, { focus: false });
    else this.clear();
  }

  get showing() {
    return !this.summary.hidden;
  }
}
