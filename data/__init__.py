"""What the team wrote: curated case facts with sources, bilingual case notes, source manifests."""
