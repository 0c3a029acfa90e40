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
.venv/bin/python -m pip install --quiet --upgrade pip wheel "setuptools>=68"
if [ -n "$extras" ]; then
  .venv/bin/python -m pip install --quiet -e ".[$extras]"
else
  .venv/bin/python -m pip install --quiet -e .
fi
