#!/usr/bin/env bash
# Create .venv and install kadrey-kg into it (editable). Usage: scripts/setup.sh [extras]
#   scripts/setup.sh          -> the product
#   scripts/setup.sh test     -> the product + test tools
set -euo pipefail
cd "$(dirname "$0")/.."
extras="${1:-}"

python=${PYTHON:-python3}
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "Error: kadrey-kg needs Python 3.11 or newer ($python is $("$python" --version 2>&1))" >&2
  exit 1
fi
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
# pip's own message on a full disk is one line at the end of pages of build warnings; say what
# the environment needs (mostly torch's CUDA wheels, which argostranslate's stanza pulls in).
explain_failure() {
  free_gb=$(df -Pk . | awk 'NR==2 {printf "%.1f", $4 / 1048576}')
  echo "Error: installing kadrey-kg into $(pwd)/.venv failed (see pip's message above)." >&2
  echo "  Free disk here: ${free_gb} GB; a fresh environment needs about 12 GB while installing" >&2
  echo "  (7 GB stay: torch with its CUDA libraries is most of it). Free some space and re-run." >&2
  exit 1
}
.venv/bin/python -m pip install --quiet --upgrade pip wheel "setuptools>=68" || explain_failure
target="."
[ -n "$extras" ] && target=".[$extras]"
.venv/bin/python -m pip install --quiet -e "$target" || explain_failure
