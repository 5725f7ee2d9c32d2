"""Pack the engine package as a deterministic pure `py3-none-any` wheel.

Why hand-rolled: build backends stamp the current time and tool versions into
wheels; here an unchanged engine must give byte-identical bytes (fixed
timestamps, sorted entries, fixed modes) so browser caches and the lockfile's
sha256 only change when the engine does.
"""
from __future__ import annotations

import ast
import base64
import hashlib
import io
import re
import zipfile
from pathlib import Path

from packaging.version import InvalidVersion, Version

from .errors import BundleError
from .fsutil import atomic_write_bytes

FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # earliest time a zip can store
TAG = "py3-none-any"


def distribution_name(import_name: str) -> str:
    """PEP 503-normalised project name, as pyodide-lock keys packages."""
    return re.sub(r"[-_.]+", "-", import_name).lower()


def _declared_version(engine_dir: Path) -> str:
    """`__version__ = "x"` from the package __init__, read without importing."""
    init = engine_dir / "__init__.py"
    if init.is_file():
        for node in ast.parse(init.read_text(encoding="utf-8")).body:
            if (
                isinstance(node, ast.Assign)
                and any(isinstance(t, ast.Name) and t.id == "__version__" for t in node.targets)
                and isinstance(node.value, ast.Constant)
                and isinstance(node.value.value, str)
            ):
                try:
                    return str(Version(node.value.value)).split("+")[0]
                except InvalidVersion:
                    break
    return "0"


def _source_files(engine_dir: Path) -> list[Path]:
    files = []
    for path in sorted(engine_dir.rglob("*")):
        rel = path.relative_to(engine_dir)
        if not path.is_file() or path.suffix in (".pyc", ".pyo"):
            continue
        if any(p == "__pycache__" or p.startswith(".") for p in rel.parts):
            continue
        files.append(path)
    return files


def _record_hash(data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=")
    return f"sha256={digest.decode()}"


def build_wheel(
    engine_dir: Path,
    out_dir: Path,
    *,
    pyc: dict[str, bytes] | None = None,
    cache_tag: str | None = None,
) -> Path:
    """Write <dist>-<version>+<hash>-py3-none-any.whl into out_dir.

    pyc maps package-relative source paths ("core.py") to bytecode that goes
    into the matching __pycache__/<stem>.<cache_tag>.pyc, so Pyodide skips
    compiling the engine at startup. The local version label is a hash of the
    wheel's content, giving each engine build its own cache-busting file name.
    """
    import_name = engine_dir.name
    if not import_name.isidentifier() or not (engine_dir / "__init__.py").is_file():
        raise BundleError(f"{engine_dir} is not an importable package (no __init__.py)")
    if pyc and not cache_tag:
        raise BundleError("bytecode given without the interpreter's cache tag")

    entries: dict[str, bytes] = {}
    for path in _source_files(engine_dir):
        entries[f"{import_name}/{path.relative_to(engine_dir).as_posix()}"] = path.read_bytes()
    for rel, data in sorted((pyc or {}).items()):
        parent, _, name = rel.rpartition("/")
        stem = name[: -len(".py")]
        folder = f"{import_name}/{parent + '/' if parent else ''}__pycache__"
        entries[f"{folder}/{stem}.{cache_tag}.pyc"] = data

    content_hash = hashlib.sha256()
    for arc in sorted(entries):
        content_hash.update(arc.encode() + b"\0" + hashlib.sha256(entries[arc]).digest())
    version = f"{_declared_version(engine_dir)}+{content_hash.hexdigest()[:12]}"

    dist = distribution_name(import_name)
    file_dist = dist.replace("-", "_")
    info_dir = f"{file_dist}-{version}.dist-info"
    entries[f"{info_dir}/METADATA"] = (
        f"Metadata-Version: 2.1\nName: {dist}\nVersion: {version}\n"
        "Summary: Recertification rules engine bundled for the offline calculator\n"
    ).encode()
    entries[f"{info_dir}/WHEEL"] = (
        f"Wheel-Version: 1.0\nGenerator: generator.bundle\nRoot-Is-Purelib: true\nTag: {TAG}\n"
    ).encode()
    entries[f"{info_dir}/top_level.txt"] = f"{import_name}\n".encode()
    record = "".join(f"{arc},{_record_hash(data)},{len(data)}\n" for arc, data in sorted(entries.items()))
    entries[f"{info_dir}/RECORD"] = (record + f"{info_dir}/RECORD,,\n").encode()

    # Package files first, dist-info last (RECORD last of all), as wheel tools expect.
    order = sorted(a for a in entries if not a.startswith(info_dir)) + [
        f"{info_dir}/{n}" for n in ("METADATA", "WHEEL", "top_level.txt", "RECORD")
    ]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for arc in order:
            info = zipfile.ZipInfo(arc, FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # unix, whatever the build host is
            info.external_attr = 0o644 << 16
            zf.writestr(info, entries[arc], compresslevel=9)

    wheel = out_dir / f"{file_dist}-{version}-{TAG}.whl"
    atomic_write_bytes(wheel, buf.getvalue())
    return wheel
