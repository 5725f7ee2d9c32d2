// Keeps the person's answers in this browser's localStorage, one key per
// cycle (the key, e.g. "recert.calculator.v1:2018/paramedic", comes from the
// page). Nothing is ever sent anywhere.
//
// Stored value, format 1:
//   {"format": 1, "saved": "<ISO time>",
//    "profile": {"nremt": "" | "yes" | "no", "last_recertified": "" | "YYYY-MM-DD"},
//    "courses": [{"title", "date", "hours", "approval", "delivery", "national", "component"}]}
// Every course field is kept as typed (strings; national is a boolean), so a
// half-typed course survives a reload. A later format gets a new key version.
//
// Saved data that cannot be read, or holds more courses than the calculator
// takes, is copied aside (under the key plus ":unreadable", ":unreadable-2"...;
// an earlier copy is never overwritten) before anything else is saved. If the
// copy cannot be written, the page does not save over the original at all.

import { blankCourse, blankState } from "./model.mjs";
import { COURSE_FIELDS } from "../vocabulary.mjs";

export const STORE_FORMAT = 1;
const ASIDE_SLOTS = 20;

function storage() {
  try {
    return globalThis.localStorage ?? null; // throws when the browser blocks storage
  } catch {
    return null;
  }
}

function cleanCourse(raw) {
  const course = blankCourse();
  if (!raw || typeof raw !== "object") return course;
  for (const field of COURSE_FIELDS) {
    if (field === "national") course.national = raw.national === true;
    else if (typeof raw[field] === "string") course[field] = raw[field];
  }
  return course;
}

function cleanState(raw) {
  const state = blankState();
  const profile = raw.profile || {};
  if (profile.nremt === "yes" || profile.nremt === "no") state.profile.nremt = profile.nremt;
  if (typeof profile.last_recertified === "string") state.profile.last_recertified = profile.last_recertified;
  state.courses = Array.isArray(raw.courses) ? raw.courses.map(cleanCourse) : [];
  return state;
}

export class Store {
  // area: a Storage (localStorage by default); maxCourses: the engine's limit.
  constructor(key, { area = storage(), maxCourses = 500 } = {}) {
    this.key = key;
    this.area = area;
    this.maxCourses = maxCourses;
    this.working = Boolean(this.area);
    this.frozen = false; // true: the saved data could not be copied aside, so it is never overwritten
  }

  // -> {state, problem}: state is null when nothing was saved yet; problem
  // is a sentence when saved data could not be read in full.
  load() {
    if (!this.area) return { state: null, problem: null };
    let text;
    try {
      text = this.area.getItem(this.key);
    } catch {
      this.working = false;
      return { state: null, problem: null };
    }
    if (text === null) return { state: null, problem: null };
    let raw;
    try {
      raw = JSON.parse(text);
      if (!raw || raw.format !== STORE_FORMAT) throw new Error("unknown format");
    } catch {
      return { state: blankState(), problem: this.setAside(text, "The courses saved in this browser could not be read, so the calculator started empty.") };
    }
    const state = cleanState(raw);
    if (state.courses.length <= this.maxCourses) return { state, problem: null };
    const all = state.courses.length;
    state.courses = state.courses.slice(0, this.maxCourses);
    return { state, problem: this.setAside(text, `This browser had ${all} courses saved, more than the ${this.maxCourses} the calculator takes, so only the first ${this.maxCourses} are shown.`) };
  }

  // Copies `text` to the first free ":unreadable" key and says what happened.
  setAside(text, what) {
    for (let n = 1; n <= ASIDE_SLOTS; n++) {
      const key = `${this.key}:unreadable${n === 1 ? "" : `-${n}`}`;
      let existing;
      try {
        existing = this.area.getItem(key);
      } catch {
        break;
      }
      if (existing === text) return `${what} The saved copy is kept aside in this browser, not deleted.`;
      if (existing !== null) continue;
      if (this.write(key, text)) return `${what} The saved copy was kept aside in this browser, not deleted.`;
      break;
    }
    this.frozen = true;
    return `${what} The saved copy could not be kept aside (this browser's storage is full or blocked), so the page will not save over it: export your courses before you leave.`;
  }

  save(state) {
    if (this.frozen) return false;
    const value = { format: STORE_FORMAT, saved: new Date().toISOString(), ...state };
    return this.write(this.key, JSON.stringify(value));
  }

  clear() {
    if (!this.area || this.frozen) return false;
    try {
      this.area.removeItem(this.key);
      return true;
    } catch {
      return false;
    }
  }

  write(key, text) {
    if (!this.area) return false;
    try {
      this.area.setItem(key, text);
      this.working = true;
      return true;
    } catch {
      this.working = false; // full, or blocked in a private window
      return false;
    }
  }
}
