#!/usr/bin/env bash
# A throwaway PostgreSQL server for tests and benches: Debian's postgresql, a cluster in a temporary
# folder, a free loopback port. Nothing here touches a system cluster.
#
#   scripts/postgres.sh install          install Debian's postgresql when no server is found (root)
#   scripts/postgres.sh start [--fast]   initdb + start; prints "FOLDER URL" on one line
#   scripts/postgres.sh stop FOLDER      stop that server and remove its folder
#
# --fast turns fsync off (tests: the server is thrown away, and a node's SIGKILL never needs it).
# Run as root, the server runs as the `postgres` user (PostgreSQL refuses to run as root).
set -euo pipefail

bin_dir() {
    local found
    found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [ -n "$found" ] && [ -x "$found/initdb" ]; then echo "$found"; fi
}

install_server() {
    if [ -n "$(bin_dir)" ]; then return 0; fi
    if [ "$(id -u)" != 0 ]; then
        echo "postgres.sh: PostgreSQL is not installed; run as root, or: apt-get install postgresql" >&2
        exit 1
    fi
    # Debian's package would create and start a cluster of its own on port 5432: not wanted here.
    mkdir -p /etc/postgresql-common
    if [ ! -e /etc/postgresql-common/createcluster.conf ]; then
        echo "create_main_cluster = false" > /etc/postgresql-common/createcluster.conf
    fi
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        -o Dpkg::Options::=--force-confold postgresql >&2
}

as_owner() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

start_server() {
    local fast="" bin folder port attempt
    if [ "${1:-}" = "--fast" ]; then fast="-c fsync=off -c full_page_writes=off -c synchronous_commit=off"; fi
    install_server
    bin=$(bin_dir)
    folder=$(mktemp -d /tmp/claimtrace-pg.XXXXXX)
    chmod 755 "$folder"
    if [ "$(id -u)" = 0 ]; then chown postgres: "$folder"; fi
    as_owner "$bin/initdb" -D "$folder/data" -U claimtrace --auth=trust --encoding=UTF8 --no-locale >/dev/null
    for attempt in 1 2 3; do  # a port found free can be taken before the server binds it
        port=$(free_port)
        if as_owner "$bin/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w -t 60 start -o \
            "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$folder \
             -c max_connections=400 $fast" >/dev/null; then
            echo "$folder postgresql://claimtrace@127.0.0.1:$port/postgres"
            return 0
        fi
    done
    cat "$folder/server.log" >&2
    exit 1
}

stop_server() {
    local folder=$1
    if [ -d "$folder/data" ]; then
        as_owner "$(bin_dir)/pg_ctl" -D "$folder/data" -m fast -w stop >/dev/null || true
    fi
    case "$folder" in /tmp/claimtrace-pg.*) rm -rf "$folder" ;; esac
}

case "${1:-}" in
    install) install_server ;;
    start) shift; start_server "$@" ;;
    stop) stop_server "$2" ;;
    *) echo "usage: $0 install | start [--fast] | stop FOLDER" >&2; exit 2 ;;
esac
