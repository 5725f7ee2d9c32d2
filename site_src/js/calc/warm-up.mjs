// A made-up transcript that the engine worker evaluates once, when it is idle
// after start-up (engine-worker.mjs); nobody sees the result.
//
// Why: Chromium keeps the runtime's compiled wasm in its code cache, so that
// the next visit starts without compiling, at once only when V8's optimizing
// compiler has produced a megabyte of code (V8's
// `wasm_caching_hard_threshold`). Below that, traced first visits were often
// never kept: V8 then waits for more code after two quiet seconds, which may
// not come. Starting the interpreter alone produces less; four evaluations of
// a long transcript kept the runtime in 4 of 6 traced first visits, twelve in
// 6 of 6 (each evaluation takes about 12 ms; scheduleWarmUp below keeps the
// reader's own requests first). They make the first real evaluation faster too.
//
// Built from the cycle's rules, so the courses take the engine's usual path:
// dated on the last day of the CE window and evaluated on that day, approval
// numbers with the cycle's codes, a last recertification where the window
// starts after one.

import { INPUT_SCHEMA_VERSION } from "../vocabulary.mjs";

export const WARM_UP_COURSES = 200;
export const WARM_UP_RUNS = 12;

// -> {input, today}: what to hand the engine, and the day to evaluate it on.
export function warmUp(rules, count = WARM_UP_COURSES) {
  const window = rules?.ce?.window ?? {};
  const day = typeof window.last_day === "string" ? window.last_day : null;
  const profile = { nremt: false };
  if (window.starts_after_last_recertification && window.last_recertified?.earliest) {
    profile.last_recertified = window.last_recertified.earliest;
  }
  const approval = rules?.ce?.approval ?? {};
  const issuer = approval.issuers?.[0] ?? "OEMS";
  const codes = approval.recognised_codes?.length ? approval.recognised_codes : ["T1"];
  const year = day ? day.slice(2, 4) : "00";
  const courses = [];
  for (let i = 0; i < count; i++) {
    courses.push({
      title: `Course ${i + 1}`,
      date: day,
      hours: 1 + (i % 4),
      approval: `${year}-${issuer}-${codes[i % codes.length]}-${String(i + 1).padStart(4, "0")}`,
      delivery: null,
      national: i % 2 === 0,
      component: null,
    });
  }
  const input = { schema: INPUT_SCHEMA_VERSION, cycle: rules?.cycle ?? null, profile, courses };
  return { input, today: day };
}

// Queues the warm-up's runs one at a time: each next run is queued from a
// later task (`later`), so a request of the reader's that arrived meanwhile
// is queued first and waits for one run at most, not for all of them.
// enqueue(task): the worker's one-at-a-time queue; run(): one evaluation (it
// may throw: the warm-up is only a head start, so a failure ends it);
// done(): called after the last run.
export function scheduleWarmUp({ runs, run, enqueue, later = (next) => setTimeout(next, 0), done = () => undefined }) {
  const step = (i) => enqueue(() => {
    try {
      run();
    } catch {
      return;
    }
    if (i < runs) later(() => step(i + 1));
    else done();
  });
  if (runs > 0) step(1);
}
