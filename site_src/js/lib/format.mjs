// How dates and numbers read on every page: the browser's one implementation
// (the generator's is generator/text/prose.py, the engine's
// recert_engine/values.py; they write the same words). Dates are written like
// the engine's messages ("April 1, 2016") whatever the browser's language, and
// sit in a <time datetime> element.

import { h } from "./dom.mjs";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July",
  "August", "September", "October", "November", "December"];
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86400000;

// A YYYY-MM-DD date as whole days since 1970-01-01, or null when it is not a
// real calendar day (2017-02-30). Days compare and subtract as plain numbers.
export function dayNumber(iso) {
  const m = ISO_DATE.exec(iso ?? "");
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = new Date(Date.UTC(y, mo - 1, d));
  if (day.getUTCFullYear() !== y || day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d) return null;
  return day.getTime() / DAY_MS;
}

export function isoOfDay(day) {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

// A real calendar day written YYYY-MM-DD (not 2017-02-30).
export function isRealDate(text) {
  return dayNumber(text) !== null;
}

// The month (1-12) a month's name or its abbreviation names ("March", "mar.",
// "Sept"; at least three letters), or 0: dates are read with the same names
// they are written with.
export function monthOfName(word) {
  const w = String(word ?? "").toLowerCase().replace(/\.$/, "");
  if (w.length < 3) return 0;
  const i = MONTHS.findIndex((m) => m.toLowerCase().startsWith(w) || (w === "sept" && m === "September"));
  return i + 1;
}

export function longDate(iso) {
  const m = ISO_DATE.exec(iso);
  if (!m) return iso;
  return `${MONTHS[Number(m[2]) - 1]} ${Number(m[3])}, ${m[1]}`;
}

export function timeEl(iso) {
  return h("time", { datetime: iso, text: longDate(iso) });
}

// The device's own date: deadlines are about the person's day, not UTC's.
export function todayIso(now = new Date()) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

// A day `diff` days from today, as words: "today", "tomorrow", "in 3 days".
export function inDays(diff) {
  if (diff === 0) return "today";
  if (diff === 1) return "tomorrow";
  return `in ${diff} days`;
}

// A day `diff` (< 0) days from today, as words: "yesterday", "3 days ago".
export function daysAgo(diff) {
  return diff === -1 ? "yesterday" : `${-diff} days ago`;
}

// One formatter each, made once: toLocaleString with options builds a new one
// on every call, which a results panel of 60 courses does hundreds of times.
const NUMBER = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });
const DOLLARS = new Intl.NumberFormat("en-US");
const CENTS = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function num(n) {
  return NUMBER.format(Number(n));
}

export function plural(n, one, many) {
  return `${num(n)} ${Number(n) === 1 ? one : many}`;
}

export function hours(n) {
  return plural(n, "hour", "hours");
}

// Dollars as the pages write them: $25, $1,200, $12.50.
export function money(amount) {
  const n = Number(amount);
  return `$${(Number.isInteger(n) ? DOLLARS : CENTS).format(n)}`;
}

// How much distributive education (DE) a component takes (null: no limit),
// in the words the pages' CE table uses.
export function deLimit(limit) {
  if (limit === null || limit === undefined) return "No limit";
  if (Number(limit) === 0) return "None";
  return `${hours(limit)} at most`;
}
