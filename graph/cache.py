"""Per-key caches of what a store computes from its data (labels, types, adjacency of a node),
valid until the store writes: each is tagged with the store's `generation` counter, bumped by every
write through that store object. A reader in another process sees new data on reopening (the
explorer's "reload"), as it already does for its own query cache.

Hubs are why: an entity named in thousands of documents carries its labels and types once per
document graph, and a walk or a card that touches it would otherwise pay for all of them each time.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable

_INIT = threading.Lock()
NODE_CACHE_ITEMS = 200_000  # labels or types of that many nodes: a few tens of MB
SOURCE_CACHE_FACTS = 50_000  # each at most MAX_SOURCES_PER_FACT sources
CARD_CACHE_ITEMS = 2_000     # entity cards (a card holds at most _CARD_MAX_FACTS facts)


class GenerationCache:
    def __init__(self, max_weight: int, weight: Callable[[object], int] = lambda v: 1):
        self.max_weight, self.weight = max_weight, weight
        self._items: OrderedDict = OrderedDict()
        self._total, self._gen = 0, None
        self._lock = threading.Lock()

    def get_many(self, owner, keys: Iterable[Hashable], fetch: Callable[[list], dict]) -> dict:
        """Values for `keys`: cached ones, and `fetch(missing)` for the rest (kept only if the
        store did not write meanwhile, so a reader racing a writer never keeps stale values)."""
        gen = owner.generation
        out, missing = {}, []
        with self._lock:
            if self._gen != gen:
                self._items.clear()
                self._total, self._gen = 0, gen
            for k in keys:
                if k in self._items:
                    self._items.move_to_end(k)
                    out[k] = self._items[k]
                else:
                    missing.append(k)
        if missing:
            fetched = fetch(missing)
            out.update(fetched)
            with self._lock:
                if self._gen == gen == owner.generation:
                    for k, v in fetched.items():
                        if k not in self._items:
                            self._items[k] = v
                            self._total += self.weight(v)
                    while self._total > self.max_weight and self._items:
                        _, old = self._items.popitem(last=False)
                        self._total -= self.weight(old)
        return out


def store_cache(owner, name: str, max_weight: int, weight: Callable[[object], int] = lambda v: 1) -> GenerationCache:
    """The store object's cache called `name`, created on first use."""
    caches = owner.__dict__.get("_generation_caches")
    if caches is None or name not in caches:
        with _INIT:
            caches = owner.__dict__.setdefault("_generation_caches", {})
            caches.setdefault(name, GenerationCache(max_weight, weight))
    return caches[name]


class CachedSources:
    """Mixin for the query mixins: a fact's sources (`_fetch_sources`, per store) kept per fact.
    `graphs_of(missing keys) -> {key: graphs asserting it}` runs only for facts not cached yet."""

    def _sources_for(self, keys: Iterable[tuple], graphs_of: Callable[[list], dict]) -> dict:
        return store_cache(self, "sources", SOURCE_CACHE_FACTS).get_many(
            self, keys, lambda missing: self._fetch_sources(graphs_of(missing)))


class CachedCards:
    """Mixin for the query mixins: `entity(iri)` (the store's `_entity_card`) kept per IRI until the
    store writes. A hub's card reads thousands of rows; the explorer's warm-up (graph/warmup.py)
    builds it before anyone asks. Cards are shared: treat them as read-only."""

    def entity(self, iri: str):
        return store_cache(self, "cards", CARD_CACHE_ITEMS).get_many(
            self, [iri], lambda missing: {k: self._entity_card(k) for k in missing})[iri]
