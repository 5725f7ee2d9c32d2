"""A small declarative schema that turns YAML nodes into typed values.

Each type converts one node and reports what is wrong with it, naming the key
path and what was expected. Unknown keys, missing required keys and wrong types
are errors. A value tagged `!verify` (written by `new-cycle`) is accepted but
reported as a warning until a person has checked it against the new sources.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any, Callable

import yaml

from generator.loading.diagnostics import Report
from generator.loading.prose_checks import check_prose
from generator.loading.yaml_source import location_of
from generator.sources.facts import KINDS as FACT_KINDS
from recert_engine.vocabulary import APPROVAL_CODES, DELIVERIES, MAX_YEAR, MIN_YEAR, code_ranges

VERIFY_TAG = "!verify"
STR_TAG = "tag:yaml.org,2002:str"
NULL_TAG = "tag:yaml.org,2002:null"
_resolver = yaml.resolver.Resolver()

DATE_SHORTCODE = re.compile(r"\{date:([^}]*)\}")
# `{date:ce_last_day}`: a typed date named instead of copied (loading/date_references.py).
DATE_NAME = re.compile(r"[a-z_]+(?:\.[a-z_]+)*")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# Any date in content falls in these years; anything else is a typing slip (2081 for 2018).
# They lie inside the calculator's own range (MIN_YEAR to MAX_YEAR), so it never refuses a content date.
FIRST_YEAR, LAST_YEAR = max(1990, MIN_YEAR), MAX_YEAR
# YAML 1.1 reads 0x1F, 0o17, 017 (octal), 1:30 (base 60), 1_000 and .inf as numbers, not
# what a publisher meant; a decimal like 12, 12.5 or 1.0e+1 reads as written.
PLAIN_DECIMAL = re.compile(r"(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?")


class Invalid:
    """Marker for a value that failed validation (already reported)."""

    def __repr__(self) -> str:
        return "INVALID"


INVALID = Invalid()


@dataclass
class Ctx:
    file: str
    report: Report
    # (key path, node, findings) of every prose value, for the cross-checks
    prose: list = field(default_factory=list)

    def error(self, node: yaml.Node, path: str, message: str) -> Invalid:
        self.report.error(location_of(node, self.file), path, message)
        return INVALID

    def warning(self, node: yaml.Node, path: str, message: str) -> None:
        self.report.warning(location_of(node, self.file), path, message)


def describe(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    tag = _effective_tag(node)
    kind = {
        "tag:yaml.org,2002:int": "a number",
        "tag:yaml.org,2002:float": "a number",
        "tag:yaml.org,2002:bool": "true/false",
        NULL_TAG: "nothing (null)",
        "tag:yaml.org,2002:timestamp": "a date",
    }.get(tag, "text")
    return f"{kind} ({node.value!r})" if kind != "nothing (null)" else kind


def _effective_tag(node: yaml.Node) -> str:
    """The YAML type of a node, resolved here rather than while loading.

    Quoted scalars are always text; plain ones are typed by YAML's usual rules.
    """
    if not isinstance(node, yaml.ScalarNode):
        return node.tag
    if node.tag not in (STR_TAG, VERIFY_TAG) or node.style in ("'", '"', "|", ">"):
        return node.tag if node.tag != VERIFY_TAG else STR_TAG
    return _plain_scalar_tag(node.value)


@lru_cache(maxsize=8192)
def _plain_scalar_tag(value: str) -> str:
    # Cycle files repeat most of their values, so each is resolved once.
    return _resolver.resolve(yaml.ScalarNode, value, (True, False))


class Type:
    expected = "a value"

    def convert(self, node: yaml.Node, path: str, ctx: Ctx) -> Any:
        if node.tag == VERIFY_TAG:
            ctx.warning(
                node,
                path,
                "carried over from the previous cycle and not yet verified; check it "
                "against this cycle's sources, then remove the !verify tag",
            )
        return self._convert(node, path, ctx)

    def _convert(self, node: yaml.Node, path: str, ctx: Ctx) -> Any:  # pragma: no cover
        raise NotImplementedError

    def _scalar(self, node: yaml.Node, path: str, ctx: Ctx) -> str | Invalid:
        if not isinstance(node, yaml.ScalarNode):
            return ctx.error(node, path, f"expected {self.expected}, got {describe(node)}")
        return node.value


class Text(Type):
    expected = "text"

    def __init__(self, pattern: str | None = None, hint: str | None = None):
        self.pattern = re.compile(pattern) if pattern else None
        if hint:
            self.expected = hint

    def _convert(self, node, path, ctx):
        value = self._scalar(node, path, ctx)
        if value is INVALID:
            return value
        if _effective_tag(node) != STR_TAG:
            return ctx.error(node, path, f"expected {self.expected}, got {describe(node)}")
        value = value.strip()
        if not value:
            return ctx.error(node, path, f"expected {self.expected}, got an empty value")
        if self.pattern and not self.pattern.fullmatch(value):
            return ctx.error(node, path, f"expected {self.expected}, got {value!r}")
        return value


def parse_iso_date(text: str) -> dt.date | None:
    if not ISO_DATE.fullmatch(text):
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def date_out_of_range(value: dt.date) -> str | None:
    if FIRST_YEAR <= value.year <= LAST_YEAR:
        return None
    return f"date {value.isoformat()!r} is not in the years {FIRST_YEAR} to {LAST_YEAR}; check the year"


def yaml_number_problem(value: str) -> str | None:
    """Why a value YAML reads as a number is not written the way people write one."""
    body = value.lstrip("+-")  # the sign is the caller's to judge
    if PLAIN_DECIMAL.fullmatch(body):
        if body.isdigit() and len(body) > 1 and body[0] == "0":
            return f"{value!r} has a leading zero, which YAML reads as an octal number; write it without the zero"
        return None
    if ":" in value:
        return f"YAML reads {value!r} as a base-60 number (a time); write hours as a decimal like 1.5"
    return f"{value!r} is not written as a plain decimal number like 12 or 12.5"


class Prose(Text):
    """Markdown text; `{date:YYYY-MM-DD}` (or a typed date's name, `{date:ce_last_day}`) marks a date shown as <time>."""

    expected = "Markdown text"

    def _convert(self, node, path, ctx):
        value = super()._convert(node, path, ctx)
        if value is INVALID:
            return value
        for match in DATE_SHORTCODE.finditer(value):
            if DATE_NAME.fullmatch(match.group(1)):
                continue  # a name: checked against the whole cycle's dates (date_references.py)
            parsed = parse_iso_date(match.group(1))
            if parsed is None and ISO_DATE.fullmatch(match.group(1)):
                return ctx.error(node, path, f"impossible date {match.group(1)!r} in {{date:…}}; expected YYYY-MM-DD")
            if parsed is None:
                return ctx.error(
                    node, path,
                    f"{match.group(0)!r}: expected {{date:YYYY-MM-DD}} or a typed date's name, such as {{date:ce_last_day}}",
                )
            if date_out_of_range(parsed):
                return ctx.error(node, path, f"{date_out_of_range(parsed)} (in {{date:…}})")
        findings = check_prose(value)
        for message in findings.errors:
            ctx.error(node, path, message)
        for message in findings.warnings:
            ctx.warning(node, path, message)
        ctx.prose.append((path, node, findings))  # cross-checked even when wrong otherwise: every problem at once
        return INVALID if findings.errors else value


Slug = lambda: Text(r"[a-z0-9]+(?:-[a-z0-9]+)*", "an id of lowercase letters, digits and dashes")  # noqa: E731
Url = lambda: Text(r"https?://[^\s<>\"]+", "a web address starting with http:// or https://")  # noqa: E731
Email = lambda: Text(r"[^@\s]+@[^@\s]+\.[a-z]{2,}", "an e-mail address")  # noqa: E731
Phone = lambda: Text(r"\d{3}-\d{3}-\d{4}", "a phone number like 617-973-0935")  # noqa: E731


class Date(Type):
    expected = "a date written YYYY-MM-DD"

    def __init__(self, literal: str | None = None):
        # Some dates may instead be one fixed word, e.g. "varies".
        self.literal = literal
        if literal:
            self.expected = f"a date written YYYY-MM-DD or {literal!r}"

    def _convert(self, node, path, ctx):
        value = self._scalar(node, path, ctx)
        if value is INVALID:
            return value
        if self.literal and value == self.literal:
            return value
        if not ISO_DATE.fullmatch(value):
            return ctx.error(node, path, f"expected {self.expected}, got {describe(node)}")
        parsed = parse_iso_date(value)
        if parsed is None:
            return ctx.error(node, path, f"impossible date {value!r}; no such day exists")
        if date_out_of_range(parsed):
            return ctx.error(node, path, date_out_of_range(parsed))
        return parsed


class Number(Type):
    """An exact decimal amount (hours or dollars), never a float."""

    def __init__(self, expected: str = "a number", places: int = 2, literal: str | None = None, maximum: int = 1000):
        self.expected = expected if not literal else f"{expected} or {literal!r}"
        self.what = expected
        self.places = places
        self.literal = literal
        self.maximum = Decimal(maximum)  # larger is a typing slip; the browser's numbers stay exact

    def _convert(self, node, path, ctx):
        value = self._scalar(node, path, ctx)
        if value is INVALID:
            return value
        if self.literal and value == self.literal:
            return None
        if _effective_tag(node) not in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float"):
            return ctx.error(node, path, f"expected {self.expected}, got {describe(node)}")
        problem = yaml_number_problem(value)
        if problem:
            return ctx.error(node, path, f"expected {self.expected}: {problem}")
        number = Decimal(value)
        if number < 0:  # -0 is zero
            return ctx.error(node, path, f"expected {self.expected} of 0 or more, got {value!r}")
        if number > self.maximum:
            return ctx.error(node, path, f"expected {self.what} of at most {self.maximum}, got {value}; check for a typing slip")
        if number != number.quantize(Decimal(1).scaleb(-self.places)):
            return ctx.error(
                node, path, f"expected {self.expected} with at most {self.places} decimal places, got {value!r}"
            )
        return tidy_decimal(number)


def tidy_decimal(number: Decimal) -> Decimal:
    """12.50 -> 12.5, 30.0 -> 30 and -0 -> 0, without the exponent form normalize() gives."""
    if number.is_zero():
        return Decimal(0)  # YAML's -0 is zero; rules.json never carries a minus sign
    if number == number.to_integral_value():
        return number.quantize(Decimal(1))
    return number.normalize()


class Integer(Type):
    def __init__(self, low: int, high: int, expected: str = "a whole number"):
        self.low, self.high = low, high
        self.expected = f"{expected} from {low} to {high}"

    def _convert(self, node, path, ctx):
        value = self._scalar(node, path, ctx)
        if value is INVALID:
            return value
        if _effective_tag(node) != "tag:yaml.org,2002:int":
            return ctx.error(node, path, f"expected {self.expected}, got {describe(node)}")
        problem = yaml_number_problem(value)
        if problem:
            return ctx.error(node, path, f"expected {self.expected}: {problem}")
        number = int(value)
        if not self.low <= number <= self.high:
            return ctx.error(node, path, f"expected {self.expected}, got {number}")
        return number


class Bool(Type):
    expected = "true or false"

    def _convert(self, node, path, ctx):
        value = self._scalar(node, path, ctx)
        if value is INVALID:
            return value
        if _effective_tag(node) != "tag:yaml.org,2002:bool":
            return ctx.error(node, path, f"expected {self.expected}, got {describe(node)}")
        return value.lower() in ("true", "yes", "on")


class Choice(Type):
    def __init__(self, *choices: str):
        self.choices = choices
        self.expected = "one of " + ", ".join(choices)

    def _convert(self, node, path, ctx):
        value = self._scalar(node, path, ctx)
        if value is INVALID:
            return value
        if value not in self.choices:
            return ctx.error(node, path, f"expected {self.expected}, got {value!r}")
        return value


class ListOf(Type):
    def __init__(self, item: Type, min_items: int = 0, unique: bool = False):
        self.item = item
        self.min_items = min_items
        self.unique = unique
        self.expected = "a list"

    def _convert(self, node, path, ctx):
        if not isinstance(node, yaml.SequenceNode):
            return ctx.error(node, path, f"expected a list, got {describe(node)}")
        if len(node.value) < self.min_items:
            return ctx.error(node, path, f"expected a list of at least {self.min_items} item(s), got {len(node.value)}")
        items = []
        seen: set = set()
        for index, child in enumerate(node.value):
            value = self.item.convert(child, f"{path}[{index}]", ctx)
            if self.unique and value is not INVALID:
                if value in seen:
                    ctx.error(child, f"{path}[{index}]", f"{value!r} is listed twice")
                seen.add(value)
            items.append(value)
        return items


@dataclass
class Field:
    type: Type
    required: bool = True
    default: Any = None


@dataclass
class Record(Type):
    """A mapping with known keys. Values keep their node for later checks."""

    fields: dict[str, Field]
    expected: str = "a mapping"
    check: Callable[["Record", dict, yaml.Node, str, Ctx], None] | None = field(default=None)

    def _convert(self, node, path, ctx):
        if not isinstance(node, yaml.MappingNode):
            return ctx.error(node, path, f"expected a mapping of keys, got {describe(node)}")
        out: dict[str, Any] = {}
        nodes: dict[str, yaml.Node] = {"": node}
        key_nodes: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            child = f"{path}.{key}" if path else key
            if key in key_nodes:  # plain YAML loading would silently keep the last one
                first_line = key_nodes[key].start_mark.line + 1
                ctx.error(key_node, child, f"duplicate key {key!r}; it is already set at line {first_line}")
                continue
            key_nodes[key] = key_node
            spec = self.fields.get(key)
            if key == "<<" and not key_node.style:  # plain (quoted "<<" is a key like any other)
                ctx.error(key_node, child, "merge keys (<<) are not allowed in content files; write each key out")
                continue
            if spec is None:
                known = ", ".join(sorted(self.fields))
                ctx.error(key_node, child, f"unknown key {key!r}; expected one of: {known}")
                continue
            if not spec.required and _effective_tag(value_node) == NULL_TAG:
                out[key] = spec.default
                nodes[key] = value_node
                continue
            out[key] = spec.type.convert(value_node, child, ctx)
            nodes[key] = value_node
        for key, spec in self.fields.items():
            if key in out:
                continue
            if spec.required:
                child = f"{path}.{key}" if path else key
                ctx.error(node, child, f"missing required key {key!r} ({spec.type.expected})")
                out[key] = INVALID
            else:
                out[key] = spec.default
        out["_nodes"] = nodes
        return out


def R(**fields: Field | Type) -> Record:
    """Shorthand: a bare Type means a required field."""
    return Record({k: v if isinstance(v, Field) else Field(v) for k, v in fields.items()})


def opt(type_: Type, default: Any = None) -> Field:
    return Field(type_, required=False, default=default)


def map_prose(type_: Type, value: Any, change: Callable[[str], str]) -> Any:
    """`value` (converted by `type_`) with each of its Markdown prose texts passed through `change`."""
    if isinstance(type_, Prose):
        return change(value) if isinstance(value, str) else value
    if isinstance(type_, ListOf) and isinstance(value, list):
        return [map_prose(type_.item, item, change) for item in value]
    if isinstance(type_, Record) and isinstance(value, dict):
        return {
            key: map_prose(type_.fields[key].type, item, change) if key in type_.fields else item
            for key, item in value.items()
        }
    return value


# ---- the content schema ---------------------------------------------------

FEE = R(
    amount=Number("a dollar amount", maximum=10000),
    who=opt(Text()),
    nremt=opt(Bool()),
    payee=opt(Text()),
)

SUBSTEP = R(
    id=Slug(),
    label=Text(),
    title=Prose(),
    body=opt(Prose()),
    fees=opt(ListOf(FEE), []),
    deadline=opt(Date()),
)

NOTE = R(
    id=opt(Slug()),
    title=Text(),
    body=Prose(),
    important=opt(Bool(), False),
    source=opt(Slug()),
)

STEP = R(
    id=Slug(),
    label=Text(),
    title=Text(),
    site=opt(Slug()),
    help=opt(R(text=Prose(), contacts=ListOf(Slug(), unique=True))),
    substeps=ListOf(SUBSTEP, min_items=1),
    notes=opt(ListOf(NOTE), []),
    source=opt(Slug()),
)

MILESTONE_MARKS = ("ce_start", "opens", "recommended", "ce_last_day", "last_day_without_penalty", "last_day")
DEADLINE_MARKS = ("ce_last_day", "last_day_without_penalty", "last_day")

MILESTONE = R(
    date=Date(literal="varies"),
    caption=Prose(),
    warning=opt(Text()),
    marks=opt(ListOf(Choice(*MILESTONE_MARKS), unique=True), []),
    # What a marked deadline is called wherever it is named alone (calculator,
    # at-a-glance box), in the flyer's words; default: the caption.
    labels=opt(Record({mark: Field(Text(), required=False) for mark in DEADLINE_MARKS})),
    source=opt(Slug()),
)

LATE_FEE = R(
    amount=Number("a dollar amount", maximum=10000),
    payee=opt(Text()),
    applies_after=Date(),
    text=Prose(),
    # Where the flyer is unclear about when the fee starts: what the page says.
    unclear=opt(Prose()),
)

COMPONENT = R(
    id=Slug(),
    name=Text(),
    description=opt(Text()),
    hours=Number("a number of hours"),
    de_limit=Number("a number of hours", literal="no limit"),
    de_text=opt(Text()),  # checked against de_limit; without it the page says the limit itself
    national_content_only=opt(Bool(), False),
    # Only courses taught these ways count here (e.g. "in person only");
    # without it any delivery counts. delivery_text says why, on the page and
    # in the calculator's reasons.
    deliveries=opt(ListOf(Choice(*DELIVERIES), min_items=1, unique=True)),
    delivery_text=opt(Prose()),
    body=opt(Prose()),
    source=opt(Slug()),
)

APPROVAL_CODE = Text("|".join(APPROVAL_CODES), f"an approval code {code_ranges()}")

# A deliberate difference between a source document and the page, so that
# `check --sources` can pass honestly; the reason is for the next publisher.
ACKNOWLEDGED = R(
    fact=Text(hint="the fact as the source writes it, e.g. '$125' or 'March 31, 2018'"),
    kind=Choice(*FACT_KINDS),
    on_page=opt(Text(hint="the same fact as the page shows it instead, e.g. '$125'")),
    reason=Text(hint="why the page differs from the source"),
)

SOURCE = R(
    id=Slug(),
    title=Text(),
    file=opt(Text(r"[^/\\\n]+\.(?:txt|TXT|pdf|PDF)", "a file name ending in .pdf or .txt, without folders")),
    url=opt(Url()),
    acknowledged=opt(ListOf(ACKNOWLEDGED), []),
)

LINK = R(id=Slug(), label=Text(), url=Url())

CONTACT = R(
    id=Slug(),
    name=Text(),
    role=opt(Text()),
    phone=opt(Phone()),
    email=opt(Email()),
    url=opt(Url()),
)

CYCLE = R(
    level=Slug(),
    level_name=opt(Text()),  # how this cycle's flyer names the level, e.g. "EMT-Basic"; default: site.yaml's name
    year=Integer(2000, 2100, "a cycle year"),
    draft=opt(Bool(), False),  # written by new-cycle; a plain build leaves drafts out
    sources=ListOf(SOURCE, min_items=1),
    last_verified=Date(),
    certification=R(expires=Date(), new_expiration=opt(Date())),
    intro=opt(Prose()),
    portal=opt(Prose()),
    links=opt(ListOf(LINK), []),
    contacts=ListOf(CONTACT, min_items=1),
    steps=ListOf(STEP, min_items=1),
    timeline=R(
        milestones=ListOf(MILESTONE, min_items=1),
        late_fees=opt(ListOf(LATE_FEE), []),
        after_last_day=opt(Prose()),
    ),
    ce=R(
        total_hours=Number("a number of hours"),
        overview=opt(Prose()),
        window=R(
            start=Date(literal="after_last_recertification"),
            last_day=Date(),
            body=opt(Prose()),
            source=opt(Slug()),
        ),
        approval=R(
            required=Bool(),
            issuers=ListOf(Text(), min_items=1, unique=True),
            distributive_codes=ListOf(APPROVAL_CODE, unique=True),
            # Where another source than the approval rules' own says which codes
            # are DE (2018: a mass.gov page; the flyer lists only the others).
            distributive_codes_source=opt(Slug()),
            non_distributive_codes=opt(ListOf(APPROVAL_CODE, unique=True), []),
            # Codes that mean a live virtual (online, instructor-led) course: not
            # distributive, and not in person either.
            live_virtual=opt(R(codes=ListOf(APPROVAL_CODE, min_items=1, unique=True), body=Prose(), source=opt(Slug()))),
            body=opt(Prose()),
            source=opt(Slug()),
        ),
        distributive=opt(R(body=Prose(), source=opt(Slug()))),
        components=ListOf(COMPONENT, min_items=1),
        # What the calculator cannot check (topics assigned on NREMT.org, the
        # Training Officer's approval, the state application): said with every result.
        not_checked=opt(ListOf(R(text=Prose(), source=opt(Slug())), min_items=1), []),
    ),
    notes=opt(ListOf(NOTE), []),
    changes=opt(R(body=Prose())),
)

SITE = R(
    site_name=Text(),
    tagline=Text(),
    levels=ListOf(R(slug=Slug(), name=Text()), min_items=1),
    links=opt(ListOf(R(label=Text(), url=Url())), []),
    disclaimer=Text(),
    base_url=opt(Url()),  # where the site is published; needed for sitemap.xml
)
