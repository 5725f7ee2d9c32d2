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
"""

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


def assign(cycle, items, honour_pins=True, unpin=None):
    """Assigns the hours of countable ``items`` (already in canonical order).

    ``honour_pins`` False ignores every pin; ``unpin`` is the index of one
    course whose pin is ignored (used to test whether moving it would help).

    Courses that can go to the same places (same pin, same allowed
    components, same DE status) are interchangeable in the network, so each
    such group is one node; its flow is then shared out to its courses in
    canonical order. This keeps the network a few nodes wide however many
    courses a person enters.
    """
    comps = cycle.components

    def pin_of(item):
        if not honour_pins or item.course.index == unpin:
            return None
        return item.course.component

    groups = {}  # (pin, allowed components, DE) -> items, in canonical order
    for item in items:
        key = (pin_of(item), tuple(c.id for c in comps if c.id in item.allowed), item.distributive)
        groups.setdefault(key, []).append(item)
    keys = list(groups)

    n = len(keys)
    source, sink = 0, 1
    comp_node = {c.id: 2 + n + 2 * k for k, c in enumerate(comps)}
    gate_node = {c.id: 3 + n + 2 * k for k, c in enumerate(comps)}
    net = Network(2 + n + 2 * len(comps))
    unlimited = sum((it.course.hours for it in items), ZERO) + 1

    source_edges, pinned_edges = [], []
    group_edges = []  # (group key, component id, edge id)
    for k, key in enumerate(keys):
        pin, allowed, distributive = key
        hours = sum((it.course.hours for it in groups[key]), ZERO)
        e = net.add_edge(source, 2 + k, hours, usable=False)
        source_edges.append(e)
        if pin is not None:
            pinned_edges.append(e)
        targets = [pin] if pin is not None else [c.id for c in comps]
        for cid in targets:
            if cid in allowed:
                node = gate_node[cid] if distributive else comp_node[cid]
                group_edges.append((key, cid, net.add_edge(2 + k, node, unlimited)))
    gate_edges, sink_edges = {}, []
    for c in comps:
        limit = unlimited if c.de_limit is None else c.de_limit
        gate_edges[c.id] = net.add_edge(gate_node[c.id], comp_node[c.id], limit)
        sink_edges.append(net.add_edge(comp_node[c.id], sink, c.hours, usable=False))

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

    result = Assignment()
    for item in items:
        result.counted[item.course.index] = {c.id: ZERO for c in comps}
    group_flow = {key: {c.id: ZERO for c in comps} for key in keys}
    for key, cid, e in group_edges:
        group_flow[key][cid] += net.flow(e)
    for key, members in groups.items():
        _share_out(members, group_flow[key], comps, result.counted)
    for c, e in zip(comps, sink_edges):
        result.component_counted[c.id] = net.flow(e)
        result.component_de[c.id] = net.flow(gate_edges[c.id])
    return result


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
