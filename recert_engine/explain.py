"""Why the uncounted part of an eligible course does not count.

At a maximum flow no hour can be added, so for each component the course
could go to, one of these holds: the component is complete, the course's
content is not allowed there (National content only), the way it was taught
is not accepted there (e.g. in person only), or the course is DE
and the component's DE allowance is used up. Components that still need
hours give the actionable reasons; if all are complete the hours are extra.
"""

from . import texts


def leftover_reasons(item, leftover, cycle, assignment):
    pin = item.course.component
    comps = [cycle.component(pin)] if pin is not None else cycle.components
    reasons, full = [], []
    for comp in comps:
        remaining = comp.hours - assignment.component_counted[comp.id]
        if remaining <= 0:
            if comp.id in item.allowed or pin is not None:
                full.append(comp)
        elif item.refused.get(comp.id) == "national":
            reasons.append(texts.not_national_content(leftover, comp, remaining, pin is not None))
        elif item.refused.get(comp.id) == "delivery" and not item.distributive:
            reasons.append(texts.delivery_not_accepted(leftover, comp, remaining, item, cycle, pin is not None))
        elif item.refused.get(comp.id) == "delivery":
            reasons.append(texts.de_limit(leftover, comp, remaining, item, cycle, pin is not None))
        elif item.distributive and comp.de_limit is not None \
                and assignment.component_de[comp.id] >= comp.de_limit:
            reasons.append(texts.de_limit(leftover, comp, remaining, item, cycle, pin is not None))
    if not reasons:
        reasons.append(texts.requirement_met(leftover, full or comps, pin is not None))
    return reasons
