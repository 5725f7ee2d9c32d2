"""Best assignment of course hours to components, as a maximum flow.

Network: source -> course (capacity: its hours) -> component, or for a DE
course -> the component's DE gate -> component (gate capacity: the DE limit),
and component -> sink (capacity: required hours). A maximum flow counts as
many hours as the caps allow; greedy filling (e.g. National first) is not
enough, because in-person National hours may be needed for a Local component
that takes no DE.

The flow is built in stages so the result is canonical:
  0. pinned courses, each only into the component the person chose;
  1..k. all courses, with the sink edges of the components opened one by one
     in the rules' order (national, local, individual), so earlier components
     are filled as far as possible first while the final total stays maximal.
Courses are added in a canonical order, so input order does not matter.

Courses that can go to the same places (same pin, same allowed components,
same DE status) are interchangeable in the network, so each such group is one
node, and its flow is shared out to its courses in canonical order. This keeps
the network a few nodes wide however many courses a person enters, and lets
``PinTrials`` ask "what if this one course were not pinned?" by moving one
course between two groups instead of building everything again.

The flow runs on whole numbers: every figure (course hours, requirements, DE
limits) is counted in the smallest unit any of them uses (a hundredth of an
hour for hours such as 1.25), which is exact and much faster than Decimal;
results are turned back into Decimal hours at the end.
"""


from bisect import bisect_left
from decimal import Decimal

from .flow import Network
from .values import ZERO


class Assignment:
    __slots__ = ("counted", "component_counted", "component_de", "total")

    def __init__(self):
        self.counted = {}  # course index -> {component id: Decimal}
        self.component_counted = {}
        self.component_de = {}
        self.total = ZERO


def canonical_key(item):
    """Courses' order in the flow: by what they are, then by their position.
    Courses equal in all but position are interchangeable: which of them takes
    which share of their group's flow changes no figure but their rows'."""
    return content_key(item, item.course.component) + (item.course.index,)


def content_key(item, pin):
    """canonical_key without the position, with the pin ``pin``."""
    c = item.course
    return (c.date, c.title, c.hours, c.approval, item.distributive, c.national,
            pin or "", c.delivery or "")


def group_key(item, honour_pins=True):
    """(pin, allowed component ids, DE): what the flow sees of a course.
    ``item.allowed`` is already in the rules' order of components."""
    return (item.course.component if honour_pins else None, tuple(item.allowed), item.distributive)


def _groups(items, honour_pins):
    groups = {}  # key -> items, in canonical order; keys in order of first appearance
    for item in items:
        groups.setdefault(group_key(item, honour_pins), []).append(item)
    return groups


class _Units:
    """Hours as whole numbers of the smallest unit any figure uses (exact)."""

    __slots__ = ("places", "decimals")

    def __init__(self, cycle, items):
        values = [c.hours for c in cycle.components]
        values += [c.de_limit for c in cycle.components if c.de_limit is not None]
        places = 0
        for value in values:
            places = max(places, -value.as_tuple().exponent)
        for item in items:
            places = max(places, -item.course.hours.as_tuple().exponent)
        self.places = places
        self.decimals = {}  # whole number -> Decimal: few distinct figures occur

    def whole(self, value):
        return int(value.scaleb(self.places))

    def hours(self, number):
        value = self.decimals.get(number)
        if value is None:
            value = self.decimals[number] = Decimal(number).scaleb(-self.places)
        return value


def assign(cycle, items, honour_pins=True):
    """Assigns the hours of countable ``items`` (already in canonical order);
    ``honour_pins`` False ignores every pin."""
    units = _Units(cycle, items)
    groups = _groups(items, honour_pins)
    hours = {key: sum(units.whole(it.course.hours) for it in members) for key, members in groups.items()}
    unlimited = sum(hours.values()) + 1
    solved = _solve(cycle, units, list(groups), hours, unlimited)
    comps = [c.id for c in cycle.components]
    counted = {}
    for key, members in groups.items():
        _share_out(members, solved.group_flow[key], comps, units, counted)
    result = Assignment()
    zero = {cid: ZERO for cid in comps}
    for item in items:
        shares = counted.get(item.course.index)
        result.counted[item.course.index] = {cid: units.hours(shares[cid]) for cid in comps} if shares else dict(zero)
    result.component_counted = {cid: units.hours(v) for cid, v in solved.component_counted.items()}
    result.component_de = {cid: units.hours(v) for cid, v in solved.component_de.items()}
    result.total = units.hours(solved.total)
    return result


class _Solved:
    __slots__ = ("group_flow", "component_counted", "component_de", "total")


def _network(cycle, units, keys, hours, unlimited):
    """The network for groups ``keys`` (in node order) of the given hours
    (whole units).

    Returns (net, source edges, pinned source edges, [(key, component id, edge)],
    gate edges by component id, sink edges in the rules' order)."""
    comps = cycle.components
    n = len(keys)
    comp_node = {c.id: 2 + n + 2 * k for k, c in enumerate(comps)}
    gate_node = {c.id: 3 + n + 2 * k for k, c in enumerate(comps)}
    net = Network(2 + n + 2 * len(comps))
    source_edges, pinned_edges, group_edges = [], [], []
    for k, key in enumerate(keys):
        pin, allowed, distributive = key
        e = net.add_edge(0, 2 + k, hours[key], usable=False)
        source_edges.append(e)
        if pin is not None:
            pinned_edges.append(e)
        for cid in ([pin] if pin is not None else [c.id for c in comps]):
            if cid in allowed:
                node = gate_node[cid] if distributive else comp_node[cid]
                group_edges.append((key, cid, net.add_edge(2 + k, node, unlimited)))
    gate_edges, sink_edges = {}, []
    for c in comps:
        limit = unlimited if c.de_limit is None else units.whole(c.de_limit)
        gate_edges[c.id] = net.add_edge(gate_node[c.id], comp_node[c.id], limit)
        sink_edges.append(net.add_edge(comp_node[c.id], 1, units.whole(c.hours), usable=False))
    return net, source_edges, pinned_edges, group_edges, gate_edges, sink_edges


def _solve(cycle, units, keys, hours, unlimited, built=None):
    """The canonical staged flow of the groups ``keys`` (in node order), in
    whole units; ``built`` is a fresh copy of _network's answer for them, if at hand."""
    net, source_edges, pinned_edges, group_edges, gate_edges, sink_edges = \
        built or _network(cycle, units, keys, hours, unlimited)
    source, sink = 0, 1
    # Stage 0: pinned hours go where the person put them, before anything else.
    if pinned_edges:
        for e in pinned_edges + sink_edges:
            net.usable[e] = True
        net.augment(source, sink)
    # Stages 1..k: everything, opening components in priority order.
    for e in source_edges:
        net.usable[e] = True
    for e in sink_edges:
        net.usable[e] = False
    for e in sink_edges:
        net.usable[e] = True
        net.augment(source, sink)

    comps = cycle.components
    solved = _Solved()
    solved.group_flow = {key: {c.id: 0 for c in comps} for key in keys}
    for key, cid, e in group_edges:
        solved.group_flow[key][cid] += net.flow(e)
    solved.component_counted = {c.id: net.flow(e) for c, e in zip(comps, sink_edges)}
    solved.component_de = {c.id: net.flow(gate_edges[c.id]) for c in comps}
    solved.total = sum(solved.component_counted.values())
    return solved


def _max_total(cycle, units, keys, hours, unlimited):
    """The largest total for these groups, in whole units (no staging: one maximum flow)."""
    net, source_edges, _, _, _, sink_edges = _network(cycle, units, keys, hours, unlimited)
    for e in source_edges + sink_edges:
        net.usable[e] = True
    net.augment(0, 1)
    return sum(net.flow(e) for e in sink_edges)


def _share_out(members, flow, comps, units, counted):
    """Splits a group's flow per component (whole units) over its courses,
    earliest first: each course is filled up to its hours, components in the
    rules' order. Writes {component id: whole units} into ``counted`` for each
    course that gets any."""
    left = [flow[cid] for cid in comps]
    k = 0  # the first component with flow left
    while k < len(left) and left[k] <= 0:
        k += 1
    for item in members:
        if k == len(left):
            break
        room = units.whole(item.course.hours)
        shares = dict.fromkeys(comps, 0)
        while room > 0 and k < len(left):
            take = room if room < left[k] else left[k]
            shares[comps[k]] += take
            left[k] -= take
            room -= take
            while k < len(left) and left[k] <= 0:
                k += 1
        counted[item.course.index] = shares


class PinTrials:
    """What the assignment would count if one pinned course were let go.

    ``trial(item)`` gives exactly what ``assign`` would give with that one
    course unpinned: (total, that course's hours per component). Two shortcuts
    keep hundreds of pinned courses fast:

    - Unpinning a course of group g lets up to its hours h leave g's component.
      The best total is then min(A_g, base + h), where A_g is the best total
      with the whole group g unpinned (every cut of the network either crosses
      that extra way out or not), so one flow per group says which courses
      can gain at all; the others need no trial.
    - A trial moves one course from its pinned group to the matching unpinned
      group: the small group network is solved again, and the course's share
      of its new group is read off the group's flow at its canonical place
      (earlier courses are filled first), without sharing out anything else.

    Clearing a pin changes the course's canonical key (the pin is part of
    it), so its place among the unpinned courses, and the order of the
    groups in the network, are those of its key with the pin cleared: what
    ``assign`` sees when it sorts the courses again. Among unpinned courses
    equal to it in all but position it takes the first place, whatever its
    own position: those courses are interchangeable once the pin is cleared
    (they share their group's flow out between them), so the suggestion is
    the first of their shares, the same whatever order the courses were
    entered in.
    """

    def __init__(self, cycle, items, base_total):
        self.cycle = cycle
        self.units = _Units(cycle, items)
        self.base_total = self.units.whole(base_total)
        self.groups = _groups(items, honour_pins=True)
        self.keys = {item.course.index: canonical_key(item) for item in items}
        self.hours = {key: sum(self.units.whole(it.course.hours) for it in members)
                      for key, members in self.groups.items()}
        self.unlimited = sum(self.hours.values()) + 1
        # Each group's first and second course's canonical key: enough to order
        # the groups with any one course moved out of its group.
        self.firsts = {key: [self.keys[it.course.index] for it in members[:2]] for key, members in self.groups.items()}
        self.release = {}  # pinned group key -> best total with the whole group unpinned
        self.networks = {}  # group keys in node order -> _network for them
        self.places = {}  # unpinned group key -> (canonical keys of its courses, hours before each)
        self.trials = {}

    def _fresh_network(self, keys, hours):
        """_network(keys, hours), from a copy of one built earlier for the same
        groups: trials differ only in two groups' hours."""
        shape = tuple(keys)
        if shape not in self.networks:
            self.networks[shape] = _network(self.cycle, self.units, keys, hours, self.unlimited)
        net, source_edges, pinned_edges, group_edges, gate_edges, sink_edges = self.networks[shape]
        copy = Network(0)
        copy.head, copy.to = net.head, net.to  # the shape is never changed
        copy.cap, copy.orig = list(net.orig), list(net.orig)
        for key, e in zip(keys, source_edges):
            copy.cap[e] = copy.orig[e] = hours[key]
        copy.usable = [True] * len(net.usable)
        for e in source_edges + sink_edges:
            copy.usable[e] = False
        return copy, source_edges, pinned_edges, group_edges, gate_edges, sink_edges

    def gain_possible(self, item):
        key = group_key(item)
        if key not in self.release:
            free = (None,) + key[1:]
            hours = dict(self.hours)
            hours[free] = hours.get(free, 0) + hours.pop(key)
            firsts = dict(self.firsts)
            firsts[free] = sorted(firsts.get(free, []) + firsts.pop(key))
            keys = sorted(hours, key=lambda k: firsts[k][0])  # the order does not change the best total
            self.release[key] = _max_total(self.cycle, self.units, keys, hours, self.unlimited)
        return self.release[key] > self.base_total

    def trial(self, item):
        """(total, {component id: hours}) as Decimal hours."""
        key = group_key(item)
        free = (None,) + key[1:]
        h = self.units.whole(item.course.hours)
        own = self.keys[item.course.index]
        # Before every unpinned course equal to it: positions are never negative.
        unpinned_key = content_key(item, None) + (-1,)
        places = self.places.get(free)
        if places is None:
            others = self.groups.get(free, [])
            before, running = [], 0
            for it in others:
                before.append(running)
                running += self.units.whole(it.course.hours)
            before.append(running)
            places = self.places[free] = ([self.keys[it.course.index] for it in others], before)
        cut = bisect_left(places[0], unpinned_key)
        # The order of the groups once the course has moved: each group by its
        # first course's key.
        firsts = {}
        for k, pair in self.firsts.items():
            if k == key:
                pair = pair[1:] if pair[0] == own else pair
            elif k == free and cut == 0:
                pair = [unpinned_key]
            if pair:
                firsts[k] = pair[0]
        if free not in firsts:
            firsts[free] = unpinned_key
        order = tuple(sorted(firsts, key=firsts.__getitem__))
        # Courses of one group with the same hours, the same place among the
        # unpinned ones and the same order of groups get the same answer.
        seen = self.trials.get((key, h, cut, order))
        if seen is None:
            seen = self.trials[(key, h, cut, order)] = self._trial(key, free, h, places[1][cut], order)
        return seen

    def _trial(self, key, free, h, before, order):
        hours = dict(self.hours)
        hours[key] -= h
        hours[free] = hours.get(free, 0) + h
        solved = _solve(self.cycle, self.units, order, hours, self.unlimited, self._fresh_network(order, hours))
        placement = _slice(solved.group_flow[free], before, h, self.cycle.components)
        return (self.units.hours(solved.total), {cid: self.units.hours(v) for cid, v in placement.items()})


def _slice(flow, start, hours, comps):
    """The part [start, start + hours) of a group's flow laid out component
    after component: what _share_out gives the course that starts there."""
    placement = {}
    offset = 0
    end = start + hours
    for c in comps:
        lo, hi = max(offset, start), min(offset + flow[c.id], end)
        placement[c.id] = hi - lo if hi > lo else 0
        offset += flow[c.id]
    return placement
