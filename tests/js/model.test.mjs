import assert from "node:assert/strict";
import { test } from "node:test";

import { load } from "./site.mjs";

const model = await load("calc/model.mjs");
const { COURSE_FIELDS, INPUT_SCHEMA_VERSION } = await load("vocabulary.mjs");

test("a blank course has every engine field and counts as blank", () => {
  const course = model.blankCourse();
  assert.deepEqual(Object.keys(course), [...COURSE_FIELDS]);
  assert.ok(model.isBlank(course));
  assert.ok(!model.isBlank({ ...course, national: true }));
  assert.ok(model.isBlank({ ...course, title: "   " }));
});

test("hours become numbers only when they are plain numbers, so the engine can name bad ones", () => {
  assert.equal(model.hoursValue(" 1.5 "), 1.5);
  assert.equal(model.hoursValue(".25"), 0.25);
  assert.equal(model.hoursValue("2 hours"), "2 hours");
  assert.equal(model.hoursValue("1e3"), "1e3");
});

test("the page's answers become the engine's input format", () => {
  const course = { title: " Airway ", date: "2017-03-01", hours: "2", approval: " 17-X-T3-1 ", delivery: "", national: false, component: "local" };
  const input = model.toEngineInput("2018/paramedic", { nremt: "no", last_recertified: "" }, [course], false);
  assert.deepEqual(input, {
    schema: INPUT_SCHEMA_VERSION,
    cycle: "2018/paramedic",
    profile: { nremt: false },
    courses: [{ title: "Airway", date: "2017-03-01", hours: 2, approval: "17-X-T3-1", delivery: null, national: false, component: "local" }],
  });
  const blank = model.toEngineCourse(model.blankCourse());
  assert.deepEqual(blank, { title: "", date: null, hours: null, approval: "", delivery: null, national: false, component: null });
});

test("NREMT not answered stays null; last recertification is sent where the window needs it", () => {
  assert.deepEqual(model.toEngineProfile({ nremt: "", last_recertified: "" }, true), { nremt: null, last_recertified: null });
  assert.deepEqual(model.toEngineProfile({ nremt: "yes", last_recertified: "2021-10-15" }, false), { nremt: true, last_recertified: "2021-10-15" });
});

test("an engine-format course comes back as the page's strings", () => {
  const back = model.fromEngineCourse({ title: "A", date: "2017-03-01", hours: 1.5, national: true });
  assert.deepEqual(back, { title: "A", date: "2017-03-01", hours: "1.5", approval: "", delivery: "", national: true, component: "" });
  assert.deepEqual(model.fromEngineProfile({ nremt: false }), { nremt: "no", last_recertified: "" });
  assert.deepEqual(model.fromEngineProfile(null), { nremt: "", last_recertified: "" });
});
