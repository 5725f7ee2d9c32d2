import assert from "node:assert/strict";
import { test } from "node:test";

import { load } from "./site.mjs";

const vocabulary = await load("vocabulary.mjs");

// tests/test_calculator_page.py checks that these are the engine's own values.
test("every delivery kind has a label, and a real transcript fits the limits", () => {
  assert.deepEqual(vocabulary.DELIVERIES, Object.keys(vocabulary.DELIVERY_LABELS));
  assert.ok(vocabulary.DELIVERIES.includes(vocabulary.DISTRIBUTIVE));
  assert.ok(vocabulary.MAX_COURSES >= 60, "a transcript of 60 courses must fit");
  assert.ok(vocabulary.MIN_YEAR < 2000 && vocabulary.MAX_YEAR > 2030);
});

test("no importer can change the vocabulary for the others", () => {
  assert.throws(() => vocabulary.COURSE_FIELDS.push("extra"), TypeError);
  assert.throws(() => { vocabulary.DELIVERY_LABELS.in_person = "x"; }, TypeError);
});
