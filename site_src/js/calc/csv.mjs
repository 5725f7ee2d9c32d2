// CSV as spreadsheets write it (RFC 4180): commas, "quoted" fields with ""
// for a quote, line breaks inside quotes, CRLF or LF. Each record remembers the
// line it starts on, so import errors can name the line. Rows copied from a
// spreadsheet or a web page arrive separated by tabs instead: same rules.
// Hand-written (a few dozen lines) because the page ships no libraries; the
// node tests check it against RFC 4180's own examples.

// Tabs when the first line has any (a spreadsheet's copy), else commas.
export function detectDelimiter(text) {
  const firstLine = text.split(/\r?\n/, 1)[0];
  return firstLine.includes("\t") ? "\t" : ",";
}

export function parseCsv(text, delimiter = ",") {
  const records = [];
  let fields = [];
  let field = "";
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let i = 0;
  if (text.charCodeAt(0) === 0xfeff) i = 1; // byte order mark from Excel
  const endField = () => {
    fields.push(field);
    field = "";
  };
  const endRecord = () => {
    endField();
    records.push({ line: recordLine, fields });
    fields = [];
  };
  for (; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
        }
      } else {
        if (ch === "\n") line++;
        field += ch;
      }
    } else if (ch === '"' && field === "") {
      quoted = true;
    } else if (ch === delimiter) {
      endField();
    } else if (ch === "\r" || ch === "\n") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += ch;
    }
  }
  if (quoted) return { records, error: `Line ${recordLine}: a quoted field is never closed (a " is missing).` };
  if (field !== "" || fields.length) endRecord();
  // Rows with nothing in them (e.g. a trailing ",,,,") are not records.
  return { records: records.filter((r) => r.fields.some((f) => f.trim() !== "")), error: null };
}

// A spreadsheet runs a cell that starts with = + - or @ as a formula (and
// Excel also after a tab or carriage return), so such cells are written with
// a leading apostrophe, which spreadsheets show as text. Cells that already
// start with apostrophes before one of those get one more, so reading the file
// back (restoreCell) always gives exactly what was written.
const RUNNABLE = /^'*[=+\-@\t\r]/;
const NEUTRALISED = /^'+[=+\-@\t\r]/;

export function neutraliseCell(text) {
  return RUNNABLE.test(text) ? `'${text}` : text;
}

export function restoreCell(text) {
  return NEUTRALISED.test(text) ? text.slice(1) : text;
}

function quote(value) {
  const text = neutraliseCell(String(value ?? ""));
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header, rows) {
  return [header, ...rows].map((row) => row.map(quote).join(",")).join("\r\n") + "\r\n";
}
