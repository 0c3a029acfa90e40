#!/usr/bin/env bash
# Run the shared gold scorer (../shared/gold/score.py) on the seeds and the English court orders
# through this checkout's own CLI. Usage: bench/score_gold.sh [seeds|en|all] [extra score.py args]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
shared="${KADREY_KG_SHARED:-$here/../shared}"
cli="${KKG_CLI:-$here/.venv/bin/kadrey-kg}"
[ -x "$cli" ] || cli="$(command -v kadrey-kg)" || { echo "Error: kadrey-kg not found; pip install -e $here" >&2; exit 1; }
[ -f "$shared/gold/score.py" ] || { echo "Error: $shared/gold/score.py not found (set KADREY_KG_SHARED)" >&2; exit 1; }
py="${PYTHON:-$(dirname "$cli")/python}"
[ -x "$py" ] || py=python3
which="${1:-all}"; shift || true
if [ "$which" = seeds ] || [ "$which" = all ]; then
  echo "== seeds (FR news)"
  "$py" "$shared/gold/score.py" "$shared/gold/seeds.json" "$shared/seeds" --cli "$cli" "$@"
fi
if [ "$which" = en ] || [ "$which" = all ]; then
  echo "== corpus/en (court orders)"
  "$py" "$shared/gold/score.py" "$shared/corpus/en/gold.json" "$shared/corpus/en" --cli "$cli" "$@"
fi
