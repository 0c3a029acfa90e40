"""The benchmark driver: synthetic corpora of several sizes through the real product, one run each.

    python bench/run.py --sizes 100,1000,10000 [--work /tmp/kkg-bench] [--neo4j bolt://127.0.0.1:7687]
    python bench/run.py --sizes 1000 --profile        # pyinstrument profile of the ingest (text + html)

Measures, per size: ingest documents/s and triples/s (first run, then a re-run of the unchanged
corpus, which must be >= 20x faster), per-decile documents/s (the per-document cost must stay
flat), peak RSS of the ingest process (must not grow with corpus size); then at the largest size:
embedded-store load triples/s, translation sentences/s, Neo4j load triples/s (our writer vs
rdflib-neo4j, with bench/neo4j_writer.py) and query latency p50/p95 on each store. Each measurement
runs in its own subprocess (`python bench/run.py _child KIND ...`, JSON on stdout) so RSS and start
up costs are its own. Prints a markdown table and writes it into bench/README.md between markers.
Never run by CI (the corpora take minutes to hours to ingest).
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
BEGIN, END = "<!-- bench:run:begin -->", "<!-- bench:run:end -->"


# ---- machine description ------------------------------------------------------------------------
def machine() -> dict:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_gib = "?"
    try:
        kb = int(next(x for x in Path("/proc/meminfo").read_text().splitlines() if x.startswith("MemTotal")).split()[1])
        mem_gib = f"{kb / 1024 / 1024:.1f} GiB"
    except (OSError, StopIteration):
        pass
    commit = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "-C", str(REPO), "status", "--porcelain", "--untracked-files=no"],
                           capture_output=True, text=True).stdout.strip()
    return {"nproc": os.cpu_count(), "ram": mem_gib, "cpu": cpu, "python": platform.python_version(),
            "commit": commit + ("+dirty" if dirty else ""),
            "load_avg": " / ".join(f"{x:.1f}" for x in os.getloadavg()), "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}


# ---- subprocess plumbing ------------------------------------------------------------------------
def child(kind: str, *args: str, timeout: float = 4 * 3600, env: dict | None = None) -> dict:
    """Run `bench/child.py`-style work in a fresh interpreter; its last stdout line is JSON."""
    cmd = [sys.executable, str(HERE / "run.py"), "_child", kind, *map(str, args)]
    started = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env={**os.environ, **(env or {})})
    wall = time.perf_counter() - started
    if proc.returncode != 0:
        raise RuntimeError(f"{kind} {' '.join(map(str, args))} failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    out["wall_seconds"] = wall
    return out


def rss_now_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS"):
            return int(line.split()[1]) / 1024
    return 0.0


def peak_rss_mib() -> float:
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# ---- children (run inside the subprocess) -------------------------------------------------------
def cpu_seconds() -> float:
    import resource
    ru = resource.getrusage(resource.RUSAGE_SELF)
    return ru.ru_utime + ru.ru_stime


def time_components(pipeline) -> dict[str, float]:
    """Wrap each pipeline component to add up its wall time (the machine is shared: see CPU time)."""
    totals: dict[str, float] = {}
    for comp in pipeline.components:
        totals[comp.name] = 0.0

        def timed(doc, _f=comp.func, _n=comp.name):
            t = time.perf_counter()
            try:
                return _f(doc)
            finally:
                totals[_n] += time.perf_counter() - t
        comp.func = timed
    return totals


def time_validation() -> list[float]:
    """Add up the time ingest spends in SHACL validation (loaders/ingest.py `_check`)."""
    from kadrey_kg.loaders import ingest as ingest_mod

    total = [0.0]
    original = ingest_mod._check

    def timed(doc):
        t = time.perf_counter()
        try:
            return original(doc)
        finally:
            total[0] += time.perf_counter() - t
    ingest_mod._check = timed
    return total


store_write_s = [0.0]


def time_store_writes(store) -> None:
    original = store.replace_document

    def timed(iri, graph):
        t = time.perf_counter()
        try:
            return original(iri, graph)
        finally:
            store_write_s[0] += time.perf_counter() - t
    store.replace_document = timed


def child_ingest(store_path: str, corpus: str, profile: str = "") -> dict:
    from kadrey_kg.graph import open_store
    from kadrey_kg.loaders.ingest import ingest
    from kadrey_kg.loaders.pipeline import Pipeline

    from kadrey_kg.loaders import argos

    t0 = time.perf_counter()
    store = open_store(store_path)
    pipeline = Pipeline()
    mt = [f"{a}→{b}" for a, b in (("fr", "en"), ("en", "fr")) if argos.engine_for(a, b) is not None]
    component_s = time_components(pipeline)
    validate_s = time_validation()
    time_store_writes(store)
    cpu0 = cpu_seconds()
    startup = time.perf_counter() - t0
    files = sorted(p for p in Path(corpus).iterdir() if p.suffix in (".txt", ".html", ".pdf"))
    n = len(files)
    deciles, marks, rss = [], {max(1, n * k // 10) for k in range(1, 11)}, []
    statuses: dict[str, int] = {}
    seconds_by_status: dict[str, float] = {}
    per_doc: dict[str, list] = {}
    errors, triples = [], 0
    profiler = None
    if profile:
        from pyinstrument import Profiler
        profiler = Profiler(interval=0.005)
        profiler.start()
    t1 = last = time.perf_counter()
    done_at_last = 0
    for i, res in enumerate(ingest(files, store), 1):
        statuses[res.status] = statuses.get(res.status, 0) + 1
        seconds_by_status[res.status] = seconds_by_status.get(res.status, 0.0) + res.seconds
        per_doc[res.path.name] = [res.status, round(res.seconds, 5)]
        triples += res.triples
        if res.status == "failed" and len(errors) < 5:
            errors.append(res.error)
        if i in marks:
            now = time.perf_counter()
            deciles.append(round((i - done_at_last) / max(now - last, 1e-9), 2))
            rss.append(round(rss_now_mib(), 1))
            last, done_at_last = now, i
    seconds = time.perf_counter() - t1
    cpu = cpu_seconds() - cpu0
    if profiler:
        profiler.stop()
        Path(profile).with_suffix(".txt").write_text(profiler.output_text(unicode=True, color=False, show_all=False))
        Path(profile).with_suffix(".html").write_text(profiler.output_html())
    t2 = time.perf_counter()
    stats = store.stats()
    store.close()
    return {"docs": n, "seconds": seconds, "cpu_seconds": cpu, "startup": startup, "mt_models": mt,
            "ms_per_doc_by_step": {k: round(v * 1000 / max(n, 1), 1) for k, v in {**component_s, "validate (SHACL)": validate_s[0], "store write": store_write_s[0]}.items()}, "triples": triples, "statuses": statuses,
            "seconds_by_status": seconds_by_status, "per_doc": per_doc,
            "errors": errors, "docs_per_s_by_decile": deciles, "rss_mib_by_decile": rss,
            "peak_rss_mib": peak_rss_mib(), "store_triples": stats.triples, "store_documents": stats.documents,
            "entities": stats.entities, "statements": stats.statements, "allegations": stats.allegations,
            "stats_seconds": time.perf_counter() - t2}


def child_load(store_path: str, out_path: str, max_docs: str = "2000") -> dict:
    """Embedded-store write speed through Store.replace_document (the path ingest uses), on the
    document graphs of an ingested store; plus pyoxigraph's raw bulk load of its N-Quads dump."""
    import io

    import pyoxigraph as ox
    from rdflib import Graph

    from kadrey_kg.graph.embedded import EmbeddedStore

    src = EmbeddedStore(store_path, read_only=True)
    dump = io.BytesIO()
    src._ox.dump(dump, format=ox.RdfFormat.N_QUADS)
    names = [g for g in src.named_graphs() if "/doc/" in g][: int(max_docs)]
    graphs = []
    for name in names:
        nt = io.BytesIO()
        src._ox.dump(nt, format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(name))
        graphs.append((name, Graph().parse(data=nt.getvalue().decode("utf-8"), format="nt")))
    src.close()
    dst = EmbeddedStore(out_path)
    t = time.perf_counter()
    for name, g in graphs:
        dst.replace_document(name, g)
    write_s = time.perf_counter() - t
    written = sum(len(g) for _, g in graphs)
    dst.close()
    raw = ox.Store(out_path + "-bulk")
    t = time.perf_counter()
    raw.bulk_load(dump.getvalue(), format=ox.RdfFormat.N_QUADS)
    raw.flush()
    bulk_s = time.perf_counter() - t
    return {"documents": len(graphs), "triples": written, "seconds": write_s,
            "bulk_quads": len(raw), "bulk_seconds": bulk_s, "peak_rss_mib": peak_rss_mib()}


def child_queries(location: str, truth: str, n: str = "200") -> dict:
    """Latency of the UI's queries: search, entity card, 2-hop neighbourhood, shortest path."""
    import random
    import statistics

    from kadrey_kg.graph import open_store

    store = open_store(location, base=False)
    rng = random.Random(11)
    names = set()
    with open(truth, encoding="utf-8") as f:
        for line in f:
            for fact in json.loads(line)["facts"]:
                names.update(v for k, v in fact.items() if k in ("speaker", "against", "subject", "object") and v)
    names = sorted(names)
    rng.shuffle(names)
    count = int(n)
    lat: dict[str, list[float]] = {"search": [], "entity": [], "neighbourhood_2hop": [], "shortest_path": []}

    def timed(key, fn, *args, **kw):
        t = time.perf_counter()
        out = fn(*args, **kw)
        lat[key].append((time.perf_counter() - t) * 1000)
        return out

    # The case's hub, first thing after opening: store caches (graph/cache.py) are empty, so this
    # is the worst a user waits; the samples below run with whatever the earlier ones cached.
    t0 = time.perf_counter()
    hub = store.search("meta platforms")[0].iri
    cold = {"search (builds the name index)": (time.perf_counter() - t0) * 1000}
    for key, fn in (("entity", store.entity), ("neighbourhood_2hop", lambda i: store.neighbourhood(i, hops=2))):
        t0 = time.perf_counter()
        fn(hub)
        cold[key] = (time.perf_counter() - t0) * 1000
    iris = []
    for name in names[:count]:
        hits = timed("search", store.search, name, limit=20)
        if hits:
            iris.append(hits[0].iri)
    found = len(iris)
    for iri in iris[:count]:
        timed("entity", store.entity, iri)
        timed("neighbourhood_2hop", store.neighbourhood, iri, hops=2)
    paths_found = 0
    for a, b in zip(iris[: count // 2], reversed(iris[: count // 2])):
        paths_found += bool(timed("shortest_path", store.shortest_paths, a, b, max_hops=4))
    store.close()

    def pct(xs, q):
        xs = sorted(xs)
        return round(xs[min(len(xs) - 1, int(q * len(xs)))], 2) if xs else None

    return {"names_tried": min(count, len(names)), "names_found": found, "paths_found": paths_found,
            "cold_hub_ms": {k: round(v, 2) for k, v in cold.items()}, "hub": hub,
            "latency_ms": {k: {"n": len(v), "p50": pct(v, 0.5), "p95": pct(v, 0.95), "max": pct(v, 1.0),
                               "mean": round(statistics.fmean(v), 2) if v else None} for k, v in lat.items()}}


def child_translate(corpus: str, work: str, n: str = "150") -> dict:
    """Sentences/s of the product's translation: the argos engine alone, then `translate_jobs`
    with a cold and a warm translation cache. Uses the tiny fr→en test model (tests/translate/
    tiny_argos.py: real SentencePiece + CTranslate2, random weights) when no real model is installed,
    so the figure is a lower bound on the per-sentence overhead, not a real model's speed."""
    import random

    work_dir = Path(work)
    os.environ.setdefault("ARGOS_PACKAGES_DIR", str(work_dir / "argos-packages"))
    from kadrey_kg.loaders import argos
    from kadrey_kg.loaders.translate import TextJob, translate_jobs
    from kadrey_kg.loaders.translation_cache import TranslationCache

    engine = argos.engine_for("fr", "en")
    model = "installed"
    if engine is None:
        sys.path.insert(0, str(REPO / "tests" / "translate"))
        from tiny_argos import build_package

        argos.install_from_path(build_package(work_dir / "argosmodels", "fr", "en", seed=1))
        engine = argos.engine_for("fr", "en")
        model = "tiny test model (random weights)"
    sentences = []
    for p in sorted(Path(corpus).glob("*_fr_*.txt"))[:300]:
        sentences += [s.strip() + "." for s in p.read_text(encoding="utf-8").replace("\n", " ").split(". ") if len(s.strip()) > 20]
    sentences = list(dict.fromkeys(sentences))
    random.Random(5).shuffle(sentences)
    sentences = sentences[: int(n)]
    t = time.perf_counter()
    engine.translate_sentences(sentences)
    engine_s = time.perf_counter() - t
    cache = TranslationCache(work_dir / "bench-translations.sqlite")
    jobs = [TextJob(s, "fr") for s in sentences]
    t = time.perf_counter()
    out = translate_jobs(jobs, cache)
    cold_s = time.perf_counter() - t
    t = time.perf_counter()
    translate_jobs(jobs, cache)
    warm_s = time.perf_counter() - t
    (work_dir / "bench-translations.sqlite").unlink(missing_ok=True)
    return {"sentences": len(sentences), "engine": engine.tag, "model": model, "engine_seconds": engine_s,
            "cold_seconds": cold_s, "warm_seconds": warm_s, "translated": sum(1 for v in out.values() if v)}


def child_neo4j(uri: str, store_path: str, batch: str = "50") -> dict:
    """Load the embedded store's document graphs into the Neo4j at `uri` with our writer
    (Store.replace_graphs, `batch` documents per call) and time the writes (parsing apart).
    The comparison with rdflib-neo4j on one Turtle file is bench/neo4j_writer.py."""
    import io

    import pyoxigraph as ox
    from rdflib import Graph

    from kadrey_kg.graph import open_store
    from kadrey_kg.graph.embedded import EmbeddedStore

    src = EmbeddedStore(store_path, read_only=True)
    names = sorted(g for g in src.named_graphs() if "/doc/" in g)

    def parsed(name):  # one document graph at a time: the 10k corpus would not fit as rdflib graphs
        nt = io.BytesIO()
        src._ox.dump(nt, format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(name))
        return Graph().parse(data=nt.getvalue().decode("utf-8"), format="nt")

    out: dict = {}
    store = open_store(uri)
    for name in store.documents():
        store.remove_document(name.iri)
    step = int(batch)
    seconds = parse_seconds = 0.0
    triples = 0
    for i in range(0, len(names), step):
        t = time.perf_counter()
        batch_graphs = {n: parsed(n) for n in names[i:i + step]}
        parse_seconds += time.perf_counter() - t
        triples += sum(len(g) for g in batch_graphs.values())
        t = time.perf_counter()
        store.replace_graphs(batch_graphs)
        seconds += time.perf_counter() - t
    src.close()
    stats = store.stats()
    store.close()
    out["our writer (replace_graphs)"] = {"documents": len(names), "triples": triples, "seconds": seconds,
                                          "triples_per_s": triples / seconds if seconds else None,
                                          "parse_seconds": parse_seconds, "store_triples": stats.triples}
    return out


def child_store_rss(store_path: str, out_path: str, flush_every: str = "0") -> dict:
    """Why ingest RSS grows: replay an ingested store's document graphs into a fresh raw
    pyoxigraph store with the embedded store's update, RSS every 100 documents; with
    `flush_every` > 0, call Store.flush() that often."""
    import io

    import pyoxigraph as ox

    src = ox.Store.read_only(store_path)
    names = [g.value for g in src.named_graphs() if "/doc/" in g.value]
    dst = ox.Store(out_path)
    every, rss = int(flush_every), []
    for i, name in enumerate(names, 1):
        nt = io.BytesIO()
        src.dump(nt, format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(name))
        dst.update(f"DROP SILENT GRAPH <{name}> ;\nINSERT DATA {{ GRAPH <{name}> {{\n{nt.getvalue().decode()}}} }}")
        if every and i % every == 0:
            dst.flush()
        if i % 100 == 0:
            rss.append(round(rss_now_mib()))
    return {"documents": len(names), "flush_every": every, "rss_mib_per_100_docs": rss}


CHILDREN = {"ingest": child_ingest, "load": child_load, "queries": child_queries,
            "translate": child_translate, "neo4j": child_neo4j,
            "store_rss": child_store_rss}


# ---- the driver -----------------------------------------------------------------------------------
def synth(size: int, work: Path) -> Path:
    corpus = work / f"corpus-{size}"
    if not (corpus / "manifest.json").exists():
        subprocess.run([sys.executable, str(HERE / "synth.py"), "--docs", str(size), "--out", str(corpus)],
                       check=True, stdout=subprocess.DEVNULL)
    return corpus


def rerun_speedup(first: dict, rerun: dict) -> float | None:
    """First-run time / re-run time over the documents the re-run found unchanged (a file that
    failed is not stored, so it is extracted again on every run: that is not what the skip is for)."""
    same = [k for k, (st, _) in rerun["per_doc"].items() if st == "unchanged"]
    before = sum(first["per_doc"][k][1] for k in same if k in first["per_doc"])
    after = sum(rerun["per_doc"][k][1] for k in same)
    return before / after if after else None


def fmt(x, nd=1):
    return "–" if x is None else (f"{x:,.{nd}f}" if isinstance(x, float) else f"{x:,}")


def table(m: dict, results: dict) -> str:
    lines = [f"Machine: {m['nproc']} cores, {m['ram']} RAM, {m['cpu']}; Python {m['python']}; "
             f"commit `{m['commit']}`; run {m['date']}; load average at start {m['load_avg']} "
             f"(the machine is shared with other processes: CPU s/doc is the contention-free figure).", "",
             "| corpus | docs/s (1st run) | CPU s/doc | triples/s | re-run docs/s (all) | re-run speed-up (unchanged docs) | docs/s first→last decile | peak RSS MiB | failed docs | triples in store |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for size, r in sorted(results.get("ingest", {}).items()):
        a, b = r["first"], r["rerun"]
        dps = a["docs"] / a["seconds"]
        speed = rerun_speedup(a, b)
        dec = a["docs_per_s_by_decile"]
        lines.append(f"| {size:,} | {dps:.2f} | {a['cpu_seconds'] / a['docs']:.2f} | {a['triples'] / a['seconds']:,.0f} | {b['docs'] / b['seconds']:,.2f} | "
                     f"{fmt(speed)}× | {dec[0]:.1f} → {dec[-1]:.1f} | {a['peak_rss_mib']:.0f} | "
                     f"{a['statuses'].get('failed', 0)} | {a['store_triples']:,} |")
    steps = {size: r["first"]["ms_per_doc_by_step"] for size, r in sorted(results.get("ingest", {}).items())}
    if steps:
        names = list(next(iter(steps.values())))
        lines += ["", "Wall ms per document by step (first run):", "",
                  "| corpus | " + " | ".join(names) + " |", "|---|" + "---|" * len(names)]
        for size, st in steps.items():
            lines.append(f"| {size:,} | " + " | ".join(f"{st[n]:,.0f}" for n in names) + " |")
    extra = []
    if "load" in results:
        ld = results["load"]
        extra.append(f"| embedded store write (replace_document, {ld['documents']:,} docs) | {ld['triples'] / ld['seconds']:,.0f} triples/s |")
        extra.append(f"| pyoxigraph bulk_load of the N-Quads dump (reference) | {ld['bulk_quads'] / ld['bulk_seconds']:,.0f} quads/s |")
    if "translate" in results:
        tr = results["translate"]
        extra.append(f"| translation fr→en, argos engine only ({tr['model']}) | {tr['sentences'] / tr['engine_seconds']:.1f} sentences/s |")
        extra.append(f"| translation via translate_jobs, cold cache | {tr['sentences'] / tr['cold_seconds']:.1f} sentences/s |")
        extra.append(f"| translation via translate_jobs, warm cache | {tr['sentences'] / tr['warm_seconds']:,.0f} sentences/s |")
    for key, val in results.get("neo4j", {}).items():
        if isinstance(val, dict) and val.get("triples_per_s"):
            extra.append(f"| Neo4j load, {key}, {val['documents']:,} docs | {val['triples_per_s']:,.0f} triples/s |")
        elif isinstance(val, dict):
            for sub, v in val.items():
                if isinstance(v, dict) and v.get("triples_per_s"):
                    extra.append(f"| Neo4j load, {sub} | {v['triples_per_s']:,.0f} triples/s |")
    if extra:
        lines += ["", "| measurement | result |", "|---|---|", *extra]
    for backend, q in results.get("queries", {}).items():
        lines += ["", f"Query latency on the {backend.split('@')[0]} store ({q['size']:,} docs; {q['names_found']}/{q['names_tried']} "
                      f"sampled names found by search):", "", "| query | n | p50 ms | p95 ms | max ms |", "|---|---|---|---|---|"]
        for k, v in q["latency_ms"].items():
            lines.append(f"| {k} | {v['n']} | {fmt(v['p50'], 2)} | {fmt(v['p95'], 2)} | {fmt(v['max'], 2)} |")
        if "paths_found" in q:
            cold = ", ".join(f"{k} {v:,.0f} ms" for k, v in q["cold_hub_ms"].items())
            lines += ["", f"{q['paths_found']} of {q['latency_ms']['shortest_path']['n']} sampled pairs are connected "
                          f"within 4 hops. Cold (first calls after opening, on the hub `{q['hub'].rsplit('/', 1)[-1]}`): {cold}."]
    commits = {k: v for k, v in results.get("commits", {}).items() if v != m["commit"]}
    if commits:
        lines += ["", "Steps run later, at other commits (`--merge`): " + ", ".join(f"{k} at `{v}`" for k, v in sorted(commits.items())) + "."]
    return "\n".join(lines)


def write_readme(text: str) -> None:
    readme = HERE / "README.md"
    old = readme.read_text(encoding="utf-8") if readme.exists() else ""
    block = f"{BEGIN}\n{text}\n{END}"
    if BEGIN in old and END in old:
        new = old[: old.index(BEGIN)] + block + old[old.index(END) + len(END):]
    else:
        new = (old.rstrip() + "\n\n" if old else "# Benchmarks\n\n") + "## Results of bench/run.py\n\n" + block + "\n"
    readme.write_text(new, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["_child"]:
        print(json.dumps(CHILDREN[argv[1]](*argv[2:])))
        return 0
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="100,1000", help="comma-separated corpus sizes (documents)")
    ap.add_argument("--work", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "kkg-bench")
    ap.add_argument("--neo4j", default=os.environ.get("NEO4J_URI"), help="bolt URI of a Neo4j to load and query")
    ap.add_argument("--queries", type=int, default=200, help="samples per query kind")
    ap.add_argument("--profile", action="store_true", help="profile each first ingest with pyinstrument")
    ap.add_argument("--skip", default="", help="comma-separated steps to skip: load,translate,neo4j,queries")
    ap.add_argument("--no-readme", action="store_true", help="print the table only")
    ap.add_argument("--json", type=Path, help="also write all raw results to this JSON file")
    ap.add_argument("--merge", type=Path, help="start from the results JSON of an earlier run: sizes and steps "
                                                "it has are kept, not run again (e.g. add --neo4j later)")
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    skip = set(filter(None, args.skip.split(",")))
    args.work.mkdir(parents=True, exist_ok=True)
    # Children write their caches under the work folder, never into the user's kadrey-kg home.
    os.environ["KADREY_KG_HOME"] = str(args.work / "home")
    os.environ.setdefault("ARGOS_PACKAGES_DIR", str(args.work / "argos-none"))
    m = machine()
    results: dict = {"machine": m, "ingest": {}}
    if args.merge:
        results = json.loads(args.merge.read_text())
        results["ingest"] = {int(k): v for k, v in results["ingest"].items()}
        m = results["machine"]
        results["queries"] = {(k if "@" in k else f"{k}@{v['size']}"): v for k, v in results.get("queries", {}).items()}
        sizes = sorted(set(sizes) | set(results["ingest"]))
        skip |= {k for k in ("load", "translate", "neo4j") if k in results}
        if all(f"embedded@{n}" in results.get("queries", {}) for n in sizes):
            skip.add("queries")
    largest = max(sizes)

    def log(msg):
        print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)

    for size in sizes:
        corpus = synth(size, args.work)
        if size in results["ingest"]:
            continue
        store = args.work / f"store-{size}"
        if store.exists():
            subprocess.run(["rm", "-rf", str(store)], check=True)
        log(f"ingest {size} docs (first run)")
        prof = str(args.work / f"profile-{size}") if args.profile else ""
        first = child("ingest", store, corpus, prof)
        log(f"  {first['docs'] / first['seconds']:.1f} docs/s, peak RSS {first['peak_rss_mib']:.0f} MiB, deciles {first['docs_per_s_by_decile']}")
        rerun = child("ingest", store, corpus)
        log(f"  re-run {rerun['docs'] / rerun['seconds']:.0f} docs/s ({rerun['statuses']})")
        results["ingest"][size] = {"first": first, "rerun": rerun}
    store = args.work / f"store-{largest}"
    corpus = args.work / f"corpus-{largest}"
    steps = [
        ("load", lambda: child("load", store, str(args.work / "load-copy"))),
        ("translate", lambda: child("translate", corpus, args.work,
                                    env={"ARGOS_PACKAGES_DIR": str(args.work / "argos-packages")})),
        ("queries", lambda: {f"embedded@{size}": {**child("queries", args.work / f"store-{size}",
                                                          args.work / f"corpus-{size}" / "truth.jsonl", args.queries),
                                                    "size": size}
                             for size in sizes if f"embedded@{size}" not in results.get("queries", {})}),
    ]
    if args.neo4j:
        steps.append(("neo4j", lambda: child("neo4j", args.neo4j, store)))
    for name, run in steps:
        if name in skip:
            continue
        log(f"{name} at {largest} docs")
        subprocess.run(["rm", "-rf", str(args.work / "load-copy"), str(args.work / "load-copy-bulk")])
        try:
            got = run()
            if name == "queries":
                results.setdefault("queries", {}).update(got)
            else:
                results[name] = got
            results.setdefault("commits", {})[name] = machine()["commit"]
        except (RuntimeError, subprocess.TimeoutExpired) as err:
            log(f"  {name} failed: {err}")
            results.setdefault("failures", {})[name] = str(err)[-2000:]
    if args.neo4j and "neo4j" in results and f"neo4j@{largest}" not in results.get("queries", {}):
        try:
            q = child("queries", args.neo4j, corpus / "truth.jsonl", args.queries)
            results.setdefault("queries", {})[f"neo4j@{largest}"] = {**q, "size": largest}
            results.setdefault("commits", {})["neo4j queries"] = machine()["commit"]
        except RuntimeError as err:
            results.setdefault("failures", {})["neo4j queries"] = str(err)[-2000:]
    text = table(m, results)
    if results.get("failures"):
        text += "\n\nNot measured (failed): " + "; ".join(f"{k}: {v.strip().splitlines()[-1][:200]}" for k, v in results["failures"].items())
    print(text)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, default=str))
    if not args.no_readme:
        write_readme(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
