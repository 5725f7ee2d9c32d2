import assert from "node:assert/strict";
import { test } from "node:test";

import { load } from "./site.mjs";

const format = await load("lib/format.mjs");

test("real dates are real calendar days written YYYY-MM-DD", () => {
  for (const day of ["2017-03-01", "2024-02-29", "2000-02-29"]) assert.ok(format.isRealDate(day), day);
  for (const day of ["2017-02-30", "2023-02-29", "1900-02-29", "2017-3-1", "03/01/2017", "", "2017-03-01T00:00"]) {
    assert.ok(!format.isRealDate(day), day);
  }
});

test("dates read the same whatever the browser's language", () => {
  assert.equal(format.longDate("2016-04-01"), "April 1, 2016");
  assert.equal(format.longDate("2018-12-31"), "December 31, 2018");
  assert.equal(format.longDate("not a date"), "not a date");
});

test("month names are read as they are written, in full or shortened", () => {
  for (let month = 1; month <= 12; month++) {
    const written = format.longDate(`2017-${String(month).padStart(2, "0")}-01`).split(" ")[0];
    assert.equal(format.monthOfName(written), month, written);
    assert.equal(format.monthOfName(written.slice(0, 3).toUpperCase() + "."), month, written);
  }
  assert.equal(format.monthOfName("Sept"), 9);
  for (const word of ["Ma", "Smarch", "", "ju"]) assert.equal(format.monthOfName(word), 0, word);
});

test("today is the device's own day, not UTC's", () => {
  assert.equal(format.todayIso(new Date(2018, 2, 1, 23, 59)), "2018-03-01");
  assert.equal(format.todayIso(new Date(2018, 0, 9, 0, 0)), "2018-01-09");
});

test("numbers and hours", () => {
  assert.equal(format.num(1234.5), "1,234.5");
  assert.equal(format.num("0.25"), "0.25");
  assert.equal(format.hours(1), "1 hour");
  assert.equal(format.hours("12.5"), "12.5 hours");
  assert.equal(format.plural(0, "day", "days"), "0 days");
  assert.equal(format.plural(1, "day", "days"), "1 day");
});

test("days are whole numbers that subtract, and turn back into the same date", () => {
  assert.equal(format.dayNumber("1970-01-02"), 1);
  assert.equal(format.dayNumber("2018-03-31") - format.dayNumber("2018-03-01"), 30);
  assert.equal(format.dayNumber("2018-02-30"), null);
  assert.equal(format.dayNumber(null), null);
  assert.equal(format.isoOfDay(format.dayNumber("2024-02-29")), "2024-02-29");
});

test("how far away a day is, in words", () => {
  assert.deepEqual([0, 1, 5].map(format.inDays), ["today", "tomorrow", "in 5 days"]);
  assert.deepEqual([-1, -12].map(format.daysAgo), ["yesterday", "12 days ago"]);
});

test("money reads as on the guidance pages", () => {
  assert.equal(format.money(25), "$25");
  assert.equal(format.money("12.5"), "$12.50");
  assert.equal(format.money(1200), "$1,200");
});

test("a DE allowance has one wording: no limit, none, or hours at most", () => {
  assert.equal(format.deLimit(null), "No limit");
  assert.equal(format.deLimit("0"), "None");
  assert.equal(format.deLimit(0), "None");
  assert.equal(format.deLimit("10"), "10 hours at most");
  assert.equal(format.deLimit(1), "1 hour at most");
});
