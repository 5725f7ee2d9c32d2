"""Puts the steps together: validate, classify, assign, explain, report."""

import datetime
import json

from . import texts
from .assign import PinTrials, assign, canonical_key
from .classify import Window, classify
from .deadlines import deadlines
from .errors import Errors, InputError
from .explain import leftover_reasons
from .fees import fees
from .inputs import parse_input
from .rules import parse_rules
from .values import ZERO, json_number, parse_date

OUTPUT_SCHEMA_VERSION = 1


def evaluate(rules, data, today):
    """Evaluates one person's courses against a cycle's rules.

    Returns a JSON-ready dict (see FORMAT.md); raises InputError listing every
    problem with the rules, the input or ``today``.
    """
    errors = Errors()
    if isinstance(today, datetime.datetime):
        today = today.date()
    if not isinstance(today, datetime.date):
        errors.add(None, "today", "today must be a date.")
        today = None
    cycle = parse_rules(rules, errors)
    profile, courses = parse_input(data, cycle, today, errors)
    errors.raise_if_any()

    window = Window(cycle, profile)
    items = [classify(course, cycle, window, today) for course in courses]
    countable = sorted((it for it in items if it.countable), key=canonical_key)

    result = assign(cycle, countable)
    suggestions = _suggestions(cycle, countable, result)
    unpinned_total = suggestions.pop(None)

    comp_out = {}
    for c in cycle.components:
        counted = result.component_counted[c.id]
        comp_out[c.id] = {
            "name": c.name,
            "required": json_number(c.hours),
            "counted": json_number(counted),
            "distributive": json_number(result.component_de[c.id]),
            "remaining": json_number(c.hours - counted),
            "de_limit": None if c.de_limit is None else json_number(c.de_limit),
            "source": c.source,
        }

    course_out = [_course_output(it, cycle, result, suggestions.get(it.course.index)) for it in items]
    required = sum((c.hours for c in cycle.components), ZERO)
    short_by = required - result.total
    return {
        "schema": OUTPUT_SCHEMA_VERSION,
        "cycle": cycle.id,
        "status": "complete" if short_by == 0 else "short",
        "short_by": json_number(short_by),
        "required": json_number(required),
        "counted": json_number(result.total),
        "counted_if_unpinned": json_number(unpinned_total),
        "window": {"start": window.start.isoformat(), "last_day": window.last_day.isoformat(),
                   "source": cycle.window_source},
        "components": comp_out,
        "courses": course_out,
        "deadlines": deadlines(cycle, today),
        # "complete" means the hours add up; these the calculator cannot check.
        "not_checked": [dict(item) for item in cycle.not_checked],
        "fees": fees(cycle, profile),
    }


def _suggestions(cycle, countable, result):
    """Suggestions for pinned courses whose pin costs counted hours.

    Returns {course index: suggestion} plus key None -> the total with no pins.
    Unpinning one course at a time is tried only when dropping all pins would
    count more, so the common case costs one extra flow.
    """
    free = assign(cycle, countable, honour_pins=False)
    out = {None: free.total}
    if free.total == result.total:
        return out
    comps_by_id = {c.id: c for c in cycle.components}
    pinned = [it for it in countable if it.course.component is not None]
    pin_trials = PinTrials(cycle, countable, result.total)
    for it in pinned:
        if not pin_trials.gain_possible(it):  # its pin costs nothing
            continue
        total, placement = pin_trials.trial(it)
        if total > result.total:
            suggestion = texts.unpin(total - result.total, placement, comps_by_id)
            suggestion["counted_if_unpinned"] = {k: json_number(v) for k, v in placement.items()}
            out[it.course.index] = suggestion
    if len(out) == 1:  # no single pin is to blame, only their combination
        for it in pinned:
            out[it.course.index] = texts.unpin_all(free.total - result.total)
    for s in out.values():
        if isinstance(s, dict):
            s["extra_hours"] = json_number(s["extra_hours"])
    return out


def _course_output(item, cycle, result, suggestion):
    course = item.course
    counted = result.counted.get(course.index) or {c.id: ZERO for c in cycle.components}
    leftover = course.hours - sum(counted.values(), ZERO)
    if item.blockers:
        reasons = item.blockers
    elif leftover > 0:
        reasons = leftover_reasons(item, leftover, cycle, result)
    else:
        reasons = []
    return {
        "index": course.index,
        "title": course.title,
        "date": course.date.isoformat(),
        "hours": json_number(course.hours),
        "approval_code": item.code,
        "distributive": item.distributive,
        "pinned": course.component,
        "counted": {k: json_number(v) for k, v in counted.items()},
        "not_counted": json_number(leftover),
        "reasons": [dict(r, hours=json_number(r["hours"])) for r in reasons],
        "messages": item.messages,
        "suggestion": suggestion,
    }


def dumps(obj):
    """The one JSON encoding used for output: byte-identical on every Python."""
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=True, allow_nan=False)


def evaluate_json(rules_json, input_json, today):
    """String-in, string-out wrapper for the browser. Never raises: returns the
    output JSON, or {"errors": [...]} JSON."""
    try:
        return dumps(_evaluate_json(rules_json, input_json, today))
    except Exception as exc:  # last resort: the browser must always get an answer
        return dumps({"errors": [{"course": None, "field": None,
                                  "message": f"Internal error in the calculator ({type(exc).__name__}); "
                                             "please report it with your input file."}]})


def _evaluate_json(rules_json, input_json, today):
    errors = []
    rules = _load(rules_json, "rules", "The rules data", errors)
    data = _load(input_json, None, "The input file", errors)
    day = parse_date(today) if isinstance(today, str) else None
    if day is None:
        errors.append({"course": None, "field": "today",
                       "message": f"today must be a date written YYYY-MM-DD, got {today!r}."})
    if errors:
        return {"errors": errors}
    try:
        return evaluate(rules, data, day)
    except InputError as exc:
        return {"errors": exc.errors}


def _load(text, field, what, errors):
    if not isinstance(text, str):
        errors.append({"course": None, "field": field, "message": f"{what} must be JSON text."})
        return None
    try:
        return json.loads(text)
    except (ValueError, RecursionError) as exc:
        where = ""
        if isinstance(exc, RecursionError):
            where = " (it is nested far too deeply to be a list of courses)"
        elif isinstance(exc, json.JSONDecodeError):
            where = f" (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        errors.append({"course": None, "field": field, "message": f"{what} is not valid JSON{where}."})
        return None
