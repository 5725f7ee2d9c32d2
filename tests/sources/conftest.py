"""A made-up cycle (content/2030/emt.yaml) and its made-up flyer, copied per test."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.__main__ import main

FIXTURE = Path(__file__).resolve().parent / "fixture"
FLYER = "example-2030-emt.txt"
CYCLE = "2030/emt.yaml"


class Project:
    """A private copy of the fixture: content/ and sources/ side by side."""

    def __init__(self, root: Path):
        self.root = root
        self.content = root / "content"
        self.sources = root / "sources"
        shutil.copytree(FIXTURE / "content", self.content)
        shutil.copytree(FIXTURE / "flyers", self.sources)

    def edit(self, path: Path, old: str, new: str) -> int:
        """Replace one unique snippet; return the 1-based line where it starts."""
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"snippet not unique in {path.name}: {old!r}"
        path.write_text(text.replace(old, new), encoding="utf-8")
        return text[: text.index(old)].count("\n") + 1

    def edit_cycle(self, old: str, new: str) -> int:
        return self.edit(self.content / CYCLE, old, new)

    def edit_flyer(self, old: str, new: str) -> int:
        return self.edit(self.sources / FLYER, old, new)

    def check(self, *extra: str, capsys, sources: bool = True) -> tuple[int, list[str], str]:
        """Exit code, the diagnostic lines, and the whole standard error."""
        args = ["check", "--content", str(self.content), *extra]
        if sources:
            args += ["--sources", str(self.sources)]
        code = main(args)
        err = capsys.readouterr().err
        assert "Traceback" not in err
        lines = [line for line in err.splitlines() if ": error: " in line or ": warning: " in line]
        return code, lines, err


@pytest.fixture
def project(tmp_path) -> Project:
    return Project(tmp_path)
