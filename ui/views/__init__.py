"""One module per page of the explorer; `common` holds the store, caches and navigation."""
