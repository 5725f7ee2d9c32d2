// CSV as spreadsheets write it (RFC 4180): commas, "quoted" fields with ""
// for a quote, line breaks inside quotes, CRLF or LF. Each record remembers the
// line it starts on, so import errors can name the line.

export function parseCsv(text) {
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
    } else if (ch === ",") {
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

function quote(value) {
  const text = String(value ?? "");
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header, rows) {
  return [header, ...rows].map((row) => row.map(quote).join(",")).join("\r\n") + "\r\n";
}
