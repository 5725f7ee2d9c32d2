"""Maximum flow (Edmonds-Karp) with exact capacities and staged augmentation.

Edmonds-Karp always augments along a shortest path found by breadth-first
search, so it terminates with exact capacities (assign.py gives whole
numbers) and, given a fixed order of nodes and edges, always produces the
same flow. ``augment`` can be
called repeatedly with a growing set of usable edges: each call continues
from the current flow, so earlier stages are never undone (a simple
source-to-sink path never uses a reverse edge out of the source or into the
sink, so flow leaving the source or entering the sink only grows).
"""


class Network:
    __slots__ = ("head", "to", "cap", "orig", "usable")

    def __init__(self, nodes):
        self.head = [[] for _ in range(nodes)]  # node -> edge ids, in insertion order
        self.to = []
        self.cap = []  # residual capacity; edge e's reverse is e ^ 1
        self.orig = []
        self.usable = []

    def add_edge(self, u, v, capacity, usable=True):
        """Adds u->v and its reverse; returns the edge id."""
        eid = len(self.to)
        for a, b, c in ((u, v, capacity), (v, u, capacity - capacity)):
            self.head[a].append(len(self.to))
            self.to.append(b)
            self.cap.append(c)
            self.orig.append(c)
            self.usable.append(usable)
        return eid

    def flow(self, eid):
        return self.orig[eid] - self.cap[eid]

    def augment(self, source, sink):
        """Pushes flow along shortest augmenting paths until none is left,
        using only edges marked usable (reverse edges always are)."""
        head, to, cap, usable = self.head, self.to, self.cap, self.usable
        nodes = len(head)
        while True:
            via = [-1] * nodes  # edge used to reach each node
            via[source] = -2
            queue = [source]  # breadth first: the list grows while it is read
            for node in queue:
                for e in head[node]:
                    nxt = to[e]
                    if via[nxt] == -1 and cap[e] > 0 and (usable[e] or e & 1):
                        via[nxt] = e
                        queue.append(nxt)
                if via[sink] != -1:  # nothing later changes the path found
                    break
            if via[sink] == -1:
                return
            # Bottleneck along the path, then push it.
            push = None
            node = sink
            while node != source:
                e = via[node]
                push = cap[e] if push is None or cap[e] < push else push
                node = to[e ^ 1]
            node = sink
            while node != source:
                e = via[node]
                cap[e] -= push
                cap[e ^ 1] += push
                node = to[e ^ 1]
