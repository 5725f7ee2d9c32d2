// Import and export of course files (site_src/js/calc/transfer.mjs): all or nothing, with the engine's limits.
import assert from "node:assert/strict";
import { test } from "node:test";

import { load } from "./site.mjs";

const { decodeFile, exportCsv, importCsv, importFile, importJson } = await load("calc/transfer.mjs");

const components = [{ id: "national", name: "National" }, { id: "local", name: "Local" }, { id: "individual", name: "Individual" }];
const context = { cycle: "2018/paramedic", components };
const course = (over = {}) => ({ title: "A", date: "2017-01-01", hours: 2, approval: "17-OEMS-T1-1", delivery: null, national: false, component: null, ...over });
const json = (courses) => JSON.stringify({ schema: 1, cycle: "2018/paramedic", courses });

test("a JSON file with hours over 200, too many decimals, a far year or a long title changes nothing", () => {
  const result = importJson(json([course(), course({ hours: 250 }), course({ hours: 1.255 }), course({ date: "9999-01-01" }),
    course({ title: "t".repeat(301) })]), context);
  assert.equal(result.courses, undefined);
  assert.deepEqual(result.errors, [
    'Course 2 ("A"): hours 250 is more than 200, which no single course has; check the number.',
    'Course 3 ("A"): hours 1.255 has more than 2 decimal places (write 1.25, not 1.255).',
    'Course 4 ("A"): date "9999-01-01" is in the year 9999; check the year.',
    `Course 5 ("${"t".repeat(38)}…): title is longer than 300 characters.`,
  ]);
});

test("a good JSON file gives the page's rows; more courses than the engine takes is a problem", () => {
  const ok = importJson(json([course({ hours: "1.5", component: "local" })]), context);
  assert.deepEqual(ok.errors, []);
  assert.deepEqual(ok.courses, [{ title: "A", date: "2017-01-01", hours: "1.5", approval: "17-OEMS-T1-1", delivery: "", national: false, component: "local" }]);
  const many = importJson(json(Array.from({ length: 3 }, () => course())), { ...context, limits: { maxCourses: 2, maxHours: 200, hourPlaces: 2, maxTitle: 300, minYear: 1900, maxYear: 2100 } });
  assert.deepEqual(many.errors, ["The file has 3 courses; the calculator takes at most 2."]);
});

test("deeply nested JSON is a message, not an exception", () => {
  const result = importJson("[".repeat(200000) + "]".repeat(200000), context);
  assert.equal(result.errors.length, 1);
});

test("CSV: every problem by line, with the engine's limits", () => {
  const text = "title,date,hours\nFine,2017-01-01,2\nLong,2017-01-01,201\nFar,1/1/2999,2\nDots,2017-01-01,1.125\n";
  assert.deepEqual(importCsv(text, context).errors, [
    'Line 3: hours "201" is more than 200, which no single course has; check the number.',
    'Line 4: date "1/1/2999" is in the year 2999; check the year.',
    'Line 5: hours "1.125" has more than 2 decimal places (write 1.25, not 1.255).',
  ]);
});

test("CSV export neutralises formulas and import gives back the same titles", () => {
  const titles = ['=HYPERLINK("http://evil.example","Click")', "+1 airway", "-- notes", "@risk", "'=odd", "Plain"];
  const text = exportCsv(titles.map((title) => course({ title })));
  for (const line of text.split("\r\n").slice(1, -1)) assert.ok(!/^"?[=+\-@]/.test(line), line);
  const back = importCsv(text, context);
  assert.deepEqual(back.errors, []);
  assert.deepEqual(back.courses.map((c) => c.title), titles);
});

test("dates in CSV may be written as people write them", () => {
  const back = importCsv('date,hours\n3/1/2017,1\n"March 2, 2017",1\n2017-03-03,1\n', context);
  assert.deepEqual(back.courses.map((c) => c.date), ["2017-03-01", "2017-03-02", "2017-03-03"]);
});

test("file bytes: UTF-8 with or without a byte order mark; other encodings are refused by name", () => {
  const utf8 = new TextEncoder().encode("title\nCafé");
  assert.equal(decodeFile(utf8).text, "title\nCafé");
  assert.equal(decodeFile(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8])).text, "title\nCafé");
  assert.match(decodeFile(new Uint8Array([0xff, 0xfe, 0x74, 0x00])).error, /UTF-16.*Save it as UTF-8/);
  assert.match(decodeFile(new Uint8Array([0x43, 0x61, 0x66, 0xe9])).error, /not UTF-8 text.*Windows-1252/);
});

test("a file is read as JSON or CSV by its name, else by its first character", () => {
  assert.deepEqual(importFile("x.txt", json([course()]), context).errors, []);
  assert.deepEqual(importFile("x.csv", "date,hours\n2017-01-01,1\n", context).errors, []);
});
