#!/usr/bin/env bash
# A daemon on a throwaway PostgreSQL 15 cluster (Tests/postgres/cluster.sh) and the database's
# faults (issue 13, point 5), with the real daemon, real inotify and a real server:
#
#   Tests/postgres/faults.sh BULLETIND [BULLETINS]
#
# 1. PostgreSQL down when the daemon starts: it starts, watches, sends READY=1 with
#    `waiting for database 127.0.0.1:PORT` in its STATUS= line, `bulletind status --json` says
#    `waiting-for-database`, and the files dropped meanwhile wait in the inbox; once the server
#    is up, the daemon takes them and logs "database reachable again".
# 2. PostgreSQL restarted (`pg_ctl restart -m fast`) in the middle of a burst of BULLETINS
#    (default 200) bulletins, a tenth of them dropped twice under two names: the daemon notices,
#    logs the outage once, reconnects and takes everything: bulletins and duplicates exact,
#    nothing in the inbox or the quarantine, every file archived once (lost = 0, twice = 0).
# The daemon runs as nobody (root needed for that and for the cluster's user); prints
# "faults: skipped: …" otherwise.
set -uo pipefail
BIN=$(readlink -f "${1:?usage: faults.sh BULLETIND [BULLETINS]}")
COUNT=${2:-200}
REPO=$(cd "$(dirname "$0")/../.." && pwd)
CLUSTER=$REPO/Tests/postgres/cluster.sh
TOOL="python3 $REPO/Tests/stress/tool.py"
if [ "$(id -u)" != 0 ]; then echo "faults: skipped: needs root (the daemon runs as nobody)"; exit 0; fi
if [ ! -x /usr/lib/postgresql/15/bin/initdb ]; then echo "faults: FAIL: PostgreSQL 15 not installed: make deps"; exit 1; fi

W=$(mktemp -d /tmp/bulletind-pgfaults.XXXXXX)
chmod 755 "$W"
USER_=nobody
DPID= NPID=
PASS=0 FAIL=0
ok()  { PASS=$((PASS + 1)); echo "ok   - $*"; }
bad() { FAIL=$((FAIL + 1)); echo "FAIL - $*"; }
check() { local d=$1; shift; if "$@"; then ok "$d"; else bad "$d"; fi; }
wait_for() { local deadline=$((SECONDS + $1)); shift; until "$@"; do [ $SECONDS -ge $deadline ] && return 1; sleep 0.3; done; }
cleanup() {
    [ -n "$DPID" ] && kill -9 "$DPID" 2>/dev/null
    [ -n "$NPID" ] && kill "$NPID" 2>/dev/null
    "$CLUSTER" stop "$W/pg" >/dev/null 2>&1
    [ -n "${KEEP:-}" ] || rm -rf "$W"
}
trap cleanup EXIT

PORT=$("$CLUSTER" start "$W/pg") || { bad "faults: PostgreSQL started"; exit 1; }
"$CLUSTER" createdb "$W/pg" shared
# The daemon's folders under one of its own: its state file goes beside the inbox.
mkdir -p "$W/host/inbox"
cat >"$W/bulletind.toml" <<TOML
inbox = "$W/host/inbox"
archive = "$W/host/archive"
quarantine = "$W/host/quarantine"
database = "postgresql://postgres@127.0.0.1:$PORT/shared?sslmode=disable&connect_timeout=5"
summaries = "$W/host/summaries"
rules = "$REPO/Config/topics.toml"
time_zone = "UTC"
rescan_interval = 5
summary_debounce = 1
TOML
chown -R "$USER_" "$W/host"
stored() { "$CLUSTER" psql "$W/pg" -d shared -At -c "SELECT COUNT(*) FROM bulletin" 2>/dev/null || echo 0; }
put() {  # put SRC NAME: a complete file appears in the inbox (written beside, then renamed)
    cp "$1" "$W/.tmp" && chown "$USER_" "$W/.tmp" && mv "$W/.tmp" "$W/host/inbox/$2"
}
inbox_files() { find "$W/host/inbox" -maxdepth 1 -type f | wc -l; }

# 1. Down at start.
"$CLUSTER" stop "$W/pg"
$TOOL notify "$W/notify.sock" "$W/notify.log" &
NPID=$!
wait_for 30 test -S "$W/notify.sock"
NOTIFY_SOCKET="$W/notify.sock" setpriv --reuid="$USER_" --regid=nogroup --clear-groups -- \
    "$BIN" run --config "$W/bulletind.toml" >>"$W/daemon.log" 2>&1 &
DPID=$!
check "faults: the daemon starts with the database down and says READY=1" wait_for 120 grep -q "READY=1" "$W/notify.log"
# bulletind (the SQLite backend only) hands a postgresql:// daemon over to bulletind-postgresql
# beside it, keeping its PID: the process systemd would watch is the one started.
if [ "$(basename "$BIN")" = bulletind ]; then
    check "faults: the PID started as bulletind runs bulletind-postgresql ($(readlink /proc/$DPID/exe))" \
        [ "$(readlink /proc/$DPID/exe)" = "$(dirname "$BIN")/bulletind-postgresql" ]
fi
check "faults: its STATUS= line says waiting for database 127.0.0.1:$PORT" \
    wait_for 60 grep -q "STATUS=.*waiting for database 127.0.0.1:$PORT" "$W/notify.log"
$TOOL gen "$W/early" 10 early 2
for f in "$W/early/"*; do put "$f" "$(basename "$f")"; done
# (status exits 1 when degraded, as it is here: the JSON is what is checked)
status_json() { "$BIN" status --json --config "$W/bulletind.toml" 2>/dev/null || true; }
waiting_status() {
    status_json | python3 -c '
import json, sys
s = json.load(sys.stdin)
assert s["phase"] == "waiting-for-database", s["phase"]
assert s["database"]["unreachable"]["name"] == sys.argv[1], s["database"]
assert s["health"] == "degraded" and any("waiting for database" in p for p in s["problems"]), s["problems"]' \
        "127.0.0.1:$PORT" 2>"$W/waiting.err"
}
# The state file may still say "watching" for a moment after STATUS= says waiting: the wait
# retries quietly, and only the last attempt's assertion is shown, when the check fails.
if wait_for 30 waiting_status; then ok "faults: bulletind status --json says waiting-for-database, degraded"
else bad "faults: bulletind status --json says waiting-for-database, degraded: $(tail -1 "$W/waiting.err")"; fi
"$BIN" status --config "$W/bulletind.toml" | sed -n '1,2p;/^database/p' | sed 's/^/# /'
sleep 2
check "faults: the 10 files wait in the inbox while the database is down ($(inbox_files))" [ "$(inbox_files)" = 10 ]
"$CLUSTER" start "$W/pg" >/dev/null
check "faults: once the database is up, the waiting files are taken" wait_for 120 bash -c "[ \$(find $W/host/inbox -maxdepth 1 -type f | wc -l) = 0 ]"
check "faults: and stored (10 bulletins)" wait_for 30 bash -c "[ \$($CLUSTER psql $W/pg -d shared -At -c 'SELECT COUNT(*) FROM bulletin') = 10 ]"
check "faults: logged: database reachable again" grep -q "database reachable again after" "$W/daemon.log"
check "faults: the status line no longer waits" wait_for 30 bash -c "tail -1 $W/notify.log | grep -v -q 'waiting for database'"

# 2. Restarted during a burst; a tenth dropped twice under two names.
TWICE=$((COUNT / 10))
$TOOL gen "$W/src" "$COUNT" burst 2
mkdir -p "$W/manifest" && cp "$W/early/"* "$W/src/"* "$W/manifest/"
n=0
for f in "$W/src/"*; do n=$((n + 1)); [ $n -le $TWICE ] && cp "$f" "$W/manifest/again-$(basename "$f")"; done
(
    n=0
    for f in "$W/src/"*; do
        n=$((n + 1))
        put "$f" "$(basename "$f")"
        [ $n -le $TWICE ] && put "$f" "again-$(basename "$f")"
        [ $((n % 20)) = 0 ] && sleep 0.2
    done
) &
DROPPER=$!
wait_for 600 bash -c "[ \$($CLUSTER psql $W/pg -d shared -At -c 'SELECT COUNT(*) FROM bulletin' 2>/dev/null || echo 0) -ge $((10 + COUNT / 3)) ]"
echo "# restarting PostgreSQL at $(stored) bulletins stored"
"$CLUSTER" restart "$W/pg" >/dev/null && RESTARTS=1 || RESTARTS=0
wait $DROPPER
check "faults: the inbox empties after the restart" wait_for 600 bash -c "[ \$(find $W/host/inbox -maxdepth 1 -type f | wc -l) = 0 ]"
kill -TERM "$DPID"; wait "$DPID"; DPID=
read -r bulletins duplicates <<<"$("$CLUSTER" psql "$W/pg" -d shared -At -F ' ' -c \
    "SELECT COUNT(*), COALESCE(SUM(duplicate_count), 0) FROM bulletin")"
account=$($TOOL account "$W/host" "$W/manifest")
lost=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["lost"])' "$account")
twice=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["duplicated"])' "$account")
quarantined=$(find "$W/host/quarantine" -type f ! -name '*.error' 2>/dev/null | wc -l)
outages=$(grep -c "database unreachable" "$W/daemon.log")
ends=$(grep -c "database reachable again" "$W/daemon.log")
echo "faults: dropped $((10 + COUNT + TWICE)) files, stored $bulletins bulletins, duplicates $duplicates, PostgreSQL restarts $RESTARTS, outages logged $outages, lost $lost, twice $twice, quarantined $quarantined"
check "faults: bulletins = 10 + $COUNT ($bulletins)" [ "$bulletins" = $((10 + COUNT)) ]
check "faults: duplicates = $TWICE ($duplicates)" [ "$duplicates" = "$TWICE" ]
check "faults: lost = 0 ($lost), twice = 0 ($twice), quarantined = 0 ($quarantined)" [ "$lost$twice$quarantined" = 000 ]
check "faults: PostgreSQL was restarted during the burst ($RESTARTS)" [ "$RESTARTS" = 1 ]
# The start's outage, and the restart's when the daemon was talking to the server at that
# moment (it may also find the server back before its next call): each logged once, and ended.
check "faults: each outage logged once, with its end ($outages outages, $ends ends)" \
    bash -c "[ $outages -ge 1 ] && [ $outages -le 2 ] && [ $outages = $ends ]"
grep -E "database (unreachable|reachable)" "$W/daemon.log" | sed 's/^/# /'
echo "faults: $PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]
