"""Every sentence the engine shows a person, in one place.

Each reason says why hours do not count and what to do next, and carries the
machine ``code`` and the ``source`` id of the rule (from the rules data; None
for the engine's own common-sense rule that future courses do not count).
"""

from .values import date_text, hours_text
from .vocabulary import DELIVERIES, DISTRIBUTIVE, code_ranges


def _h(hours):
    return f"{hours_text(hours)} h"


def _reason(code, hours, message, source, component=None):
    return {"code": code, "component": component, "hours": hours, "message": message, "source": source}


def _names(names, conjunction="and"):
    names = list(names)
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + f" {conjunction} " + names[-1]


def _article(phrase):
    return ("an " if phrase[:1] in "AEIOUaeiou" else "a ") + phrase


# --- reasons that keep a whole course from counting -------------------------

def after_today(hours, day, today):
    return _reason("after_today", hours,
                   f"Dated {date_text(day)}, which is after today ({date_text(today)}). A course "
                   "counts once you have taken it; if the date is wrong, correct it.", None)


def before_window(hours, day, window, cycle):
    if window.from_last_recert:
        opened = (f"your CE window opened on {date_text(window.start)}, the day after your last "
                  f"recertification ({date_text(window.last_recertified)})")
    else:
        opened = f"this cycle's CE window opened on {date_text(window.start)}"
    return _reason("before_window", hours,
                   f"Taken on {date_text(day)}, but {opened}. Only hours from "
                   f"{date_text(window.start)} through {date_text(window.last_day)} count; "
                   "if the date is wrong, correct it, otherwise replace these hours with a newer course.",
                   cycle.window_source)


def after_window(hours, day, window, cycle):
    return _reason("after_window", hours,
                   f"Taken on {date_text(day)}, after {date_text(window.last_day)}, the last day to "
                   "complete continuing education for this cycle, so it cannot count here "
                   "(it may count toward your next cycle). If the date is wrong, correct it.",
                   cycle.window_source)


def no_approval(hours, cycle, typed=""):
    issuers = _names(cycle.issuers, "or") or "official"
    what = (f"\u201c{typed.strip()}\u201d is not an approval number" if typed and typed.strip()
            else "No approval number")
    return _reason("no_approval", hours,
                   f"{what}. Every course must have {_article(issuers)} approval number; "
                   "copy it from your course certificate or roster. Without one the course cannot count.",
                   cycle.approval_source)


# --- reasons for part of an eligible course ---------------------------------

def not_national_content(hours, comp, remaining, pinned):
    start = (f"You assigned this course to {comp.name}, which still needs {_h(remaining)}, but"
             if pinned else f"{comp.name} still needs {_h(remaining)}, but")
    then = ("Mark it as National content if it is, or clear its component so it can count elsewhere."
            if pinned else
            f"Mark it as National content if it is; otherwise take National-content courses for {comp.name}.")
    return _reason("not_national_content", hours,
                   f"{start} only courses covering National (NCCR) content count there, and this "
                   f"course is not marked as National content. {then}", comp.source, comp.id)


def de_limit(hours, comp, remaining, item, cycle, pinned):
    code = item.code if item.code in cycle.distributive_codes else None
    why = f"approval code {code}" if code else "its delivery"
    if comp.de_limit == 0:
        cap = f"{comp.name} takes no distributive education (DE)"
    else:
        cap = (f"{comp.name} takes at most {_h(comp.de_limit)} of distributive education (DE), "
               "and that is already used")
    lead = f"You assigned this DE course to {comp.name}. " if pinned else ""
    reason = _reason("de_limit", hours,
                     f"{lead}{cap}; this course is DE ({why}). {comp.name} still needs "
                     f"{_h(remaining)}: take courses taught {_ways(comp, besides=DISTRIBUTIVE)} for it.",
                     comp.source, comp.id)
    if code and cycle.distributive_codes_source:
        reason["also_source"] = cycle.distributive_codes_source  # that the code means DE comes from here
    return reason


_TAUGHT = {"live_virtual": "taught live online (live virtual)", "in_person": "taught in person",
           "distributive": "distributive education (DE)"}


def _ways(comp, besides=None):
    """How courses must be taught to count toward comp: its own list (2018 Local: in
    person only), so advice never names a way the component refuses."""
    kinds = comp.deliveries if comp.deliveries is not None else DELIVERIES
    return _names((_TAUGHT[d].replace("taught ", "") for d in kinds if d != besides), "or")


def delivery_not_accepted(hours, comp, remaining, item, cycle, pinned):
    ways = _ways(comp)
    if item.delivery is not None:
        how = f"this course was {_TAUGHT[item.delivery]}"
        if item.code in cycle.live_virtual_codes:
            how += f" (approval code {item.code})"
        then = f"Take courses taught {ways} for {comp.name}."
    else:
        how = "the calculator cannot tell how this course was taught"
        if item.code:
            how += f" (approval code {item.code} says only that it is not distributive)"
        then = f"If it was taught {ways}, set \u201cHow it was taught\u201d to match."
    lead = f"You assigned this course to {comp.name}, which" if pinned else comp.name
    note = f" {comp.delivery_text}" if comp.delivery_text else ""
    reason = _reason("delivery_not_accepted", hours,
                     f"{lead} still needs {_h(remaining)}, but only courses taught {ways} count there, "
                     f"and {how}. {then}{note}", comp.source, comp.id)
    if item.code in cycle.live_virtual_codes and cycle.live_virtual_source:
        reason["also_source"] = cycle.live_virtual_source  # what the code means comes from here
    return reason


def requirement_met(hours, comps, pinned):
    if pinned:
        comp = comps[0]
        return _reason("requirement_met", hours,
                       f"You assigned this course to {comp.name}, which already has all "
                       f"{_h(comp.hours)} it needs, so these hours are extra there.",
                       comp.source, comp.id)
    names = _names(c.name for c in comps)
    return _reason("requirement_met", hours,
                   f"Extra hours: {names} already {'has' if len(comps) == 1 else 'have'} all the "
                   "hours this course could count toward. Nothing to do.",
                   comps[0].source if comps else None, comps[0].id if len(comps) == 1 else None)


# --- per-course messages and suggestions -------------------------------------

# Each message names the source of what the approval code means (None: the engine's own rule).

def delivery_conflict(course, code, distributive, cycle):
    given = course.delivery.replace("_", " ")
    means = "distributive education (DE)" if distributive else "not distributive education (not DE)"
    return {"code": "delivery_conflict",
            "message": f"Delivery is given as {given}, but approval code {code} means {means}. "
                       "The approval code decides; check the approval number and delivery on your certificate.",
            "source": cycle.distributive_codes_source if distributive else cycle.approval_source}


def live_virtual_code(code, cycle):
    return {"code": "delivery_conflict",
            "message": f"Delivery is given as in person, but approval code {code} means live virtual "
                       "(taught live online). The approval code decides; check the approval number and "
                       "delivery on your certificate.",
            "source": cycle.live_virtual_source}


def delivery_assumed():
    return {"code": "delivery_assumed",
            "message": f"No delivery given and the approval number has no {code_ranges('/')} code, so this "
                       "course is treated as distributive education (DE), the stricter case. "
                       "Set delivery to in person or live virtual if it was taught live.",
            "source": None}


def unpin(extra, placement, comps_by_id):
    where = _names(f"{_h(h)} {comps_by_id[cid].name}" for cid, h in placement.items() if h)
    return {"code": "unpin", "extra_hours": extra,
            "message": f"Clear this course's component and the calculator can count {_h(extra)} more "
                       f"in total (this course would then count as {where or 'nothing'})."}


def unpin_all(extra):
    return {"code": "unpin_all", "extra_hours": extra,
            "message": f"Your component choices together keep {_h(extra)} from counting: clear the "
                       "components of your assigned courses and the calculator can count them."}
