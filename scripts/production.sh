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
# address visitors use (http://localhost:PORT, or https://localhost:TLS_PORT with TLS),
# PRODUCTION_TLS_CERT and PRODUCTION_TLS_KEY a certificate and its key (PEM) for HTTPS on
# PRODUCTION_TLS_PORT (8443; plain HTTP then redirects there), PRODUCTION_PUBLIC_REST=1 publishes
# the REST webhook, PRODUCTION_CHAT_RATE / PRODUCTION_CHAT_BURST the per-address limit (10r/s, 40),
# PRODUCTION_CONN_PER_ADDRESS the open connections per address (20), PRODUCTION_CONN_TOTAL the
# open chat connections in all (1500). PRODUCTION_LOG_MAX_BYTES (10 MB) is a log's size cap,
# PRODUCTION_LOG_KEEP (5) how many rotated copies of each are kept; older ones are deleted.
# Started as root, no service runs as root: nginx (master and workers) runs as PRODUCTION_NGINX_USER
# (www-data), Redis as PRODUCTION_REDIS_USER (redis, Debian's), PostgreSQL as postgres, and each
# Python service as its own system user, created when missing: PRODUCTION_USER_PREFIX (proclinix)
# followed by -rasa (both Rasa instances), -actions, -site or -staff (scripts/as-service-user.sh).
# Started as a normal user, every service runs as that user. Either way with umask 077.
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
TLS_PORT="${PRODUCTION_TLS_PORT:-8443}"
TLS_CERT="${PRODUCTION_TLS_CERT:-}"
TLS_KEY="${PRODUCTION_TLS_KEY:-}"
if [ -n "$TLS_CERT" ]; then
    PUBLIC_URL="${PRODUCTION_PUBLIC_URL:-https://localhost:$TLS_PORT}"
else
    PUBLIC_URL="${PRODUCTION_PUBLIC_URL:-http://localhost:$PORT}"
fi
ALL_SERVICES=(postgres redis actions rasa1 rasa2 site staff nginx)
TRACKER_DB=rasa_tracker
LEADS_DB=leads
# PostgreSQL login roles, each with its password in pg_ROLE_password: rasa owns the tracker database
# (the Rasa instances), rasa_reader only reads it (the staff page), leads owns the leads database
# (the migrations), leads_actions and leads_staff have the grants the action server and the staff
# page need (GRANTS_LEADS, GRANTS_TRACKER).
PG_ROLES=(rasa rasa_reader leads leads_actions leads_staff)

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

# require_passable FOLDER: stops unless other users may pass through FOLDER and every folder above
# it (the services' users must reach the var directory; `make run` closes var/ to its owner).
require_passable() {
    local folder=$1
    while [ "$folder" != / ]; do
        if (($(printf '%d' "0$(stat -c %a -- "$folder")") % 2 == 0)); then
            log "$folder is closed to other users, and the services' users must pass through it:" \
                "set PRODUCTION_VAR_DIR to a folder under passable ones, or chmod o+x $folder"
            exit 1
        fi
        folder=$(dirname "$folder")
    done
}

prepare_var_dir() {
    # Only the var directory itself is closed; the folders above it stay passable.
    (umask 022 && mkdir -p "$(dirname "$VAR_DIR")")
    mkdir -p "$VAR_DIR"/{log,run,spool,redis,nginx,home}
    chmod go= "$VAR_DIR"/{log,run,spool,redis,nginx,home}
    # As root every service runs as its own user, who must pass through to its own folder.
    if [ "$(id -u)" -eq 0 ]; then
        require_passable "$(dirname "$VAR_DIR")"
        chmod go=x "$VAR_DIR" "$VAR_DIR/home"
    else
        chmod go= "$VAR_DIR"
    fi
    "$BIN/python" -m clinic.action_token "$VAR_DIR/action_server_token" >/dev/null
    "$BIN/python" -m clinic.web.secret_key "$VAR_DIR/staff_secret_key" >/dev/null
    "$BIN/python" -m clinic.web.secret_key "$VAR_DIR/session_id_secret" >/dev/null
    "$BIN/python" -m clinic.web.secret_key "$VAR_DIR/redis_password" >/dev/null
    local role
    for role in "${PG_ROLES[@]}"; do
        "$BIN/python" -m clinic.web.secret_key "$VAR_DIR/pg_${role}_password" >/dev/null
    done
    # The installation the virtual environment's Python comes from (the services must reach it).
    PYTHON_HOME=$("$BIN/python" -c 'import sys; print(sys.base_prefix)')
}

export_settings() {
    # The secrets are not exported here: each service's start gives it its own (secret_env).
    export ACTION_ENDPOINT_URL="http://127.0.0.1:$ACTIONS_PORT/webhook"
    export RASA_TRACKER_DB_HOST=127.0.0.1 RASA_TRACKER_DB_PORT="$PG_PORT"
    export RASA_TRACKER_DB_NAME="$TRACKER_DB" RASA_TRACKER_DB_USER=rasa
    export RASA_LOCK_REDIS_HOST=127.0.0.1 RASA_LOCK_REDIS_PORT="$REDIS_PORT"
    export LEADS_SPOOL_DIR="$VAR_DIR/spool"
    export CHAT_SOCKET_URL="$PUBLIC_URL"
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

# The Python services' users (as root): PRODUCTION_USER_PREFIX-rasa, -actions, -site, -staff.
service_user() {
    local prefix=${PRODUCTION_USER_PREFIX:-proclinix}
    case "$1" in
        rasa1 | rasa2) echo "$prefix-rasa" ;;
        *) echo "$prefix-$1" ;;
    esac
}

# A system user with its own group, no home folder and no login shell.
ensure_service_user() {
    id -u "$1" >/dev/null 2>&1 && return 0
    log "creating the system user $1"
    useradd --system --user-group --no-create-home --home-dir /nonexistent \
        --shell /usr/sbin/nologin "$1"
}

# as_service NAME: the command prefix (AS_SERVICE) that runs Python service NAME as its own user
# with its own home folder (var/home/USER); as a normal user, the caller and var/home/NAME. What
# only a service owns: its home folder and, for the action server, the spool.
as_service() {
    local name=$1 user home
    if [ "$(id -u)" -ne 0 ]; then
        home="$VAR_DIR/home/$name"
        mkdir -p "$home"
        AS_SERVICE=(env HOME="$home")
        return 0
    fi
    user=$(service_user "$name")
    ensure_service_user "$user"
    home="$VAR_DIR/home/$user"
    mkdir -p "$home"
    chown "$user:$(id -gn "$user")" "$home"
    if [ "$name" = actions ]; then
        chown -R "$user:$(id -gn "$user")" "$VAR_DIR/spool"
    fi
    AS_SERVICE=(unshare --mount --propagation private -- "$PWD/scripts/as-service-user.sh" "$user"
        "$PWD" "$(realpath "$BIN/..")" "$PYTHON_HOME" -- env HOME="$home")
}

# nginx opens its logs itself: the log folder lets its group through (0710), and only its two logs
# are its own; the other services' logs stay root's.
prepare_nginx_files() {
    local user=$1 group=$2 file
    chown "$user:$group" "$VAR_DIR/nginx" "$VAR_DIR"/nginx{,-routes,-tls,-plain}.conf
    if [ "$(id -u)" -eq 0 ]; then
        chgrp "$group" "$VAR_DIR/log"
        chmod 0710 "$VAR_DIR/log"
        for file in nginx-error.log nginx-access.log; do
            touch "$VAR_DIR/log/$file"
            chown "$user:$group" "$VAR_DIR/log/$file"
        done
    fi
}

# With PRODUCTION_TLS_CERT and PRODUCTION_TLS_KEY (PEM files), nginx serves the routes over HTTPS
# on PRODUCTION_TLS_PORT with copies of them that only its user can read, and plain HTTP redirects
# every request to PRODUCTION_PUBLIC_URL's origin; without them, plain HTTP serves the routes.
render_nginx_tls() {
    local user=$1 group=$2
    rm -rf "$VAR_DIR/nginx/tls"
    if [ -z "$TLS_CERT" ]; then
        : >"$VAR_DIR/nginx-tls.conf"
        echo "include $VAR_DIR/nginx-routes.conf;" >"$VAR_DIR/nginx-plain.conf"
        return 0
    fi
    if [ ! -r "$TLS_CERT" ] || [ ! -r "${TLS_KEY:-/nonexistent}" ]; then
        log "PRODUCTION_TLS_CERT and PRODUCTION_TLS_KEY must both name readable PEM files"
        exit 2
    fi
    mkdir -m 0700 "$VAR_DIR/nginx/tls"
    install -m 0600 -- "$TLS_CERT" "$VAR_DIR/nginx/tls/certificate.pem"
    install -m 0600 -- "$TLS_KEY" "$VAR_DIR/nginx/tls/key.pem"
    chown -R "$user:$group" "$VAR_DIR/nginx/tls"
    render deploy/nginx-tls.conf.template >"$VAR_DIR/nginx-tls.conf"
    printf 'return 301 %s$request_uri;\n' "$(public_origin)" >"$VAR_DIR/nginx-plain.conf"
}

render_nginx_conf() {
    local user
    user=$(nginx_user)
    render deploy/nginx.conf.template >"$VAR_DIR/nginx.conf"
    render deploy/nginx-routes.conf.template >"$VAR_DIR/nginx-routes.conf"
    render_nginx_tls "${user% *}" "${user#* }"
    prepare_nginx_files "${user% *}" "${user#* }"
}

# render TEMPLATE: the nginx template with every @NAME@ replaced, on standard output.
render() {
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
        -e "s|@TLS_PORT@|$TLS_PORT|g" \
        "$1"
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

# secret_env VARIABLE FILE: exports VARIABLE with the secret in FILE (call it in a subshell, for
# one service: the secret never reaches another service nor a command line).
secret_env() {
    local value
    value=$(<"$2")
    export "$1=$value"
}

# leads_db_url ROLE: the leads database as ROLE, with its password (the URL reaches only the
# service that uses it, in its environment).
leads_db_url() {
    echo "postgresql://$1:$(<"$VAR_DIR/pg_$1_password")@127.0.0.1:$PG_PORT/$LEADS_DB"
}

# The grants of the roles that own nothing: what the action server (store a request, count a
# conversation's requests) and the staff page (read and update requests, notes, its accounts, the
# audit trail, the unanswered-question marks; read the conversations) do, nothing more. No other
# role may connect to a database it does not own.
GRANTS_LEADS=$(cat <<'SQL'
REVOKE ALL ON DATABASE leads FROM PUBLIC;
GRANT CONNECT ON DATABASE leads TO leads_actions, leads_staff;
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO leads_actions, leads_staff;
GRANT SELECT, INSERT ON leads TO leads_actions;
GRANT SELECT ON lead_notes TO leads_actions;
GRANT SELECT, UPDATE ON leads, staff_users TO leads_staff;
GRANT SELECT, INSERT ON lead_notes, audit_events TO leads_staff;
GRANT SELECT, INSERT, DELETE ON unanswered_marks TO leads_staff;
SELECT format('GRANT USAGE ON SEQUENCE %s TO leads_actions', pg_get_serial_sequence('leads', 'id'))\gexec
SELECT format('GRANT USAGE ON SEQUENCE %s TO leads_staff', sequence)
    FROM (SELECT pg_get_serial_sequence(name, 'id') AS sequence
          FROM unnest(ARRAY['lead_notes', 'audit_events', 'unanswered_marks']) AS name) AS found
    WHERE sequence IS NOT NULL\gexec
SQL
)
GRANTS_TRACKER=$(cat <<'SQL'
REVOKE ALL ON DATABASE rasa_tracker FROM PUBLIC;
GRANT CONNECT ON DATABASE rasa_tracker TO rasa_reader;
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO rasa_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO rasa_reader;
ALTER DEFAULT PRIVILEGES FOR ROLE rasa IN SCHEMA public GRANT SELECT ON TABLES TO rasa_reader;
SQL
)

# Each database has its own login role (no superuser) with a password (scram-sha-256); the
# services' other roles get only their grants, after the migrations (as the owner `leads`).
start_postgres() {
    local pg=(env LEADS_PG_PORT="$PG_PORT" scripts/postgres.sh) role
    "${pg[@]}" start-dir "$VAR_DIR/postgres" \
        "$TRACKER_DB:rasa:$VAR_DIR/pg_rasa_password" "$LEADS_DB:leads:$VAR_DIR/pg_leads_password"
    (
        LEADS_DB_URL=$(leads_db_url leads)
        export LEADS_DB_URL
        "$BIN/leads" db-upgrade >&2
    )
    for role in rasa_reader leads_actions leads_staff; do
        "${pg[@]}" role-dir "$VAR_DIR/postgres" "$role" "$VAR_DIR/pg_${role}_password"
    done
    "${pg[@]}" sql-dir "$VAR_DIR/postgres" "$LEADS_DB" <<<"$GRANTS_LEADS"
    "${pg[@]}" sql-dir "$VAR_DIR/postgres" "$TRACKER_DB" <<<"$GRANTS_TRACKER"
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
                LEADS_DB_URL=$(leads_db_url leads_actions)
                export LEADS_DB_URL
                secret_env ACTION_SERVER_TOKEN "$VAR_DIR/action_server_token"
                as_service actions
                launch actions "${AS_SERVICE[@]}" "$BIN/rasa" run actions --port "$ACTIONS_PORT"
            )
            wait_until actions curl -fs "http://127.0.0.1:$ACTIONS_PORT/health" ;;
        rasa1 | rasa2)
            local port=$RASA1_PORT
            [ "$name" = rasa2 ] && port=$RASA2_PORT
            # The session id secret and the Redis and tracker database passwords reach the Rasa
            # instances only, the action token them and the action server (never on a command
            # line).
            (
                secret_env SESSION_ID_SECRET "$VAR_DIR/session_id_secret"
                secret_env RASA_LOCK_REDIS_PASSWORD "$VAR_DIR/redis_password"
                secret_env RASA_TRACKER_DB_PASSWORD "$VAR_DIR/pg_rasa_password"
                secret_env ACTION_SERVER_TOKEN "$VAR_DIR/action_server_token"
                as_service "$name"
                launch "$name" "${AS_SERVICE[@]}" RASA_PORT="$port" \
                    "$BIN/python" -m rasa_server_plugins.run \
                    --cors "$PUBLIC_URL"
            ) ;;
        site)
            as_service site
            launch site "${AS_SERVICE[@]}" "$BIN/python" -m clinic.web.site --port "$SITE_PORT"
            wait_until site curl -fs "http://127.0.0.1:$SITE_PORT/" ;;
        staff)
            # The unanswered questions are grouped when the page starts, not on its first visit.
            (
                LEADS_DB_URL=$(leads_db_url leads_staff)
                export LEADS_DB_URL RASA_TRACKER_DB_USER=rasa_reader
                export RASA_ENDPOINTS_FILE="$PWD/endpoints.production.yml"
                secret_env STAFF_SECRET_KEY "$VAR_DIR/staff_secret_key"
                secret_env RASA_TRACKER_DB_PASSWORD "$VAR_DIR/pg_rasa_reader_password"
                as_service staff
                launch staff "${AS_SERVICE[@]}" \
                    STAFF_UNANSWERED_WARM_UP="${STAFF_UNANSWERED_WARM_UP:-1}" \
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
