"""Days left to the cycle's deadlines, and which late fees apply, for a given today."""

from .values import ZERO, json_number


def _deadline(day, today):
    if day is None:
        return None
    left = (day - today).days
    # The deadline day itself still counts: "passed" only from the day after.
    return {"date": day.isoformat(), "days_left": left, "passed": left < 0}


def deadlines(cycle, today):
    fees = []
    for fee in cycle.late_fees:
        fees.append({
            "amount": json_number(fee.amount),
            "payee": fee.payee,
            "applies_after": fee.applies_after.isoformat(),
            "applies": today > fee.applies_after,
            "text": fee.text,
        })
    return {
        "today": today.isoformat(),
        "ce_last_day": _deadline(cycle.ce_last_day, today),
        "last_day_without_penalty": _deadline(cycle.last_day_without_penalty, today),
        "last_day": _deadline(cycle.last_day, today),
        "late_fees": fees,
        "late_fee_total": json_number(sum((f.amount for f in cycle.late_fees
                                           if today > f.applies_after), ZERO)),
        "warning": cycle.warning,
        "source": cycle.deadlines_source,
    }
