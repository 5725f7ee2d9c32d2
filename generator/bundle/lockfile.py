"""Write the site's own pyodide-lock.json: Pyodide's shipped lock, trimmed to
the engine wheel plus whatever it depends on, with the wheel registered by
pyodide-lock's add-wheels (`add_wheels_to_spec`).

Why trim: the browser fetches and parses the lockfile before it can install
anything; the shipped one lists ~360 packages the calculator never uses.
"""
from __future__ import annotations

import json
from pathlib import Path

from .errors import BundleError
from .fsutil import atomic_write_bytes


def _spec_from_shipped(shipped: dict, pyodide_version: str):
    """pyodide-lock 0.1.2's models predate fields newer Pyodide writes (`tool`)
    and require `info.version`; keep only fields the models know. The runtime
    itself only checks info.abi_version, which is kept as is."""
    from pyodide_lock import PyodideLockSpec
    from pyodide_lock.spec import InfoSpec, PackageSpec

    info_keys = set(InfoSpec.model_fields)
    pkg_keys = {k for k, f in PackageSpec.model_fields.items() if not f.exclude}
    info = {k: v for k, v in shipped["info"].items() if k in info_keys}
    info.setdefault("version", pyodide_version)
    packages = {
        name: {k: v for k, v in pkg.items() if k in pkg_keys}
        for name, pkg in shipped["packages"].items()
    }
    return PyodideLockSpec(info=info, packages=packages)


def _closure(packages: dict, roots: list[str]) -> set[str]:
    keep, todo = set(), list(roots)
    while todo:
        name = todo.pop()
        if name in keep:
            continue
        if name not in packages:
            raise BundleError(f"lockfile dependency {name!r} is not in Pyodide's lockfile")
        keep.add(name)
        todo.extend(packages[name].depends)
    return keep


def write_site_lock(shipped_lock: Path, wheel: Path, out: Path, pyodide_version: str) -> str:
    """Write `out` (next to `wheel`, which it names relatively); return the
    package name to pass to loadPyodide({packages: [...]})."""
    from pyodide_lock.utils import _wheel_metadata, add_wheels_to_spec

    _wheel_metadata.cache_clear()  # it caches per path; our paths get reused
    spec = _spec_from_shipped(json.loads(shipped_lock.read_text(encoding="utf-8")), pyodide_version)
    before = set(spec.packages)
    try:
        spec = add_wheels_to_spec(spec, [wheel], base_path=out.parent)
    except RuntimeError as exc:  # e.g. a dependency Pyodide does not ship
        raise BundleError(f"cannot register {wheel.name} in the lockfile: {exc}") from exc
    added = sorted(set(spec.packages) - before) or [
        n for n, p in spec.packages.items() if p.file_name == wheel.name
    ]
    keep = _closure(spec.packages, added)
    spec.packages = {n: spec.packages[n] for n in sorted(keep)}
    data = json.dumps(spec.model_dump(), sort_keys=True, separators=(",", ":"))
    atomic_write_bytes(out, data.encode())
    if len(added) != 1:
        raise BundleError(f"expected one package from {wheel.name}, got {added}")
    return added[0]
