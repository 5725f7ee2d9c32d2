"""Validates the person's input file (see FORMAT.md) into Profile and Course objects.

All problems are collected, each naming the course (position and title) and the
field, so the browser can show them next to the right row.
"""

import json

from .errors import Errors
from .values import date_text, ZERO, parse_date, to_decimal, within_decimal_places
from .vocabulary import (COURSE_FIELDS, DELIVERIES, HOURS_DECIMAL_PLACES, INPUT_SCHEMA_VERSION,
                         MAX_COURSE_HOURS, MAX_COURSES, MAX_TITLE_LENGTH, PROFILE_FIELDS, TOP_FIELDS)

__all__ = ["INPUT_SCHEMA_VERSION", "Course", "Profile", "parse_input"]


class Profile:
    __slots__ = ("nremt", "last_recertified")

    def __init__(self, nremt=None, last_recertified=None):
        self.nremt = nremt
        self.last_recertified = last_recertified


class Course:
    """One validated input course. ``delivery`` is None when not given."""

    __slots__ = ("index", "title", "date", "hours", "approval", "delivery", "national", "component")

    def __init__(self, index, title, date, hours, approval, delivery, national, component):
        self.index = index
        self.title = title
        self.date = date
        self.hours = hours
        self.approval = approval
        self.delivery = delivery
        self.national = national
        self.component = component


def _shown(value, limit=40):
    """Short JSON rendering of a bad value for an error message."""
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = type(value).__name__
    return text if len(text) <= limit else text[: limit - 1] + "…"


def parse_input(data, cycle, today, errors=None):
    """Input dict -> (Profile, [Course]); errors go to ``errors`` (an Errors).

    ``cycle`` is the parsed rules and ``today`` a date; either may be None if
    unusable, in which case the checks that need it are skipped.
    """
    errors = Errors() if errors is None else errors
    if not isinstance(data, dict):
        errors.add(None, None, "The input must be a JSON object with schema, cycle, profile and courses.")
        return Profile(), []
    for key in data:
        if key not in TOP_FIELDS:
            errors.add(None, str(key), f"Unknown field {_shown(key)} at the top level; "
                       f"allowed fields are {', '.join(TOP_FIELDS)}.")

    schema = data.get("schema")
    if "schema" not in data:
        errors.add(None, "schema", f"Missing field schema (use {INPUT_SCHEMA_VERSION}).")
    elif schema is True or schema is False or schema != INPUT_SCHEMA_VERSION:
        errors.add(None, "schema", f"Unknown schema version {_shown(schema)}; this calculator "
                   f"reads schema {INPUT_SCHEMA_VERSION}. Export the file again from this calculator.")

    if "cycle" not in data:
        errors.add(None, "cycle", "Missing field cycle (for example \"2018/paramedic\").")
    elif not isinstance(data["cycle"], str):
        errors.add(None, "cycle", "cycle must be a string such as \"2018/paramedic\".")
    elif cycle is not None and cycle.id is not None and data["cycle"] != cycle.id:
        errors.add(None, "cycle", f"This file is for cycle {_shown(data['cycle'])}, but this "
                   f"calculator is for {cycle.id}. Open the calculator for that cycle.")

    profile = _parse_profile(data.get("profile", {}), cycle, today, errors)

    courses = []
    raw_courses = data.get("courses", [])
    if not isinstance(raw_courses, list):
        errors.add(None, "courses", "courses must be a list of course objects.")
        raw_courses = []
    if len(raw_courses) > MAX_COURSES:
        errors.add(None, "courses", f"Too many courses ({len(raw_courses)}); "
                   f"at most {MAX_COURSES} are supported.")
        raw_courses = []
    for index, raw in enumerate(raw_courses):
        course = _parse_course(index, raw, cycle, errors)
        if course is not None:
            courses.append(course)
    return profile, courses


def _parse_profile(raw, cycle, today, errors):
    profile = Profile()
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        errors.add(None, "profile", "profile must be an object (nremt, last_recertified).")
        raw = {}
    for key in raw:
        if key not in PROFILE_FIELDS:
            errors.add(None, f"profile.{key}", f"Unknown field {_shown(key)} in profile; "
                       f"allowed fields are {', '.join(PROFILE_FIELDS)}.")
    nremt = raw.get("nremt")
    if nremt is not None and not isinstance(nremt, bool):
        errors.add(None, "profile.nremt", "profile.nremt must be true, false or null (not answered).")
    else:
        profile.nremt = nremt
    needed = cycle is not None and cycle.window_after_last_recert
    last = raw.get("last_recertified")
    if last is None:
        if needed:
            errors.add(None, "profile.last_recertified",
                       "profile.last_recertified is required for this cycle: your CE window opens "
                       "the day after your last recertification. Enter that date (YYYY-MM-DD).")
    else:
        day = parse_date(last)
        if day is None:
            errors.add(None, "profile.last_recertified",
                       f"profile.last_recertified must be a real date written YYYY-MM-DD, got {_shown(last)}.")
        elif needed and (problem := _last_recertified_problem(day, cycle, today)):
            errors.add(None, "profile.last_recertified", problem)
        else:
            profile.last_recertified = day
    return profile


def _last_recertified_problem(day, cycle, today):
    """Why a last-recertification date cannot open this cycle's CE window, or
    None. Each case would otherwise give a silent window of a few days (or
    none), which reads as "you're fine" to someone in another cycle."""
    yours = f"The date of your last recertification, {date_text(day)},"
    elsewhere = ("If that is right, your hours count toward your next cycle, which this site does not "
                 "have yet: check with OEMS. If the date is wrong, correct it (it is on your NREMT.org dashboard).")
    if today is not None and day > today:
        return f"{yours} is after today ({date_text(today)}). Enter the day you last recertified."
    last_ce = cycle.window_last_day
    if last_ce is not None and day >= last_ce:
        return (f"{yours} is not before {date_text(last_ce)}, this cycle's last day for continuing "
                f"education, so no hours could count in this cycle. {elsewhere}")
    span = cycle.last_recertified_range
    if span and span[1] is not None and day > span[1]:
        return (f"{yours} is after {date_text(span[1])}, so you recertified once this cycle had opened: "
                f"you have already renewed in this cycle. {elsewhere}")
    if span and span[0] is not None and day < span[0]:
        return (f"{yours} is more than a cycle before this one (before {date_text(span[0])}), so this "
                "cycle's rules may not be the ones for you. Check the date on your NREMT.org dashboard; "
                "if it is right, check with OEMS.")
    return None


def _parse_course(index, raw, cycle, errors):
    if not isinstance(raw, dict):
        errors.add(index, None, f"Course {index + 1} must be an object (with title, date, hours, …).")
        return None
    title = raw.get("title")
    if title is None:
        title = ""
    count = len(errors.items)

    def bad(field, message):
        # The label is built only when needed: most courses have no problem.
        label = f"Course {index + 1}"
        if isinstance(title, str) and title.strip():
            label += f" ({_shown(title.strip())})"
        errors.add(index, field, f"{label}: {message}")

    for key in raw:
        if key not in COURSE_FIELDS:
            bad(str(key), f"unknown field {_shown(key)}; allowed fields are {', '.join(COURSE_FIELDS)}.")

    if not isinstance(title, str):
        bad("title", "title must be text.")
    elif len(title) > MAX_TITLE_LENGTH:
        bad("title", f"title is longer than {MAX_TITLE_LENGTH} characters.")

    day = None
    if "date" not in raw or raw["date"] is None:
        bad("date", "date is missing; enter the day you took the course as YYYY-MM-DD.")
    else:
        day = parse_date(raw["date"])
        if day is None:
            bad("date", f"date must be a real date written YYYY-MM-DD, got {_shown(raw['date'])}.")

    hours = None
    if "hours" not in raw or raw["hours"] is None:
        bad("hours", "hours is missing; enter the course's CE hours, e.g. 2 or 1.5.")
    else:
        hours = to_decimal(raw["hours"])
        if hours is None:
            bad("hours", f"hours must be a number such as 2 or 1.5, got {_shown(raw['hours'])}.")
        elif hours <= ZERO:
            bad("hours", f"hours must be more than 0, got {_shown(raw['hours'])}.")
        elif hours > MAX_COURSE_HOURS:
            bad("hours", f"hours {_shown(raw['hours'])} is more than {MAX_COURSE_HOURS}, "
                "which no single CE course has; check the number.")
        elif not within_decimal_places(hours):
            bad("hours", f"hours may have at most {HOURS_DECIMAL_PLACES} decimal places (e.g. 1.25), "
                f"got {_shown(raw['hours'])}.")

    approval = raw.get("approval")
    if approval is None:
        approval = ""
    elif not isinstance(approval, str):
        bad("approval", "approval must be text (the approval number on your certificate).")
        approval = ""

    delivery = raw.get("delivery")
    if delivery is not None and delivery not in DELIVERIES:
        bad("delivery", f"delivery must be one of {', '.join(DELIVERIES)}, got {_shown(delivery)}.")

    national = raw.get("national", False)
    if national is None:
        national = False
    if not isinstance(national, bool):
        bad("national", "national must be true or false (does the course cover National/NCCR content?).")

    component = raw.get("component")
    if component is not None and cycle is not None:
        ids = [c.id for c in cycle.components]
        if component not in ids:
            bad("component", f"component must be one of {', '.join(map(str, ids))} or null, "
                f"got {_shown(component)}.")

    if len(errors.items) != count:
        return None
    return Course(index, title.strip(), day, hours, approval.strip(), delivery, national, component)
