"""Reads a cycle's rules data (``build/<year>/<level>/rules.json``) into objects.

Every number, date, code and source id the engine uses comes from here; the
engine has no knowledge of particular years or levels. The rules are produced
by the site build, so problems here are reported like input errors (field
``rules.<path>``) rather than crashing the calculator in the browser.

The format is described once, in ``rules.schema.json`` next to this file; the
checks below accept every document that schema accepts (the tests hold them
to it), and also check what a JSON Schema cannot say: the total equals the
components' sum, component ids are unique, every source id is known.
"""

from .errors import Errors
from .values import ZERO, parse_date, to_decimal, within_decimal_places
from .vocabulary import DELIVERIES, HOURS_DECIMAL_PLACES, RULES_SCHEMA_VERSION, recognised_codes


class Component:
    """One CE component (National, Local, Individual) of a cycle."""

    __slots__ = ("id", "name", "hours", "de_limit", "national_content_only", "source",
                 "deliveries", "delivery_text")

    def __init__(self, id, name, hours, de_limit, national_content_only, source,
                 deliveries=None, delivery_text=None):
        self.deliveries = deliveries  # ways of teaching that count here; None: any
        self.delivery_text = delivery_text
        self.id = id
        self.name = name
        self.hours = hours
        self.de_limit = de_limit  # Decimal, or None for "no limit"
        self.national_content_only = national_content_only
        self.source = source


class LateFee:
    __slots__ = ("amount", "payee", "applies_after", "text", "may_apply_after", "unclear")

    def __init__(self, amount, payee, applies_after, text, may_apply_after=None, unclear=None):
        # The safe reading: from the day after this, the fee may apply (rules.json).
        self.may_apply_after = may_apply_after or applies_after
        self.unclear = unclear
        self.amount = amount
        self.payee = payee
        self.applies_after = applies_after
        self.text = text


class Fee:
    """A fee of one step; ``nremt`` True/False limits it to people with/without NREMT."""

    __slots__ = ("step", "title", "amount", "who", "nremt", "deadline")

    def __init__(self, step, title, amount, who, nremt, deadline):
        self.step = step
        self.title = title
        self.amount = amount
        self.who = who
        self.nremt = nremt
        self.deadline = deadline


class Cycle:
    """The parsed rules of one recertification cycle."""

    __slots__ = (
        "id", "sources", "window_start", "window_after_last_recert", "window_last_day",
        "window_source", "approval_required", "issuers", "distributive_codes", "known_codes",
        "distributive_codes_source", "live_virtual_codes", "live_virtual_source", "placeholders", "last_recertified_range",
        "not_checked", "deadline_labels",
        "approval_source", "components", "ce_last_day", "last_day_without_penalty",
        "last_day", "warning", "late_fees", "deadlines_source", "fees",
    )

    def component(self, component_id):
        for comp in self.components:
            if comp.id == component_id:
                return comp
        return None

    @property
    def has_de_limits(self):
        return any(c.de_limit is not None for c in self.components)


class _Reader:
    """Small typed accessors that record an error and return None on mismatch."""

    def __init__(self, errors):
        self.errors = errors

    def bad(self, path, message):
        self.errors.add(None, "rules." + path, f"Rules data: {path} {message}.")
        return None

    def obj(self, parent, key, path):
        value = parent.get(key) if isinstance(parent, dict) else None
        if not isinstance(value, dict):
            return self.bad(path, "must be an object")
        return value

    def text(self, parent, key, path, nullable=False):
        value = parent.get(key)
        if value is None and nullable:
            return None
        if not isinstance(value, str) or not value.strip():
            return self.bad(path, "must be a non-empty string")
        return value

    def flag(self, parent, key, path):
        value = parent.get(key)
        if not isinstance(value, bool):
            return self.bad(path, "must be true or false")
        return value

    def date(self, parent, key, path, nullable=False):
        value = parent.get(key)
        if value is None and nullable:
            return None
        day = parse_date(value)
        if day is None:
            return self.bad(path, "must be a date YYYY-MM-DD")
        return day

    def decimal(self, parent, key, path, nullable=False):
        value = parent.get(key)
        if value is None and nullable:
            return None
        number = to_decimal(value) if isinstance(value, str) else None
        if number is None or number < ZERO or not within_decimal_places(number):
            return self.bad(path, f"must be a decimal string such as \"12.5\" (>= 0, at most {HOURS_DECIMAL_PLACES} places)")
        return number

    def codes(self, parent, key, path):
        value = parent.get(key)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return self.bad(path, "must be a list of strings")
        return [v.strip().upper() for v in value]

    def source(self, parent, path, sources, key="source", nullable=False):
        source_id = self.text(parent, key, f"{path}.{key}", nullable=nullable)
        if source_id is not None and sources is not None and source_id not in sources:
            return self.bad(f"{path}.{key}", f"names unknown source {source_id!r}")
        return source_id

    def listed(self, parent, key, path):
        """An optional list: missing or null is empty."""
        value = parent.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            return self.bad(path, "must be a list or null") or []
        return value


def _deliveries(r, comp, path):
    """A component's accepted deliveries: a list of DELIVERIES, or None for any."""
    value = comp.get("deliveries")
    if value is None:
        return None
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v in DELIVERIES for v in value) \
            or len(set(value)) != len(value):
        return r.bad(path + ".deliveries", f"must be null or a list of different ways from {', '.join(DELIVERIES)}")
    return tuple(value)


DEADLINE_KEYS = ("ce_last_day", "last_day_without_penalty", "last_day")


def _labels(r, value):
    """What each deadline is called (deadline key -> text); null or missing: none."""
    if value is None:
        return {}
    if not isinstance(value, dict) or not set(value) <= set(DEADLINE_KEYS):
        return r.bad("deadlines.labels", f"must be null or an object naming some of {', '.join(DEADLINE_KEYS)}") or {}
    return {key: r.text(value, key, f"deadlines.labels.{key}") for key in value}


def parse_rules(rules, errors=None):
    """Rules dict -> Cycle. Problems are added to ``errors`` (an Errors) and
    the function returns None if anything is unusable."""
    own = errors is None
    errors = Errors() if own else errors
    before = len(errors.items)
    cycle = _parse(rules, _Reader(errors))
    if own:
        errors.raise_if_any()
    return cycle if len(errors.items) == before else None


def _parse(rules, r):
    if not isinstance(rules, dict):
        return r.bad("(top level)", "must be an object")
    if rules.get("schema") != RULES_SCHEMA_VERSION or isinstance(rules.get("schema"), bool):
        return r.bad("schema", f"must be {RULES_SCHEMA_VERSION}")
    cycle = Cycle()
    cycle.id = r.text(rules, "cycle", "cycle")
    sources = rules.get("sources")
    if not isinstance(sources, dict) or not all(isinstance(v, str) for v in sources.values()):
        r.bad("sources", "must be an object of source texts")
        sources = None
    cycle.sources = sources

    ce = r.obj(rules, "ce", "ce") or {}
    window = r.obj(ce, "window", "ce.window") or {}
    cycle.window_start = r.date(window, "start", "ce.window.start", nullable=True)
    cycle.window_after_last_recert = r.flag(window, "starts_after_last_recertification",
                                            "ce.window.starts_after_last_recertification")
    if window and (window.get("start") is None) == (cycle.window_after_last_recert is not True):
        r.bad("ce.window", "needs exactly one of start or starts_after_last_recertification: true")
    cycle.window_last_day = r.date(window, "last_day", "ce.window.last_day")
    cycle.window_source = r.source(window, "ce.window", sources)

    approval = r.obj(ce, "approval", "ce.approval") or {}
    cycle.approval_required = r.flag(approval, "required", "ce.approval.required")
    issuers = approval.get("issuers")
    if not isinstance(issuers, list) or not all(isinstance(v, str) for v in issuers):
        r.bad("ce.approval.issuers", "must be a list of strings")
        issuers = []
    cycle.issuers = issuers
    cycle.distributive_codes = r.codes(approval, "distributive_codes", "ce.approval.distributive_codes")
    # Codes the data names are recognised even if they are not standard ones.
    others = r.codes(approval, "non_distributive_codes", "ce.approval.non_distributive_codes") \
        if "non_distributive_codes" in approval else []
    cycle.known_codes = frozenset(recognised_codes([*(cycle.distributive_codes or ()), *(others or ())]))
    # Optional keys (older rules files have none): read with their defaults.
    cycle.live_virtual_codes = r.codes(approval, "live_virtual_codes", "ce.approval.live_virtual_codes") \
        if "live_virtual_codes" in approval else []
    cycle.live_virtual_source = r.source(approval, "ce.approval", sources, key="live_virtual_source", nullable=True)
    cycle.placeholders = frozenset(p.lower() for p in (
        r.codes(approval, "placeholders", "ce.approval.placeholders") or [] if "placeholders" in approval else []))
    cycle.last_recertified_range = None
    span = window.get("last_recertified")
    if span is not None:
        if not isinstance(span, dict):
            r.bad("ce.window.last_recertified", "must be an object or null")
        else:
            cycle.last_recertified_range = (
                r.date(span, "earliest", "ce.window.last_recertified.earliest"),
                r.date(span, "latest", "ce.window.last_recertified.latest"))
    cycle.approval_source = r.source(approval, "ce.approval", sources)
    # Which source says which codes are DE, where it is not the approval rules' own.
    cycle.distributive_codes_source = r.source(
        approval, "ce.approval", sources, key="distributive_codes_source", nullable=True) or cycle.approval_source

    cycle.components = []
    comps = ce.get("components")
    if not isinstance(comps, list) or not comps:
        r.bad("ce.components", "must be a non-empty list")
        comps = []
    for i, comp in enumerate(comps):
        path = f"ce.components[{i}]"
        if not isinstance(comp, dict):
            r.bad(path, "must be an object")
            continue
        cid = r.text(comp, "id", path + ".id")
        if cid is not None and any(c.id == cid for c in cycle.components):
            r.bad(path + ".id", f"repeats component {cid!r}")
        cycle.components.append(Component(
            cid,
            r.text(comp, "name", path + ".name"),
            r.decimal(comp, "hours", path + ".hours"),
            r.decimal(comp, "de_limit", path + ".de_limit", nullable=True),
            r.flag(comp, "national_content_only", path + ".national_content_only"),
            r.source(comp, path, sources),
            _deliveries(r, comp, path),
            r.text(comp, "delivery_text", path + ".delivery_text", nullable=True),
        ))
    cycle.not_checked = []
    for i, item in enumerate(r.listed(ce, "not_checked", "ce.not_checked")):
        path = f"ce.not_checked[{i}]"
        if not isinstance(item, dict):
            r.bad(path, "must be an object")
            continue
        cycle.not_checked.append({"text": r.text(item, "text", path + ".text"), "source": r.source(item, path, sources)})
    total = r.decimal(ce, "total_hours", "ce.total_hours")
    parts = [c.hours for c in cycle.components]
    if total is not None and parts and None not in parts and sum(parts) != total:
        r.bad("ce.total_hours", f"is {total} but the components add up to {sum(parts)}")

    deadlines = r.obj(rules, "deadlines", "deadlines") or {}
    cycle.ce_last_day = r.date(deadlines, "ce_last_day", "deadlines.ce_last_day")
    cycle.last_day_without_penalty = r.date(deadlines, "last_day_without_penalty",
                                            "deadlines.last_day_without_penalty", nullable=True)
    cycle.last_day = r.date(deadlines, "last_day", "deadlines.last_day", nullable=True)
    cycle.warning = r.text(deadlines, "warning", "deadlines.warning", nullable=True)
    cycle.deadlines_source = r.source(deadlines, "deadlines", sources)
    cycle.late_fees = []
    fees = deadlines.get("late_fees", [])
    if not isinstance(fees, list):
        r.bad("deadlines.late_fees", "must be a list")
        fees = []
    for i, fee in enumerate(fees):
        path = f"deadlines.late_fees[{i}]"
        if not isinstance(fee, dict):
            r.bad(path, "must be an object")
            continue
        cycle.late_fees.append(LateFee(
            r.decimal(fee, "amount", path + ".amount"),
            r.text(fee, "payee", path + ".payee", nullable=True),
            r.date(fee, "applies_after", path + ".applies_after"),
            r.text(fee, "text", path + ".text"),
            r.date(fee, "may_apply_after", path + ".may_apply_after", nullable=True),
            r.text(fee, "unclear", path + ".unclear", nullable=True),
        ))
    cycle.deadline_labels = _labels(r, deadlines.get("labels"))
    cycle.fees = []
    step_fees = rules.get("fees", [])  # optional: older rules files have none
    if not isinstance(step_fees, list):
        r.bad("fees", "must be a list")
        step_fees = []
    for i, fee in enumerate(step_fees):
        path = f"fees[{i}]"
        if not isinstance(fee, dict):
            r.bad(path, "must be an object")
            continue
        nremt = fee.get("nremt")
        if nremt is not None and not isinstance(nremt, bool):
            r.bad(path + ".nremt", "must be true, false or null")
        cycle.fees.append(Fee(
            r.text(fee, "step", path + ".step"),
            r.text(fee, "title", path + ".title"),
            r.decimal(fee, "amount", path + ".amount"),
            r.text(fee, "who", path + ".who", nullable=True),
            nremt,
            r.date(fee, "deadline", path + ".deadline", nullable=True),
        ))
    return cycle
