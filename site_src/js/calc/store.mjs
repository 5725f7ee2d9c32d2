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

import { blankCourse, blankState } from "./model.mjs";
import { COURSE_FIELDS } from "../vocabulary.mjs";

export const STORE_FORMAT = 1;

function storage() {
  try {
    return window.localStorage; // throws when the browser blocks storage
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
  constructor(key) {
    this.key = key;
    this.area = storage();
    this.working = Boolean(this.area);
  }

  // -> {state, problem}: state is null when nothing was saved yet; problem
  // is a sentence when saved data could not be read.
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
    try {
      const raw = JSON.parse(text);
      if (!raw || raw.format !== STORE_FORMAT) throw new Error("unknown format");
      return { state: cleanState(raw), problem: null };
    } catch {
      // Keep the unreadable data aside rather than overwrite it.
      this.write(`${this.key}:unreadable`, text);
      return {
        state: blankState(),
        problem: "The courses saved in this browser could not be read, so the calculator started empty. "
          + "The saved copy was kept aside, not deleted.",
      };
    }
  }

  save(state) {
    const value = { format: STORE_FORMAT, saved: new Date().toISOString(), ...state };
    return this.write(this.key, JSON.stringify(value));
  }

  clear() {
    if (!this.area) return false;
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
