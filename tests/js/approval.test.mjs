// What a course row says about its approval number's code (site_src/js/calc/approval.mjs),
// and which source says so, from the cycle's rules as the calculator page gives them.
import assert from "node:assert/strict";
import { test } from "node:test";

import { load } from "./site.mjs";

const { approvalCode, taughtByCode } = await load("calc/approval.mjs");

// 2018: mass.gov names the DE codes; the flyer lists the others.
const both = {
  distributive: ["T3", "F3"], other: ["T1", "T2", "T4", "T5", "F1", "F2", "F4", "F5"],
  distributiveSource: "massgov-renew", otherSource: "flyer",
};
// 2024 Advanced EMT: the rules name only the DE codes.
const deOnly = { distributive: ["T3", "F3"], other: [], distributiveSource: "massgov-renew", otherSource: "massgov-renew" };

test("an approval number's code is found as the engine finds it", () => {
  assert.equal(approvalCode("17-oems-t3-0001"), "T3");
  assert.equal(approvalCode("MA-2017-0001"), null);
  assert.equal(approvalCode("17-OEMS-X9-1", ["X9"]), "X9"); // a code only the rules name
});

test("a DE code decides how the course was taught and names the source of the DE codes", () => {
  assert.deepEqual(taughtByCode("16-CAPCE-F3-1187", both),
    { code: "F3", distributive: true, delivery: "distributive", text: "Code F3: distributive (DE)", source: "massgov-renew" });
});

test("a code the rules list as not DE names the source that lists it", () => {
  const taught = taughtByCode("17-OEMS-T1-1", both);
  assert.deepEqual([taught.distributive, taught.delivery, taught.text, taught.source],
    [false, null, "Code T1: not distributive", "flyer"]);
});

test("a code the rules do not list is not DE by the DE codes' source alone", () => {
  const taught = taughtByCode("17-OEMS-T1-1", { ...deOnly, otherSource: "flyer" });
  assert.deepEqual([taught.text, taught.source], ["Code T1: not distributive", "massgov-renew"]);
});

test("no code, no note; rules without sources name none", () => {
  assert.equal(taughtByCode("N/A", both), null);
  assert.equal(taughtByCode("MA-2017-0001", both), null);
  assert.equal(taughtByCode("17-OEMS-T3-1", { distributive: ["T3"] }).source, null);
});
