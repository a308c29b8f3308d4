#!/bin/sh
# A throwaway PostgreSQL 15 cluster for tests, run as an unprivileged user in a folder of its own.
#
#   cluster.sh start DIR [ADDRESSES] initdb in DIR/data (unless there), start it listening on
#                                    ADDRESSES (comma-separated, default 127.0.0.1) at a free
#                                    port ($PG_PORT when set); prints the port. Superuser
#                                    "postgres", trusted from the listening addresses and from
#                                    $PG_TRUST_NETS (space-separated CIDRs), password (scram)
#                                    from anywhere else; the socket in DIR. Log: DIR/log.
#   cluster.sh stop DIR              fast shutdown (waits)
#   cluster.sh restart DIR           stop, then start on the same port
#   cluster.sh kill DIR              SIGKILL the postmaster (a crash, for fault tests)
#   cluster.sh createdb DIR NAME     a new empty database
#   cluster.sh psql DIR [ARGS…]      psql as the superuser
#
# When run as root, the cluster runs as $PG_TEST_USER (default: nobody), which owns DIR; PostgreSQL
# refuses to run as root. Binaries: $PG_BIN, else /usr/lib/postgresql/15/bin (`make deps`).
set -eu

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
cmd=${1:?usage: cluster.sh start|stop|restart|kill|createdb|psql DIR …}
dir=${2:?usage: cluster.sh $cmd DIR …}

if [ ! -x "$PG_BIN/initdb" ]; then
    echo "cluster.sh: $PG_BIN/initdb not found: install Debian's postgresql package (make deps)" >&2
    exit 2
fi

if [ "$(id -u)" = 0 ]; then
    user=${PG_TEST_USER:-nobody}
    as_user() { runuser -u "$user" -- "$@"; }
else
    user=$(id -un)
    as_user() { "$@"; }
fi

port_of() { cat "$dir/port"; }

start() {
    address=${1:-$(cat "$dir/address" 2>/dev/null || echo 127.0.0.1)}
    mkdir -p "$dir"
    if [ "$(id -u)" = 0 ]; then chown "$user" "$dir"; fi
    chmod 700 "$dir"
    if [ ! -f "$dir/data/PG_VERSION" ]; then
        as_user "$PG_BIN/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
            >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
        {
            echo "local all all trust"
            for a in $(echo "$address" | tr ',' ' '); do
                case $a in *:*) echo "host all all $a/128 trust" ;; *) echo "host all all $a/32 trust" ;; esac
            done
            for net in ${PG_TRUST_NETS:-}; do echo "host all all $net trust"; done
            echo "host all all 0.0.0.0/0 scram-sha-256"
        } | as_user tee "$dir/data/pg_hba.conf" >/dev/null
    fi
    echo "$address" >"$dir/address"
    tries=0
    while :; do
        if [ -f "$dir/port" ]; then port=$(port_of); elif [ -n "${PG_PORT:-}" ]; then port=$PG_PORT; else
            port=$(python3 -c 'import socket,sys; s=socket.socket(); s.bind((sys.argv[1].split(",")[0],0)); print(s.getsockname()[1])' "$address")
        fi
        if as_user "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 120 \
            -o "-c listen_addresses='$address' -p $port -k $dir -c fsync=off -c full_page_writes=off -c max_connections=100" \
            start >/dev/null 2>&1; then
            echo "$port" >"$dir/port"
            echo "$port"
            return 0
        fi
        tries=$((tries + 1))
        rm -f "$dir/port"
        if [ $tries -ge 5 ]; then tail -20 "$dir/log" >&2; exit 1; fi
    done
}

case $cmd in
start) start "${3:-}" ;;
stop) as_user "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w -t 120 stop >/dev/null ;;
restart)
    as_user "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w -t 120 stop >/dev/null || true
    start ;;
kill) kill -9 "$(head -1 "$dir/data/postmaster.pid")" ;;
createdb) as_user "$PG_BIN/createdb" -h "$dir" -p "$(port_of)" -U postgres "${3:?database name}" ;;
psql) shift 2; as_user "$PG_BIN/psql" -h "$dir" -p "$(port_of)" -U postgres -X -q "$@" ;;
*) echo "cluster.sh: unknown command $cmd" >&2; exit 2 ;;
esac
