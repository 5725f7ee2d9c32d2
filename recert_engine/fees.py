"""Which step fees apply to this person, from the rules' fees and the profile.

A fee may depend on NREMT certification (e.g. MA-only vs MA/NREMT); when the
person has not said, such a fee is listed with ``applies`` null and no total.
"""

from .values import ZERO, json_number


def fees(cycle, profile):
    items = []
    total = ZERO
    known = True
    for fee in cycle.fees:
        if fee.nremt is None:
            applies = True
        elif profile.nremt is None:
            applies = None
        else:
            applies = fee.nremt == profile.nremt
        if applies is None:
            known = False
        elif applies:
            total += fee.amount
        items.append({
            "step": fee.step,
            "title": fee.title,
            "amount": json_number(fee.amount),
            "who": fee.who,
            "nremt": fee.nremt,
            "deadline": fee.deadline.isoformat() if fee.deadline else None,
            "applies": applies,
        })
    return {"items": items, "total": json_number(total) if known else None}
