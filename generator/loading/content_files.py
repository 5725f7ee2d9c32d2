"""Find, load and validate every content file, collecting all problems."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.loading import schema
from generator.loading.date_references import has_names, resolve_date_references
from generator.loading.crosscheck import check_cycle, check_site, opens_date
from generator.loading.diagnostics import ContentError, Location, Report
from generator.loading.schema import INVALID, Ctx
from generator.loading.yaml_source import load_yaml
from generator.parallel import map_in_chunks

CYCLE_FILE = re.compile(r"(\d{4})/([a-z0-9-]+)\.ya?ml")


@dataclass
class CycleSource:
    file: str  # as shown in messages, relative to the content folder's parent
    data: dict[str, Any]
    root_line: int = 1  # where the file's top-level mapping starts, for messages


@dataclass
class LoadedContent:
    site: dict[str, Any]
    cycles: list[CycleSource]


def _display(path: Path, content_dir: Path) -> str:
    try:
        return str(path.relative_to(content_dir.parent))
    except ValueError:
        return str(path)


def strip_nodes(value: Any) -> Any:
    """Drop the YAML node bookkeeping once validation is over."""
    if isinstance(value, dict):
        return {k: strip_nodes(v) for k, v in value.items() if k != "_nodes"}
    if isinstance(value, list):
        return [strip_nodes(v) for v in value]
    return value


def load_content(content_dir: Path, report: Report) -> LoadedContent | None:
    """Load and validate everything; return None when any error was found."""
    content_dir = Path(content_dir)
    if not content_dir.is_dir():
        report.error(Location(str(content_dir), 1, 1), "", "content folder not found")
        raise ContentError(report)

    site_path = content_dir / "site.yaml"
    site_data = None
    site_file = _display(site_path, content_dir)
    if not site_path.exists():
        report.error(Location(site_file, 1, 1), "", "missing site file; expected site name, levels and links here")
    else:
        node = load_yaml(site_path, site_file, report)
        if node is not None:
            site_ctx = Ctx(site_file, report)
            site_data = schema.SITE.convert(node, "", site_ctx)
            if isinstance(site_data, dict):
                check_site(site_data, site_ctx)

    level_slugs: set[str] = set()
    if isinstance(site_data, dict) and isinstance(site_data.get("levels"), list):
        level_slugs = {lvl["slug"] for lvl in site_data["levels"] if isinstance(lvl, dict) and lvl["slug"] is not INVALID}

    paths = [
        p for p in sorted(content_dir.rglob("*"))
        if p.suffix in (".yaml", ".yml") and p != site_path and not p.is_dir()
    ]

    def load_one(path: Path) -> tuple[CycleSource | None, Report]:
        # Each file gets its own report so files can be loaded in parallel;
        # duplicates across files are checked below, in file order.
        own = Report()
        source = load_cycle_file(path, content_dir, own, level_slugs, None)
        return (CycleSource(source.file, strip_nodes(source.data), source.root_line) if source else None), own

    cycles: list[CycleSource] = []
    seen: dict[tuple[int, str], str] = {}
    for source, own in map_in_chunks(load_one, paths):
        report.diagnostics.extend(own.diagnostics)
        if source is None:
            continue
        key = (source.data["year"], source.data["level"])
        if key in seen:
            report.error(
                Location(source.file, source.root_line, 1), "",
                f"a second file for the {key[0]} {key[1]} cycle; {seen[key]} already defines it",
            )
            continue
        seen[key] = source.file
        cycles.append(source)

    # Every invalid value was reported as an error, so no errors means none is left.
    if report.errors or site_data is None:
        return None
    return LoadedContent(strip_nodes(site_data), cycles)


def load_cycle_file(
    path: Path, content_dir: Path, report: Report, level_slugs: set[str], seen: dict[tuple[int, str], str] | None
) -> CycleSource | None:
    """Load and validate one cycle file; None when it has errors (they are in the report).

    `seen` maps (year, level) to the file already defining that cycle; the
    preview server uses this to re-check a single edited file. With None the
    caller checks duplicates itself.
    """
    rel = path.relative_to(content_dir).as_posix()
    display = _display(path, content_dir)
    match = CYCLE_FILE.fullmatch(rel)
    if not match:
        report.error(Location(display, 1, 1), "", "unexpected content file; a cycle file goes in content/<year>/<level>.yaml")
        return None
    errors_before = len(report.errors)
    node = load_yaml(path, display, report)
    if node is None:
        return None
    ctx = Ctx(display, report)
    data = schema.CYCLE.convert(node, "", ctx)
    if data is INVALID:
        return None
    check_cycle(data, ctx)
    _check_identity(data, match, display, level_slugs, seen, ctx)
    _warn_stale(data, ctx)
    _warn_draft(data, ctx)
    if len(report.errors) > errors_before:  # every invalid value was reported as an error
        return None
    if has_names(ctx):
        data = resolve_date_references(data)
    return CycleSource(display, data, node.start_mark.line + 1)


def _check_identity(data, match, display, level_slugs, seen, ctx: Ctx) -> None:
    year, level = data["year"], data["level"]
    nodes = data["_nodes"]
    if level is not INVALID and level_slugs and level not in level_slugs:
        ctx.error(nodes["level"], "level", f"unknown level {level!r}; expected one of the slugs in site.yaml: {', '.join(sorted(level_slugs))}")
    if year is not INVALID and str(year) != match.group(1):
        ctx.error(nodes["year"], "year", f"year {year} does not match the file's folder {match.group(1)}/")
    if level is not INVALID and level != match.group(2):
        ctx.error(nodes["level"], "level", f"level {level!r} does not match the file name {match.group(2)}.yaml")
    if year is INVALID or level is INVALID or seen is None:
        return
    key = (year, level)
    if key in seen:
        ctx.error(nodes[""], "", f"a second file for the {year} {level} cycle; {seen[key]} already defines it")
    else:
        seen[key] = display


def _warn_stale(data, ctx: Ctx) -> None:
    verified = data["last_verified"]
    opens = opens_date(data)
    if verified is not INVALID and opens is not None and verified < opens:
        ctx.warning(
            data["_nodes"]["last_verified"],
            "last_verified",
            f"last verified {verified.isoformat()}, before this cycle opened on {opens.isoformat()}; check the sources again",
        )


def _warn_draft(data, ctx: Ctx) -> None:
    if data["draft"] is True:
        ctx.warning(
            data["_nodes"]["draft"],
            "draft",
            "this cycle is a draft: `build` leaves it out (`build --drafts` and the preview show it); "
            "check every value against the cycle's sources, then delete `draft: true`",
        )
