import assert from "node:assert/strict";
import { test } from "node:test";

import { load } from "./site.mjs";

const format = await load("calc/format.mjs");

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
