"""Hypothesis strategies for cycle files that the content reference allows.

`cycle_files()` draws the text of one `<year>/<level>.yaml`, written the way a
publisher could write it (numbers as `12.50` or `1e1`, dates that vary, marks
on some milestones and not others, optional keys left out), within what the
README's content reference says is valid. Tests feed these files through the
generator's own loader and validator, so a file that `check` refuses is a
failure of the strategy, not a skipped example: the strategy and the
reference must agree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

import yaml
from hypothesis import strategies as st

LEVELS = ("emt", "aemt", "paramedic")  # the levels in the fixture site.yaml
CODES = [f"{kind}{n}" for kind in "TF" for n in range(1, 6)]
MARKS = ("ce_start", "opens", "recommended", "ce_last_day", "last_day_without_penalty", "last_day")
DEADLINE_MARKS = ("ce_last_day", "last_day_without_penalty", "last_day")  # the marks a milestone may label
DELIVERIES = ("in_person", "live_virtual", "distributive")


class Raw(str):
    """A scalar written exactly as given, unquoted (a number as a publisher types it)."""


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data):
        return True  # a publisher writes every value out; check refuses anchors and aliases


_Dumper.add_representer(
    Raw, lambda dumper, value: dumper.represent_scalar(dumper.resolve(yaml.ScalarNode, str(value), (True, False)), str(value))
)

_TEXT_ALPHABET = "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJ0123456789 .,:;!?'\"()-/&$#*_+=%@ éßЖ中"
text = st.text(alphabet=_TEXT_ALPHABET, min_size=1, max_size=30).filter(lambda s: s.strip())
# Words without figures, for sentences that check compares with typed values (DE limits, late fees).
words = st.text(alphabet=_TEXT_ALPHABET.translate(str.maketrans("", "", "0123456789$")), min_size=1, max_size=30).filter(
    lambda s: s.strip())
slug = st.from_regex(r"[a-z0-9]{1,6}(-[a-z0-9]{1,4}){0,2}", fullmatch=True)


@st.composite
def number(draw, low: int = 0, high: int = 20000) -> tuple[Raw, Decimal]:
    """A non-negative amount with at most two decimal places, in one of the ways YAML writes numbers."""
    cents = draw(st.integers(low, high))
    value = Decimal(cents) / 100
    whole = cents % 100 == 0
    forms = [format(value.normalize(), "f")]
    if whole:
        forms += [str(cents // 100), f"{cents // 100}.0", f"{cents // 100}.00"]
        if cents and (cents // 100) % 10 == 0:
            forms.append(f"{cents // 1000}.0e+1")
    else:
        forms.append(f"{value:.2f}")
    if cents == 0:
        forms.append("-0")
    return Raw(draw(st.sampled_from(forms))), value


FIRST_DATE, LAST_DATE = dt.date(1990, 1, 1), dt.date(2100, 12, 31)  # dates are from 1990 to 2100
YEARS_AROUND_CYCLE = 5  # and a cycle's dates within 5 years of its year


def days(start: dt.date, end: dt.date):
    start, end = max(start, FIRST_DATE), min(end, LAST_DATE)
    return st.integers(0, (end - start).days).map(lambda n: start + dt.timedelta(days=n))


@dataclass
class DrawnCycle:
    year: int
    level: str
    text: str  # the YAML file

    @property
    def id(self) -> str:
        return f"{self.year}/{self.level}"


@st.composite
def cycle_files(draw) -> DrawnCycle:
    year = draw(st.integers(2001, 2100))  # the reference allows 2000 to 2100
    level = draw(st.sampled_from(LEVELS))
    last_day = draw(days(dt.date(year - 1, 1, 1), dt.date(year, 12, 31)))
    after_last = draw(st.booleans())
    start = "after_last_recertification" if after_last else draw(days(dt.date(year - YEARS_AROUND_CYCLE, 1, 1), last_day))

    sources = [{"id": sid, "title": draw(text),
                **({"file": f"{sid}.txt"} if draw(st.booleans()) else {"url": f"https://example.org/{sid}"})}
               for sid in draw(st.lists(slug, min_size=1, max_size=3, unique=True))]
    source_ids = [s["id"] for s in sources]
    maybe_source = st.one_of(st.none(), st.sampled_from(source_ids))

    def with_source(record: dict) -> dict:
        chosen = draw(maybe_source)
        return {**record, "source": chosen} if chosen else record

    def optional(record: dict, key: str, strategy) -> dict:
        """Text the flyer may not have: present or left out."""
        if draw(st.booleans()):
            record[key] = draw(strategy)
        return record

    def de_sentence(hours: Decimal, limit: Decimal | None):
        """The flyer's DE sentence: words alone, or naming the typed limit."""
        said = hours if limit is None else limit
        return st.one_of(words, st.just(f"Up to {format(said.normalize(), 'f')} hours may be DE."))

    # Components: hours add up to the total; a DE limit never above the hours.
    components = []
    for cid in draw(st.lists(slug, min_size=1, max_size=4, unique=True)):
        hours_raw, hours = draw(number(0, 6000))
        limit = draw(st.one_of(st.just(None), number(0, int(hours * 100))))
        component = {"id": cid, "name": draw(text), "hours": hours_raw,
                     "de_limit": "no limit" if limit is None else limit[0]}
        optional(component, "description", text)
        optional(component, "de_text", de_sentence(hours, None if limit is None else limit[1]))
        if draw(st.booleans()):
            component["national_content_only"] = draw(st.booleans())
        if draw(st.integers(0, 2)) == 0:
            ways = draw(st.lists(st.sampled_from(DELIVERIES), min_size=1, max_size=3, unique=True))
            if ways == ["distributive"] and limit is not None and limit[1] < hours:
                ways.append("in_person")  # DE only, beyond its DE limit, could never be complete: check refuses it
            component["deliveries"] = ways
            component["delivery_text"] = draw(text)
        components.append(with_source(component))
    total = sum(Decimal(str(c["hours"])) for c in components)

    # Milestones in date order; the last dated one is on or after the CE window's last day.
    dated = sorted(draw(st.lists(days(last_day - dt.timedelta(days=700), last_day + dt.timedelta(days=90)),
                                 max_size=4)) + [draw(days(last_day, last_day + dt.timedelta(days=60)))])
    milestones = [{"date": d, "caption": draw(text)} for d in dated]
    ce_last = next(i for i, m in enumerate(milestones) if m["date"] >= last_day)
    if milestones[ce_last]["date"] == last_day and draw(st.booleans()):
        milestones[ce_last]["marks"] = ["ce_last_day"]
    if after_last and draw(st.booleans()):
        milestones.insert(0, {"date": "varies", "caption": draw(text), "marks": ["ce_start"]})
    elif not after_last and draw(st.booleans()):
        where = sum(1 for m in milestones if m["date"] != "varies" and m["date"] <= start)
        milestones.insert(where, {"date": start, "caption": draw(text), "marks": ["ce_start"]})
    # The calculator needs a dated last day without penalty; the other marks are optional.
    no_penalty_at = draw(st.sampled_from([m for m in milestones if m["date"] != "varies"]))
    no_penalty_at.setdefault("marks", []).append("last_day_without_penalty")
    for mark in ("opens", "recommended", "last_day"):
        free = [m for m in milestones if mark not in m.get("marks", [])]
        if draw(st.booleans()):
            chosen = draw(st.sampled_from(free))
            chosen.setdefault("marks", []).append(mark)
    for milestone in milestones:
        if draw(st.integers(0, 4)) == 0:
            milestone["warning"] = draw(text)
        named = [mark for mark in milestone.get("marks", []) if mark in DEADLINE_MARKS and draw(st.booleans())]
        if named:
            milestone["labels"] = {mark: draw(text) for mark in named}
    fee_after = no_penalty_at["date"]

    def late_fee() -> dict:
        amount_raw, amount = draw(number())
        sentence = draw(st.one_of(words, st.just(f"A late fee of ${amount:.2f} applies.")))  # its own amount, or none
        return {"amount": amount_raw, "applies_after": draw(days(fee_after, fee_after + dt.timedelta(days=60))),
                "text": sentence, **({"payee": draw(text)} if draw(st.booleans()) else {}),
                **({"unclear": draw(text)} if draw(st.booleans()) else {})}

    late_fees = [late_fee() for _ in range(draw(st.integers(0, 2)))]

    def fee() -> dict:
        drawn = {"amount": draw(number())[0]}
        for key, strategy in (("who", text), ("payee", text), ("nremt", st.booleans())):
            if draw(st.booleans()):
                drawn[key] = draw(strategy)
        return drawn

    steps = []
    for s_index, sid in enumerate(draw(st.lists(slug, min_size=1, max_size=2, unique=True))):
        substeps = []
        for sub in draw(st.lists(slug, min_size=1, max_size=2, unique=True)):
            substep = {"id": sub, "label": draw(text), "title": draw(text),
                       "fees": [fee() for _ in range(draw(st.integers(0, 2)))]}
            if draw(st.booleans()):
                substep["deadline"] = draw(days(last_day - dt.timedelta(days=365), last_day + dt.timedelta(days=60)))
            substeps.append(substep)
        steps.append(with_source({"id": sid, "label": f"Step {s_index + 1}", "title": draw(text), "substeps": substeps}))

    distributive = draw(st.lists(st.sampled_from(CODES), max_size=4, unique=True))
    others = draw(st.lists(st.sampled_from([c for c in CODES if c not in distributive]), max_size=4, unique=True))
    approval = {"required": draw(st.booleans()), "issuers": draw(st.lists(text, min_size=1, max_size=2, unique_by=str.strip)),
                "distributive_codes": distributive}
    optional(approval, "body", text)
    if others or draw(st.booleans()):
        approval["non_distributive_codes"] = others
    if draw(st.booleans()):
        approval["live_virtual"] = with_source({"codes": draw(st.lists(st.sampled_from(others or CODES), min_size=1,
                                                                           max_size=2, unique=True)),
                                                "body": draw(text)})
    window = optional({"start": start, "last_day": last_day}, "body", text)

    expires = draw(days(last_day, last_day + dt.timedelta(days=60)))
    certification = {"expires": expires}
    if expires.year < LAST_DATE.year and draw(st.booleans()):
        later = draw(st.integers(1, min(3, LAST_DATE.year - expires.year)))
        certification["new_expiration"] = expires.replace(year=expires.year + later, day=min(expires.day, 28))
    data = {
        "level": level,
        "year": year,
        "sources": sources,
        "last_verified": draw(days(dt.date(2000, 1, 1), dt.date(2100, 12, 31))),
        "certification": certification,
        "contacts": [{"id": "office", "name": draw(text)}],
        "steps": steps,
        "timeline": {"milestones": milestones, "late_fees": late_fees},
        "ce": {"total_hours": Raw(format(total.normalize(), "f")),
               "window": with_source(window), "approval": with_source(approval), "components": components},
    }
    optional(data, "intro", text)
    optional(data["ce"], "overview", text)
    if draw(st.booleans()):
        data["ce"]["distributive"] = {"body": draw(text)}
    if draw(st.booleans()):
        data["ce"]["not_checked"] = [with_source({"text": draw(text)}) for _ in range(draw(st.integers(1, 3)))]
    if draw(st.booleans()):
        data["level_name"] = draw(text)
    if draw(st.booleans()):
        data["draft"] = draw(st.booleans())
    return DrawnCycle(year, level, yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True))
