"""What the team wrote: curated case facts with sources, bilingual case notes, source manifests."""
from pathlib import Path

DATA_DIR = Path(__file__).parent
NOTES_DIR = DATA_DIR / "notes"
