// Reads rows pasted from a spreadsheet or a training record page: tab- or
// comma-separated, with or without a header row, dates as 2017-03-01,
// 3/1/2017 or March 1, 2017. Nothing is added here: the page shows every row
// as read, with its problems, and adds only what the person then confirms.
//
// With a header row, columns are found by their names (many transcripts say
// "Course", "Completed", "CE Hours", "Course number"...). Without one, by
// what the cells hold: the column of dates, the column of hour figures, the
// column of approval numbers, a yes/no column for National content, and the
// longest text for the title.

import { detectDelimiter, parseCsv, restoreCell } from "./csv.mjs";
import { blankCourse } from "./model.mjs";
import { DELIVERIES } from "../vocabulary.mjs";
import { DEFAULT_LIMITS, checkCount, checkDate, checkHours, checkTitle, parseDate, shown } from "./values.mjs";

// Header words -> field; the first that matches a cell wins.
const HEADER_WORDS = [
  ["approval", /approv|capce|oems|course\s*(no|num|#|id|code)|cert(ificate)?\s*(no|num|#)|number/],
  ["date", /date|completed|taken|when|day/],
  ["hours", /hour|hrs|credit|ceu|contact/],
  ["delivery", /deliver|taught|format|method|type/],
  ["national", /national|nccr|ncr/],
  ["component", /component|counts?\s*toward|category/],
  ["title", /title|course|name|topic|subject|class|description/],
];

function headerField(cell) {
  const t = cell.trim().toLowerCase();
  if (!t) return null;
  for (const [field, pattern] of HEADER_WORDS) if (pattern.test(t)) return field;
  return null;
}

const YES = ["yes", "y", "true", "1", "x", "national", "nccr"];
const NO = ["no", "n", "false", "0", ""];
const APPROVAL_LIKE = /^[A-Za-z0-9]+(-[A-Za-z0-9]+){2,}$/; // 17-OEMS-T1-0412

function looksLikeHours(cell) {
  return /^\d{1,3}(\.\d+)?$/.test(cell.trim()) && Number(cell) > 0 && Number(cell) <= 200;
}

// Without a header: guess each column's field from what most of its cells hold.
function guessColumns(rows) {
  const width = Math.max(...rows.map((r) => r.length));
  const share = (col, test) => {
    const cells = rows.map((r) => (r[col] ?? "").trim()).filter(Boolean);
    return cells.length ? cells.filter(test).length / cells.length : 0;
  };
  const taken = new Map();
  const pick = (field, test) => {
    let best = -1;
    let bestShare = 0.5;
    for (let col = 0; col < width; col++) {
      if ([...taken.values()].includes(col)) continue;
      const s = share(col, test);
      if (s > bestShare) [best, bestShare] = [col, s];
    }
    if (best >= 0) taken.set(field, best);
  };
  pick("date", (c) => parseDate(c) !== null);
  pick("approval", (c) => APPROVAL_LIKE.test(c));
  pick("hours", looksLikeHours);
  pick("national", (c) => YES.includes(c.toLowerCase()) || NO.includes(c.toLowerCase()));
  // The title: the free text column with the longest cells.
  let title = -1;
  let longest = 0;
  for (let col = 0; col < width; col++) {
    if ([...taken.values()].includes(col)) continue;
    const length = rows.reduce((sum, r) => sum + (r[col] ?? "").trim().length, 0);
    if (length > longest) [title, longest] = [col, length];
  }
  if (title >= 0) taken.set("title", title);
  return taken;
}

function readDelivery(text) {
  const t = text.trim().toLowerCase();
  if (!t) return "";
  const key = t.replace(/[\s-]+/g, "_");
  if (DELIVERIES.includes(key)) return key;
  if (/in.?person|classroom|live class|hands.?on/.test(t)) return "in_person";
  if (/live.?(virtual|online|webinar|stream)|virtual live|webinar/.test(t)) return "live_virtual";
  if (/distributive|self.?paced|online|recorded|on.?demand|\bde\b/.test(t)) return "distributive";
  return null;
}

function readComponent(text, components) {
  const t = text.trim().toLowerCase();
  if (!t) return "";
  const match = components.find((c) => c.id === t || c.name.toLowerCase() === t);
  return match ? match.id : null;
}

// -> {rows: [{line, course | null, cells, problems: [text]}], columns: [field per column], header: bool, error}
export function readPasted(text, { components = [], limits = DEFAULT_LIMITS, already = 0 } = {}) {
  const source = String(text ?? "").replace(/^\ufeff/, "");
  if (!source.trim()) return { rows: [], columns: [], header: false, error: "Nothing was pasted. Copy the rows from your spreadsheet or training record, then paste them into the box." };
  const delimiter = detectDelimiter(source);
  const { records, error } = parseCsv(source, delimiter);
  if (error) return { rows: [], columns: [], header: false, error };
  const cells = records.map((r) => r.fields.map(restoreCell));
  const headerFields = cells[0].map(headerField);
  const header = headerFields.filter(Boolean).length >= 2 && !cells[0].some((c) => parseDate(c) !== null);
  const body = header ? records.slice(1) : records;
  const bodyCells = header ? cells.slice(1) : cells;
  const columns = new Map();
  if (header) {
    headerFields.forEach((field, col) => { if (field && !columns.has(field)) columns.set(field, col); });
  } else {
    for (const [field, col] of guessColumns(bodyCells)) columns.set(field, col);
  }
  const rows = body.map((record, k) => readRow(record.line, bodyCells[k], columns, components, limits));
  const tooMany = checkCount(already + rows.filter((r) => r.course).length, limits);
  const byColumn = [];
  for (const [field, col] of columns) byColumn[col] = field;
  return {
    rows,
    columns: byColumn,
    header,
    error: !columns.has("date") || !columns.has("hours")
      ? `No column of ${!columns.has("date") ? "dates" : "hours"} was found. Copy the rows with each course's date and hours, or add a first row naming the columns (for example: Title, Date, Hours, Approval number).`
      : tooMany ? `With these the list would have ${tooMany}.` : null,
  };
}

function readRow(line, cells, columns, components, limits) {
  const problems = [];
  const value = (field) => (columns.has(field) ? (cells[columns.get(field)] ?? "").trim() : "");
  const course = blankCourse();
  course.title = value("title");
  const titleProblem = checkTitle(course.title, limits);
  if (titleProblem) problems.push(titleProblem);
  const date = checkDate(value("date"), limits);
  if (date.problem) problems.push(date.problem);
  else course.date = date.date;
  const hours = checkHours(value("hours"), limits);
  if (hours.problem) problems.push(hours.problem);
  else course.hours = hours.hours;
  course.approval = value("approval");
  const delivery = readDelivery(value("delivery"));
  if (delivery === null) problems.push(`how taught ${shown(value("delivery"))} is not in person, live virtual or distributive`);
  else course.delivery = delivery;
  const national = value("national").toLowerCase();
  if (YES.includes(national)) course.national = true;
  else if (!NO.includes(national)) problems.push(`National content ${shown(value("national"))} should be yes or no`);
  const component = readComponent(value("component"), components);
  if (component === null) problems.push(`counts toward ${shown(value("component"))} is not one of ${components.map((c) => c.name).join(", ")}`);
  else course.component = component;
  return { line, cells, course: problems.length ? null : course, problems };
}
