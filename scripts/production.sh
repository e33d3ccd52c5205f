#!/usr/bin/env bash
# The production profile on one machine, from Debian packages: PostgreSQL (conversations and
# leads), Redis (Rasa's lock store), two Rasa instances, the action server, the demo site, the
# staff page, and nginx in front on one port.
#
#   scripts/production.sh run               # foreground; Ctrl-C stops everything
#   scripts/production.sh start [SERVICE..] # background (all services by default)
#   scripts/production.sh stop [SERVICE..]  # stops what start started (all by default)
#   scripts/production.sh install           # only installs the missing Debian packages
#   scripts/production.sh rotate-logs       # rotates the logs over their size cap (run does it
#                                           # every 5 minutes; with start, run it from cron)
#
# SERVICE: postgres redis actions rasa1 rasa2 site staff nginx. Everything lives under
# PRODUCTION_VAR_DIR (var/production): data, logs, pid files, the rendered nginx.conf.
# Ports (env): PRODUCTION_PORT (nginx, 8088), PRODUCTION_RASA1_PORT (5011),
# PRODUCTION_RASA2_PORT (5012), PRODUCTION_ACTIONS_PORT (5065), PRODUCTION_SITE_PORT (8090),
# PRODUCTION_STAFF_PORT (8091), PRODUCTION_PG_PORT (54340), PRODUCTION_REDIS_PORT (6390).
# PRODUCTION_LISTEN (127.0.0.1) is the address nginx listens on, PRODUCTION_PUBLIC_URL the
# address visitors use (http://localhost:PORT), PRODUCTION_PUBLIC_REST=1 publishes the REST
# webhook, PRODUCTION_CHAT_RATE / PRODUCTION_CHAT_BURST the per-address limit (10r/s, 40),
# PRODUCTION_CONN_PER_ADDRESS the open connections per address (20), PRODUCTION_CONN_TOTAL the
# open chat connections in all (1500). PRODUCTION_LOG_MAX_BYTES (10 MB) is a log's size cap,
# PRODUCTION_LOG_KEEP (5) how many rotated copies of each are kept; older ones are deleted.
# Started as root, nginx (master and workers) runs as PRODUCTION_NGINX_USER (www-data) and Redis
# as PRODUCTION_REDIS_USER (redis, Debian's), PostgreSQL as postgres; the Python services run as
# the caller.
set -euo pipefail
# Every file the services create (data, spool, logs, secrets) is their owner's only.
umask 077
cd "$(dirname "$0")/.."
export PYTHONPATH="$PWD"

BIN="$PWD/.venv/bin"
VAR_DIR="$(realpath -m "${PRODUCTION_VAR_DIR:-var/production}")"
PORT="${PRODUCTION_PORT:-8088}"
RASA1_PORT="${PRODUCTION_RASA1_PORT:-5011}"
RASA2_PORT="${PRODUCTION_RASA2_PORT:-5012}"
ACTIONS_PORT="${PRODUCTION_ACTIONS_PORT:-5065}"
SITE_PORT="${PRODUCTION_SITE_PORT:-8090}"
STAFF_PORT="${PRODUCTION_STAFF_PORT:-8091}"
PG_PORT="${PRODUCTION_PG_PORT:-54340}"
REDIS_PORT="${PRODUCTION_REDIS_PORT:-6390}"
PUBLIC_URL="${PRODUCTION_PUBLIC_URL:-http://localhost:$PORT}"
ALL_SERVICES=(postgres redis actions rasa1 rasa2 site staff nginx)
TRACKER_DB=rasa_tracker
LEADS_DB=leads

log() { echo "production.sh: $*" >&2; }

ensure_packages() {
    local missing=()
    command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
    command -v redis-server >/dev/null || missing+=(redis-server)
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" -ne 0 ]; then
        log "missing ${missing[*]}: run as root or: sudo apt-get install -y ${missing[*]}"
        exit 1
    fi
    log "installing Debian's ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update >&2
    apt-get install -y --no-install-recommends "${missing[@]}" >&2
}

prepare_var_dir() {
    mkdir -p "$VAR_DIR"/{log,run,spool,redis,nginx}
    chmod go= "$VAR_DIR"/{log,run,spool,redis,nginx}
    # As root PostgreSQL runs as the postgres user, who must pass through to its data folder.
    if [ "$(id -u)" -eq 0 ]; then
        chmod go=x "$VAR_DIR"
    else
        chmod go= "$VAR_DIR"
    fi
    "$BIN/python" -m clinic.action_token "$VAR_DIR/action_server_token" >/dev/null
    "$BIN/python" -m clinic.web.secret_key "$VAR_DIR/staff_secret_key" >/dev/null
    "$BIN/python" -m clinic.web.secret_key "$VAR_DIR/session_id_secret" >/dev/null
    "$BIN/python" -m clinic.web.secret_key "$VAR_DIR/redis_password" >/dev/null
    "$BIN/python" -m clinic.web.secret_key "$VAR_DIR/pg_rasa_password" >/dev/null
    "$BIN/python" -m clinic.web.secret_key "$VAR_DIR/pg_leads_password" >/dev/null
}

export_settings() {
    ACTION_SERVER_TOKEN=$(<"$VAR_DIR/action_server_token")
    export ACTION_SERVER_TOKEN
    export ACTION_ENDPOINT_URL="http://127.0.0.1:$ACTIONS_PORT/webhook"
    export RASA_TRACKER_DB_HOST=127.0.0.1 RASA_TRACKER_DB_PORT="$PG_PORT"
    export RASA_TRACKER_DB_NAME="$TRACKER_DB" RASA_TRACKER_DB_USER=rasa
    export RASA_LOCK_REDIS_HOST=127.0.0.1 RASA_LOCK_REDIS_PORT="$REDIS_PORT"
    export LEADS_SPOOL_DIR="$VAR_DIR/spool"
    export CHAT_SOCKET_URL="$PUBLIC_URL"
    export STAFF_SECRET_KEY_FILE="$VAR_DIR/staff_secret_key"
    export PYTHONUNBUFFERED=1
    # No usage telemetry or crash reports to Rasa's servers unless the clinic sets this to true.
    export RASA_TELEMETRY_ENABLED="${RASA_TELEMETRY_ENABLED:-false}"
}

# PUBLIC_URL without its path: the one Origin the chat accepts from a browser.
public_origin() {
    printf '%s' "$PUBLIC_URL" | sed -E 's#^([A-Za-z][A-Za-z0-9+.-]*://[^/]+).*#\1#'
}

# The user (and group) nginx runs as: never root. As root it drops to PRODUCTION_NGINX_USER, who
# owns its temporary folder, its pid file and its two logs; otherwise nginx keeps the caller.
nginx_user() {
    if [ "$(id -u)" -eq 0 ]; then
        local user=${PRODUCTION_NGINX_USER:-www-data}
        echo "$user $(id -gn "$user")"
    else
        echo "$(id -un) $(id -gn)"
    fi
}

redis_user() {
    if [ "$(id -u)" -eq 0 ]; then echo "${PRODUCTION_REDIS_USER:-redis}"; else id -un; fi
}

# as_user USER: the command prefix that runs a service as USER (its own groups, no capabilities)
# when this script runs as root; nothing otherwise. setpriv replaces itself with the service, so
# the pid launch records is the service's.
as_user() {
    AS_USER=()
    if [ "$(id -u)" -eq 0 ]; then
        AS_USER=(setpriv --reuid="$1" --regid="$(id -g "$1")" --init-groups --)
    fi
}

# nginx opens its logs itself: the log folder lets its group through (0710), and only its two logs
# are its own; the other services' logs stay root's.
prepare_nginx_files() {
    local user=$1 group=$2 file
    chown "$user:$group" "$VAR_DIR/nginx" "$VAR_DIR/nginx.conf"
    if [ "$(id -u)" -eq 0 ]; then
        chgrp "$group" "$VAR_DIR/log"
        chmod 0710 "$VAR_DIR/log"
        for file in nginx-error.log nginx-access.log; do
            touch "$VAR_DIR/log/$file"
            chown "$user:$group" "$VAR_DIR/log/$file"
        done
    fi
}

render_nginx_conf() {
    local user
    user=$(nginx_user)
    sed -e "s|@VAR_DIR@|$VAR_DIR|g" \
        -e "s|@LISTEN_ADDRESS@|${PRODUCTION_LISTEN:-127.0.0.1}|g" -e "s|@PORT@|$PORT|g" \
        -e "s|@RASA1_PORT@|$RASA1_PORT|g" -e "s|@RASA2_PORT@|$RASA2_PORT|g" \
        -e "s|@SITE_PORT@|$SITE_PORT|g" \
        -e "s|@CHAT_RATE@|${PRODUCTION_CHAT_RATE:-10r/s}|g" \
        -e "s|@CHAT_BURST@|${PRODUCTION_CHAT_BURST:-40}|g" \
        -e "s|@CONN_PER_ADDRESS@|${PRODUCTION_CONN_PER_ADDRESS:-20}|g" \
        -e "s|@CONN_TOTAL@|${PRODUCTION_CONN_TOTAL:-1500}|g" \
        -e "s|@REST_PUBLIC@|${PRODUCTION_PUBLIC_REST:-0}|g" \
        -e "s|@PUBLIC_ORIGIN@|$(public_origin)|g" \
        deploy/nginx.conf.template >"$VAR_DIR/nginx.conf"
    prepare_nginx_files "${user% *}" "${user#* }"
}

write_redis_conf() {
    (
        umask 077
        cat >"$VAR_DIR/redis/redis.conf" <<CONF
bind 127.0.0.1
port $REDIS_PORT
save ""
appendonly no
dir $VAR_DIR/redis
requirepass $(<"$VAR_DIR/redis_password")
CONF
    )
}

# Every log over its cap is copied to NAME.log.1 (older copies move up, the oldest past
# PRODUCTION_LOG_KEEP goes) and emptied in place: the services append to it (>>), so they carry
# on writing at its new start without a restart.
rotate_logs() {
    local max_bytes=${PRODUCTION_LOG_MAX_BYTES:-10485760} keep=${PRODUCTION_LOG_KEEP:-5}
    local file index
    for file in "$VAR_DIR"/log/*.log; do
        [ -f "$file" ] && [ ! -L "$file" ] || continue
        [ "$(stat -c %s "$file")" -ge "$max_bytes" ] || continue
        rm -f -- "$file.$keep"
        for ((index = keep - 1; index >= 1; index--)); do
            [ -f "$file.$index" ] && mv -f -- "$file.$index" "$file.$((index + 1))"
        done
        (umask 077 && cp -- "$file" "$file.1")
        : >"$file"
    done
}

# The password reaches redis-cli through its environment, not its command line.
redis_ping() {
    REDISCLI_AUTH=$(<"$VAR_DIR/redis_password") redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping
}

pid_file() { echo "$VAR_DIR/run/$1.pid"; }

running() {
    local file
    file=$(pid_file "$1")
    [ -f "$file" ] && kill -0 "$(<"$file")" 2>/dev/null
}

# launch NAME COMMAND...: in its own session (its pid is its group's), logging to log/NAME.log.
launch() {
    local name=$1
    shift
    setsid "$@" </dev/null >>"$VAR_DIR/log/$name.log" 2>&1 &
    echo $! >"$(pid_file "$name")"
}

wait_until() {  # wait_until NAME COMMAND...: until COMMAND succeeds, or fail after 240 s
    local name=$1
    shift
    for _ in $(seq 1 480); do
        if "$@" >/dev/null 2>&1; then log "$name is up"; return 0; fi
        if ! running "$name"; then
            log "$name exited; see $VAR_DIR/log/$name.log"
            return 1
        fi
        sleep 0.5
    done
    log "$name did not start; see $VAR_DIR/log/$name.log"
    return 1
}

# The leads database as its own role `leads`, with its password: for the action server, the
# staff page and the migrations only.
leads_db_url() {
    echo "postgresql://leads:$(<"$VAR_DIR/pg_leads_password")@127.0.0.1:$PG_PORT/$LEADS_DB"
}

# Each database has its own login role (no superuser) with a password (scram-sha-256).
start_postgres() {
    LEADS_PG_PORT="$PG_PORT" scripts/postgres.sh start-dir "$VAR_DIR/postgres" \
        "$TRACKER_DB:rasa:$VAR_DIR/pg_rasa_password" "$LEADS_DB:leads:$VAR_DIR/pg_leads_password"
    (
        LEADS_DB_URL=$(leads_db_url)
        export LEADS_DB_URL
        "$BIN/leads" db-upgrade >&2
    )
}

start_service() {
    local name=$1
    if [ "$name" != postgres ] && running "$name"; then
        log "$name is already running"
        return 0
    fi
    case "$name" in
        postgres) start_postgres ;;
        redis)
            # The password goes in the owner-only config file, never on a command line.
            write_redis_conf
            local redis_owner
            redis_owner=$(redis_user)
            chown -R "$redis_owner:$(id -gn "$redis_owner")" "$VAR_DIR/redis"
            as_user "$redis_owner"
            launch redis "${AS_USER[@]}" redis-server "$VAR_DIR/redis/redis.conf"
            wait_until redis redis_ping ;;
        actions)
            (
                LEADS_DB_URL=$(leads_db_url)
                export LEADS_DB_URL
                launch actions "$BIN/rasa" run actions --port "$ACTIONS_PORT"
            )
            wait_until actions curl -fs "http://127.0.0.1:$ACTIONS_PORT/health" ;;
        rasa1 | rasa2)
            local port=$RASA1_PORT
            [ "$name" = rasa2 ] && port=$RASA2_PORT
            # The session id secret and the Redis and tracker database passwords reach the Rasa
            # instances only (never on a command line).
            (
                SESSION_ID_SECRET=$(<"$VAR_DIR/session_id_secret")
                RASA_LOCK_REDIS_PASSWORD=$(<"$VAR_DIR/redis_password")
                RASA_TRACKER_DB_PASSWORD=$(<"$VAR_DIR/pg_rasa_password")
                export SESSION_ID_SECRET RASA_LOCK_REDIS_PASSWORD RASA_TRACKER_DB_PASSWORD
                launch "$name" env RASA_PORT="$port" "$BIN/python" -m rasa_server_plugins.run \
                    --cors "$PUBLIC_URL"
            ) ;;
        site)
            launch site "$BIN/python" -m clinic.web.site --port "$SITE_PORT"
            wait_until site curl -fs "http://127.0.0.1:$SITE_PORT/" ;;
        staff)
            # The unanswered questions are grouped when the page starts, not on its first visit.
            (
                LEADS_DB_URL=$(leads_db_url)
                export LEADS_DB_URL
                launch staff env STAFF_UNANSWERED_WARM_UP="${STAFF_UNANSWERED_WARM_UP:-1}" \
                    "$BIN/python" -m clinic.web.staff --port "$STAFF_PORT"
            )
            wait_until staff curl -fs "http://127.0.0.1:$STAFF_PORT/" ;;
        nginx)
            render_nginx_conf
            local nginx_owner
            nginx_owner=$(nginx_user)
            as_user "${nginx_owner% *}"
            launch nginx "${AS_USER[@]}" "$(command -v nginx || echo /usr/sbin/nginx)" \
                -p "$VAR_DIR/nginx" \
                -e "$VAR_DIR/log/nginx-error.log" -c "$VAR_DIR/nginx.conf" -g "daemon off;"
            wait_until nginx curl -fs "http://127.0.0.1:$PORT/" ;;
        *) log "unknown service $name (one of ${ALL_SERVICES[*]})"; exit 2 ;;
    esac
}

wait_for_rasa() {
    local name
    for name in "$@"; do
        local port=$RASA1_PORT
        [ "$name" = rasa2 ] && port=$RASA2_PORT
        wait_until "$name" curl -fs "http://127.0.0.1:$port/"
    done
}

start() {
    local services=("$@") name
    [ ${#services[@]} -eq 0 ] && services=("${ALL_SERVICES[@]}")
    ensure_packages
    prepare_var_dir
    export_settings
    # The two Rasa instances load their model side by side; the others start meanwhile.
    local rasa=()
    for name in "${services[@]}"; do
        start_service "$name"
        case "$name" in rasa1 | rasa2) rasa+=("$name") ;; esac
    done
    [ ${#rasa[@]} -eq 0 ] || wait_for_rasa "${rasa[@]}"
}

stop_service() {
    local name=$1 file pid
    if [ "$name" = postgres ]; then
        LEADS_PG_PORT="$PG_PORT" scripts/postgres.sh stop-dir "$VAR_DIR/postgres"
        return 0
    fi
    file=$(pid_file "$name")
    [ -f "$file" ] || return 0
    pid=$(<"$file")
    if kill -TERM -- "-$pid" 2>/dev/null; then
        for _ in $(seq 1 40); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.5
        done
        kill -KILL -- "-$pid" 2>/dev/null || true
    fi
    rm -f -- "$file"
    log "$name stopped"
}

stop() {
    local services=("$@") index
    [ ${#services[@]} -eq 0 ] && services=("${ALL_SERVICES[@]}")
    for ((index = ${#services[@]} - 1; index >= 0; index--)); do
        stop_service "${services[index]}"
    done
}

run() {
    trap 'stop' EXIT
    trap 'exit 130' INT TERM
    start
    cat <<TEXT

The production profile is running (logs: $VAR_DIR/log/).
  Demo page with the chat widget: $PUBLIC_URL
  Front-desk leads page (local):  http://127.0.0.1:$STAFF_PORT
Press Ctrl-C to stop.
TEXT
    local ticks=0
    while true; do
        sleep 5
        ticks=$((ticks + 1))
        if [ $((ticks % 60)) -eq 0 ]; then rotate_logs; fi
    done
}

case "${1:-}" in
    run) run ;;
    install) ensure_packages ;;
    rotate-logs) rotate_logs ;;
    start) start "${@:2}" ;;
    stop) stop "${@:2}" ;;
    *)
        echo "usage: $0 run|install|rotate-logs|start [SERVICE...]|stop [SERVICE...]" >&2
        exit 2
        ;;
esac
