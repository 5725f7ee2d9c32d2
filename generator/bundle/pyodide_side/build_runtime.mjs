// Build-time helper run by generator/bundle/stdlib.py as
//   node build_runtime.mjs <config.json>
// Why Node: the host Python is 3.11; only Pyodide's own 3.14 interpreter can
// trace the imports the runtime really makes and write matching bytecode.
// It boots the npm Pyodide with its full stdlib (less what stdlib.py leaves
// out, config.bootStdlib), notes which modules booting
// alone loads, installs the engine wheel from a staging lockfile, then runs
// trace_compile.py (see there). Output files go to config.outDir; the JSON
// report is printed as the last stdout line.
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const cfg = JSON.parse(readFileSync(process.argv[2], "utf8"));
const log = (msg) => process.stderr.write(`${msg}\n`);
const withSlash = (p) => (p.endsWith(path.sep) ? p : p + path.sep);

const { loadPyodide } = await import(
  pathToFileURL(path.join(cfg.pyodideDir, "pyodide.mjs")).href
);
const py = await loadPyodide({
  indexURL: withSlash(cfg.pyodideDir),
  stdLibURL: cfg.bootStdlib,
  lockFileURL: cfg.lockFile,
  // Local dir for wheels; also stops Node from falling back to the CDN.
  packageBaseUrl: withSlash(path.dirname(cfg.lockFile)),
  packageCacheDir: withSlash(path.dirname(cfg.lockFile)),
  env: cfg.env || {},
  stdout: log,
  stderr: log,
});
// The browser loads the engine from the stdlib zip, never installs a wheel:
// what installing one imports (tarfile, importlib.metadata...) is not needed.
const bootModules = py.runPython("import sys; sorted(sys.modules)").toJs();
await py.loadPackage(cfg.package, { messageCallback: log });

// Let Python write straight into the host output dir.
py.FS.mkdirTree("/bundle_out");
py.FS.mount(py.FS.filesystems.NODEFS, { root: cfg.outDir }, "/bundle_out");

const ns = py.globals.get("dict")();
py.runPython(readFileSync(cfg.traceScript, "utf8"), { globals: ns });
const report = ns.get("main")(JSON.stringify({ ...cfg, outDir: "/bundle_out", bootModules }));
process.stdout.write(`${report}\n`);
