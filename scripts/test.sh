#!/usr/bin/env bash
# `make test`: lint, then every test under pytest. Starts (and stops) the PostgreSQL server the
# leads tests need and makes sure Chromium, nginx and Redis are there for the browser and
# production tests.
#
# With no arguments (what CI runs), what needs no trained model (lint, tests/unit,
# tests/integration, the training-data check) runs while the model trains and the browser and
# production packages install: on 2 cores the training leaves one mostly idle. The tests that need
# the model run after. With pytest arguments, the model is trained first and pytest gets them as
# given.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
setup_logs=test-artifacts/setup
mkdir -p "$setup_logs"

background=()
stop_background() {
    for pid in "${background[@]}"; do
        kill -- -"$pid" 2>/dev/null || true
    done
}
trap 'stop_background; scripts/postgres.sh stop' EXIT

# Runs a command in a process group of its own (so that stopping it stops its children), its
# output in a log, as a child of this shell (never inside $(...): `wait` only knows its own
# children); adds the group's id to `background`.
start_in_background() {
    local log=$1
    shift
    setsid "$@" >"$log" 2>&1 &
    background+=("$!")
}

# Waits for a background command; prints its log's last lines, or all of it when it failed.
finish_background() {
    local pid=$1 log=$2 lines=$3 status=0
    wait "$pid" || status=$?
    if [ "$status" -eq 0 ]; then
        tail -n "$lines" "$log"
    else
        cat "$log"
        echo "make test: '$log' failed (exit $status)"
    fi
    return "$status"
}

if [ "$#" -gt 0 ]; then
    make --no-print-directory train
    scripts/ensure-chromium.sh
    scripts/production.sh install
    pg_env=$(scripts/postgres.sh start)
    eval "$pg_env"
    status=0
    .venv/bin/pytest "$@" || status=$?
    echo "make test: $(($(date +%s) - started)) s wall time"
    exit "$status"
fi

start_in_background "$setup_logs/train.log" make --no-print-directory train
training=${background[-1]}
pg_env=$(scripts/postgres.sh start)
eval "$pg_env"
# After PostgreSQL's: both may call apt-get, which allows one at a time.
start_in_background "$setup_logs/packages.log" \
    bash -c 'scripts/ensure-chromium.sh && scripts/production.sh install'
packages=${background[-1]}

status=0
.venv/bin/ruff check . || status=$?
.venv/bin/ruff format --check . || status=$?
.venv/bin/pytest tests/unit tests/integration tests/rasa/test_data_validation.py || status=$?

echo "make test: waiting for the model ($setup_logs/train.log)"
finish_background "$training" "$setup_logs/train.log" 3 || exit 1
finish_background "$packages" "$setup_logs/packages.log" 5 || exit 1
background=()

.venv/bin/pytest tests/rasa tests/e2e tests/security tests/browser tests/production \
    --ignore tests/rasa/test_data_validation.py || status=$?
echo "make test: $(($(date +%s) - started)) s wall time"
exit "$status"
