import json
import re
import sys
import traceback
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from enum import Enum


class Level(Enum):
    EMT = "EMT"
    PARAMEDIC = "Paramedic"


@dataclass(frozen=True)
class Course:
    topic: str
    hours: Decimal
    day: date


def _day(text: str) -> date:
    # datetime.strptime imports _strptime lazily, from C: only the build-time
    # probe run can reveal that it is needed.
    return datetime.strptime(text, "%Y-%m-%d").date()


def _mean(values):
    # A stdlib import that neither the build's static scan (the name is not a
    # literal) nor its probe run can see: exercises the fallback importer.
    import importlib

    name = "statistics"
    statistics = importlib.import_module(name)
    return str(statistics.mean(Decimal(str(v)) for v in values))


def _packed(text):
    # bz2: a module Pyodide's start-up imports only if it is there; the build leaves it out.
    import importlib

    bz2 = importlib.import_module("bz2")
    return bz2.decompress(bz2.compress(text.encode())).decode()


def _last_traceback_line():
    # Formatting a traceback reads from `_colorize`, which the runtime starts lazily.
    try:
        raise LookupError("shown")
    except LookupError:
        return traceback.format_exc().splitlines()[-1]


def _not_yet_run():
    # Modules imported but whose code has not run yet (importlib.util.LazyLoader).
    return sorted(name for name, module in list(sys.modules.items()) if type(module).__name__ == "_LazyModule")


def evaluate_json(rules_json: str, input_json: str, today: str) -> str:
    rules = json.loads(rules_json)
    data = json.loads(input_json)
    now = _day(today)
    level = Level(data.get("level", "EMT"))
    courses = [Course(c["topic"], Decimal(str(c["hours"])), _day(c["date"])) for c in data.get("courses", [])]
    totals = defaultdict(Decimal)
    for c in courses:
        if c.day <= now:
            totals[c.topic] += c.hours
    required = rules.get("required", {}).get(level.value, {})
    out = {
        "level": level.value,
        "today": now.isoformat(),
        "totals": {k: str(v.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)) for k, v in sorted(totals.items())},
        "missing": {k: str(max(Decimal(0), Decimal(str(v)) - totals.get(k, Decimal(0)))) for k, v in sorted(required.items())},
        "odd_topics": sorted({c.topic for c in courses if not re.fullmatch(r"[A-Za-z ]+", c.topic)}),
    }
    if "stats" in data:
        out["mean"] = _mean(data["stats"])
    if "packed" in data:
        out["packed"] = _packed(data["packed"])
    if "traceback" in data:
        out["traceback"] = _last_traceback_line()
    if "not_yet_run" in data:
        out["not_yet_run"] = _not_yet_run()
    return json.dumps(out, sort_keys=True)
