// The calculator's value checks (site_src/js/calc/values.mjs) against the engine's limits.
import assert from "node:assert/strict";
import { test } from "node:test";

import { load } from "./site.mjs";

const { checkCount, checkDate, checkHours, checkTitle, parseDate, DEFAULT_LIMITS } = await load("calc/values.mjs");
const vocabulary = await load("vocabulary.mjs");

test("dates as people and spreadsheets write them", () => {
  assert.equal(parseDate("2017-03-01"), "2017-03-01");
  assert.equal(parseDate("3/1/2017"), "2017-03-01");
  assert.equal(parseDate(" 03/01/2017 "), "2017-03-01");
  assert.equal(parseDate("March 1, 2017"), "2017-03-01");
  assert.equal(parseDate("Mar 1 2017"), "2017-03-01");
  assert.equal(parseDate("Sept. 30, 2017"), "2017-09-30");
  assert.equal(parseDate("1 March 2017"), "2017-03-01");
  assert.equal(parseDate("1-Mar-2017"), "2017-03-01");
});

test("impossible or unreadable dates are refused", () => {
  for (const text of ["2017-02-30", "13/1/2017", "Smarch 1, 2017", "2017", "", "1/2/17", "Ma 1, 2017"]) {
    assert.equal(parseDate(text), null, text);
  }
});

test("a date outside the engine's years is a problem, a real one is not", () => {
  assert.equal(checkDate("9999-01-01").problem, 'date "9999-01-01" is in the year 9999; check the year');
  assert.equal(checkDate("1899-12-31").date, null);
  assert.deepEqual(checkDate("March 1, 2017"), { date: "2017-03-01", problem: null });
  assert.equal(checkDate("").problem, "date is missing");
});

test("hours follow the engine's limits: more than 0, at most 200, two decimal places", () => {
  assert.deepEqual(checkHours("1.5"), { hours: "1.5", problem: null });
  assert.deepEqual(checkHours(2), { hours: "2", problem: null });
  assert.deepEqual(checkHours("1.250"), { hours: "1.250", problem: null });
  assert.match(checkHours("200.01").problem, /more than 200/);
  assert.match(checkHours(250).problem, /more than 200/);
  assert.match(checkHours("1.255").problem, /more than 2 decimal places/);
  assert.match(checkHours("0").problem, /more than 0/);
  assert.match(checkHours("two").problem, /not a number/);
  assert.match(checkHours("-1").problem, /not a number/);
  assert.equal(checkHours("").problem, "hours is missing");
  assert.equal(checkHours(200).problem, null);
});

test("the engine's limits are the defaults; other limits can be given", () => {
  const { MAX_COURSE_HOURS, MAX_COURSES } = vocabulary;
  assert.equal(DEFAULT_LIMITS.maxHours, MAX_COURSE_HOURS);
  assert.equal(DEFAULT_LIMITS.maxCourses, MAX_COURSES);
  const limits = { ...DEFAULT_LIMITS, maxHours: 10, maxCourses: 2 };
  assert.match(checkHours("11", limits).problem, /more than 10/);
  assert.equal(checkCount(3, limits), "3 courses; the calculator takes at most 2");
  assert.equal(checkCount(2, limits), null);
  assert.equal(checkTitle("x".repeat(300)), null);
  assert.equal(checkTitle("x".repeat(301)), "title is longer than 300 characters");
});
