// The browser's cycle-status rule (site_src/js/cycle-status.mjs, as the build ships it), with fixed dates.
import { test } from "node:test";
import assert from "node:assert/strict";

import { load } from "./site.mjs";

const { readersDay, showsFor, statusOn } = await load("cycle-status.mjs");

const FULL = { opens: "2023-10-01", recommended: "2024-02-15", lastDay: "2024-04-30" };

test("status before, during and after a cycle", () => {
  const cases = [
    ["2022-01-01", "upcoming"], ["2023-09-30", "upcoming"], ["2023-10-01", "open"],
    ["2024-02-15", "open"], ["2024-02-16", "closing"], ["2024-04-30", "closing"],
    ["2024-05-01", "ended"], ["2026-11-30", "ended"],
  ];
  for (const [today, expected] of cases) assert.equal(statusOn(FULL, today), expected, today);
});

test("without opens or recommended a cycle is open until its last day", () => {
  const bare = { opens: null, recommended: null, lastDay: "2024-04-30" };
  assert.equal(statusOn(bare, "2000-01-01"), "open");
  assert.equal(statusOn(bare, "2024-04-30"), "open");
  assert.equal(statusOn(bare, "2024-05-01"), "ended");
});

const format = {
  isRealDate: (t) => /^\d{4}-\d{2}-\d{2}$/.test(t) && t !== "2026-02-30",
  todayIso: (now) => now.toISOString().slice(0, 10),
};

test("the reader's day is the address's ?today= when it is a real date, else the device's", () => {
  const now = new Date(Date.UTC(2026, 10, 30, 12));
  assert.deepEqual(readersDay("?today=2018-04-01", now, format), { day: "2018-04-01", fromAddress: true });
  assert.deepEqual(readersDay("?today=2026-02-30", now, format), { day: "2026-11-30", fromAddress: false });
  assert.deepEqual(readersDay("", now, format), { day: "2026-11-30", fromAddress: false });
});

test("a part shows only for the statuses it names", () => {
  assert.equal(showsFor("open closing", "closing"), true);
  assert.equal(showsFor("open closing", "ended"), false);
  assert.equal(showsFor("ended", "open"), false);
});
