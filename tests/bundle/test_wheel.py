"""The engine wheel: pure py3-none-any, deterministic bytes."""

from __future__ import annotations

import base64
import hashlib
import zipfile

from generator.bundle.wheel import build_wheel

from .conftest import FIXTURE_ENGINE, make_bundle


def test_wheel_is_pure_python(fixture_bundle):
    wheel = fixture_bundle.wheel
    assert wheel.name.startswith("recert_engine-1.2.3+")
    assert wheel.name.endswith("-py3-none-any.whl")
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
        info_dir = next(n.split("/")[0] for n in names if n.endswith(".dist-info/WHEEL"))
        wheel_meta = zf.read(f"{info_dir}/WHEEL").decode()
        assert "Tag: py3-none-any" in wheel_meta and "Root-Is-Purelib: true" in wheel_meta
        assert "Name: recert-engine" in zf.read(f"{info_dir}/METADATA").decode()
        assert {"recert_engine/__init__.py", "recert_engine/core.py"} <= set(names)
        # Precompiled for Pyodide's interpreter, next to the sources.
        assert any(n.startswith("recert_engine/__pycache__/core.cpython-3") and n.endswith(".pyc") for n in names)
        assert not any(n.endswith((".so", ".dylib", ".pyd")) for n in names)
        assert {i.date_time for i in zf.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        # RECORD lists every other file with its hash.
        record = zf.read(f"{info_dir}/RECORD").decode().splitlines()
        listed = {}
        for line in record:
            path, digest, size = line.rsplit(",", 2)
            listed[path] = digest
        for name in names:
            if name.endswith("/RECORD"):
                continue
            expect = base64.urlsafe_b64encode(hashlib.sha256(zf.read(name)).digest()).rstrip(b"=").decode()
            assert listed[name] == f"sha256={expect}", name


def test_build_wheel_is_byte_identical(tmp_path):
    a = build_wheel(FIXTURE_ENGINE, tmp_path / "a")
    b = build_wheel(FIXTURE_ENGINE, tmp_path / "b")
    assert a.name == b.name
    assert a.read_bytes() == b.read_bytes()


def test_wheel_name_follows_content(tmp_path):
    import shutil

    engine = tmp_path / "recert_engine"
    shutil.copytree(FIXTURE_ENGINE, engine, ignore=shutil.ignore_patterns("__pycache__"))
    before = build_wheel(engine, tmp_path / "a")
    (engine / "core.py").write_text((engine / "core.py").read_text() + "\n# changed\n")
    after = build_wheel(engine, tmp_path / "b")
    assert before.name != after.name  # browsers never reuse a stale cached wheel


def test_two_cold_builds_give_identical_outputs(fixture_bundle, tmp_path):
    """A second build from an empty cache (node rerun, bytecode recompiled)."""
    again = make_bundle(FIXTURE_ENGINE, tmp_path)
    assert again.figures["cached"] is False
    for name in (fixture_bundle.wheel.name, "python_stdlib.zip", "pyodide-lock.json"):
        assert (again.dest / name).read_bytes() == (fixture_bundle.dest / name).read_bytes(), name
