// Starts the rules engine in Pyodide: the one start-up shared by the browser's
// engine worker (engine-worker.mjs) and by Node (node-engine.mjs, which the
// build uses to check the bundled runtime and the tests to compare it with
// CPython). Each caller says where the runtime's files are (URLs in the
// browser, local paths in Node) and how to get the full standard library;
// everything else happens here, the same way in both.

// Where the trimmed stdlib's fallback importer finds the full one, once read.
const FULL_STDLIB = "/lib/python_stdlib_full.zip";

// Python side: the engine's entry point, with any exception turned into data,
// so a broken engine answers instead of killing the worker.
const CALLER = `
import importlib, json
_fn = getattr(importlib.import_module(MODULE), ENTRY)

def call(rules, data, today):
    try:
        return [True, _fn(rules, data, today)]
    except Exception as exc:
        return [False, json.dumps({"type": type(exc).__name__, "message": str(exc)})]
`;

// loadPyodide: from the runtime's pyodide.mjs; options: what loadPyodide needs
// to find this runtime's files (the engine is inside its trimmed stdlib zip);
// module, entry: the engine's entry point; fullStdlib(): the bytes of the
// full stdlib zip, fetched only if code imports a module the trimmed stdlib
// left out (it may throw to refuse);
// log, warn: Pyodide's stdout and stderr, and the fallback's messages;
// onStep(name): told "python-ready" and "engine-imported" as start-up goes on.
//
// Returns call(rulesJson, inputJson, today) -> {ok: true, text} or
// {ok: false, type, message} when the engine raised.
export async function startEngine({
  loadPyodide, options, module = "recert_engine", entry = "evaluate_json",
  fullStdlib, log, warn, onStep = () => undefined,
}) {
  const py = await loadPyodide({ ...options, stdout: log, stderr: warn });
  onStep("python-ready");
  py.pyimport("_site_stdlib_fallback").install(() => {
    py.FS.writeFile(FULL_STDLIB, fullStdlib());
    return FULL_STDLIB;
  }, warn);
  const ns = py.globals.get("dict")();
  py.runPython(CALLER.replace("MODULE", JSON.stringify(module)).replace("ENTRY", JSON.stringify(entry)), { globals: ns });
  const pyCall = ns.get("call");
  ns.destroy();
  onStep("engine-imported");
  return (rules, input, today) => {
    const result = pyCall(rules, input, today);
    try {
      const [ok, text] = result.toJs();
      return ok ? { ok, text } : { ok, ...JSON.parse(text) };
    } finally {
      result.destroy();
    }
  };
}
