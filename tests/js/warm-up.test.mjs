// The made-up transcript the engine worker evaluates once it is idle
// (site_src/js/calc/warm-up.mjs), for every cycle the site holds: its courses
// must take the engine's usual path, or the warm-up would exercise only its
// error messages.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

import { base, load } from "./site.mjs";

const { warmUp, WARM_UP_COURSES, scheduleWarmUp } = await load("calc/warm-up.mjs");
const { approvalCode } = await load("calc/approval.mjs");

const siteRoot = fileURLToPath(new URL("../../", base));
const cycles = readdirSync(siteRoot, { recursive: true })
  .filter((path) => path.endsWith("rules.json"))
  .map((path) => JSON.parse(readFileSync(`${siteRoot}/${path}`, "utf8")));

test("the site has cycles to warm up with", () => {
  assert.ok(cycles.length > 0);
});

for (const rules of cycles) {
  test(`${rules.cycle}: a long transcript inside the CE window, evaluated on its last day`, () => {
    const { input, today } = warmUp(rules);
    const window = rules.ce.window;
    assert.equal(input.cycle, rules.cycle);
    assert.equal(today, window.last_day);
    assert.equal(input.courses.length, WARM_UP_COURSES);
    const opens = window.starts_after_last_recertification ? input.profile.last_recertified : window.start;
    assert.ok(opens, "the window's start is known");
    for (const course of input.courses) {
      assert.ok(course.date >= opens && course.date <= window.last_day, course.date);
      assert.ok(course.hours > 0);
      assert.ok(rules.ce.approval.recognised_codes.includes(approvalCode(course.approval, rules.ce.approval.recognised_codes)), course.approval);
    }
  });
}

test("a cycle whose window opens after the last recertification gets one inside the allowed range", () => {
  const rules = {
    cycle: "2030/emt",
    ce: {
      window: { start: null, last_day: "2030-03-31", starts_after_last_recertification: true,
                last_recertified: { earliest: "2026-03-31", latest: "2029-09-30" } },
      approval: { issuers: ["OEMS"], recognised_codes: ["T1", "F3"] },
    },
  };
  const { input, today } = warmUp(rules, 3);
  assert.equal(input.profile.last_recertified, "2026-03-31");
  assert.equal(today, "2030-03-31");
  assert.deepEqual(input.courses.map((c) => c.approval), ["30-OEMS-T1-0001", "30-OEMS-F3-0002", "30-OEMS-T1-0003"]);
});

// The worker's queue runs its tasks one after another as microtasks, before
// the next event (a message from the page, a timer) is handled: `drain` plays
// that out.
function workerLoop() {
  const queue = [];
  const events = [];
  return {
    enqueue: (task) => queue.push(task),
    later: (next) => events.push(next),
    event: (handle) => events.push(handle),
    drain() {
      while (queue.length || events.length) {
        while (queue.length) queue.shift()();
        if (events.length) events.shift()();
      }
    },
  };
}

// Four runs on `loop`; each is written down in `order`, then `duringRun(n)`.
function warmUpOn(loop, order, duringRun) {
  let n = 0;
  scheduleWarmUp({
    runs: 4,
    run: () => {
      order.push(`warm-up ${++n}`);
      duringRun(n);
    },
    enqueue: loop.enqueue,
    later: loop.later,
    done: () => order.push("done"),
  });
  loop.drain();
}

test("a request sent while the engine warms up waits for the run under way, not for all of them", () => {
  const loop = workerLoop();
  const order = [];
  warmUpOn(loop, order, (n) => n === 1 && loop.event(() => loop.enqueue(() => order.push("reader's request"))));
  assert.deepEqual(order, ["warm-up 1", "reader's request", "warm-up 2", "warm-up 3", "warm-up 4", "done"]);
});

test("a run that fails ends the warm-up: no more runs, and it is not marked done", () => {
  const order = [];
  warmUpOn(workerLoop(), order, (n) => {
    if (n === 2) throw new Error("the engine stopped");
  });
  assert.deepEqual(order, ["warm-up 1", "warm-up 2"]);
});
