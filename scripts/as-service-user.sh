#!/usr/bin/env bash
# Runs a production service as its own unprivileged user; scripts/production.sh calls it as root,
# inside a private mount namespace (`unshare --mount --propagation private`):
#
#   scripts/as-service-user.sh USER PATH... -- COMMAND...
#
# COMMAND runs as USER with USER's group only (no supplementary groups, no capabilities). Each
# PATH (a folder the service reads: the repository, the virtual environment, the Python it was
# made from) that USER cannot reach because a folder above it is closed to other users (pyenv's
# Python under /root, mode 0700) is made reachable in this namespace only: that closed folder is
# covered by an empty tmpfs holding just those PATHs (bind mounts), so the service sees nothing
# else of it, and nothing changes outside the namespace.
set -euo pipefail
umask 022

user=$1
shift
group=$(id -gn "$user")
paths=()
while [ "${1:-}" != -- ]; do
    [ $# -gt 0 ] || { echo "usage: $0 USER PATH... -- COMMAND..." >&2; exit 2; }
    paths+=("$1")
    shift
done
shift

as_service() { setpriv --reuid="$user" --regid="$group" --clear-groups -- "$@"; }

# The outermost folder above (or at) PATH that USER cannot enter; nothing when USER can reach it.
closed_folder() {
    local folder="" part
    local -a parts
    IFS=/ read -ra parts <<<"${1#/}"
    for part in "${parts[@]}"; do
        folder="$folder/$part"
        if ! as_service test -x "$folder"; then
            echo "$folder"
            return 0
        fi
    done
}

stage=$(mktemp -d)
closed=()
hidden=()
for path in "${paths[@]}"; do
    path=$(realpath -e "$path")
    folder=$(closed_folder "$path")
    [ -n "$folder" ] || continue
    mkdir "$stage/${#hidden[@]}"
    mount --bind "$path" "$stage/${#hidden[@]}"
    closed+=("$folder")
    hidden+=("$path")
done
declare -A covered=()
for index in "${!hidden[@]}"; do
    folder=${closed[index]}
    if [ -z "${covered[$folder]:-}" ]; then
        mount -t tmpfs -o mode=0755,size=64k tmpfs "$folder"
        covered[$folder]=1
    fi
    mkdir -p "${hidden[index]}"
    mount --move "$stage/$index" "${hidden[index]}"
    rmdir "$stage/$index"
done
rmdir "$stage"

umask 077
exec setpriv --reuid="$user" --regid="$group" --clear-groups -- "$@"
