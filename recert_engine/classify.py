"""Per-course facts that do not depend on other courses: is it inside the CE
window, does it have an approval number, is it distributive education (DE),
and which components its content allows.
"""

import datetime

from . import texts

ONE_DAY = datetime.timedelta(days=1)


class Window:
    __slots__ = ("start", "last_day", "from_last_recert", "last_recertified")

    def __init__(self, cycle, profile):
        self.from_last_recert = bool(cycle.window_after_last_recert)
        self.last_recertified = profile.last_recertified
        if self.from_last_recert:
            # "if you renewed October 15, 2021, you can start accruing hours on October 16, 2021"
            self.start = profile.last_recertified + ONE_DAY
        else:
            self.start = cycle.window_start
        self.last_day = cycle.window_last_day


class Item:
    """A course plus its classification. ``blockers`` are reasons that keep
    the whole course from counting; ``allowed`` lists the ids of components
    its content may count toward (ignoring DE limits and any pin); ``refused``
    says why each other component is not: "national" or "delivery".
    ``delivery`` is how the course was taught as far as the calculator can
    tell, or None when it cannot."""

    __slots__ = ("course", "code", "distributive", "delivery", "blockers", "messages", "allowed", "refused")

    @property
    def countable(self):
        return not self.blockers


def approval_code(approval, known_codes):
    """First dash-separated segment that is a delivery code (16-EMT-F3-0001:
    F3), upper-cased, or None. ``known_codes``: vocabulary.recognised_codes."""
    for segment in approval.split("-"):
        segment = segment.strip().upper()
        if segment in known_codes:
            return segment
    return None


def looks_like_approval_number(approval, cycle):
    """ "N/A", "none", "pending", "-" and the like are no approval number: a real
    one has digits (16-EMT-F3-0001) and is not one of the rules' placeholders."""
    text = approval.strip()
    return any(ch.isdigit() for ch in text) and text.lower() not in cycle.placeholders


def known_delivery(course, item, cycle):
    """How the course was taught: from its approval code where the code says
    (DE, or live virtual), else as the person said; None when unknown."""
    if item.distributive:
        return "distributive"
    if item.code is not None and item.code in cycle.live_virtual_codes:
        return "live_virtual"
    return course.delivery if course.delivery != "distributive" else None


def accepts(comp, item):
    return comp.deliveries is None or item.delivery in comp.deliveries


def classify(course, cycle, window, today):
    item = Item()
    item.course = course
    item.blockers = []
    item.messages = []

    # The approval number's code decides DE; the chosen delivery only matters without one.
    has_approval = bool(course.approval) and looks_like_approval_number(course.approval, cycle)
    item.code = approval_code(course.approval, cycle.known_codes) if has_approval else None
    if item.code is not None:
        item.distributive = item.code in cycle.distributive_codes
        if course.delivery is not None and (course.delivery == "distributive") != item.distributive:
            item.messages.append(texts.delivery_conflict(course, item.code, item.distributive, cycle))
    elif course.delivery is not None:
        item.distributive = course.delivery == "distributive"
    else:
        # Unknown delivery: assume the stricter case so we never over-count.
        item.distributive = True
        if cycle.has_de_limits:
            item.messages.append(texts.delivery_assumed())

    item.delivery = known_delivery(course, item, cycle)
    if item.delivery == "live_virtual" and course.delivery == "in_person":
        item.messages.append(texts.live_virtual_code(item.code, cycle))

    hours = course.hours
    if course.date > today:
        item.blockers.append(texts.after_today(hours, course.date, today))
    if course.date < window.start:
        item.blockers.append(texts.before_window(hours, course.date, window, cycle))
    if course.date > window.last_day:
        item.blockers.append(texts.after_window(hours, course.date, window, cycle))
    if cycle.approval_required and not has_approval:
        item.blockers.append(texts.no_approval(hours, cycle, course.approval))

    item.refused = {}
    for c in cycle.components:
        if c.national_content_only and not course.national:
            item.refused[c.id] = "national"
        elif not accepts(c, item):
            item.refused[c.id] = "delivery"
    item.allowed = [c.id for c in cycle.components if c.id not in item.refused]
    return item
