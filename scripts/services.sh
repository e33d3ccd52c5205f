# Shared by run.sh and shell.sh: start the project's servers in the background, stop them on exit.
# Source it, then call start_actions / start_rasa / start_web; cleanup runs on EXIT.

BIN=.venv/bin
# No usage telemetry or crash reports to Rasa's servers unless the clinic sets this to true.
export RASA_TELEMETRY_ENABLED="${RASA_TELEMETRY_ENABLED:-false}"
# var/ holds leads, conversations, secrets and logs: everything written there is the owner's only,
# and files left readable by an older version are narrowed too.
umask 077
mkdir -p var/log
chmod -R go= var
pids=()

cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

wait_for() {  # wait_for NAME URL: until the URL answers, or fail after 180 s
  local name=$1 url=$2
  for _ in $(seq 1 180); do
    if curl -fs -o /dev/null "$url"; then echo "$name is up: $url"; return 0; fi
    sleep 1
  done
  echo "$name did not start; see var/log/" >&2
  return 1
}

prepare_leads_db() {
  "$BIN/leads" db-upgrade
}

# The secret the Rasa server sends to the action server (endpoints.yml) and the action server
# requires; created once, owner-only, like the staff page's key.
prepare_action_token() {
  "$BIN/python" -m clinic.action_token var/action_server_token
  ACTION_SERVER_TOKEN=$(<var/action_server_token)
  export ACTION_SERVER_TOKEN
}

start_actions() {
  prepare_action_token
  "$BIN/rasa" run actions --port 5055 >var/log/actions.log 2>&1 &
  pids+=($!)
  wait_for "Action server" http://localhost:5055/health
}

# The secret that signs the socket.io session ids (rasa_server_plugins/session_ids.py).
prepare_session_secret() {
  "$BIN/python" -m clinic.web.secret_key var/session_id_secret
  SESSION_ID_SECRET=$(<var/session_id_secret)
  export SESSION_ID_SECRET
}

start_rasa() {
  prepare_session_secret
  "$BIN/rasa" run --model models/proclinix.tar.gz --interface 127.0.0.1 --port 5005 \
    --credentials credentials.yml --endpoints endpoints.yml \
    --cors "http://localhost:8080" >var/log/rasa.log 2>&1 &
  pids+=($!)
  wait_for "Rasa server" http://localhost:5005/
}

start_web() {
  "$BIN/python" -m clinic.web.secret_key var/staff_secret_key
  "$BIN/python" -m clinic.web.site --port 8080 >var/log/site.log 2>&1 &
  pids+=($!)
  STAFF_SECRET_KEY_FILE=var/staff_secret_key "$BIN/python" -m clinic.web.staff --port 8081 \
    >var/log/staff.log 2>&1 &
  pids+=($!)
  wait_for "Demo clinic page" http://localhost:8080/
  wait_for "Front-desk leads page" http://localhost:8081/
}
