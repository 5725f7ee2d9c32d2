// The list of course rows in the form: add, duplicate, fill, read, sort,
// remove. Each row is a <fieldset> cloned from the page's <template>; its
// fields get ids from a key that never changes while the page is open, so
// error links and labels stay right when rows move or rows above go.
//
// When a course's approval number holds a delivery code (T1-T5, F1-F5), the
// code decides how it was taught: the row says so, and which source says so,
// instead of asking.

import { taughtByCode } from "./approval.mjs";
import { blankCourse } from "./model.mjs";
import { sourceLabel } from "./sources.mjs";
import { replaceChildren } from "../lib/dom.mjs";
import { COURSE_FIELDS } from "../vocabulary.mjs";

export class CourseList {
  // codes: {distributive: [...], other: [...]} from the cycle's rules.
  constructor({ list, template, emptyNote, codes = {} }) {
    this.list = list;
    this.template = template;
    this.emptyNote = emptyNote;
    this.codes = codes;
    this.nextKey = 1;
  }

  rows() {
    return [...this.list.children];
  }

  get length() {
    return this.list.children.length;
  }

  render(courses) {
    const rows = courses.map((course) => this.build(course));
    this.list.replaceChildren(...rows);
    this.renumber();
  }

  add(course = blankCourse()) {
    return this.addAll([course])[0];
  }

  addAll(courses) {
    const rows = courses.map((course) => this.build(course));
    this.list.append(...rows);
    this.renumber();
    return rows;
  }

  // A copy of the row's course right after it (a course taken again, a two-day course).
  duplicate(row) {
    const copy = this.build(this.readRow(row));
    row.after(copy);
    this.renumber();
    return copy;
  }

  // order: row indexes in their new order.
  reorder(order) {
    const rows = this.rows();
    this.list.append(...order.map((i) => rows[i]));
    this.renumber();
  }

  build(course) {
    const key = this.nextKey++;
    const row = this.template.content.firstElementChild.cloneNode(true);
    row.dataset.key = String(key);
    for (const label of row.querySelectorAll("[data-label]")) label.htmlFor = fieldId(key, label.dataset.label);
    for (const input of row.querySelectorAll("[data-field]")) {
      const field = input.dataset.field;
      input.id = fieldId(key, field);
      input.name = `course-${key}-${field}`;
    }
    const code = row.querySelector('[data-slot="code"]');
    code.id = `course-${key}-code`;
    row.querySelector('[data-slot="outcome"]').id = `course-${key}-outcome`;
    this.fill(row, course);
    return row;
  }

  fill(row, course) {
    for (const field of COURSE_FIELDS) {
      const input = row.querySelector(`[data-field="${field}"]`);
      if (field === "national") input.checked = Boolean(course.national);
      else input.value = course[field] ?? "";
    }
    this.showCode(row);
  }

  // Shows what the approval number's code says, or the "How it was taught" choice.
  showCode(row) {
    const approval = row.querySelector('[data-field="approval"]').value;
    const taught = taughtByCode(approval, this.codes);
    const select = row.querySelector('[data-field="delivery"]');
    const note = row.querySelector('[data-slot="code"]');
    const text = taught ? taught.text : "";
    if (note.textContent !== text) note.textContent = text;
    note.hidden = !taught;
    const source = taught ? sourceLabel(taught.source) : null;
    const sourceSlot = row.querySelector('[data-slot="code-source"]');
    // Redrawn only when it changes: this runs on every keystroke in the number.
    if (sourceSlot.textContent !== (source ? source.textContent : "")) replaceChildren(sourceSlot, source);
    sourceSlot.hidden = !source;
    // A DE code decides how the course was taught; any other code says only
    // "not distributive", so the person still says whether it was in person
    // (some components take in-person courses only).
    select.hidden = Boolean(taught && taught.distributive);
    row.classList.toggle("has-code", Boolean(taught));
  }

  // Removes the row and returns the element that should take focus next.
  remove(row) {
    const next = row.nextElementSibling || row.previousElementSibling;
    row.remove();
    this.renumber();
    return next ? next.querySelector("[data-field]") : null;
  }

  renumber() {
    this.rows().forEach((row, i) => {
      for (const slot of row.querySelectorAll('[data-slot="number"]')) {
        if (slot.textContent !== String(i + 1)) slot.textContent = String(i + 1);
      }
    });
    this.emptyNote.hidden = this.length > 0;
  }

  readRow(row) {
    const course = {};
    for (const field of COURSE_FIELDS) {
      const input = row.querySelector(`[data-field="${field}"]`);
      course[field] = field === "national" ? input.checked : input.value;
    }
    // Not asked while the approval number's code decides.
    if (row.querySelector('[data-field="delivery"]').hidden) course.delivery = "";
    return course;
  }

  read() {
    return this.rows().map((row) => this.readRow(row));
  }

  fieldId(index, field) {
    const row = this.rows()[index];
    return row ? fieldId(row.dataset.key, COURSE_FIELDS.includes(field) ? field : "title") : null;
  }

  // outcomes: Map of row index -> {text, kind}; rows not in it are cleared.
  setOutcomes(outcomes = new Map()) {
    this.rows().forEach((row, i) => {
      const slot = row.querySelector('[data-slot="outcome"]');
      const { text = "", kind = "" } = outcomes.get(i) || {};
      if (slot.textContent !== text) slot.textContent = text;
      const className = `course-outcome${kind ? ` ${kind}` : ""}`;
      if (slot.className !== className) slot.className = className;
    });
  }
}

export function fieldId(key, field) {
  return `course-${key}-${field}`;
}
