// The values a person types or a file holds, read and checked against the
// engine's own limits (recert_engine/vocabulary.py, which the build writes
// into assets/js/vocabulary.mjs). Pure functions: no DOM, so `node --test`
// runs them. Every check takes the limits as an argument (the engine's by
// default), so tests can try small ones.
//
// Each check returns a problem in plain words, or null; the caller says
// where (course 3, line 7).

import { isRealDate, monthOfName } from "../lib/format.mjs";
import { HOURS_DECIMAL_PLACES, MAX_COURSE_HOURS, MAX_COURSES, MAX_TITLE_LENGTH, MAX_YEAR, MIN_YEAR } from "../vocabulary.mjs";

// What the engine accepts.
export const DEFAULT_LIMITS = Object.freeze({
  maxHours: MAX_COURSE_HOURS, hourPlaces: HOURS_DECIMAL_PLACES, maxTitle: MAX_TITLE_LENGTH,
  maxCourses: MAX_COURSES, minYear: MIN_YEAR, maxYear: MAX_YEAR,
});

const pad = (n) => String(n).padStart(2, "0");

function iso(y, m, d) {
  const text = `${String(y).padStart(4, "0")}-${pad(m)}-${pad(d)}`;
  return isRealDate(text) ? text : null;
}

// A date as people and spreadsheets write it -> "YYYY-MM-DD", or null.
// 2017-03-01, 3/1/2017 (month first, as in the US), March 1, 2017, Mar 1 2017, 1 March 2017.
export function parseDate(text) {
  const t = String(text ?? "").trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return iso(+m[1], +m[2], +m[3]);
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (m) return iso(+m[3], +m[1], +m[2]);
  m = /^([A-Za-z]+\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/.exec(t);
  if (m && monthOfName(m[1])) return iso(+m[3], monthOfName(m[1]), +m[2]);
  m = /^(\d{1,2})\s+([A-Za-z]+\.?),?\s+(\d{4})$/.exec(t);
  if (m && monthOfName(m[2])) return iso(+m[3], monthOfName(m[2]), +m[1]);
  m = /^(\d{1,2})-([A-Za-z]{3,})-(\d{4})$/.exec(t); // 1-Mar-2017, as some spreadsheets show dates
  if (m && monthOfName(m[2])) return iso(+m[3], monthOfName(m[2]), +m[1]);
  return null;
}

export const DATE_FORMATS = "2017-03-01, 3/1/2017 or March 1, 2017";

// -> {date: "YYYY-MM-DD" | null, problem}
export function checkDate(text, limits = DEFAULT_LIMITS) {
  const t = String(text ?? "").trim();
  if (!t) return { date: null, problem: "date is missing" };
  const date = parseDate(t);
  if (!date) return { date: null, problem: `date ${shown(t)} is not a real date written ${DATE_FORMATS}` };
  const year = Number(date.slice(0, 4));
  if (year < limits.minYear || year > limits.maxYear) {
    return { date: null, problem: `date ${shown(t)} is in the year ${year}; check the year` };
  }
  return { date, problem: null };
}

const NUMBER = /^(\d+(\.\d*)?|\.\d+)$/;

// -> {hours: text of a plain number | null, problem}
export function checkHours(value, limits = DEFAULT_LIMITS) {
  if (value === null || value === undefined || value === "") return { hours: null, problem: "hours is missing" };
  const text = typeof value === "number" && Number.isFinite(value) ? String(value)
    : typeof value === "string" ? value.trim() : null;
  if (text === null || text === "") return { hours: null, problem: text === "" ? "hours is missing" : `hours ${shown(value)} is not a number such as 2 or 1.5` };
  if (!NUMBER.test(text)) return { hours: null, problem: `hours ${shown(value)} is not a number such as 2 or 1.5` };
  const n = Number(text);
  if (n <= 0) return { hours: null, problem: `hours ${shown(value)} must be more than 0` };
  if (n > limits.maxHours) return { hours: null, problem: `hours ${shown(value)} is more than ${limits.maxHours}, which no single course has; check the number` };
  const places = (text.split(".")[1] || "").replace(/0+$/, "").length;
  if (places > limits.hourPlaces) return { hours: null, problem: `hours ${shown(value)} has more than ${limits.hourPlaces} decimal places (write 1.25, not 1.255)` };
  return { hours: text, problem: null };
}

export function checkTitle(text, limits = DEFAULT_LIMITS) {
  if ([...String(text ?? "")].length > limits.maxTitle) return `title is longer than ${limits.maxTitle} characters`;
  return null;
}

export function checkCount(count, limits = DEFAULT_LIMITS) {
  return count > limits.maxCourses ? `${count} courses; the calculator takes at most ${limits.maxCourses}` : null;
}

// A bad value, quoted and cut short, for a message.
export function shown(value) {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
