#!/usr/bin/env bash
# One command on a fresh machine: install everything (Python deps, Debian Chromium, a local Neo4j
# built from Maven Central), start Neo4j, run the whole test suite against it, stop Neo4j.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium chromium-driver)
command -v java >/dev/null 2>&1 || need_apt+=(openjdk-17-jre-headless)
command -v mvn >/dev/null 2>&1 || need_apt+=(maven)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "installing Debian packages: ${need_apt[*]}" >&2
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

bash scripts/setup.sh test
export PATH="$root/.venv/bin:$PATH"

# A private Neo4j for the tests, unless the caller points at one.
if [ -z "${NEO4J_URI:-}" ]; then
  neo4j_home="$root/.neo4j/test"
  export NEO4J_PASSWORD="test-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  export NEO4J_USER=neo4j
  port=$(python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  rm -rf "$neo4j_home"
  kadrey-kg neo4j start --data-dir "$neo4j_home" --port "$port"   # password from $NEO4J_PASSWORD
  trap 'kadrey-kg neo4j stop --data-dir "$neo4j_home" || true' EXIT
  export NEO4J_URI="bolt://127.0.0.1:$port"
  export KADREY_KG_NEO4J_DATA_DIR="$neo4j_home"   # ours: tests may stop and restart it
fi

python -m pytest "$@"
