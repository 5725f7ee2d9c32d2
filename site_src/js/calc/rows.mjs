// The list of course rows in the form: add, fill, read, remove. Each row is
// a <fieldset> cloned from the page's <template>; its fields get ids from a
// key that never changes while the page is open, so error links and labels
// stay right when rows above it are removed.

import { blankCourse } from "./model.mjs";
import { COURSE_FIELDS } from "../vocabulary.mjs";

export class CourseList {
  constructor({ list, template, emptyNote }) {
    this.list = list;
    this.template = template;
    this.emptyNote = emptyNote;
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
    const row = this.build(course);
    this.list.append(row);
    this.renumber();
    return row;
  }

  build(course) {
    const key = this.nextKey++;
    const row = this.template.content.firstElementChild.cloneNode(true);
    row.dataset.key = String(key);
    for (const label of row.querySelectorAll("[data-label]")) label.htmlFor = fieldId(key, label.dataset.label);
    for (const hint of row.querySelectorAll("[data-hint]")) hint.id = `${fieldId(key, hint.dataset.hint)}-hint`;
    for (const input of row.querySelectorAll("[data-field]")) {
      const field = input.dataset.field;
      input.id = fieldId(key, field);
      input.name = `course-${key}-${field}`;
      if (row.querySelector(`[data-hint="${field}"]`)) input.setAttribute("aria-describedby", `${input.id}-hint`);
    }
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
      for (const slot of row.querySelectorAll('[data-slot="number"]')) slot.textContent = String(i + 1);
    });
    this.emptyNote.hidden = this.length > 0;
  }

  read() {
    return this.rows().map((row) => {
      const course = {};
      for (const field of COURSE_FIELDS) {
        const input = row.querySelector(`[data-field="${field}"]`);
        course[field] = field === "national" ? input.checked : input.value;
      }
      return course;
    });
  }

  // The browser's date box holds a partly typed date, which reads as "".
  dateUnreadable(index) {
    const input = this.rows()[index]?.querySelector('[data-field="date"]');
    return Boolean(input && input.validity && input.validity.badInput);
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
      slot.className = `course-outcome${kind ? ` ${kind}` : ""}`;
    });
  }
}

export function fieldId(key, field) {
  return `course-${key}-${field}`;
}
