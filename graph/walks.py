"""Walking the graph (neighbourhood, shortest paths): one algorithm for both stores.

A store's query mixin provides three primitives and inherits the walks:
`_edges_of(nodes, relations) -> {(s, p, o)}` (relation edges touching `nodes`, plumbing removed),
`_nodes(iris) -> {iri: Node}` and `_edge_objects(edges) -> [Edge]` (with sources); and a
`generation` counter bumped by its own writes.

Hubs: at corpus scale an entity like Meta is the target of tens of thousands of allegations. Two
rules keep walks cheap and identical on both stores:
* a neighbourhood shows, per node, relation and direction, at most EDGES_PER_RELATION edges: those
  whose far end sorts first by IRI (the subgraph is then marked truncated);
* each node's adjacency is fetched once and kept (graph/cache.py: LRU, bounded by edge count)
  until the store writes, so a hub reached from many places costs its full degree once.
Shortest paths are exact (no per-relation cap) and search from both ends, expanding the side
with fewer edges to walk.
"""
from __future__ import annotations

from collections import defaultdict

from .cache import store_cache
from .model import PathResult, Subgraph
from .shaping import check_iri as _ok
from .shaping import relation_set as _relation_set

EDGES_PER_RELATION = 25
ADJACENCY_CACHE_EDGES = 400_000  # ~100 MB of edge tuples at most
MAX_PATHS_ENUMERATED = 5000
MAX_NODES_VISITED = 50_000
PEEK_FRONTIER_NODES = 2_000    # frontiers up to this size are compared by edge count, not node count


class GraphWalks:
    # ---- adjacency, cached per store generation ------------------------------------------------
    def _adjacency(self, nodes) -> dict[str, tuple[tuple[str, str, str], ...]]:
        """Every relation edge touching each of `nodes` (hidden ends removed)."""
        return store_cache(self, "adjacency", ADJACENCY_CACHE_EDGES, lambda es: len(es) + 1).get_many(
            self, nodes, self._fetch_adjacency)

    def _fetch_adjacency(self, nodes: list[str]) -> dict[str, tuple]:
        fetched: dict[str, list] = {n: [] for n in nodes}
        for e in self._edges_of(nodes):
            for end in {e[0], e[2]}:
                if end in fetched:
                    fetched[end].append(e)
        return {n: tuple(sorted(es)) for n, es in fetched.items()}

    def _cheaper_side(self, front0: set, front1: set) -> int:
        """Which search side to expand: the one with fewer edges to walk, when both frontiers are
        small enough to look at their adjacency (it is fetched for the expansion anyway and stays
        cached); otherwise the one with fewer nodes. A side whose frontier holds a hub (Meta: tens
        of thousands of edges) then waits while the other side may meet it more cheaply."""
        if len(front0) + len(front1) <= PEEK_FRONTIER_NODES:
            costs = [_frontier_cost(self._adjacency(sorted(f)), f) for f in (front0, front1)]
            return 0 if costs[0] <= costs[1] else 1
        return 0 if len(front0) <= len(front1) else 1

    # ---- walks ---------------------------------------------------------------------------------------
    def neighbourhood(self, iri, hops=1, relations=None, types=None, limit=300) -> Subgraph:
        iri = _ok(iri)
        rels = _relation_set(relations)
        wanted_types = set(types) if types else None
        seen, frontier, edges, truncated = {iri}, {iri}, set(), False
        for _ in range(max(0, hops)):
            if not frontier:
                break
            found, capped = _capped_edges(self._adjacency(sorted(frontier)), rels)
            truncated |= capped
            nxt = set()
            for s, p, o in sorted(found):
                for n in (s, o):
                    if n not in seen and n not in nxt:
                        if len(seen) + len(nxt) >= limit:
                            truncated = True
                            continue
                        nxt.add(n)
                if (s in seen or s in nxt) and (o in seen or o in nxt):
                    edges.add((s, p, o))
            seen |= nxt
            frontier = nxt
        nodes = self._nodes(seen)
        if wanted_types:
            keep = {n for n, node in nodes.items() if n == iri or set(node.types) & wanted_types}
            nodes = {n: v for n, v in nodes.items() if n in keep}
            edges = {e for e in edges if e[0] in keep and e[2] in keep}
        return Subgraph(sorted(nodes.values(), key=lambda n: n.iri), self._edge_objects(edges), truncated)

    def shortest_paths(self, source, target, max_hops=4, limit=5, relations=None) -> list[PathResult]:
        source, target = _ok(source), _ok(target)
        if source == target:
            return [PathResult(list(self._nodes([source]).values()), [])]
        rels = _relation_set(relations)
        # one BFS side per end: distances, parents (node -> {(parent, edge)}), current frontier
        sides = [({source: 0}, defaultdict(set), {source}), ({target: 0}, defaultdict(set), {target})]
        depth = [0, 0]
        meet: set[str] = set()
        while not meet and depth[0] + depth[1] < max_hops:
            i = self._cheaper_side(sides[0][2], sides[1][2])
            dist, parents, frontier = sides[i]
            if not frontier or len(sides[0][0]) + len(sides[1][0]) > MAX_NODES_VISITED:
                break
            level = depth[i] + 1
            nxt = set()
            adjacency = self._adjacency(sorted(frontier))
            for here in frontier:
                for edge in adjacency.get(here, ()):
                    if rels and edge[1] not in rels:
                        continue
                    there = edge[2] if edge[0] == here else edge[0]
                    if dist.get(there, level) == level:
                        dist[there] = level
                        parents[there].add((here, edge))
                        nxt.add(there)
            sides[i] = (dist, parents, nxt)
            depth[i] = level
            other = sides[1 - i][0]
            # every shortest path crosses this new layer; the other side knows exact distances up to its depth
            sums = {n: level + other[n] for n in nxt if n in other}
            if sums:
                best = min(sums.values())
                meet = {n for n, d in sums.items() if d == best}
        if not meet:
            return []
        halves = [_partial_paths(sides[0][1], source, meet), _partial_paths(sides[1][1], target, meet)]
        paths: list[tuple[list[str], list[tuple]]] = []
        for m in sorted(meet):
            for nodes_s, hops_s in halves[0][m]:
                for nodes_t, hops_t in halves[1][m]:
                    if len(paths) >= MAX_PATHS_ENUMERATED:
                        break
                    # source ... m ... target (the target half was walked from the target)
                    paths.append((nodes_s + list(reversed(nodes_t))[1:], hops_s + list(reversed(hops_t))))
        paths.sort(key=lambda ph: ph[0])
        paths = paths[: max(0, limit)]
        all_nodes = self._nodes({n for ns, _ in paths for n in ns})
        edge_objs = {(e.subject, e.predicate, e.object): e for e in self._edge_objects({h for _, hs in paths for h in hs})}
        return [PathResult([all_nodes[n] for n in ns], [edge_objs[h] for h in hs]) for ns, hs in paths]


def _frontier_cost(adjacency: dict, frontier) -> int:
    return sum(len(adjacency.get(n, ())) for n in frontier)


def _capped_edges(adjacency: dict[str, tuple], rels: set[str] | None) -> tuple[set, bool]:
    """The edges a neighbourhood shows from these nodes: per node, relation and direction, the
    EDGES_PER_RELATION whose far end sorts first; and whether any group was cut."""
    found, capped = set(), False
    for node, node_edges in adjacency.items():
        groups: dict[tuple[str, bool], list] = defaultdict(list)
        for s, p, o in node_edges:
            if rels and p not in rels:
                continue
            out = s == node
            groups[(p, out)].append((o if out else s, (s, p, o)))
        for items in groups.values():
            if len(items) > EDGES_PER_RELATION:
                capped = True
                items.sort()
                items = items[:EDGES_PER_RELATION]
            found.update(e for _, e in items)
    return found, capped


def _partial_paths(parents, root: str, ends: set[str]) -> dict[str, list[tuple[list[str], list[tuple]]]]:
    """Every shortest walk root → end (nodes and edges in walking order), per end."""
    return {end: _walks_back(parents, root, end) for end in ends}


def _walks_back(parents, root: str, end: str) -> list[tuple[list[str], list[tuple]]]:
    walks: list[tuple[list[str], list[tuple]]] = []
    stack = [(end, [end], [])]
    while stack and len(walks) < MAX_PATHS_ENUMERATED:
        node, nodes, hops = stack.pop()
        if node == root:
            walks.append((list(reversed(nodes)), list(reversed(hops))))
            continue
        for parent, edge in sorted(parents[node], reverse=True):  # popped in sorted order
            stack.append((parent, nodes + [parent], hops + [edge]))
    return walks
