// CSV reading and writing (site_src/js/calc/csv.mjs), against RFC 4180's examples.
import assert from "node:assert/strict";
import { test } from "node:test";

import { load } from "./site.mjs";

const { detectDelimiter, neutraliseCell, parseCsv, restoreCell, toCsv } = await load("calc/csv.mjs");

const fields = (text, delimiter) => parseCsv(text, delimiter).records.map((r) => r.fields);

test("RFC 4180: quotes, doubled quotes, commas and line breaks inside quotes", () => {
  assert.deepEqual(fields('aaa,"b""bb","c,cc"\r\n"x\r\ny",z\r\n'), [["aaa", 'b"bb', "c,cc"], ["x\r\ny", "z"]]);
  assert.deepEqual(fields("a,b\nc,d"), [["a", "b"], ["c", "d"]]);
  const { records } = parseCsv('a\n"two\nlines",b\nc');
  assert.deepEqual(records.map((r) => r.line), [1, 2, 4]);
});

test("an unclosed quote names its line; empty rows are not records; a byte order mark is dropped", () => {
  assert.equal(parseCsv('a\n"open,b\n').error, 'Line 2: a quoted field is never closed (a " is missing).');
  assert.deepEqual(fields("\ufeffa,b\n,,\n\nc,d\n"), [["a", "b"], ["c", "d"]]);
});

test("rows copied from a spreadsheet are tab-separated", () => {
  const text = "Title\tDate\n\"Airway, adult\"\t3/1/2017\n";
  assert.equal(detectDelimiter(text), "\t");
  assert.equal(detectDelimiter("a,b\n"), ",");
  assert.deepEqual(fields(text, "\t"), [["Title", "Date"], ["Airway, adult", "3/1/2017"]]);
});

test("cells a spreadsheet would run are neutralised, and read back exactly", () => {
  for (const text of ["=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)", "\tx", "'=already", "''+two", "plain", "it's", "'quoted"]) {
    const out = neutraliseCell(text);
    assert.ok(!/^[=+\-@\t\r]/.test(out), `${text} -> ${out}`);
    assert.equal(restoreCell(out), text);
  }
  assert.equal(neutraliseCell("=1+1"), "'=1+1");
  assert.equal(neutraliseCell("plain"), "plain");
});

test("written CSV quotes what needs quoting and round-trips", () => {
  const csv = toCsv(["title", "hours"], [['Say "hi", friend', 2], ["=cmd|' /C calc'!A0", 1.5], [" padded ", ""]]);
  assert.equal(csv, 'title,hours\r\n"Say ""hi"", friend",2\r\n\'=cmd|\' /C calc\'!A0,1.5\r\n" padded ",\r\n');
  const back = fields(csv).map((row) => row.map(restoreCell));
  assert.deepEqual(back, [["title", "hours"], ['Say "hi", friend', "2"], ["=cmd|' /C calc'!A0", "1.5"], [" padded ", ""]]);
});
