// Export the person's courses as JSON (the engine's input format, schema 1)
// or CSV, and read such files back. An import is all or nothing: every problem
// is listed, by line (CSV) or course (JSON), and nothing is changed.
//
// Every value is checked with the engine's own limits (values.mjs), so a file
// the page accepts is one the engine accepts: "a file with any problem changes
// nothing" holds for problems only the engine would have seen.
//
// CSV columns (first row is the header, any order; date and hours required):
//   title, date (YYYY-MM-DD, M/D/YYYY or March 1, 2017), hours, approval,
//   delivery (in_person | live_virtual | distributive | empty),
//   national (yes | no | empty), component (a component id | empty).
// Cells a spreadsheet would run as formulas are written with a leading
// apostrophe (csv.mjs) and read back without it.

import { parseCsv, restoreCell, toCsv } from "./csv.mjs";
import { isRealDate } from "../lib/format.mjs";
import { blankCourse, fromEngineCourse, fromEngineProfile } from "./model.mjs";
import { COURSE_FIELDS, DELIVERIES, INPUT_SCHEMA_VERSION, PROFILE_FIELDS, TOP_FIELDS } from "../vocabulary.mjs";
import { DEFAULT_LIMITS, checkCount, checkDate, checkHours, checkTitle, shown as show } from "./values.mjs";

export const CSV_COLUMNS = COURSE_FIELDS;
const REQUIRED_COLUMNS = ["date", "hours"];

// File bytes -> {text} or {error}: UTF-8 (with or without a byte order mark)
// only, since that is what the export writes and what the engine reads.
export function decodeFile(bytes) {
  const b = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) {
    return { error: "The file is saved as UTF-16 (\"Unicode\") text. Save it as UTF-8 (in Excel: \"CSV UTF-8\"; in Notepad: encoding UTF-8) and import it again." };
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(b) };
  } catch {
    return { error: "The file is not UTF-8 text (it may be saved as Windows-1252, \"ANSI\" or Latin-1). Save it as UTF-8 (in Excel: \"CSV UTF-8\") and import it again." };
  }
}

export function exportJson(input) {
  return JSON.stringify(input, null, 2) + "\n";
}

export function exportCsv(engineCourses) {
  const rows = engineCourses.map((c) => [
    c.title, c.date ?? "", c.hours ?? "", c.approval, c.delivery ?? "", c.national ? "yes" : "no", c.component ?? "",
  ]);
  return toCsv(CSV_COLUMNS, rows);
}

// ---- shared value checks; each returns [value, problem] -------------------

function checkHoursValue(value, limits) {
  const { hours, problem } = checkHours(value, limits);
  return [hours, problem === "hours is missing" ? "hours is missing; every course needs its CE hours" : problem];
}

function checkComponent(value, components) {
  if (value === null || value === undefined || value === "") return ["", null];
  const text = String(value).trim().toLowerCase();
  const match = components.find((c) => c.id === text || c.name.toLowerCase() === text);
  if (match) return [match.id, null];
  return [null, `component ${show(value)} is not one of ${components.map((c) => c.id).join(", ")} (or empty to let the calculator decide)`];
}

// ---- JSON ------------------------------------------------------------------

function jsonCourse(raw, index, components, limits, problems) {
  let where = `Course ${index + 1}`;
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) {
    problems.push(`${where}: must be an object with title, date, hours and so on.`);
    return null;
  }
  if (typeof raw.title === "string" && raw.title.trim()) where += ` (${show(raw.title.trim())})`;
  const before = problems.length;
  const bad = (message) => problems.push(`${where}: ${message}.`);
  for (const key of Object.keys(raw)) {
    if (!COURSE_FIELDS.includes(key)) bad(`unknown field ${show(key)}; the fields are ${COURSE_FIELDS.join(", ")}`);
  }
  if (raw.title !== undefined && raw.title !== null && typeof raw.title !== "string") bad("title must be text");
  else if (checkTitle(raw.title, limits)) bad(checkTitle(raw.title, limits));
  if (raw.date === undefined || raw.date === null || raw.date === "") bad("date is missing; write it as YYYY-MM-DD");
  else if (typeof raw.date !== "string" || !isRealDate(raw.date)) bad(`date ${show(raw.date)} is not a real date written YYYY-MM-DD`);
  else if (checkDate(raw.date, limits).problem) bad(checkDate(raw.date, limits).problem);
  const [hours, hoursProblem] = checkHoursValue(raw.hours, limits);
  if (hoursProblem) bad(hoursProblem);
  if (raw.approval !== undefined && raw.approval !== null && typeof raw.approval !== "string") bad("approval must be text");
  if (raw.delivery !== undefined && raw.delivery !== null && !DELIVERIES.includes(raw.delivery)) {
    bad(`delivery ${show(raw.delivery)} is not one of ${DELIVERIES.join(", ")} (or null)`);
  }
  if (raw.national !== undefined && raw.national !== null && typeof raw.national !== "boolean") bad("national must be true or false");
  const [component, componentProblem] = checkComponent(raw.component, components);
  if (componentProblem) bad(componentProblem);
  if (problems.length !== before) return null;
  return { ...fromEngineCourse(raw), hours, component };
}

function jsonProfile(raw, problems) {
  if (raw === undefined || raw === null) return null;
  if (typeof raw !== "object" || Array.isArray(raw)) {
    problems.push("profile must be an object with nremt and last_recertified.");
    return null;
  }
  for (const key of Object.keys(raw)) {
    if (!PROFILE_FIELDS.includes(key)) problems.push(`profile: unknown field ${show(key)}; the fields are ${PROFILE_FIELDS.join(", ")}.`);
  }
  if (raw.nremt !== undefined && raw.nremt !== null && typeof raw.nremt !== "boolean") problems.push("profile.nremt must be true or false.");
  const last = raw.last_recertified;
  if (last !== undefined && last !== null && (typeof last !== "string" || !isRealDate(last))) {
    problems.push(`profile.last_recertified ${show(last)} is not a real date written YYYY-MM-DD.`);
  }
  return fromEngineProfile(raw);
}

function jsonErrorWhere(text, error) {
  // V8 says "... at position 42"; turn that into a line number people can find.
  const m = /position (\d+)/.exec(error.message);
  if (!m) return "";
  const line = text.slice(0, Number(m[1])).split("\n").length;
  return ` near line ${line}`;
}

export function importJson(text, { cycle, components, limits = DEFAULT_LIMITS }) {
  let data;
  try {
    data = JSON.parse(text.replace(/^\ufeff/, ""));
  } catch (error) {
    if (error instanceof RangeError) return { errors: ["The file is nested far too deeply to be a list of courses."] };
    return { errors: [`The file is not valid JSON${jsonErrorWhere(text, error)}: ${error.message}`] };
  }
  const problems = [];
  if (!data || typeof data !== "object" || Array.isArray(data)) {
    return { errors: ["The file must hold one JSON object with schema, cycle, profile and courses, as the calculator exports it."] };
  }
  for (const key of Object.keys(data)) {
    if (!TOP_FIELDS.includes(key)) problems.push(`Unknown field ${show(key)} at the top; the fields are ${TOP_FIELDS.join(", ")}.`);
  }
  if (data.schema !== INPUT_SCHEMA_VERSION) problems.push(`schema is ${show(data.schema)}, but this calculator reads schema ${INPUT_SCHEMA_VERSION} files.`);
  if (data.cycle !== cycle) {
    problems.push(`This file is for cycle ${show(data.cycle)}, but this calculator is for ${cycle}. Open the calculator for that cycle.`);
  }
  const profile = jsonProfile(data.profile, problems);
  if (!Array.isArray(data.courses)) {
    problems.push("courses must be a list of courses.");
    return { errors: problems };
  }
  const tooMany = checkCount(data.courses.length, limits);
  if (tooMany) problems.push(`The file has ${tooMany}.`);
  const courses = data.courses.slice(0, limits.maxCourses).map((raw, i) => jsonCourse(raw, i, components, limits, problems));
  return problems.length ? { errors: problems } : { profile, courses, errors: [] };
}

// ---- CSV -------------------------------------------------------------------

function csvDelivery(text) {
  const t = text.trim().toLowerCase().replace(/[\s-]+/g, "_");
  if (t === "") return "";
  return DELIVERIES.includes(t) ? t : null;
}

function csvNational(text) {
  const t = text.trim().toLowerCase();
  if (["yes", "y", "true", "1"].includes(t)) return true;
  if (["no", "n", "false", "0", ""].includes(t)) return false;
  return null;
}

function csvCourse(record, columns, width, components, limits, problems) {
  const where = `Line ${record.line}`;
  const before = problems.length;
  const bad = (message) => problems.push(`${where}: ${message}.`);
  const value = (name) => (columns.has(name) ? restoreCell(record.fields[columns.get(name)] ?? "") : "");
  const extra = record.fields.slice(width).filter((f) => f.trim() !== "");
  if (extra.length) bad(`${record.fields.length} values, but the first line names only ${width} columns (a comma inside a title needs "quotes")`);
  const course = blankCourse();
  course.title = value("title").trim();
  if (checkTitle(course.title, limits)) bad(checkTitle(course.title, limits));
  course.approval = value("approval").trim();
  const dateText = value("date");
  if (!dateText.trim()) bad("date is empty; every course needs the day you took it");
  else {
    const { date, problem } = checkDate(dateText, limits);
    course.date = date ?? "";
    if (problem) bad(problem);
  }
  const [hours, hoursProblem] = checkHoursValue(value("hours").trim(), limits);
  if (hoursProblem) bad(hoursProblem);
  course.hours = hours ?? "";
  course.delivery = csvDelivery(value("delivery"));
  if (course.delivery === null) bad(`delivery ${show(value("delivery"))} is not one of ${DELIVERIES.join(", ")} (or empty)`);
  course.national = csvNational(value("national"));
  if (course.national === null) bad(`national ${show(value("national"))} must be yes or no`);
  const [component, componentProblem] = checkComponent(value("component"), components);
  if (componentProblem) bad(componentProblem);
  course.component = component ?? "";
  return problems.length === before ? course : null;
}

export function importCsv(text, { components, limits = DEFAULT_LIMITS }) {
  const { records, error } = parseCsv(text);
  if (error) return { errors: [error] };
  if (!records.length) return { errors: ["The file is empty."] };
  const [head, ...rows] = records;
  const names = head.fields.map((f) => f.trim().toLowerCase());
  const problems = [];
  const columns = new Map();
  names.forEach((name, i) => {
    if (!CSV_COLUMNS.includes(name)) problems.push(`Line ${head.line}: unknown column ${show(head.fields[i])}; the columns are ${CSV_COLUMNS.join(", ")}.`);
    else if (columns.has(name)) problems.push(`Line ${head.line}: the column ${name} appears twice.`);
    else columns.set(name, i);
  });
  for (const name of REQUIRED_COLUMNS) {
    if (!columns.has(name)) problems.push(`Line ${head.line}: the ${name} column is missing. The first line must name the columns, for example ${CSV_COLUMNS.join(",")}.`);
  }
  if (problems.length) return { errors: problems };
  const tooMany = checkCount(rows.length, limits);
  if (tooMany) return { errors: [`The file has ${tooMany}.`] };
  const courses = rows.map((record) => csvCourse(record, columns, names.length, components, limits, problems));
  return problems.length ? { errors: problems } : { profile: null, courses, errors: [] };
}

export function importFile(name, text, context) {
  const looksJson = /\.json$/i.test(name) || (!/\.csv$/i.test(name) && /^\s*[{[]/.test(text));
  return looksJson ? importJson(text, context) : importCsv(text, context);
}
