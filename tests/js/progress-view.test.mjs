// The calculator's download progress (site_src/js/calc/progress-view.mjs): the
// figure shown beside the bar and when a screen reader is told.
import { test } from "node:test";
import assert from "node:assert/strict";

import { barValue, milestone, percent, progressFigure } from "../../site_src/js/calc/progress-view.mjs";

test("percent is whole, never 100 before the last byte, and 0 without a total", () => {
  assert.equal(percent(0, 8_000_000), 0);
  assert.equal(percent(4_100_000, 8_000_000), 51);
  assert.equal(percent(7_999_999, 8_000_000), 99);
  assert.equal(percent(8_000_000, 8_000_000), 100);
  assert.equal(percent(9_000_000, 8_000_000), 100);
  assert.equal(percent(1000, 0), 0);
  assert.equal(percent(1000, undefined), 0);
});

test("the bar moves with the first bytes, not only at each whole percent", () => {
  assert.ok(barValue(16_384, 13_400_000) > 0); // the first chunk of a 13.4 MB runtime
  assert.equal(barValue(4_100_000, 8_000_000), 51.25);
  assert.equal(barValue(9_000_000, 8_000_000), 100);
  assert.equal(barValue(0, 8_000_000), 0);
  assert.equal(barValue(1000, 0), 0);
});

test("the figure gives percent and megabytes, never more than the total", () => {
  assert.equal(progressFigure(4_100_000, 8_000_000), "51% (4.1 of 8.0 MB)");
  assert.equal(progressFigure(13_600_000, 13_563_968), "100% (13.6 of 13.6 MB)");
});

test("a screen reader hears each quarter once, not every update", () => {
  assert.equal(milestone(1_000_000, 8_000_000, 0), null); // 12%
  assert.equal(milestone(2_000_000, 8_000_000, 0), 25);
  assert.equal(milestone(2_500_000, 8_000_000, 25), null); // still the same quarter
  assert.equal(milestone(6_500_000, 8_000_000, 25), 75); // a jump past 50% says 75%
  assert.equal(milestone(8_000_000, 8_000_000, 75), 100);
});
