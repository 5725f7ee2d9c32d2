"""Checks that need more than one field: sums, order, references, duplicates."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from functools import lru_cache
from typing import Any, Iterable

from generator.loading.date_references import check_date_references, date_of, named_dates
from generator.loading.schema import DATE_NAME, DATE_SHORTCODE, INVALID, Ctx, parse_iso_date
from generator.sources.acknowledged import check_acknowledged

DEADLINE_MARKS = ("ce_last_day", "last_day_without_penalty", "last_day")
# Every dated fact of a cycle falls within this many years of the cycle year.
YEARS_AROUND_CYCLE = 5
HOURS_IN_TEXT = re.compile(r"(\d+(?:\.\d+)?)\s*(?:hours?|hrs?|h)\b", re.IGNORECASE)
MONEY_IN_TEXT = re.compile(r"\$\s?(\d[\d,]*(?:\.\d{2})?)")


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


def check_site(data: dict, ctx: Ctx) -> None:
    """Cross-checks inside site.yaml."""
    seen: dict[str, int] = {}
    for index, level in enumerate(_records(data.get("levels"))):
        slug = level.get("slug")
        if not _ok(slug):
            continue
        if slug in seen:
            ctx.error(_node(level, "slug"), f"levels[{index}].slug", f"level {slug!r} is already levels[{seen[slug]}]; each level needs its own slug")
        else:
            seen[slug] = index


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

    def check_source_ref(record: dict, path: str, key: str = "source") -> None:
        ref = record.get(key)
        if _ok(ref) and ref not in source_ids:
            ctx.error(_node(record, key), f"{path}.{key}", f"unknown source {ref!r}; expected one of: {', '.join(sorted(source_ids))}")

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
        check_source_ref(step, path)
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
        _check_de_texts(ce, ctx)
        for key in ("window", "approval", "distributive"):
            if isinstance(ce[key], dict):
                check_source_ref(ce[key], f"ce.{key}")
        for index, component in enumerate(_records(ce["components"])):
            check_source_ref(component, f"ce.components[{index}]")
            if component.get("deliveries") and not component.get("delivery_text"):
                ctx.error(_node(component, "deliveries"), f"ce.components[{index}].deliveries",
                          "a component that takes only some deliveries needs delivery_text saying why, for the page and the calculator's reasons")
        for index, item in enumerate(_records(ce.get("not_checked"))):
            check_source_ref(item, f"ce.not_checked[{index}]")
        approval = ce.get("approval")
        if isinstance(approval, dict):
            check_source_ref(approval, "ce.approval", key="distributive_codes_source")
            if isinstance(approval.get("live_virtual"), dict):
                check_source_ref(approval["live_virtual"], "ce.approval.live_virtual")
    _check_dates_near_year(data, ctx)
    _check_prose_against_facts(data, ctx)
    named = named_dates(data)
    check_date_references(named, ctx)
    if isinstance(timeline, dict):
        _check_late_fee_texts(timeline, named, ctx)


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
        if component.get("deliveries") == ["distributive"] and _ok(limit, component["hours"]) and limit < component["hours"]:
            ctx.error(
                _node(component, "deliveries"),
                f"ce.components[{index}].deliveries",
                f"the component takes distributive courses only, but at most {limit} of its {component['hours']} hours may be distributive: it could never be complete",
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
        labels = milestone.get("labels")
        if isinstance(labels, dict) and isinstance(milestone["marks"], list):
            for mark in sorted(k for k, v in labels.items() if v is not None and not k.startswith("_") and k not in milestone["marks"]):
                ctx.error(_node(milestone, "labels"), f"{path}.labels.{mark}",
                          f"names the deadline {mark!r}, but this milestone is not marked {mark!r}; add it to marks or remove the label")
        for mark in milestone["marks"] if isinstance(milestone["marks"], list) else []:
            if mark in marked and _ok(mark):
                ctx.error(_node(milestone, "marks"), f"{path}.marks", f"mark {mark!r} is already on timeline.milestones[{marked[mark][1]}]")
            marked[mark] = (milestone, index)
    if isinstance(timeline["milestones"], list) and all(
        isinstance(m, dict) and isinstance(m["marks"], list) and _ok(*m["marks"]) for m in timeline["milestones"]
    ):  # every mark was read, so a missing one is really missing
        _check_engine_marks(timeline, marked, ctx)
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
        if isinstance(milestone["marks"], list) and "opens" in milestone["marks"] and _ok(milestone["date"]) and milestone["date"] != "varies":
            return milestone["date"]
    return None


def _check_engine_marks(timeline: dict, marked: dict, ctx: Ctx) -> None:
    """The calculator needs the last day without penalty as a date, to say what is late."""
    if "last_day_without_penalty" not in marked:
        ctx.error(
            _node(timeline, "milestones"), "timeline.milestones",
            "no milestone is marked last_day_without_penalty; the calculator needs that date and rejects "
            "every input without it (add the mark to the flyer's last day to apply without a late fee)",
        )
        return
    milestone, index = marked["last_day_without_penalty"]
    if milestone["date"] == "varies":
        ctx.error(
            _node(milestone, "date"), f"timeline.milestones[{index}].date",
            "the milestone marked last_day_without_penalty needs a date, not 'varies'; the calculator counts the days to it",
        )


def _typed_dates(data: dict):
    """(record, key, path) of every date field of a cycle."""
    cert = data["certification"]
    if isinstance(cert, dict):
        yield cert, "expires", "certification.expires"
        yield cert, "new_expiration", "certification.new_expiration"
    timeline = data["timeline"]
    if isinstance(timeline, dict):
        for index, milestone in enumerate(_records(timeline["milestones"])):
            yield milestone, "date", f"timeline.milestones[{index}].date"
        for index, fee in enumerate(_records(timeline["late_fees"])):
            yield fee, "applies_after", f"timeline.late_fees[{index}].applies_after"
    ce = data["ce"]
    if isinstance(ce, dict) and isinstance(ce["window"], dict):
        yield ce["window"], "start", "ce.window.start"
        yield ce["window"], "last_day", "ce.window.last_day"
    for s_index, step in enumerate(_records(data["steps"])):
        for index, sub in enumerate(_records(step["substeps"])):
            yield sub, "deadline", f"steps[{s_index}].substeps[{index}].deadline"


def _check_dates_near_year(data: dict, ctx: Ctx) -> None:
    year = data["year"]
    if not _ok(year):
        return
    for record, key, path in _typed_dates(data):
        value = record.get(key)
        if isinstance(value, dt.date) and abs(value.year - year) > YEARS_AROUND_CYCLE:
            ctx.error(
                _node(record, key), path,
                f"date {value.isoformat()} is more than {YEARS_AROUND_CYCLE} years from the {year} cycle; check the year",
            )


def _anchors(data: dict) -> dict[str, tuple[str, set[str]]]:
    """In-page link prefixes the guidance page has, with the ids it gives each."""
    ce = data["ce"] if isinstance(data["ce"], dict) else {}
    ids = lambda items: {i["id"] for i in _records(items) if _ok(i.get("id"))}  # noqa: E731
    return {
        "component-": ("component", ids(ce.get("components"))),
        "step-": ("step", ids(data["steps"]) | {
            f"{step['id']}-{sub['id']}" for step in _records(data["steps"]) for sub in _records(step["substeps"])
            if _ok(step.get("id"), sub.get("id"))
        }),
        "contact-": ("contact", ids(data["contacts"])),
        "note-": ("note", ids(data["notes"])),
    }


def _check_prose_against_facts(data: dict, ctx: Ctx) -> None:
    """Phone numbers and e-mail addresses in prose are a contact's; in-page links lead somewhere."""
    contacts = _records(data["contacts"])
    phones = {c["phone"] for c in contacts if _ok(c.get("phone"))}
    emails = {c["email"].lower() for c in contacts if _ok(c.get("email"))}
    anchors = _anchors(data)
    for path, node, findings in ctx.prose:
        for phone in findings.phones:
            if phone not in phones:
                ctx.warning(node, path, f"phone number {phone} is not any contact's; add it to a contact under 'contacts' or correct it")
        for email in findings.emails:
            if email not in emails:
                ctx.warning(node, path, f"e-mail address {email} is not any contact's; add it to a contact under 'contacts' or correct it")
        for href in findings.fragments:
            target = href[1:]
            for prefix, (what, known) in anchors.items():
                if target.startswith(prefix) and target[len(prefix):] not in known:
                    ctx.error(
                        node, path,
                        f"link to {href!r}: no {what} with id {target[len(prefix):]!r}; expected one of: {', '.join(sorted(known)) or 'none'}",
                    )


@lru_cache(maxsize=4096)
def _hours_said(text: str) -> frozenset[Decimal]:
    """Hour figures in a sentence; cached, as cycles of a level repeat their sentences."""
    return frozenset(Decimal(m.group(1)) for m in HOURS_IN_TEXT.finditer(text))


def _check_de_texts(ce: dict, ctx: Ctx) -> None:
    """A component's DE sentence must say the limit its typed value says."""
    for index, component in enumerate(_records(ce["components"])):
        text, limit, hours = component.get("de_text"), component.get("de_limit"), component.get("hours")
        if not _ok(text) or limit is INVALID or not _ok(hours):
            continue
        allowed = {hours if limit is None else limit}
        if limit is not None and limit == hours:
            allowed.add(hours)
        said = _hours_said(text)
        wrong = sorted(h for h in said if h not in allowed)
        if wrong:
            limit_text = "no limit" if limit is None else f"{limit} hours"
            ctx.error(
                _node(component, "de_text"), f"ce.components[{index}].de_text",
                f"says {wrong[0]} hours, but de_limit is {limit_text}; correct one of them (or leave de_text out: "
                "the page then states the limit itself)",
            )


def _check_late_fee_texts(timeline: dict, named: dict, ctx: Ctx) -> None:
    """A late fee's sentence names its own amount and date (written out or by name)."""
    for index, fee in enumerate(_records(timeline["late_fees"])):
        text, amount, after = fee.get("text"), fee.get("amount"), fee.get("applies_after")
        if not _ok(text, amount, after):
            continue
        path = f"timeline.late_fees[{index}].text"
        for match in MONEY_IN_TEXT.finditer(text):
            said = Decimal(match.group(1).replace(",", ""))
            if said != amount:
                ctx.error(_node(fee, "text"), path, f"says ${match.group(1)}, but the fee's amount is {amount}; correct one of them")
        for match in DATE_SHORTCODE.finditer(text):
            inside = match.group(1)
            by_name = DATE_NAME.fullmatch(inside)
            said = date_of(inside, named) if by_name else parse_iso_date(inside)
            if said is not None and said != after:  # a name without a date has its own error
                shown = f"{{date:{inside}}}" + (f" ({said.isoformat()})" if by_name else "")
                ctx.error(_node(fee, "text"), path, f"says {shown}, but applies_after is {after.isoformat()}; correct one of them")
