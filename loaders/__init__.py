"""Turn documents into provenance-rich RDF: read, detect language, extract, link, translate."""
