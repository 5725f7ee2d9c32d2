// Saved courses (site_src/js/calc/store.mjs): unreadable or oversized data is kept aside, never lost.
import assert from "node:assert/strict";
import { test } from "node:test";

import { load } from "./site.mjs";

const { Store } = await load("calc/store.mjs");

class Area {
  constructor(items = {}, { full = false } = {}) {
    this.items = { ...items };
    this.full = full;
  }
  getItem(key) { return Object.hasOwn(this.items, key) ? this.items[key] : null; }
  setItem(key, value) {
    if (this.full) throw new Error("QuotaExceededError");
    this.items[key] = String(value);
  }
  removeItem(key) { delete this.items[key]; }
}

const KEY = "recert.calculator.v1:2018/paramedic";
const saved = (courses) => JSON.stringify({ format: 1, profile: { nremt: "yes" }, courses });

test("unreadable data is kept aside and a second unreadable copy never overwrites the first", () => {
  const area = new Area({ [KEY]: "{first" });
  const first = new Store(KEY, { area }).load();
  assert.match(first.problem, /could not be read.*was kept aside/);
  assert.equal(area.items[`${KEY}:unreadable`], "{first");
  area.items[KEY] = "{second";
  const store = new Store(KEY, { area });
  assert.match(store.load().problem, /kept aside/);
  assert.equal(area.items[`${KEY}:unreadable`], "{first");
  assert.equal(area.items[`${KEY}:unreadable-2`], "{second");
  assert.equal(store.save({ profile: {}, courses: [] }), true);
});

test("when the copy cannot be written the page says so and never saves over the original", () => {
  const area = new Area({ [KEY]: "{broken" }, { full: true });
  const store = new Store(KEY, { area });
  const { problem } = store.load();
  assert.match(problem, /could not be kept aside/);
  assert.doesNotMatch(problem, /was kept aside/);
  area.full = false;
  assert.equal(store.save({ profile: {}, courses: [] }), false);
  assert.equal(store.clear(), false);
  assert.equal(area.items[KEY], "{broken");
});

test("a stored list longer than the engine takes is capped before it is drawn, and kept whole aside", () => {
  const courses = Array.from({ length: 7 }, (_, i) => ({ title: `C${i}`, hours: "1" }));
  const area = new Area({ [KEY]: saved(courses) });
  const { state, problem } = new Store(KEY, { area, maxCourses: 5 }).load();
  assert.equal(state.courses.length, 5);
  assert.equal(state.profile.nremt, "yes");
  assert.match(problem, /7 courses saved, more than the 5.*kept aside/);
  assert.equal(JSON.parse(area.items[`${KEY}:unreadable`]).courses.length, 7);
});

test("saved fields are kept as typed; anything else is dropped", () => {
  const area = new Area({ [KEY]: saved([{ title: "T", hours: "abc", national: "yes", extra: 1 }]) });
  const { state, problem } = new Store(KEY, { area }).load();
  assert.equal(problem, null);
  assert.deepEqual(state.courses, [{ title: "T", date: "", hours: "abc", approval: "", delivery: "", national: false, component: "" }]);
});

test("no storage at all: nothing loads, nothing saves, no exception", () => {
  const store = new Store(KEY, { area: null });
  assert.deepEqual(store.load(), { state: null, problem: null });
  assert.equal(store.save({}), false);
  assert.equal(store.working, false);
});
