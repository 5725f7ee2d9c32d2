// The page's rows and the engine's input (site_src/js/calc/model.mjs), advice and checks
// (approval codes: approval.test.mjs).
import assert from "node:assert/strict";
import { test } from "node:test";

import { load } from "./site.mjs";

const { nextCourses } = await load("calc/advice.mjs");
const { hours, longDate, num, plural } = await load("lib/format.mjs");
const { blankCourse, dateOrder, isBlank, toEngineCourse, toEngineInput } = await load("calc/model.mjs");
const { checkCourse } = await load("calc/validate.mjs");

test("rows become engine courses: dates as typed are read, hours become numbers", () => {
  const row = { ...blankCourse(), title: " Airway ", date: "3/1/2017", hours: " 1.5 ", approval: " 17-X-T1-1 ", national: true };
  assert.deepEqual(toEngineCourse(row), { title: "Airway", date: "2017-03-01", hours: 1.5, approval: "17-X-T1-1",
    delivery: null, national: true, component: null });
  assert.equal(toEngineCourse({ ...row, hours: "two" }).hours, "two"); // the engine then says what is wrong
  assert.equal(toEngineCourse({ ...row, date: "" }).date, null);
  const input = toEngineInput("2018/paramedic", { nremt: "no", last_recertified: "" }, [row], false);
  assert.deepEqual(input.profile, { nremt: false });
  assert.equal(input.schema, 1);
  assert.ok(isBlank(blankCourse()));
});

test("sorting by date: earliest first, undated last, same-day courses keep their order", () => {
  const rows = [{ date: "2017-05-01" }, { date: "" }, { date: "3/1/2017" }, { date: "2017-05-01" }, { date: "March 1, 2016" }];
  assert.deepEqual(dateOrder(rows), [4, 2, 0, 3, 1]);
});

test("form checks use the engine's limits and say which course", () => {
  const row = { ...blankCourse(), date: "2017-01-01", hours: "2" };
  assert.deepEqual(checkCourse(row, 1), []);
  assert.deepEqual(checkCourse({ ...row, hours: "201" }, 4).map((e) => e.message), ["Hours for course 4 must be 200 or less: no single course is longer"]);
  assert.deepEqual(checkCourse({ ...row, hours: "1.255" }, 2).map((e) => e.field), ["hours"]);
  assert.deepEqual(checkCourse({ ...row, date: "9999-01-01" }, 3).map((e) => e.message), ["Date you took course 3 is in the year 9999: check the year"]);
  assert.deepEqual(checkCourse({ ...row, date: "3/1/2017" }, 1), []);
  assert.deepEqual(checkCourse({ ...row, date: "", hours: "" }, 5).map((e) => e.message), ["Enter the date you took course 5", "Enter the hours for course 5"]);
});

test("numbers and dates read the same whatever the browser's language", () => {
  assert.equal(num(1234.5), "1,234.5");
  assert.equal(hours(1), "1 hour");
  assert.equal(hours(2.25), "2.25 hours");
  assert.equal(plural(3, "day", "days"), "3 days");
  assert.equal(longDate("2018-03-31"), "March 31, 2018");
});

const COMPONENTS = [
  { id: "national", name: "National", nationalOnly: true },
  { id: "local", name: "Local", nationalOnly: false },
  { id: "individual", name: "Individual", nationalOnly: false },
];

function output(parts, extra = {}) {
  const components = {};
  for (const [id, required, counted, de, limit] of parts) {
    components[id] = { required, counted, distributive: de, remaining: required - counted, de_limit: limit };
  }
  return { components, counted: 0, counted_if_unpinned: 0, window: { last_day: "2018-03-31" },
    deadlines: { ce_last_day: { date: "2018-03-31", passed: false } }, ...extra };
}

test("what to take next: hours, component, kind of course and the date, from the output and the rules", () => {
  const out = output([["national", 30, 20, 10, 10], ["local", 15, 5, 0, 0], ["individual", 15, 15, 0, 15]]);
  const { items, pins } = nextCourses(out, COMPONENTS, { issuers: ["OEMS", "CAPCE"] });
  assert.equal(pins, null);
  assert.deepEqual(items.map((i) => [i.component, i.hours, i.kind, i.national]), [["national", 10, "in_person", true], ["local", 10, "in_person", false]]);
  assert.equal(items[0].text, "National: 10 hours more, from courses covering National (NCCR) content with an OEMS or CAPCE approval number, "
    + "taught in person or live virtual (distributive education no longer counts here). Take them by March 31, 2018.");
  const some = nextCourses(output([["individual", 15, 0, 0, 10]]), COMPONENTS.slice(2)).items[0];
  assert.equal(some.kind, "mostly_in_person");
  assert.match(some.text, /at least 5 hours of them taught in person or live virtual; up to 10 hours may be distributive/);
  const any = nextCourses(output([["individual", 15, 0, 0, null]]), COMPONENTS.slice(2)).items[0];
  assert.equal(any.kind, "any");
});

test("advice says when pins cost hours and when the date has passed", () => {
  const out = output([["local", 15, 0, 0, 0]], { counted: 0, counted_if_unpinned: 5, deadlines: { ce_last_day: { date: "2018-03-31", passed: true } } });
  const { items, pins, passed } = nextCourses(out, COMPONENTS.slice(1, 2));
  assert.equal(passed, true);
  assert.match(items[0].text, /The last day for them was March 31, 2018\./);
  assert.match(pins, /keep 5 hours from counting/);
  assert.deepEqual(nextCourses(output([["local", 15, 15, 0, 0]]), COMPONENTS.slice(1, 2)).items, []);
});

test("a component that takes only some ways of teaching is advised as such", () => {
  const local = [{ id: "local", name: "Local", nationalOnly: false, deliveries: ["in_person"] }];
  const item = nextCourses(output([["local", 15, 0, 0, 0]]), local).items[0];
  assert.equal(item.kind, "in_person");
  assert.match(item.text, /taught in person only \(the guidance says why\)\./);
  assert.doesNotMatch(item.text, /live virtual/);
});
