#!/usr/bin/env bash
# PostgreSQL servers for the project, on 127.0.0.1 only.
#
#   eval "$(scripts/postgres.sh start)"   # throw-away test server (trust), exports LEADS_TEST_PG_URL
#   scripts/postgres.sh stop              # stops it and deletes its data
#   scripts/postgres.sh start-dir DIR DB[:ROLE:PASSWORD_FILE]...
#       # persistent server in DIR (created on first use): TCP connections need a password
#       # (scram-sha-256), the superuser connects only through the socket in DIR (the server
#       # user's own folder); creates the missing databases DB, each owned by its ROLE, a plain
#       # login role whose password is set from PASSWORD_FILE at every start
#   scripts/postgres.sh role-dir DIR ROLE PASSWORD_FILE
#       # on the server in DIR: a plain login role (no superuser, no create-database or
#       # create-role) whose password is set from PASSWORD_FILE
#   scripts/postgres.sh sql-dir DIR DATABASE <SQL
#       # on the server in DIR: runs the SQL on standard input as the superuser (over the socket)
#   scripts/postgres.sh stop-dir DIR      # stops it, keeps its data
#
# Port LEADS_PG_PORT (default 54329). The test server lives in a temporary folder and has fsync
# off: test data only; the file naming that folder stays in LEADS_PG_STATE_DIR (default
# var/postgres-test, owner-only), never in a shared folder where someone else could plant it.
# Installs Debian's postgresql package when the server programs are missing.
set -euo pipefail

PORT="${LEADS_PG_PORT:-54329}"
DATABASE="leads_test"
STATE_DIR="${LEADS_PG_STATE_DIR:-$(cd "$(dirname "$0")/.." && pwd)/var/postgres-test}"
STATE_FILE="$STATE_DIR/leads-postgres-${PORT}.dir"

log() { echo "postgres.sh: $*" >&2; }
refuse() { log "refusing: $*"; exit 1; }

# ours PATH: PATH itself (not a symlink) belongs to the current user.
ours() { [ ! -L "$1" ] && [ -O "$1" ]; }

# The user that owns the test server's folder: the postgres system user when we are root.
server_owner() {
    if [ "$(id -u)" -eq 0 ]; then echo postgres; else id -un; fi
}

find_bindir() {
    local candidate
    for candidate in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [ -x "$candidate/initdb" ] && [ -x "$candidate/pg_ctl" ]; then
            echo "$candidate"
            return 0
        fi
    done
    if command -v initdb >/dev/null && command -v pg_ctl >/dev/null; then
        dirname "$(command -v initdb)"
        return 0
    fi
    return 1
}

install_server() {
    if [ "$(id -u)" -ne 0 ]; then
        log "PostgreSQL server programs are missing; install Debian's postgresql package as root"
        exit 1
    fi
    log "installing Debian's postgresql package"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update >&2
    apt-get install -y --no-install-recommends postgresql >&2
}

# Runs a server program as the postgres system user when we are root (initdb refuses root).
as_server_user() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

server_bindir() {
    local bindir
    if ! bindir="$(find_bindir)"; then
        install_server
        bindir="$(find_bindir)" || { log "initdb still not found after installing"; exit 1; }
    fi
    if "$bindir/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then
        log "something already answers on 127.0.0.1:$PORT; set LEADS_PG_PORT to a free port"
        exit 1
    fi
    echo "$bindir"
}

# init_cluster BINDIR WORKDIR: a new cluster in WORKDIR/data.
init_cluster() {
    local bindir=$1 workdir=$2
    if [ "$(id -u)" -eq 0 ]; then
        chown postgres: "$workdir"
    fi
    as_server_user "$bindir/initdb" -D "$workdir/data" -U postgres -A trust -E UTF8 \
        --locale=C.UTF-8 >"$workdir/initdb.log" 2>&1 || {
        log "initdb failed:"; cat "$workdir/initdb.log" >&2; exit 1;
    }
}

# start_cluster BINDIR WORKDIR [SERVER OPTIONS]: the socket and the log stay in WORKDIR.
start_cluster() {
    local bindir=$1 workdir=$2
    shift 2
    as_server_user "$bindir/pg_ctl" -D "$workdir/data" -l "$workdir/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $PORT -k $workdir $*" start >&2 || {
        log "server did not start:"; tail -20 "$workdir/server.log" >&2; exit 1;
    }
}

start() {
    mkdir -p "$STATE_DIR"
    ours "$STATE_DIR" || refuse "$STATE_DIR is a symlink or not ours"
    chmod 700 "$STATE_DIR"
    if [ -e "$STATE_FILE" ] || [ -L "$STATE_FILE" ]; then
        log "already started (state in $STATE_FILE); run '$0 stop' first"
        exit 1
    fi
    local bindir workdir
    bindir="$(server_bindir)"
    workdir="$(mktemp -d "${TMPDIR:-/tmp}/leads-postgres.XXXXXX")"
    (umask 077 && echo "$workdir" >"$STATE_FILE")
    init_cluster "$bindir" "$workdir"
    start_cluster "$bindir" "$workdir" \
        -c fsync=off -c synchronous_commit=off -c full_page_writes=off
    "$bindir/createdb" -h 127.0.0.1 -p "$PORT" -U postgres "$DATABASE"
    log "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') running in $workdir"
    echo "export LEADS_TEST_PG_URL=postgresql://postgres@127.0.0.1:${PORT}/${DATABASE}"
}

# Passwords over TCP; the socket (in the server user's folder) for the server user only.
write_hba() {
    local file=$1
    cat >"$file" <<'HBA'
local all all trust
host all all 127.0.0.1/32 scram-sha-256
HBA
    if [ "$(id -u)" -eq 0 ]; then chown postgres: "$file"; fi
    chmod 600 "$file"
}

# superuser_sql BINDIR WORKDIR [DATABASE]: runs the SQL on standard input as the superuser, over
# the socket, in DATABASE (postgres by default).
superuser_sql() {
    as_server_user "$1/psql" -q -tA -v ON_ERROR_STOP=1 -h "$2" -p "$PORT" -U postgres \
        -d "${3:-postgres}" -f -
}

# ensure_role BINDIR WORKDIR ROLE PASSWORD_FILE: a login role without any other privilege; the
# password reaches psql on its standard input, never on a command line.
ensure_role() {
    local bindir=$1 workdir=$2 role=$3 password
    password=$(<"$4")
    printf '%s\n' \
        "SELECT 'CREATE ROLE \"$role\"' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$role')\\gexec" \
        "ALTER ROLE \"$role\" WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '$password';" |
        superuser_sql "$bindir" "$workdir" >/dev/null
}

start_dir() {
    local workdir=$1 bindir spec database role password_file
    shift
    bindir="$(server_bindir)"
    mkdir -p "$workdir"
    chmod 700 "$workdir"
    if [ ! -f "$workdir/data/PG_VERSION" ]; then
        init_cluster "$bindir" "$workdir"
    fi
    write_hba "$workdir/data/pg_hba.conf"
    start_cluster "$bindir" "$workdir" -c password_encryption=scram-sha-256
    for spec in "$@"; do
        IFS=: read -r database role password_file <<<"$spec"
        if [ -n "$role" ]; then
            ensure_role "$bindir" "$workdir" "$role" "$password_file"
        fi
        printf '%s\n' \
            "SELECT 'CREATE DATABASE \"$database\"' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$database')\\gexec" \
            "ALTER DATABASE \"$database\" OWNER TO \"${role:-postgres}\";" |
            superuser_sql "$bindir" "$workdir" >/dev/null
    done
    log "PostgreSQL running on 127.0.0.1:$PORT with its data in $workdir"
}

role_dir() {
    ensure_role "$(find_bindir)" "$(realpath -e "$1")" "$2" "$3"
}

sql_dir() {
    superuser_sql "$(find_bindir)" "$(realpath -e "$1")" "$2" >/dev/null
}

stop_dir() {
    local workdir=$1 bindir
    if bindir="$(find_bindir)" && [ -f "$workdir/data/postmaster.pid" ]; then
        as_server_user "$bindir/pg_ctl" -D "$workdir/data" -m fast -w stop >&2 || true
    fi
}

stop() {
    if [ ! -e "$STATE_FILE" ] && [ ! -L "$STATE_FILE" ]; then
        log "not running (no $STATE_FILE)"
        return 0
    fi
    ours "$STATE_DIR" || refuse "$STATE_DIR is a symlink or not ours"
    ours "$STATE_FILE" && [ -f "$STATE_FILE" ] || refuse "$STATE_FILE is a symlink or not ours"
    local workdir bindir
    workdir="$(cat "$STATE_FILE")"
    case "$workdir" in
        /*/leads-postgres.??????) ;;
        *) refuse "$STATE_FILE names $workdir, not a folder this script makes" ;;
    esac
    if [ -e "$workdir" ] || [ -L "$workdir" ]; then
        [ -d "$workdir" ] && [ ! -L "$workdir" ] &&
            [ "$(stat -c %U -- "$workdir")" = "$(server_owner)" ] ||
            refuse "$workdir is a symlink or not the server's"
        if bindir="$(find_bindir)" && [ -d "$workdir/data" ]; then
            as_server_user "$bindir/pg_ctl" -D "$workdir/data" -m fast -w stop >&2 || true
        fi
        rm -rf -- "$workdir"
    fi
    rm -f -- "$STATE_FILE"
    log "stopped and removed $workdir"
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    start-dir) start_dir "${@:2}" ;;
    role-dir) role_dir "$2" "$3" "$4" ;;
    sql-dir) sql_dir "$2" "$3" ;;
    stop-dir) stop_dir "$2" ;;
    *)
        echo "usage: $0 start|stop|start-dir DIR DATABASE...|role-dir DIR ROLE FILE|sql-dir DIR DATABASE|stop-dir DIR" >&2
        exit 2
        ;;
esac
