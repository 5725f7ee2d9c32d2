// Reading pasted transcript rows (site_src/js/calc/paste.mjs).
import assert from "node:assert/strict";
import { test } from "node:test";

import { load } from "./site.mjs";

const { readPasted } = await load("calc/paste.mjs");

const components = [{ id: "national", name: "National" }, { id: "local", name: "Local" }, { id: "individual", name: "Individual" }];

test("spreadsheet rows with a header: columns by their names, in any order", () => {
  const text = "Course\tCompleted\tCE Hours\tApproval number\tNCCR\nAirway\t3/1/2017\t2\t17-OEMS-T1-0001\tYes\nStroke\tMarch 2, 2017\t1.5\t17-OEMS-T3-0002\tNo\n";
  const { rows, header, error, columns } = readPasted(text, { components });
  assert.equal(error, null);
  assert.equal(header, true);
  assert.deepEqual(columns, ["title", "date", "hours", "approval", "national"]);
  assert.deepEqual(rows.map((r) => r.course), [
    { title: "Airway", date: "2017-03-01", hours: "2", approval: "17-OEMS-T1-0001", delivery: "", national: true, component: "" },
    { title: "Stroke", date: "2017-03-02", hours: "1.5", approval: "17-OEMS-T3-0002", delivery: "", national: false, component: "" },
  ]);
  assert.deepEqual(rows.map((r) => r.line), [2, 3]);
});

test("rows without a header: the columns are found by what they hold", () => {
  const text = "17-OEMS-T1-0001,Pediatric assessment,2017-03-01,4\n17-OEMS-T1-0002,Trauma triage,2017-04-01,3\n";
  const { rows, header, error } = readPasted(text, { components });
  assert.equal(error, null);
  assert.equal(header, false);
  assert.deepEqual(rows.map((r) => [r.course.title, r.course.date, r.course.hours, r.course.approval]), [
    ["Pediatric assessment", "2017-03-01", "4", "17-OEMS-T1-0001"],
    ["Trauma triage", "2017-04-01", "3", "17-OEMS-T1-0002"],
  ]);
});

test("every problem of every row is listed, and a row with a problem is not offered", () => {
  const text = "Title,Date,Hours\nGood,2017-01-01,2\nBad date,2017-02-30,2\nToo long,2017-01-01,250\nBoth,9999-01-01,1.255\n";
  const { rows } = readPasted(text, { components });
  assert.deepEqual(rows.map((r) => [r.line, Boolean(r.course), r.problems]), [
    [2, true, []],
    [3, false, ['date "2017-02-30" is not a real date written 2017-03-01, 3/1/2017 or March 1, 2017']],
    [4, false, ['hours "250" is more than 200, which no single course has; check the number']],
    [5, false, ['date "9999-01-01" is in the year 9999; check the year',
      'hours "1.255" has more than 2 decimal places (write 1.25, not 1.255)']],
  ]);
});

test("nothing pasted, no hours column, or too many courses for the engine: a message", () => {
  assert.match(readPasted("  ", { components }).error, /Nothing was pasted/);
  assert.match(readPasted("Title,Date\nA,2017-01-01\n", { components }).error, /No column of hours/);
  const limits = { maxCourses: 3, maxHours: 200, hourPlaces: 2, maxTitle: 300, minYear: 1900, maxYear: 2100 };
  assert.match(readPasted("Title,Date,Hours\nA,2017-01-01,1\nB,2017-01-01,1\n", { components, limits, already: 2 }).error,
    /4 courses; the calculator takes at most 3/);
});

test("how it was taught and where it counts, in the words transcripts use", () => {
  const text = "Title\tDate\tHours\tFormat\tCategory\nA\t2017-01-01\t1\tClassroom\tLocal\nB\t2017-01-01\t1\tSelf-paced online\t\nC\t2017-01-01\t1\tWebinar (live)\tstate\n";
  const { rows } = readPasted(text, { components });
  assert.equal(rows[0].course.delivery, "in_person");
  assert.equal(rows[0].course.component, "local");
  assert.equal(rows[1].course.delivery, "distributive");
  assert.deepEqual(rows[2].problems, ['counts toward "state" is not one of National, Local, Individual']);
});

test("a spreadsheet's neutralised formula is read back as text", () => {
  const { rows } = readPasted("Title,Date,Hours\n'=SUM(A1),2017-01-01,1\n", { components });
  assert.equal(rows[0].course.title, "=SUM(A1)");
});
