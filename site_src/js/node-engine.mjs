#!/usr/bin/env node
// Runs the rules engine inside the SAME bundled Pyodide runtime the browser
// gets (the files generator.bundle.bundle_runtime wrote), so parity tests can
// compare CPython and Pyodide results on many inputs in one process. As in the
// browser, the engine is imported from the trimmed stdlib zip, which holds its
// bytecode; no wheel is installed.
//
//   node node-engine.mjs <runtime-dir>
//        [--module recert_engine] [--entry evaluate_json] [--no-fallback]
//
// stdin:  one JSON request per line: {"rules": <json text|object>,
//         "input": <json text|object>, "today": "YYYY-MM-DD"}
// stdout: one line per request: the engine's output JSON, or
//         {"$error": {"type": "...", "message": "..."}} if the engine raised.
// stderr: Pyodide's own output, and "stdlib fallback: <module>" whenever a
//         module missing from the trimmed stdlib had to come from the full one
//         (a parity run should see none; --no-fallback makes that an error).
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { pathToFileURL } from "node:url";

import { startEngine } from "./lib/engine-start.mjs";

function parseArgs(argv) {
  const opts = { module: "recert_engine", entry: "evaluate_json", fallback: true };
  const rest = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--no-fallback") opts.fallback = false;
    else if (a === "--module" || a === "--entry") opts[a.slice(2)] = argv[++i];
    else rest.push(a);
  }
  if (rest.length !== 1) {
    process.stderr.write("usage: node node-engine.mjs <runtime-dir> [--module M] [--entry F] [--no-fallback]\n");
    process.exit(2);
  }
  return { dir: path.resolve(rest[0]), ...opts };
}

const opts = parseArgs(process.argv.slice(2));
const toStderr = (msg) => process.stderr.write(`${msg}\n`);
const base = opts.dir + path.sep;
const lockFile = path.join(opts.dir, "pyodide-lock.json");
if (!existsSync(lockFile)) {
  toStderr(`node-engine: ${lockFile} not found; is ${opts.dir} a bundle_runtime output dir?`);
  process.exit(2);
}

// The same start-up as the browser's worker (lib/engine-start.mjs), with
// local paths instead of URLs; packageBaseUrl/packageCacheDir keep Node from
// ever reaching for the CDN.
const { loadPyodide } = await import(pathToFileURL(path.join(opts.dir, "pyodide.mjs")).href);
const fullZip = path.join(opts.dir, "python_stdlib_full.zip");
const call = await startEngine({
  loadPyodide,
  options: {
    indexURL: base,
    stdLibURL: path.join(opts.dir, "python_stdlib.zip"),
    lockFileURL: lockFile,
    packageBaseUrl: base,
    packageCacheDir: base,
  },
  module: opts.module,
  entry: opts.entry,
  fullStdlib: () => {
    if (!opts.fallback || !existsSync(fullZip)) {
      throw new Error("module missing from the trimmed stdlib (fallback disabled)");
    }
    return readFileSync(fullZip);
  },
  log: toStderr,
  warn: toStderr,
});
const asText = (v) => (typeof v === "string" ? v : JSON.stringify(v));

const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of rl) {
  if (!line.trim()) continue;
  let out;
  try {
    const req = JSON.parse(line);
    const answer = call(asText(req.rules), asText(req.input), String(req.today));
    if (!answer.ok) out = JSON.stringify({ $error: { type: answer.type, message: answer.message } });
    else out = answer.text.includes("\n") ? JSON.stringify(JSON.parse(answer.text)) : answer.text; // one line each
  } catch (err) {
    out = JSON.stringify({ $error: { type: err.type || err.name || "Error", message: String(err.message || err) } });
  }
  process.stdout.write(`${out}\n`);
}
