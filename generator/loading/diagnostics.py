"""Content problems found while loading and validating, with their location."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Location:
    file: str
    line: int  # 1-based
    column: int  # 1-based; 0 where a line is all that is known (a line of a PDF's text)

    def __str__(self) -> str:
        if not self.column:
            return f"{self.file}:{self.line}"
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Diagnostic:
    location: Location
    path: str  # key path inside the file, e.g. "ce.components[1].hours"
    message: str
    severity: str = "error"  # "error", "warning" or "note" (for information: never fails a check)

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path else ""
        return f"{self.location}: {self.severity}: {where}{self.message}"


@dataclass
class Report:
    """Every problem of one run, so they can be shown together."""

    diagnostics: list[Diagnostic] = field(default_factory=list)

    def error(self, location: Location, path: str, message: str) -> None:
        self.diagnostics.append(Diagnostic(location, path, message, "error"))

    def warning(self, location: Location, path: str, message: str) -> None:
        self.diagnostics.append(Diagnostic(location, path, message, "warning"))

    def note(self, location: Location, path: str, message: str) -> None:
        self.diagnostics.append(Diagnostic(location, path, message, "note"))

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "error"]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "warning"]

    def failed(self, strict: bool = False) -> bool:
        return bool(self.errors or (strict and self.warnings))

    def sorted(self) -> list[Diagnostic]:
        return sorted(
            self.diagnostics,
            key=lambda d: (d.location.file, d.location.line, d.location.column, d.message),
        )


class ContentError(Exception):
    """Raised when the content cannot be built; carries the full report."""

    def __init__(self, report: Report):
        super().__init__(f"{len(report.errors)} content error(s)")
        self.report = report
