# Runs INSIDE Pyodide (under Node, at build time), never on the host.
# Why here: only Pyodide's own CPython 3.14 can tell which stdlib modules the
# runtime really loads and can write 3.14 bytecode; the host is CPython 3.11.
#
# It is exec'd by build_runtime.mjs right after loadPyodide() has booted and
# installed the engine wheel. `main(config_json)` returns a JSON report. The
# zip it writes holds the engine's bytecode too: the browser imports the engine
# from it and installs no wheel.
import sys

# Snapshot first, before this script imports anything: what Pyodide's
# bootstrap (and installing the wheel) loaded is needed in the browser too.
_BOOT = frozenset(sys.modules)

import ast  # noqa: E402  (already loaded by the bootstrap, so no pollution)
import json  # noqa: E402

assert "ast" in _BOOT and "json" in _BOOT, "bootstrap changed; tracer would pollute"


def _engine_files(import_name):
    """Source files of the installed engine package (in site-packages)."""
    import importlib.util

    spec = importlib.util.find_spec(import_name)
    if spec is None:
        raise ImportError(f"engine package {import_name!r} is not installed")
    import os

    if not spec.submodule_search_locations:
        return [(import_name, spec.origin)]
    root = list(spec.submodule_search_locations)[0]
    out = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
        for fn in sorted(filenames):
            if fn.endswith(".py"):
                full = os.path.join(dirpath, fn)
                parts = [import_name, *os.path.relpath(full, root)[:-3].split(os.sep)]
                if parts[-1] == "__init__":
                    parts.pop()
                out.append((".".join(parts), full))
    return out


def _static_imports(files):
    """Every absolute module name the engine names anywhere (incl. in functions
    and try-blocks), so imports not reached by the probe inputs are kept too."""
    names = set()
    for _mod, path in files:
        with open(path, encoding="utf-8") as fh:
            tree = ast.parse(fh.read(), path)
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module)
                # `from pkg import sub` may name a submodule.
                names.update(f"{node.module}.{a.name}" for a in node.names if a.name != "*")
            elif (
                isinstance(node, ast.Call)
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
                and (
                    (isinstance(node.func, ast.Name) and node.func.id == "__import__")
                    or (isinstance(node.func, ast.Attribute) and node.func.attr == "import_module")
                )
            ):
                names.add(node.args[0].value)
    return sorted(names)


def _trace(cfg):
    """Import the engine + everything it names, run the probes; return the
    probe results. Uses only modules the bootstrap already loaded."""
    import importlib

    files = _engine_files(cfg["importName"])
    for mod, _path in files:
        importlib.import_module(mod)
    named = _static_imports(files)
    for name in named:
        try:
            importlib.import_module(name)
        except Exception:  # optional / platform-specific import: same as at run time
            pass
    fn = getattr(sys.modules[cfg["importName"]], cfg["entryPoint"])
    results = []
    for probe in cfg["probes"]:
        try:
            results.append({"ok": json.loads(fn(probe["rules"], probe["input"], probe["today"]))})
        except Exception as exc:  # error paths import modules too (traceback etc.)
            results.append({"error": type(exc).__name__})
    return files, named, results


def _stdlib_zip():
    zips = [p for p in sys.path if p.endswith(".zip")]
    if len(zips) != 1:
        raise RuntimeError(f"expected exactly one stdlib zip on sys.path, got {zips}")
    return zips[0]


def _zip_members(modules, zip_path):
    """Map loaded module names to the .py entries of the stdlib zip."""
    prefix = zip_path + "/"
    arcs = set()
    for name in sorted(modules):
        mod = sys.modules.get(name)
        spec = getattr(mod, "__spec__", None)
        origin = getattr(spec, "origin", None) or ""
        if origin.startswith(prefix) and origin.endswith(".py"):
            arcs.add(origin[len(prefix):])
    return sorted(arcs)


def _pyc(source_bytes, filename, optimize=0):
    # Unchecked hash-based pyc: deterministic (no mtime) and zipimport/
    # SourceFileLoader use it without stat-ing or re-reading the source.
    import importlib.util
    from importlib._bootstrap_external import _code_to_hash_pyc

    code = compile(source_bytes, filename, "exec", dont_inherit=True, optimize=optimize)
    return bytes(_code_to_hash_pyc(code, importlib.util.source_hash(source_bytes), False))


def _all_module_names(zf):
    """Dotted names of every module/package in the full stdlib zip."""
    names = set()
    for arc in zf.namelist():
        if not arc.endswith(".py"):
            continue
        parts = arc[:-3].split("/")
        if parts[-1] == "__init__":
            parts = parts[:-1]
        if parts and all(p.isidentifier() for p in parts):
            names.add(".".join(parts))
    return names


def _forget_installer_modules(boot):
    """Modules that only installing the wheel imported: forgotten, so that they
    count as needed only if the engine itself imports them."""
    for name in sorted(set(sys.modules) - set(boot)):
        del sys.modules[name]


def main(config_json):
    cfg = json.loads(config_json)
    if cfg.get("bootModules"):
        _forget_installer_modules(cfg["bootModules"])
    files, named, results = _trace(cfg)
    needed = frozenset(sys.modules)

    # Tool phase: from here on imports may pollute sys.modules; irrelevant now.
    import os
    import zipfile

    zip_path = _stdlib_zip()
    arcs = _zip_members(needed, zip_path)
    fixed = (1980, 1, 1, 0, 0, 0)
    out_dir = cfg["outDir"]
    with zipfile.ZipFile(zip_path) as src:
        all_names = _all_module_names(src)
        entries = {}
        for arc in arcs:
            entries[arc[:-3] + ".pyc"] = _pyc(src.read(arc), f"{zip_path}/{arc}", cfg.get("stdlibOptimize", 0))
    # The fallback importer goes in too, told which names the full zip has.
    fb_src = cfg["fallbackSource"]
    kept = {a[:-3].replace("/", ".").removesuffix(".__init__") for a in arcs}
    marker = "FULL_ONLY_NAMES = frozenset()"
    assert marker in fb_src, "fallback module lost its FULL_ONLY_NAMES marker"
    # The modules the build left out of its boot stdlib are in the full one too.
    full_only = (all_names | set(cfg.get("leftOut", ()))) - kept
    fb_src = fb_src.replace(marker, "FULL_ONLY_NAMES = frozenset(%r)" % sorted(full_only), 1)
    fb_name = cfg["fallbackModule"]
    entries[fb_name + ".pyc"] = _pyc(fb_src.encode(), f"{zip_path}/{fb_name}.py")
    # The start-up module (only in the browser's zip: the build's own
    # Pyodide above booted without it, so every module it starts lazily was
    # seen being imported and is kept).
    start_name = cfg["startUpModule"]
    entries[start_name + ".pyc"] = _pyc(cfg["startUpSource"].encode(), f"{zip_path}/{start_name}.py", cfg.get("stdlibOptimize", 0))
    # The engine itself, as the zip's own package (found before site-packages).
    engine_root = os.path.dirname(dict(files)[cfg["importName"]]) if files else ""
    for _mod, path in files:
        rel = os.path.relpath(path, engine_root).replace(os.sep, "/")
        with open(path, "rb") as fh:
            entries[f"{cfg['importName']}/{rel[:-3]}.pyc"] = _pyc(fh.read(), path)

    tmp = os.path.join(out_dir, "python_stdlib.zip.tmp")
    # Stored, not deflated: HTTP compression (brotli, gzip) of the whole file
    # then sees across modules and shrinks it far more than per-entry deflate.
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_STORED) as zf:
        for arc in sorted(entries):
            info = zipfile.ZipInfo(arc, fixed)
            info.compress_type = zipfile.ZIP_STORED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            zf.writestr(info, entries[arc])
    os.replace(tmp, os.path.join(out_dir, "python_stdlib.zip"))

    # Engine bytecode, to be put in the wheel's __pycache__ by the host.
    engine_pyc = {}
    pyc_dir = os.path.join(out_dir, "engine_pyc")
    os.makedirs(pyc_dir, exist_ok=True)
    root = os.path.dirname(dict(files)[cfg["importName"]]) if files else ""
    for _mod, path in files:
        rel = os.path.relpath(path, root)
        with open(path, "rb") as fh:
            data = _pyc(fh.read(), path)
        name = rel.replace(os.sep, "__") + "c"
        with open(os.path.join(pyc_dir, name), "wb") as fh:
            fh.write(data)
        engine_pyc[rel.replace(os.sep, "/")] = name

    return json.dumps(
        {
            "python": sys.version.split()[0],
            "cacheTag": sys.implementation.cache_tag,
            "bootModules": sorted(_BOOT),
            "engineImports": named,
            "neededModules": sorted(needed),
            "stdlibEntries": sorted(entries),
            "fullOnlyCount": len(full_only),
            "engineFiles": [m for m, _ in files],
            "enginePyc": engine_pyc,
            "probeResults": results,
        }
    )
