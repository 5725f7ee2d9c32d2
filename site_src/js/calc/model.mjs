// The person's answers as the page keeps them (strings as typed, so nothing
// is lost between visits) and their conversion to the engine's input format
// (recert_engine/FORMAT.md: schema 1).

import { INPUT_SCHEMA_VERSION } from "../vocabulary.mjs";
import { parseDate } from "./values.mjs";

export function blankCourse() {
  return { title: "", date: "", hours: "", approval: "", delivery: "", national: false, component: "" };
}

export function blankState() {
  return { profile: { nremt: "", last_recertified: "" }, courses: [] };
}

// A row the person added but has not typed anything into.
export function isBlank(course) {
  return !course.title.trim() && !course.date && !course.hours.trim() && !course.approval.trim()
    && !course.delivery && !course.national && !course.component;
}

// Hours as the engine wants them: a JSON number when the text is a plain
// number, otherwise the text itself so the engine can say what is wrong.
export function hoursValue(text) {
  const t = String(text).trim();
  return /^(\d+(\.\d*)?|\.\d+)$/.test(t) ? Number(t) : t;
}

export function toEngineCourse(course) {
  return {
    title: course.title.trim(),
    date: parseDate(course.date) ?? (String(course.date ?? "").trim() || null),
    hours: course.hours.trim() === "" ? null : hoursValue(course.hours),
    approval: course.approval.trim(),
    delivery: course.delivery || null,
    national: Boolean(course.national),
    component: course.component || null,
  };
}

export function toEngineProfile(profile, needsLastRecertified) {
  // Not answered stays null: the engine then lists NREMT-dependent fees without choosing.
  const out = { nremt: profile.nremt === "yes" ? true : profile.nremt === "no" ? false : null };
  if (needsLastRecertified || profile.last_recertified) out.last_recertified = profile.last_recertified || null;
  return out;
}

export function toEngineInput(cycle, profile, courses, needsLastRecertified) {
  return {
    schema: INPUT_SCHEMA_VERSION,
    cycle,
    profile: toEngineProfile(profile, needsLastRecertified),
    courses: courses.map(toEngineCourse),
  };
}

// Courses by the day they were taken (undated last); courses of one day keep
// their order. -> the indexes in that order.
export function dateOrder(courses) {
  const key = (c) => parseDate(c.date) ?? "9999-99-99";
  return courses.map((c, i) => [key(c), i]).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1])).map(([, i]) => i);
}

// Engine-format course (already checked by transfer.mjs) -> page row.
export function fromEngineCourse(raw) {
  return {
    title: raw.title ?? "",
    date: raw.date ?? "",
    hours: raw.hours === null || raw.hours === undefined ? "" : String(raw.hours),
    approval: raw.approval ?? "",
    delivery: raw.delivery ?? "",
    national: raw.national === true,
    component: raw.component ?? "",
  };
}

export function fromEngineProfile(raw) {
  const profile = { nremt: "", last_recertified: "" };
  if (raw && typeof raw.nremt === "boolean") profile.nremt = raw.nremt ? "yes" : "no";
  if (raw && typeof raw.last_recertified === "string") profile.last_recertified = raw.last_recertified;
  return profile;
}
