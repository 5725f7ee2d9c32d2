import assert from "node:assert/strict";
import { test } from "node:test";

import { load } from "./site.mjs";

const { exportCsv, exportJson, importCsv, importFile, importJson, CSV_COLUMNS } = await load("calc/transfer.mjs");
const { toEngineInput } = await load("calc/model.mjs");
const { COURSE_FIELDS, INPUT_SCHEMA_VERSION, MAX_COURSES } = await load("vocabulary.mjs");

const CYCLE = "2018/paramedic";
const components = [
  { id: "national", name: "National" },
  { id: "local", name: "Local" },
  { id: "individual", name: "Individual" },
];
const context = { cycle: CYCLE, components };

const row = (fields = {}) => ({
  title: "Airway", date: "2017-03-01", hours: "2", approval: "17-ABC-T1-0001",
  delivery: "in_person", national: true, component: "", ...fields,
});

test("CSV columns are the engine's course fields", () => {
  assert.deepEqual(CSV_COLUMNS, COURSE_FIELDS);
  const header = exportCsv([]).split("\r\n")[0];
  assert.equal(header, COURSE_FIELDS.join(","));
});

test("an exported JSON file is the engine's input and imports back to the same courses", () => {
  const input = toEngineInput(CYCLE, { nremt: "yes", last_recertified: "" }, [row(), row({ title: "Trauma, part 2", hours: "1.25", component: "local" })], false);
  assert.equal(input.schema, INPUT_SCHEMA_VERSION);
  const back = importJson(exportJson(input), context);
  assert.deepEqual(back.errors, []);
  assert.equal(back.profile.nremt, "yes");
  assert.deepEqual(back.courses.map((c) => [c.title, c.hours, c.component]), [["Airway", "2", ""], ["Trauma, part 2", "1.25", "local"]]);
});

test("an exported CSV file imports back to the same courses", () => {
  const input = toEngineInput(CYCLE, { nremt: "", last_recertified: "" }, [row({ title: 'Says "hi", twice' }), row({ delivery: "", national: false })], false);
  const back = importCsv(exportCsv(input.courses), context);
  assert.deepEqual(back.errors, []);
  assert.equal(back.profile, null, "a CSV file holds courses only");
  assert.deepEqual(back.courses[0], row({ title: 'Says "hi", twice' }));
  assert.deepEqual(back.courses[1], row({ delivery: "", national: false }));
});

test("CSV: columns in any order, US dates, loose delivery and yes/no spellings, component names", () => {
  const text = "Hours,Date,Delivery,National,Component\n1.5,3/1/2017,Live virtual,Y,local\n2,2017-03-02,,no,Individual\n";
  const { courses, errors } = importCsv(text, context);
  assert.deepEqual(errors, []);
  assert.deepEqual(courses.map((c) => [c.date, c.hours, c.delivery, c.national, c.component]), [
    ["2017-03-01", "1.5", "live_virtual", true, "local"],
    ["2017-03-02", "2", "", false, "individual"],
  ]);
});

test("CSV: every problem is listed by line, and nothing is imported", () => {
  const text = "title,date,hours,delivery,component\n"
    + "ok,2017-03-01,2,,\n"
    + "bad date,2017-02-30,2,,\n"
    + "bad hours,2017-03-01,two,,\n"
    + "zero,2017-03-01,0,,\n"
    + "odd,2017-03-01,1,by pigeon,\n"
    + "where,2017-03-01,1,,elsewhere\n";
  const { errors, courses } = importCsv(text, context);
  assert.equal(courses, undefined);
  assert.deepEqual(errors.map((e) => e.split(":")[0]), ["Line 3", "Line 4", "Line 5", "Line 6", "Line 7"]);
  assert.match(errors[0], /2017-02-30.*not a real date/);
  assert.match(errors[3], /delivery "by pigeon" is not one of in_person, live_virtual, distributive/);
  assert.match(errors[4], /component "elsewhere" is not one of national, local, individual/);
});

test("CSV: a missing required column or an unknown one is named", () => {
  assert.match(importCsv("title,hours\nx,1\n", context).errors[0], /the date column is missing/);
  assert.match(importCsv("title,date,hours,colour\nx,2017-03-01,1,red\n", context).errors[0], /unknown column "colour"/);
  assert.match(importCsv("", context).errors[0], /empty/);
});

test("a file with more courses than the engine takes is refused", () => {
  const rows = Array.from({ length: MAX_COURSES + 1 }, () => "2017-03-01,1").join("\n");
  assert.match(importCsv(`date,hours\n${rows}\n`, context).errors[0], new RegExp(`at most ${MAX_COURSES}`));
  const courses = Array.from({ length: MAX_COURSES + 1 }, () => ({ date: "2017-03-01", hours: 1 }));
  const json = JSON.stringify({ schema: INPUT_SCHEMA_VERSION, cycle: CYCLE, profile: {}, courses });
  assert.ok(importJson(json, context).errors.some((e) => e.includes(`at most ${MAX_COURSES}`)));
});

test("JSON: wrong cycle, schema, fields and values are all reported, nothing imported", () => {
  const json = JSON.stringify({
    schema: 2, cycle: "2024/aemt", extra: 1, profile: { nremt: "maybe" },
    courses: [{ title: "A", date: "2017-13-01", hours: -1, delivery: "mail", colour: "red" }],
  });
  const { errors, courses } = importJson(json, context);
  assert.equal(courses, undefined);
  const text = errors.join("\n");
  for (const expected of [/Unknown field "extra"/, /schema is 2/, /for cycle "2024\/aemt"/, /profile.nremt/,
    /Course 1 \("A"\): unknown field "colour"/, /not a real date/, /hours -1 is not a number/, /delivery "mail"/]) {
    assert.match(text, expected);
  }
});

test("JSON that does not parse says where", () => {
  const { errors } = importJson('{\n  "schema": 1,\n  oops\n}', context);
  assert.match(errors[0], /^The file is not valid JSON near line 3/);
});

test("the file's name, or else its first character, decides how it is read", () => {
  const csv = "date,hours\n2017-03-01,1\n";
  assert.deepEqual(importFile("courses.csv", csv, context).errors, []);
  assert.deepEqual(importFile("export.txt", csv, context).errors, []);
  const json = JSON.stringify({ schema: INPUT_SCHEMA_VERSION, cycle: CYCLE, profile: null, courses: [] });
  assert.deepEqual(importFile("export", json, context).errors, []);
  assert.match(importFile("courses.json", csv, context).errors[0], /not valid JSON/);
});
