import assert from "node:assert/strict";
import { test } from "node:test";

import { load } from "./site.mjs";

const { parseCsv, toCsv } = await load("calc/csv.mjs");

const fields = (text) => parseCsv(text).records.map((r) => r.fields);

test("reads quoted fields with commas, doubled quotes and line breaks", () => {
  const { records, error } = parseCsv('title,hours\r\n"Airway, advanced",2\r\n"The ""big"" one",1\n"two\nlines",3\n');
  assert.equal(error, null);
  assert.deepEqual(records.map((r) => r.fields), [
    ["title", "hours"], ["Airway, advanced", "2"], ['The "big" one', "1"], ["two\nlines", "3"],
  ]);
  // Each record names the line it starts on, so errors point at the right line.
  assert.deepEqual(records.map((r) => r.line), [1, 2, 3, 4]);
});

test("ignores Excel's byte order mark, a missing last line break and empty rows", () => {
  assert.deepEqual(fields("\ufeffa,b\n1,2"), [["a", "b"], ["1", "2"]]);
  assert.deepEqual(fields("a,b\n,,\n\n1,2\n"), [["a", "b"], ["1", "2"]]);
});

test("an unclosed quote is an error naming the line where the field starts", () => {
  const { error } = parseCsv('title,hours\nok,1\n"never closed,2\n');
  assert.match(error, /^Line 3: a quoted field is never closed/);
});

test("writes what it reads back unchanged", () => {
  const rows = [["title", "hours"], ['Says "hi", twice', "1.5"], [" padded ", ""], ["line\nbreak", "2"]];
  const text = toCsv(rows[0], rows.slice(1));
  assert.ok(text.endsWith("\r\n"));
  assert.deepEqual(fields(text), rows);
});
