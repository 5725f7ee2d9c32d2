// "Find your cycle" (site_src/js/finder.mjs): a person is sent only to the cycle
// for their own card's date, never to another year's rules.
import { test } from "node:test";
import assert from "node:assert/strict";

import { load } from "./site.mjs";

const { findCycle } = await load("finder.mjs");

const CYCLES = [
  { level: "paramedic", expires: "2018-03-31", href: "2018/paramedic/index.html", title: "2018 Paramedic recertification" },
  { level: "aemt", expires: "2024-03-31", href: "2024/aemt/index.html", title: "2024 Advanced EMT recertification" },
];
const real = (t) => /^\d{4}-\d{2}-\d{2}$/.test(t) && t !== "2026-02-30";
const find = (answer) => findCycle(CYCLES, { level: "", expires: "", unknown: false, ...answer }, real);

test("a published cycle is found by level and the card's exact date", () => {
  assert.deepEqual(find({ level: "aemt", expires: "2024-03-31" }), { kind: "found", cycle: CYCLES[1] });
});

test("a card date the site has no cycle for is never sent to another year", () => {
  assert.deepEqual(find({ level: "aemt", expires: "2026-03-31" }), { kind: "missing", level: "aemt", expires: "2026-03-31" });
  // The same date at another level is not this level's cycle either.
  assert.deepEqual(find({ level: "paramedic", expires: "2024-03-31" }), { kind: "missing", level: "paramedic", expires: "2024-03-31" });
});

test("the cycle's year with another day is offered only with a caution", () => {
  assert.deepEqual(find({ level: "paramedic", expires: "2018-06-30" }), { kind: "other_day", cycle: CYCLES[0], expires: "2018-06-30" });
});

test("'I don't know' lists the level's cycles; a level with none has nothing to offer", () => {
  assert.deepEqual(find({ level: "paramedic", unknown: true }), { kind: "unknown", cycles: [CYCLES[0]] });
  assert.deepEqual(find({ level: "emt", unknown: true }), { kind: "missing", level: "emt", expires: null });
  assert.deepEqual(find({ level: "emt", expires: "2026-03-31" }), { kind: "missing", level: "emt", expires: "2026-03-31" });
});

test("missing or impossible answers are errors naming the field", () => {
  assert.deepEqual(find({}).errors.map((e) => e.field), ["level", "expires"]);
  assert.deepEqual(find({ level: "aemt", expires: "2026-02-30" }).errors, [{ field: "expires", message: "Enter a real date, for example 3 31 2026" }]);
  assert.equal(find({ level: "aemt", unknown: true }).kind, "unknown");
});
