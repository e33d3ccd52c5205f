#!/usr/bin/env bash
# `make test`: lint, then every test under pytest. Starts (and stops) the PostgreSQL server the
# leads tests need and makes sure Chromium, nginx and Redis are there for the browser and
# production tests.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)

scripts/ensure-chromium.sh
scripts/production.sh install
pg_env=$(scripts/postgres.sh start)
trap 'scripts/postgres.sh stop' EXIT
eval "$pg_env"

.venv/bin/ruff check .
.venv/bin/ruff format --check .
status=0
.venv/bin/pytest "$@" || status=$?
echo "make test: $(( $(date +%s) - started )) s wall time"
exit "$status"
