"""Checks that need more than one field: sums, order, references, duplicates."""

from __future__ import annotations

from typing import Any, Iterable

from generator.loading.schema import INVALID, Ctx
from generator.sources.acknowledged import check_acknowledged

DEADLINE_MARKS = ("ce_last_day", "last_day_without_penalty", "last_day")


def _ok(*values: Any) -> bool:
    return all(v is not INVALID and v is not None for v in values)


def _node(record: dict, key: str):
    nodes = record.get("_nodes", {})
    return nodes.get(key) or nodes[""]


def _unique_ids(items: Iterable[dict], what: str, path: str, ctx: Ctx) -> set[str]:
    seen: set[str] = set()
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            continue
        ident = item.get("id")
        if not _ok(ident):
            continue
        if ident in seen:
            ctx.error(_node(item, "id"), f"{path}[{index}].id", f"{what} id {ident!r} is used twice")
        seen.add(ident)
    return seen


def _records(value: Any) -> list[dict]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def check_cycle(data: dict, ctx: Ctx) -> None:
    """Cross-checks inside one cycle file."""
    source_ids = _unique_ids(_records(data["sources"]), "source", "sources", ctx)
    link_ids = _unique_ids(_records(data["links"]), "link", "links", ctx)
    contact_ids = _unique_ids(_records(data["contacts"]), "contact", "contacts", ctx)
    _unique_ids(_records(data["steps"]), "step", "steps", ctx)
    _unique_ids(_records(data["notes"]), "note", "notes", ctx)

    for index, source in enumerate(_records(data["sources"])):
        if source.get("file") is None and source.get("url") is None:
            ctx.error(source["_nodes"][""], f"sources[{index}]", "a source needs a 'file' name or a 'url'")
        check_acknowledged(source, f"sources[{index}]", data["year"], ctx)

    def check_source_ref(record: dict, path: str) -> None:
        ref = record.get("source")
        if _ok(ref) and ref not in source_ids:
            ctx.error(_node(record, "source"), f"{path}.source", f"unknown source {ref!r}; expected one of: {', '.join(sorted(source_ids))}")

    for s_index, step in enumerate(_records(data["steps"])):
        path = f"steps[{s_index}]"
        if _ok(step.get("site")) and step["site"] not in link_ids:
            ctx.error(_node(step, "site"), f"{path}.site", f"unknown link {step['site']!r}; expected one of the ids under 'links': {', '.join(sorted(link_ids)) or 'none defined'}")
        help_ = step.get("help")
        if isinstance(help_, dict) and isinstance(help_.get("contacts"), list):
            for c_index, contact in enumerate(help_["contacts"]):
                if _ok(contact) and contact not in contact_ids:
                    node = help_["_nodes"]["contacts"].value[c_index]
                    ctx.error(node, f"{path}.help.contacts[{c_index}]", f"unknown contact {contact!r}; expected one of: {', '.join(sorted(contact_ids))}")
        _unique_ids(_records(step["substeps"]), "sub-step", f"{path}.substeps", ctx)
        for n_index, note in enumerate(_records(step["notes"])):
            check_source_ref(note, f"{path}.notes[{n_index}]")

    for n_index, note in enumerate(_records(data["notes"])):
        check_source_ref(note, f"notes[{n_index}]")

    timeline = data["timeline"]
    ce = data["ce"]
    if isinstance(timeline, dict):
        _check_timeline(timeline, ce if isinstance(ce, dict) else None, ctx)
        for index, milestone in enumerate(_records(timeline["milestones"])):
            check_source_ref(milestone, f"timeline.milestones[{index}]")
    if isinstance(ce, dict):
        _check_ce(ce, ctx)
        for key in ("window", "approval", "distributive"):
            if isinstance(ce[key], dict):
                check_source_ref(ce[key], f"ce.{key}")
        for index, component in enumerate(_records(ce["components"])):
            check_source_ref(component, f"ce.components[{index}]")


def _check_ce(ce: dict, ctx: Ctx) -> None:
    components = _records(ce["components"])
    _unique_ids(components, "component", "ce.components", ctx)
    hours = [c["hours"] for c in components]
    if _ok(ce["total_hours"], *hours) and len(components) == len(ce["components"]):
        total = sum(hours)
        if total != ce["total_hours"]:
            parts = " + ".join(f"{c['id']} {c['hours']}" for c in components)
            ctx.error(
                _node(ce, "total_hours"),
                "ce.total_hours",
                f"components add up to {total} hours ({parts}), but total_hours is {ce['total_hours']}",
            )
    for index, component in enumerate(components):
        limit = component["de_limit"]
        if _ok(limit, component["hours"]) and limit > component["hours"]:
            ctx.error(
                _node(component, "de_limit"),
                f"ce.components[{index}].de_limit",
                f"distributive-education limit {limit} hours exceeds the component's {component['hours']} hours",
            )
    approval = ce["approval"]
    if isinstance(approval, dict) and isinstance(approval["distributive_codes"], list) and isinstance(approval["non_distributive_codes"], list):
        both = set(approval["distributive_codes"]) & set(approval["non_distributive_codes"])
        for code in sorted(c for c in both if _ok(c)):
            ctx.error(_node(approval, "non_distributive_codes"), "ce.approval.non_distributive_codes", f"code {code} is listed both as distributive and as not distributive")


def _check_timeline(timeline: dict, ce: dict | None, ctx: Ctx) -> None:
    milestones = _records(timeline["milestones"])
    previous = None
    marked: dict[str, tuple[dict, int]] = {}
    for index, milestone in enumerate(milestones):
        date = milestone["date"]
        path = f"timeline.milestones[{index}]"
        if _ok(date) and date != "varies":
            if previous is not None and date < previous:
                ctx.error(_node(milestone, "date"), f"{path}.date", f"timeline is out of date order: {date.isoformat()} comes after {previous.isoformat()}")
            previous = date if previous is None else max(previous, date)
        for mark in milestone["marks"] if isinstance(milestone["marks"], list) else []:
            if mark in marked and _ok(mark):
                ctx.error(_node(milestone, "marks"), f"{path}.marks", f"mark {mark!r} is already on timeline.milestones[{marked[mark][1]}]")
            marked[mark] = (milestone, index)
    if ce is None or not isinstance(ce.get("window"), dict):
        return
    window = ce["window"]
    last_ce = window["last_day"]
    dated = [m["date"] for m in milestones if _ok(m["date"]) and m["date"] != "varies"]
    if _ok(last_ce) and dated and last_ce > max(dated):
        ctx.error(
            _node(window, "last_day"),
            "ce.window.last_day",
            f"last day for continuing education ({last_ce.isoformat()}) is after the last deadline on the timeline ({max(dated).isoformat()})",
        )
    if "ce_last_day" in marked and _ok(last_ce):
        milestone, index = marked["ce_last_day"]
        if _ok(milestone["date"]) and milestone["date"] != last_ce:
            ctx.error(_node(milestone, "date"), f"timeline.milestones[{index}].date", f"milestone marked ce_last_day is {milestone['date']}, but ce.window.last_day is {last_ce.isoformat()}")
    start = window["start"]
    if "ce_start" in marked and _ok(start):
        milestone, index = marked["ce_start"]
        date = milestone["date"]
        if _ok(date) and date != start and not (date == "varies" and start == "after_last_recertification"):
            ctx.error(_node(milestone, "date"), f"timeline.milestones[{index}].date", f"milestone marked ce_start is {date}, but ce.window.start is {start}")
    if _ok(start, last_ce) and start != "after_last_recertification" and start > last_ce:
        ctx.error(_node(window, "start"), "ce.window.start", f"window starts ({start.isoformat()}) after its last day ({last_ce.isoformat()})")
    for index, fee in enumerate(_records(timeline["late_fees"])):
        if "last_day_without_penalty" in marked and _ok(fee["applies_after"]):
            milestone, _ = marked["last_day_without_penalty"]
            if _ok(milestone["date"]) and milestone["date"] != "varies" and fee["applies_after"] < milestone["date"]:
                ctx.error(_node(fee, "applies_after"), f"timeline.late_fees[{index}].applies_after", f"late fee starts before the last day without penalty ({milestone['date'].isoformat()})")


def opens_date(data: dict):
    for milestone in _records(data["timeline"]["milestones"]) if isinstance(data.get("timeline"), dict) else []:
        if "opens" in (milestone["marks"] or []) and _ok(milestone["date"]) and milestone["date"] != "varies":
            return milestone["date"]
    return None
