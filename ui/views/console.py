"""Read-only query console: SPARQL on the embedded store, Cypher on Neo4j, whatever
`store.query_language` says. Writes are refused by the store (QueryRefused) and shown as a message."""
from __future__ import annotations

import pandas as pd
import streamlit as st
from kadrey_kg.graph import QueryFailed, QueryRefused

from ..i18n import t
from . import common as c

LIMIT = 1000
PREFIXES = ("PREFIX kkg: <https://w3id.org/kadrey-kg/ontology#>\nPREFIX kkgid: <https://w3id.org/kadrey-kg/id/>\n"
            "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n")
EXAMPLES = {
    "sparql": {
        "Defendants / défendeurs": PREFIXES + """SELECT ?case ?party ?name WHERE {
  ?case kkg:defendant ?party .
  OPTIONAL { ?party rdfs:label ?name FILTER(lang(?name) = "en") }
}""",
        "Who hosts Llama / qui héberge Llama": PREFIXES + """SELECT ?host ?name ?model WHERE {
  ?host kkg:hosts ?model .
  OPTIONAL { ?host rdfs:label ?name FILTER(lang(?name) = "fr") }
}""",
        "Statements with sources / déclarations et sources": PREFIXES + """SELECT ?speaker ?text ?doc ?start ?end WHERE {
  GRAPH ?g { ?s a kkg:Statement ; kkg:speaker ?speaker ; kkg:text ?text ;
               kkg:sourceDocument ?doc ; kkg:startOffset ?start ; kkg:endOffset ?end . }
} ORDER BY ?doc ?start LIMIT 50""",
        "Triples per graph / triplets par graphe": """SELECT ?g (COUNT(*) AS ?triples) WHERE { GRAPH ?g { ?s ?p ?o } }
GROUP BY ?g ORDER BY DESC(?triples)""",
    },
    "cypher": {  # graph/neo4j_mapping.py: :Resource {uri}, labels = class local names, label_fr/label_en
        "Defendants / défendeurs": """MATCH (c:LegalCase)-[:defendant]->(p)
RETURN c.label_en AS case, p.label_en AS party, p.label_fr AS partie""",
        "Who hosts Llama / qui héberge Llama": """MATCH (h)-[:hosts]->(m:AIModel)
RETURN h.label_fr AS hebergeur, m.label_en AS model ORDER BY hebergeur""",
        "Statements with sources / déclarations et sources": """MATCH (s:Statement)-[:speaker]->(who), (s)-[:sourceDocument]->(d)
RETURN who.label_en AS speaker, s.startOffset AS start, s.endOffset AS end, d.uri AS document LIMIT 50""",
        "Node labels / étiquettes": "MATCH (n:Resource) UNWIND labels(n) AS label RETURN label, count(*) AS n ORDER BY n DESC",
    },
}


def render(lang: str) -> None:
    language = c.store().query_language
    st.caption(t("console.intro", lang, language=language.upper(), limit=LIMIT))
    examples = EXAMPLES.get(language, {})
    if examples:
        name = st.selectbox(t("console.example", lang), list(examples), key="console-example",
                            on_change=lambda: st.session_state.update(
                                {"console-query": examples[st.session_state["console-example"]]}))
        st.session_state.setdefault("console-query", examples[name])
    query = st.text_area(t("console.query", lang), key="console-query", height=220)
    if not st.button(t("console.run", lang), key="console-run", type="primary"):
        return
    try:
        # Not cached: a console is for running queries, and the store time-limits them.
        result = c.store().read_query(query, limit=LIMIT)
    except QueryRefused as err:
        st.error(t("console.refused", lang, reason=err))
        return
    except QueryFailed as err:
        st.error(t("error.query", lang, reason=err))
        return
    st.caption(t("console.rows", lang, n=len(result.rows)))
    if result.truncated:
        st.warning(t("console.truncated", lang, n=LIMIT))
    st.dataframe(pd.DataFrame(result.rows, columns=result.columns), hide_index=True)
