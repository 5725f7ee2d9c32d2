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
"""

from bisect import bisect_left

from .flow import Network
from .values import ZERO


class Assignment:
    __slots__ = ("counted", "component_counted", "component_de")

    def __init__(self):
        self.counted = {}  # course index -> {component id: Decimal}
        self.component_counted = {}
        self.component_de = {}

    @property
    def total(self):
        return sum(self.component_counted.values(), ZERO)


def canonical_key(item):
    c = item.course
    return (c.date, c.title, c.hours, c.approval, item.distributive, c.national,
            c.component or "", c.delivery or "", c.index)


def group_key(cycle, item, honour_pins=True):
    """(pin, allowed component ids, DE): what the flow sees of a course."""
    pin = item.course.component if honour_pins else None
    return (pin, tuple(c.id for c in cycle.components if c.id in item.allowed), item.distributive)


def _groups(cycle, items, honour_pins):
    groups = {}  # key -> items, in canonical order; keys in order of first appearance
    for item in items:
        groups.setdefault(group_key(cycle, item, honour_pins), []).append(item)
    return groups


def assign(cycle, items, honour_pins=True):
    """Assigns the hours of countable ``items`` (already in canonical order);
    ``honour_pins`` False ignores every pin."""
    groups = _groups(cycle, items, honour_pins)
    hours = {key: sum((it.course.hours for it in members), ZERO) for key, members in groups.items()}
    unlimited = sum(hours.values(), ZERO) + 1
    solved = _solve(cycle, list(groups), hours, unlimited)
    result = Assignment()
    comps = cycle.components
    for item in items:
        result.counted[item.course.index] = {c.id: ZERO for c in comps}
    for key, members in groups.items():
        _share_out(members, solved.group_flow[key], comps, result.counted)
    result.component_counted = solved.component_counted
    result.component_de = solved.component_de
    return result


class _Solved:
    __slots__ = ("group_flow", "component_counted", "component_de", "total")


def _network(cycle, keys, hours, unlimited):
    """The network for groups ``keys`` (in node order) of the given hours.

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
        limit = unlimited if c.de_limit is None else c.de_limit
        gate_edges[c.id] = net.add_edge(gate_node[c.id], comp_node[c.id], limit)
        sink_edges.append(net.add_edge(comp_node[c.id], 1, c.hours, usable=False))
    return net, source_edges, pinned_edges, group_edges, gate_edges, sink_edges


def _solve(cycle, keys, hours, unlimited, built=None):
    """The canonical staged flow of the groups ``keys`` (in node order);
    ``built`` is a fresh copy of _network's answer for them, if at hand."""
    net, source_edges, pinned_edges, group_edges, gate_edges, sink_edges = built or _network(cycle, keys, hours, unlimited)
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
    solved.group_flow = {key: {c.id: ZERO for c in comps} for key in keys}
    for key, cid, e in group_edges:
        solved.group_flow[key][cid] += net.flow(e)
    solved.component_counted = {c.id: net.flow(e) for c, e in zip(comps, sink_edges)}
    solved.component_de = {c.id: net.flow(gate_edges[c.id]) for c in comps}
    solved.total = sum(solved.component_counted.values(), ZERO)
    return solved


def _max_total(cycle, keys, hours, unlimited):
    """The largest total for these groups (no staging: one maximum flow)."""
    net, source_edges, _, _, _, sink_edges = _network(cycle, keys, hours, unlimited)
    for e in source_edges + sink_edges:
        net.usable[e] = True
    net.augment(0, 1)
    return sum((net.flow(e) for e in sink_edges), ZERO)


def _share_out(members, flow, comps, counted):
    """Splits a group's flow per component over its courses, earliest first:
    each course is filled up to its hours, components in the rules' order."""
    left = dict(flow)
    for item in members:
        room = item.course.hours
        for c in comps:
            if room <= 0:
                break
            take = min(room, left[c.id])
            if take > 0:
                counted[item.course.index][c.id] += take
                left[c.id] -= take
                room -= take


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
    """

    def __init__(self, cycle, items, base_total):
        self.cycle = cycle
        self.base_total = base_total
        self.groups = _groups(cycle, items, honour_pins=True)
        self.position = {item.course.index: i for i, item in enumerate(items)}
        self.hours = {key: sum((it.course.hours for it in members), ZERO) for key, members in self.groups.items()}
        self.unlimited = sum(self.hours.values(), ZERO) + 1
        self.release = {}  # pinned group key -> best total with the whole group unpinned
        self.networks = {}  # group keys in node order -> _network for them
        self.places = {}  # unpinned group key -> canonical positions of its courses
        self.trials = {}

    def _first(self, members):
        return self.position[members[0].course.index]

    def _keys_in_order(self, groups):
        return sorted((key for key, members in groups.items() if members), key=lambda k: self._first(groups[k]))

    def _fresh_network(self, keys, hours):
        """_network(keys, hours), from a copy of one built earlier for the same
        groups: trials differ only in two groups' hours."""
        shape = tuple(keys)
        if shape not in self.networks:
            self.networks[shape] = _network(self.cycle, keys, hours, self.unlimited)
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
        key = group_key(self.cycle, item)
        if key not in self.release:
            free = (None,) + key[1:]
            groups = dict(self.groups)
            groups[free] = sorted(groups.get(free, []) + groups.pop(key), key=lambda it: self.position[it.course.index])
            hours = {k: sum((it.course.hours for it in m), ZERO) for k, m in groups.items()}
            self.release[key] = _max_total(self.cycle, self._keys_in_order(groups), hours, self.unlimited)
        return self.release[key] > self.base_total

    def trial(self, item):
        key = group_key(self.cycle, item)
        free = (None,) + key[1:]
        h = item.course.hours
        others = self.groups.get(free, [])
        places = self.places.get(free)
        if places is None:
            places = self.places[free] = [self.position[it.course.index] for it in others]
        cut = bisect_left(places, self.position[item.course.index])
        # Courses of one group with the same hours and the same place among
        # the unpinned ones get the same answer.
        seen = self.trials.get((key, h, cut))
        if seen is None:
            seen = self.trials[(key, h, cut)] = self._trial(item, key, free, h, others, cut)
        return seen

    def _trial(self, item, key, free, h, others, cut):
        groups = dict(self.groups)
        groups[key] = [it for it in groups[key] if it is not item]
        groups[free] = others[:cut] + [item] + others[cut:]
        hours = dict(self.hours)
        hours[key] -= h
        hours[free] = hours.get(free, ZERO) + h
        keys = self._keys_in_order(groups)
        solved = _solve(self.cycle, keys, hours, self.unlimited, self._fresh_network(keys, hours))
        before = sum((it.course.hours for it in others[:cut]), ZERO)
        return solved.total, _slice(solved.group_flow[free], before, h, self.cycle.components)


def _slice(flow, start, hours, comps):
    """The part [start, start + hours) of a group's flow laid out component
    after component: what _share_out gives the course that starts there."""
    placement = {}
    offset = ZERO
    end = start + hours
    for c in comps:
        lo, hi = max(offset, start), min(offset + flow[c.id], end)
        placement[c.id] = hi - lo if hi > lo else ZERO
        offset += flow[c.id]
    return placement
