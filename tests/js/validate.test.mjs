import assert from "node:assert/strict";
import { test } from "node:test";

import { load } from "./site.mjs";

const { checkCourse, checkProfile } = await load("calc/validate.mjs");
const { blankCourse } = await load("calc/model.mjs");

const course = (fields) => ({ ...blankCourse(), ...fields });
const problems = (errors) => errors.map((e) => [e.field, e.message]);

test("a complete course has no problems", () => {
  assert.deepEqual(checkCourse(course({ date: "2017-03-01", hours: "1.5" }), 1), []);
});

test("missing and unreadable entries are named with the course's number", () => {
  assert.deepEqual(problems(checkCourse(course({}), 3)), [
    ["date", "Enter the date you took course 3"],
    ["hours", "Enter the hours for course 3"],
  ]);
  assert.deepEqual(problems(checkCourse(course({ date: "2017-02-30", hours: "two" }), 2)), [
    ["date", "Date you took course 2 must be a real date, like 2017-03-01, 3/1/2017 or March 1, 2017"],
    ["hours", "Hours for course 2 must be a number, like 2 or 1.5"],
  ]);
  assert.deepEqual(problems(checkCourse(course({ date: "2017-03-01", hours: "0" }), 1)), [
    ["hours", "Hours for course 1 must be more than 0"],
  ]);
});

test("a date typed as people write it is read; a half-typed one is not", () => {
  assert.deepEqual(checkCourse(course({ date: "March 1, 2017", hours: "1" }), 4), []);
  assert.deepEqual(problems(checkCourse(course({ date: "3/1/20", hours: "1" }), 4)),
    [["date", "Date you took course 4 must be a real date, like 2017-03-01, 3/1/2017 or March 1, 2017"]]);
});

test("the last recertification is asked for only where the window depends on it", () => {
  assert.deepEqual(checkProfile({ nremt: "", last_recertified: "" }, false), []);
  assert.deepEqual(problems(checkProfile({ nremt: "", last_recertified: "" }, true)),
    [["last_recertified", "Enter the date of your last recertification"]]);
  assert.deepEqual(problems(checkProfile({ nremt: "", last_recertified: "2021-02-29" }, true)),
    [["last_recertified", "Date of your last recertification must be a real date"]]);
  assert.deepEqual(checkProfile({ nremt: "", last_recertified: "2021-10-15" }, true), []);
});
