"""The cycle's rules as JSON-ready data: what the engine and the browser read.

The guidance page's CE table is rendered from this same dict, so the page and
the calculator can never disagree.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from generator.model.site import Cycle
from generator.text.prose import plain_text
from recert_engine.vocabulary import RULES_SCHEMA_VERSION, recognised_codes


def _number(value: Decimal | None) -> str | None:
    return None if value is None else format(value, "f")


def _date(value) -> str | None:
    return None if value is None or isinstance(value, str) else value.isoformat()


def _source_label(source: dict) -> str:
    where = source.get("url") or (f"file {source['file']}" if source.get("file") else "")
    return f"{source['title']} ({where})" if where else source["title"]


def rules_for(cycle: Cycle) -> dict[str, Any]:
    data = cycle.data
    ce = data["ce"]
    window = ce["window"]
    approval = ce["approval"]
    default_source = data["sources"][0]["id"]
    after_last = window["start"] == "after_last_recertification"

    def milestone_date(mark: str) -> str | None:
        milestone = cycle.milestone(mark)
        return _date(milestone["date"]) if milestone else None

    warning_milestone = next((m for m in data["timeline"]["milestones"] if m.get("warning")), None)
    timeline_source = next((m["source"] for m in data["timeline"]["milestones"] if m.get("source")), default_source)
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
                "source": window.get("source") or default_source,
            },
            "approval": {
                "required": approval["required"],
                "issuers": list(approval["issuers"]),
                "distributive_codes": list(approval["distributive_codes"]),
                "non_distributive_codes": list(approval["non_distributive_codes"]),
                "recognised_codes": recognised_codes(approval["distributive_codes"] + approval["non_distributive_codes"]),
                "source": approval.get("source") or default_source,
            },
            "components": [
                {
                    "id": c["id"],
                    "name": c["name"],
                    "hours": _number(c["hours"]),
                    "de_limit": _number(c["de_limit"]),
                    "national_content_only": c["national_content_only"],
                    "source": c.get("source") or default_source,
                }
                for c in ce["components"]
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
            "warning": warning_milestone["warning"] if warning_milestone else None,
            "late_fees": [
                {
                    "amount": _number(fee["amount"]),
                    "payee": fee.get("payee"),
                    "applies_after": _date(fee["applies_after"]),
                    "text": plain_text(fee["text"]),
                }
                for fee in data["timeline"]["late_fees"]
            ],
            "source": timeline_source,
        },
    }
