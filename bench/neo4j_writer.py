"""Our RDF → Neo4j writer vs rdflib-neo4j 1.1, loading the same Turtle into the same server.

    python bench/neo4j_writer.py                       # starts a launcher in a temp dir
    python bench/neo4j_writer.py --uri bolt://127.0.0.1:7687 --ttl data.ttl --scale 1 --runs 3   # --scale copies the input

Default input: the ontology + curated graphs (kadrey_kg.graph.base_graphs), copied `--scale` times
with entity/document IRIs renamed so each copy adds new nodes. The database is cleared before
every run (uniqueness constraint on :Resource(uri) kept: both writers need it). Reports
triples/s per writer (best of `--runs`) and the ratio. Needs `pip install rdflib-neo4j==1.1`.
"""
from __future__ import annotations

import argparse
import os
import secrets
import statistics
import sys
import tempfile
import time
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import RDF

ROOTS = ("https://w3id.org/kadrey-kg/id/", "https://w3id.org/kadrey-kg/doc/")


def load_input(ttl: Path | None, scale: int) -> Graph:
    if ttl:
        base = Graph().parse(ttl)
    else:
        from kadrey_kg.graph.base_graphs import curated_graph, ontology_graph
        base = Graph()
        for g in (ontology_graph(), curated_graph()):
            for triple in g:
                base.add(triple)
    out = Graph()
    for k in range(scale):
        def rename(term, k=k):
            if k and isinstance(term, URIRef) and str(term).startswith(ROOTS):
                return URIRef(f"{term}-copy{k}")
            return term
        for s, p, o in base:
            out.add((rename(s), p, o if p == RDF.type else rename(o)))
    return out


def wipe(driver) -> None:
    with driver.session() as session:
        while session.run("MATCH (n) WITH n LIMIT 2000 DETACH DELETE n RETURN count(*) AS c").single()["c"]:
            pass


def run_ours(cfg, graph: Graph) -> float:
    from kadrey_kg.graph.neo4j_store import Neo4jStore
    store = Neo4jStore(cfg)
    t0 = time.perf_counter()
    store.replace_document("https://w3id.org/kadrey-kg/doc/bench", graph)
    elapsed = time.perf_counter() - t0
    store.close()
    return elapsed


def run_rdflib_neo4j(cfg, graph: Graph) -> float:
    from rdflib_neo4j import HANDLE_VOCAB_URI_STRATEGY, Neo4jStore, Neo4jStoreConfig
    config = Neo4jStoreConfig(
        auth_data={"uri": cfg.uri, "database": cfg.database or "neo4j", "user": cfg.user, "pwd": cfg.password},
        handle_vocab_uri_strategy=HANDLE_VOCAB_URI_STRATEGY.IGNORE, batching=True)
    t0 = time.perf_counter()
    target = Graph(store=Neo4jStore(config=config))
    for triple in graph:          # the same in-memory triples as ours: parsing is not timed for either
        target.add(triple)
    target.close(True)
    return time.perf_counter() - t0


def counts(driver) -> tuple[int, int]:
    with driver.session() as session:
        return (session.run("MATCH (n:Resource) RETURN count(n) AS c").single()["c"],
                session.run("MATCH ()-[r]->() RETURN count(r) AS c").single()["c"])


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--uri", default=os.environ.get("NEO4J_URI"))
    parser.add_argument("--ttl", type=Path, default=None)
    parser.add_argument("--scale", type=int, default=4)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)

    import neo4j
    from kadrey_kg.graph import neo4j_server as srv
    from kadrey_kg.graph.config import StoreConfig

    tmp = None
    if args.uri:
        cfg = StoreConfig("neo4j", uri=args.uri, user=os.environ.get("NEO4J_USER", "neo4j"),
                          password=os.environ.get("NEO4J_PASSWORD"), database=os.environ.get("NEO4J_DATABASE"))
    else:
        tmp = Path(tempfile.mkdtemp(prefix="kkg-bench-neo4j-"))
        password = secrets.token_urlsafe(16)
        t0 = time.perf_counter()
        status = srv.start(tmp, port=srv.free_port(), password=password, timeout=300)
        print(f"launcher started in {time.perf_counter() - t0:.1f}s at {status.uri}", file=sys.stderr)
        cfg = StoreConfig("neo4j", uri=status.uri, user="neo4j", password=password)
    try:
        graph = load_input(args.ttl, args.scale)
        print(f"input: {len(graph)} triples", file=sys.stderr)
        driver = neo4j.GraphDatabase.driver(cfg.uri, auth=(cfg.user, cfg.password), notifications_min_severity="OFF")
        results: dict[str, list[float]] = {"ours": [], "rdflib-neo4j": []}
        shapes = {}
        for run in range(args.runs):
            for name, fn in (("ours", run_ours), ("rdflib-neo4j", run_rdflib_neo4j)):
                wipe(driver)
                seconds = fn(cfg, graph)
                results[name].append(seconds)
                shapes[name] = counts(driver)
                print(f"run {run + 1} {name:13s} {seconds:7.2f}s {len(graph) / seconds:9.0f} triples/s "
                      f"(nodes, relationships) = {shapes[name]}", file=sys.stderr)
        wipe(driver)
        driver.close()
        best = {name: min(times) for name, times in results.items()}
        median = {name: statistics.median(times) for name, times in results.items()}
        for name in results:
            print(f"{name:13s} best {best[name]:7.2f}s {len(graph) / best[name]:9.0f} triples/s   "
                  f"median {median[name]:7.2f}s {len(graph) / median[name]:9.0f} triples/s")
        print(f"ratio rdflib-neo4j / ours: best {best['rdflib-neo4j'] / best['ours']:.1f}x, "
              f"median {median['rdflib-neo4j'] / median['ours']:.1f}x ({len(graph)} triples, {args.runs} runs)")
    finally:
        if tmp is not None:
            srv.stop(tmp)
    return 0


if __name__ == "__main__":
    sys.exit(main())
