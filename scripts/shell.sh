#!/usr/bin/env bash
# `make shell`: chat with the assistant in the terminal (rasa shell), action server included.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/services.sh
prepare_leads_db
start_actions
"$BIN/rasa" shell --model models/proclinix.tar.gz --endpoints endpoints.yml
