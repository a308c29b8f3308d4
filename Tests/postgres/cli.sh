#!/usr/bin/env bash
# The lean bulletind (the SQLite backend only) with a postgresql:// database, on a throwaway
# PostgreSQL 15 cluster (Tests/postgres/cluster.sh): every command that opens the archive, the
# daemon, and `migrate --to postgresql://…` run bulletind-postgresql (found beside bulletind) in
# their own place with the same arguments, and the work lands in PostgreSQL (counted with psql).
# The daemon keeps its PID through the hand-off (execv): /proc/PID/exe is bulletind-postgresql.
#
#   Tests/postgres/cli.sh BULLETIND
#
# BULLETIND is the lean binary; bulletind-postgresql must be beside it (make build). Runs as any
# user (as root the cluster runs as nobody). Prints "N passed, N failed".
set -uo pipefail
BIN=$(readlink -f "${1:?usage: cli.sh BULLETIND}")
SIBLING=$(dirname "$BIN")/bulletind-postgresql
REPO=$(cd "$(dirname "$0")/../.." && pwd)
CLUSTER=$REPO/Tests/postgres/cluster.sh
TOOL="python3 $REPO/Tests/stress/tool.py"
if [ ! -x /usr/lib/postgresql/15/bin/initdb ]; then echo "pg-cli: FAIL: PostgreSQL 15 not installed: make deps"; exit 1; fi
if [ ! -x "$SIBLING" ]; then echo "pg-cli: FAIL: no $SIBLING beside $BIN: make build"; exit 1; fi

W=$(mktemp -d /tmp/bulletind-pgcli.XXXXXX)
chmod 755 "$W"
DPID=
PASS=0 FAIL=0
ok()  { PASS=$((PASS + 1)); echo "ok   - $*"; }
bad() { FAIL=$((FAIL + 1)); echo "FAIL - $*"; }
check() { local d=$1; shift; if "$@"; then ok "$d"; else bad "$d"; fi; }
wait_for() { local deadline=$((SECONDS + $1)); shift; until "$@"; do [ $SECONDS -ge $deadline ] && return 1; sleep 0.3; done; }
cleanup() {
    [ -n "$DPID" ] && kill -9 "$DPID" 2>/dev/null
    "$CLUSTER" stop "$W/pg" >/dev/null 2>&1
    [ -n "${KEEP:-}" ] || rm -rf "$W"
}
trap cleanup EXIT

PORT=$("$CLUSTER" start "$W/pg") || { bad "pg-cli: PostgreSQL started"; exit 1; }
"$CLUSTER" createdb "$W/pg" shared
"$CLUSTER" createdb "$W/pg" moved
psql_count() { "$CLUSTER" psql "$W/pg" -d "$1" -At -c "$2" 2>/dev/null || echo "psql failed"; }
URL="postgresql://postgres@127.0.0.1:$PORT"
mkdir -p "$W/host/inbox"
cat >"$W/bulletind.toml" <<TOML
inbox = "$W/host/inbox"
archive = "$W/host/archive"
quarantine = "$W/host/quarantine"
database = "$URL/shared?sslmode=disable&connect_timeout=5"
summaries = "$W/host/summaries"
rules = "$REPO/Config/topics.toml"
time_zone = "UTC"
rescan_interval = 5
summary_debounce = 1
TOML
$TOOL gen "$W/src" 3 pgcli 2

echo "# commands through bulletind with a postgresql:// database"
check "ingest through bulletind stores 2 bulletins" "$BIN" ingest --config "$W/bulletind.toml" "$W/src/pgcli-00001.txt" "$W/src/pgcli-00002.txt"
check "… in PostgreSQL: psql counts 2 bulletins, 4 articles" \
    [ "$(psql_count shared "SELECT (SELECT COUNT(*) FROM bulletin) || ' ' || (SELECT COUNT(*) FROM article)")" = "2 4" ]
stats=$("$BIN" stats --json --config "$W/bulletind.toml")
check "stats --json through bulletind reads them back (bulletins 2, articles 4)" \
    python3 -c 'import json,sys; d=json.loads(sys.argv[1]); sys.exit(0 if (d["bulletins"], d["articles"]) == (2, 4) else 1)' "$stats"
out=$("$BIN" search --config "$W/bulletind.toml" pgcli)
check "search through bulletind finds the articles by their words ($(grep -c "(pgcli" <<<"$out") hits)" [ "$(grep -c "(pgcli" <<<"$out")" = 4 ]

echo "# the daemon: bulletind run, the same PID as bulletind-postgresql"
"$BIN" run --config "$W/bulletind.toml" >>"$W/daemon.log" 2>&1 &
DPID=$!
check "the daemon watches its inbox" wait_for 120 grep -q "watching $W/host/inbox" "$W/daemon.log"
exe=$(readlink "/proc/$DPID/exe")
check "the PID started as bulletind now runs bulletind-postgresql ($exe)" [ "$exe" = "$SIBLING" ]
check "… with the same arguments" bash -c 'tr "\0" " " </proc/$1/cmdline | grep -q "^$2 run --config $3 $"' _ "$DPID" "$BIN" "$W/bulletind.toml"
cp "$W/src/pgcli-00003.txt" "$W/host/.tmp" && mv "$W/host/.tmp" "$W/host/inbox/pgcli-00003.txt"
check "a file dropped into its inbox lands in PostgreSQL (3 bulletins)" \
    wait_for 120 bash -c '[ "$("$1" psql "$2" -d shared -At -c "SELECT COUNT(*) FROM bulletin" 2>/dev/null)" = 3 ]' _ "$CLUSTER" "$W/pg"
kill -TERM "$DPID"; wait "$DPID"; rc=$?; DPID=
check "SIGTERM stops it, exit 0 ($rc)" [ "$rc" = 0 ]

echo "# migrate --to postgresql:// through bulletind"
"$BIN" ingest --config "$W/bulletind.toml" --database "$W/local.sqlite" "$W/src/"*.txt >/dev/null
out=$("$BIN" migrate --config "$W/bulletind.toml" --database "$W/local.sqlite" --to "$URL/moved?sslmode=disable" 2>/dev/null); rc=$?
check "migrate exits 0 and verifies ($(tail -1 <<<"$out"))" bash -c '[ "$1" = 0 ] && grep -q "^verified: " <<<"$2"' _ "$rc" "$out"
check "… and PostgreSQL holds the SQLite archive's 3 bulletins, 6 articles" \
    [ "$(psql_count moved "SELECT (SELECT COUNT(*) FROM bulletin) || ' ' || (SELECT COUNT(*) FROM article)")" = "3 6" ]

echo "$PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]
