"""The cycle's rules as JSON-ready data: what the engine and the browser read.

The guidance page's CE table is rendered from this same dict, so the page and
the calculator can never disagree.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from generator.loading.schema import DEADLINE_MARKS
from generator.model.site import Cycle
from generator.model.changes import shift_years
from generator.text.prose import plain_text, source_where
from recert_engine.vocabulary import APPROVAL_PLACEHOLDERS, RULES_SCHEMA_VERSION, recognised_codes


# A cycle's length when its content gives no new expiration date to measure it by.
DEFAULT_CYCLE_YEARS = 2


def _number(value: Decimal | None) -> str | None:
    return None if value is None else format(value, "f")


def _date(value) -> str | None:
    return None if value is None or isinstance(value, str) else value.isoformat()


def _source_label(source: dict) -> str:
    return f"{source['title']} ({source_where(source)})"


def deadline_labels(cycle: Cycle) -> dict[str, str]:
    """What each marked deadline is called, in the content's words: the
    milestone's label for that mark, else its caption."""
    labels = {}
    for mark in DEADLINE_MARKS:
        milestone = cycle.milestone(mark)
        if milestone:
            own = plain_text((milestone.get("labels") or {}).get(mark) or milestone["caption"])
            # A name, not a sentence: no final period, unless that is all there is.
            labels[mark] = own.rstrip(".") or own
    return labels


def _last_recertified_range(cycle: Cycle) -> dict[str, str | None] | None:
    """When the window starts after the person's last recertification: the days
    a last recertification can plausibly fall on for this cycle. From the day
    this cycle opens, a renewal is a renewal *in* this cycle, so its hours count
    toward the next one; more than a cycle before the previous expiration is a
    typing mistake or a lapse, which OEMS must look at."""
    data = cycle.data
    if data["ce"]["window"]["start"] != "after_last_recertification":
        return None
    expires = data["certification"]["expires"]
    new = data["certification"].get("new_expiration")
    length = (new.year - expires.year) if new and new.year > expires.year else DEFAULT_CYCLE_YEARS
    latest = cycle.dates.opens or data["ce"]["window"]["last_day"]
    return {
        "earliest": _date(shift_years(expires, -2 * length)),
        "latest": _date(latest - dt.timedelta(days=1)),
    }


def rules_for(cycle: Cycle) -> dict[str, Any]:
    data = cycle.data
    ce = data["ce"]
    window = ce["window"]
    approval = ce["approval"]
    after_last = window["start"] == "after_last_recertification"

    def milestone_date(mark: str) -> str | None:
        milestone = cycle.milestone(mark)
        return _date(milestone["date"]) if milestone else None

    live_virtual = approval.get("live_virtual")
    warning_milestone = next((m for m in data["timeline"]["milestones"] if m.get("warning")), None)
    timeline_source = next((m["source"] for m in data["timeline"]["milestones"] if m.get("source")), cycle.default_source)
    return {
        "schema": RULES_SCHEMA_VERSION,
        "cycle": cycle.id,
        "year": cycle.year,
        "level": cycle.level,
        "level_name": cycle.level_name,
        "sources": {s["id"]: _source_label(s) for s in data["sources"]},
        "ce": {
            "total_hours": _number(ce["total_hours"]),
            "window": {
                "start": None if after_last else _date(window["start"]),
                "starts_after_last_recertification": after_last,
                "last_day": _date(window["last_day"]),
                "last_recertified": _last_recertified_range(cycle),
                "source": cycle.source_of(window),
            },
            "approval": {
                "required": approval["required"],
                "issuers": list(approval["issuers"]),
                "distributive_codes": list(approval["distributive_codes"]),
                "distributive_codes_source": cycle.distributive_codes_source,
                "non_distributive_codes": list(approval["non_distributive_codes"]),
                "recognised_codes": recognised_codes(approval["distributive_codes"] + approval["non_distributive_codes"]),
                "live_virtual_codes": list(live_virtual["codes"]) if live_virtual else [],
                "live_virtual_source": cycle.source_of(live_virtual) if live_virtual else None,
                "placeholders": list(APPROVAL_PLACEHOLDERS),
                "source": cycle.source_of(approval),
            },
            "components": [
                {
                    "id": c["id"],
                    "name": c["name"],
                    "hours": _number(c["hours"]),
                    "de_limit": _number(c["de_limit"]),
                    "national_content_only": c["national_content_only"],
                    "deliveries": list(c["deliveries"]) if c.get("deliveries") else None,
                    "delivery_text": plain_text(c["delivery_text"]) if c.get("delivery_text") else None,
                    "source": cycle.source_of(c),
                }
                for c in ce["components"]
            ],
            "not_checked": [
                {"text": plain_text(item["text"]), "source": cycle.source_of(item)}
                for item in ce.get("not_checked") or []
            ],
        },
        "fees": [
            {
                "step": step["label"],
                "title": plain_text(sub["title"]),
                "amount": _number(fee["amount"]),
                "who": fee.get("who"),
                "nremt": fee.get("nremt"),
                "deadline": _date(sub.get("deadline")),
            }
            for step in data["steps"]
            for sub in step["substeps"]
            for fee in sub["fees"]
        ],
        "deadlines": {
            "ce_last_day": _date(window["last_day"]),
            "last_day_without_penalty": milestone_date("last_day_without_penalty"),
            "last_day": milestone_date("last_day"),
            "labels": deadline_labels(cycle),
            "warning": warning_milestone["warning"] if warning_milestone else None,
            "late_fees": [
                {
                    "amount": _number(fee["amount"]),
                    "payee": fee.get("payee"),
                    "applies_after": _date(fee["applies_after"]),
                    # The safe reading: a late fee may apply as soon as the last
                    # day without penalty has passed, whatever day the flyer names.
                    "may_apply_after": _date(cycle.late_fee_start(fee)),
                    "unclear": plain_text(fee["unclear"]) if fee.get("unclear") else None,
                    "text": plain_text(fee["text"]),
                }
                for fee in data["timeline"]["late_fees"]
            ],
            "source": timeline_source,
        },
    }
