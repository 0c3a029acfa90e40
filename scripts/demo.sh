#!/usr/bin/env bash
# One command on a fresh machine: install, build the case graph from data/, open the explorer.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/kadrey-kg demo "$@"
