#!/usr/bin/env bash
# `make run`: the assistant, its action server, the demo clinic page and the front-desk leads
# page on localhost, with SQLite files under var/. Ctrl-C stops them all.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/services.sh
prepare_leads_db
start_actions
start_rasa
start_web
cat <<'TEXT'

The ProClinix assistant is running. Logs: var/log/.
  Chat in the browser:   http://localhost:8080  (the widget at the bottom right)
  Chat with curl:        curl -s localhost:5005/webhooks/rest/webhook \
                           -H 'Content-Type: application/json' \
                           -d '{"sender": "me", "message": "What is ART?"}'
  Front-desk leads page: http://localhost:8081  (create an account first:
                           .venv/bin/leads staff-add NAME)
  Leads on the terminal: .venv/bin/leads list
Press Ctrl-C to stop.
TEXT
wait
