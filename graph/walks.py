"""Walking the graph (neighbourhood, shortest paths): one algorithm for both stores.

A store's query mixin provides three primitives and inherits the walks:
`_edges_of(nodes, relations) -> {(s, p, o)}` (relation edges touching `nodes`, plumbing removed),
`_nodes(iris) -> {iri: Node}` and `_edge_objects(edges) -> [Edge]` (with sources).
"""
from __future__ import annotations

from collections import defaultdict

from .model import PathResult, Subgraph
from .shaping import check_iri as _ok, relation_set as _relation_set


class GraphWalks:
    def neighbourhood(self, iri, hops=1, relations=None, types=None, limit=300) -> Subgraph:
        iri = _ok(iri)
        rels = _relation_set(relations)
        wanted_types = set(types) if types else None
        seen, frontier, edges, truncated = {iri}, {iri}, set(), False
        for _ in range(max(0, hops)):
            if not frontier:
                break
            found = self._edges_of(frontier, rels)
            nxt = set()
            for s, p, o in found:
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
        dist = {source: 0}
        parents: dict[str, set[tuple[str, tuple]]] = defaultdict(set)
        frontier = {source}
        for depth in range(1, max_hops + 1):
            if not frontier or len(dist) > 20000:
                break
            nxt = set()
            for s, p, o in self._edges_of(frontier, rels):
                for here, there in ((s, o), (o, s)):
                    if here in frontier and dist.get(there, depth) == depth:
                        dist[there] = depth
                        parents[there].add((here, (s, p, o)))
                        nxt.add(there)
            frontier = nxt
            if target in dist:
                break
        if target not in dist:
            return []
        paths: list[tuple[list[str], list[tuple]]] = []

        def walk(node, nodes, hops):
            if len(paths) >= 1000:
                return
            if node == source:
                paths.append((list(reversed(nodes)), list(reversed(hops))))
                return
            for parent, edge in sorted(parents[node]):
                walk(parent, nodes + [parent], hops + [edge])

        walk(target, [target], [])
        paths.sort(key=lambda ph: ph[0])
        paths = paths[: max(0, limit)]
        all_nodes = self._nodes({n for ns, _ in paths for n in ns})
        edge_objs = {(e.subject, e.predicate, e.object): e for e in self._edge_objects({h for _, hs in paths for h in hs})}
        return [PathResult([all_nodes[n] for n in ns], [edge_objs[h] for h in hs]) for ns, hs in paths]
