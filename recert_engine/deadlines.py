"""Days left to the cycle's deadlines, and which late fees apply, for a given today."""

from .values import ZERO, json_number


def _deadline(day, today, label):
    if day is None:
        return None
    left = (day - today).days
    # The deadline day itself still counts: "passed" only from the day after.
    return {"date": day.isoformat(), "days_left": left, "passed": left < 0, "label": label}


def deadlines(cycle, today):
    labels = cycle.deadline_labels  # each deadline named in the content's words
    fees = []
    for fee in cycle.late_fees:
        fees.append({
            "amount": json_number(fee.amount),
            "payee": fee.payee,
            "applies_after": fee.applies_after.isoformat(),
            # The safe reading: once the last day without penalty has passed the
            # fee may apply, even where the flyer names a later day (rules.json).
            "may_apply_after": fee.may_apply_after.isoformat(),
            "applies": today > fee.may_apply_after,
            "unclear": fee.unclear,
            "text": fee.text,
        })
    return {
        "today": today.isoformat(),
        "ce_last_day": _deadline(cycle.ce_last_day, today, labels.get("ce_last_day")),
        "last_day_without_penalty": _deadline(cycle.last_day_without_penalty, today,
                                              labels.get("last_day_without_penalty")),
        "last_day": _deadline(cycle.last_day, today, labels.get("last_day")),
        "late_fees": fees,
        "late_fee_total": json_number(sum((f.amount for f in cycle.late_fees
                                           if today > f.may_apply_after), ZERO)),
        "warning": cycle.warning,
        "source": cycle.deadlines_source,
    }
