// How numbers and dates read on the page. Dates are written like the engine's
// messages ("April 1, 2016") whatever the browser's language, and always sit in
// a <time datetime> element.

import { h } from "./dom.mjs";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July",
  "August", "September", "October", "November", "December"];
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// A real calendar day written YYYY-MM-DD (not 2017-02-30).
export function isRealDate(text) {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = new Date(Date.UTC(y, mo - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === mo - 1 && day.getUTCDate() === d;
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

export function num(n) {
  return Number(n).toLocaleString("en-US", { maximumFractionDigits: 2 });
}

export function hours(n) {
  return `${num(n)} ${Number(n) === 1 ? "hour" : "hours"}`;
}

export function plural(n, one, many) {
  return `${num(n)} ${Number(n) === 1 ? one : many}`;
}
