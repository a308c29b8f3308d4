#!/usr/bin/env bash
# Several machines, one archive (issue 13): two daemon hosts and a database host as network
# namespaces joined by veth pairs, PostgreSQL 15 listening on its own addresses in the third.
#
#   Tests/postgres/netns.sh BULLETIND [BULLETINS] [BOTH]
#
# BULLETINS (default 1000) distinct bulletins are split between the two inboxes and BOTH
# (default 100) more are dropped into both; during the burst daemon A is killed -9 (and
# started again) and PostgreSQL is restarted. Then: bulletins = BULLETINS + BOTH, duplicates =
# BOTH, nothing in any inbox or quarantine, every file archived once by the host it was dropped
# on (lost = 0, twice = 0). The daemons run as an unprivileged user (nobody). Needs root and
# iproute2; prints "netns: skipped: …" otherwise. Part of `make test` (`make test-postgres`);
# prints its figures and how long it took.
#
# What it exercises: a daemon started again after its kill -9 may find PostgreSQL shutting
# down or starting (it waits for it: `waiting for database …`); the connections the restart
# closes are noticed and replaced, each outage logged once; a duplicate whose file was not yet
# moved when its daemon was killed is counted once (`duplicate_arrival`).
set -uo pipefail
BIN=$(readlink -f "${1:?usage: netns.sh BULLETIND [BULLETINS] [BOTH]}")
COUNT=${2:-1000}
BOTH=${3:-100}
REPO=$(cd "$(dirname "$0")/../.." && pwd)
CLUSTER=$REPO/Tests/postgres/cluster.sh
TOOL="python3 $REPO/Tests/stress/tool.py"
if [ "$(id -u)" != 0 ]; then echo "netns: skipped: needs root (ip netns)"; exit 0; fi
command -v ip >/dev/null || { echo "netns: FAIL: ip (iproute2) not found: make deps"; exit 1; }

TAG=$$
STARTED=$SECONDS
NS_DB=bnd-db-$TAG NS_A=bnd-a-$TAG NS_B=bnd-b-$TAG
W=$(mktemp -d /tmp/bulletind-netns.XXXXXX)
chmod 755 "$W"
USER_=nobody
PIDS=()
PASS=0 FAIL=0
ok()  { PASS=$((PASS + 1)); echo "ok   - $*"; }
bad() { FAIL=$((FAIL + 1)); echo "FAIL - $*"; }
check() { local d=$1; shift; if "$@"; then ok "$d"; else bad "$d"; fi; }
wait_for() { local deadline=$((SECONDS + $1)); shift; until "$@"; do [ $SECONDS -ge $deadline ] && return 1; sleep 0.5; done; }

cleanup() {
    for pid in "${PIDS[@]}"; do kill -9 "$pid" 2>/dev/null; done
    for h in A B; do [ -f "$W/$h/pid" ] && kill -9 "$(cat "$W/$h/pid")" 2>/dev/null; done
    ip netns exec "$NS_DB" "$CLUSTER" stop "$W/pg" >/dev/null 2>&1
    for ns in "$NS_A" "$NS_B" "$NS_DB"; do ip netns del "$ns" 2>/dev/null; done
    [ -n "${KEEP:-}" ] || rm -rf "$W"
}
trap cleanup EXIT

# The three hosts: A 10.213.1.1 ↔ db 10.213.1.2, B 10.213.2.1 ↔ db 10.213.2.2.
for ns in "$NS_DB" "$NS_A" "$NS_B"; do ip netns add "$ns" && ip -n "$ns" link set lo up; done
ip link add va$TAG netns "$NS_A" type veth peer name da$TAG netns "$NS_DB"
ip link add vb$TAG netns "$NS_B" type veth peer name db$TAG netns "$NS_DB"
ip -n "$NS_A" addr add 10.213.1.1/30 dev va$TAG && ip -n "$NS_A" link set va$TAG up
ip -n "$NS_B" addr add 10.213.2.1/30 dev vb$TAG && ip -n "$NS_B" link set vb$TAG up
ip -n "$NS_DB" addr add 10.213.1.2/30 dev da$TAG && ip -n "$NS_DB" link set da$TAG up
ip -n "$NS_DB" addr add 10.213.2.2/30 dev db$TAG && ip -n "$NS_DB" link set db$TAG up

# PostgreSQL 15 on the database host only.
PG_PORT=5432 PG_TRUST_NETS="10.213.1.0/30 10.213.2.0/30" \
    ip netns exec "$NS_DB" "$CLUSTER" start "$W/pg" "10.213.1.2,10.213.2.2" >/dev/null || { bad "netns: PostgreSQL started"; exit 1; }
"$CLUSTER" createdb "$W/pg" shared
check "netns: host A reaches PostgreSQL on the database host" ip netns exec "$NS_A" bash -c 'echo > /dev/tcp/10.213.1.2/5432'
check "netns: host A cannot reach host B's network (no route)" bash -c "! ip netns exec $NS_A timeout 3 bash -c 'echo > /dev/tcp/10.213.2.2/5432' 2>/dev/null"
check "netns: PostgreSQL does not listen on host A's loopback" bash -c "! ip netns exec $NS_A bash -c 'echo > /dev/tcp/127.0.0.1/5432' 2>/dev/null"

# The two daemon hosts: inbox, archive, quarantine, summaries of their own.
for h in A B; do
    net=1; [ $h = B ] && net=2
    mkdir -p "$W/$h/inbox" "$W/$h/state"
    cat >"$W/$h/bulletind.toml" <<TOML
inbox = "$W/$h/inbox"
archive = "$W/$h/state/archive"
quarantine = "$W/$h/state/quarantine"
database = "postgresql://postgres@10.213.$net.2:5432/shared?sslmode=disable&connect_timeout=5"
summaries = "$W/$h/state/summaries"
rules = "$REPO/Config/topics.toml"
time_zone = "UTC"
rescan_interval = 5
summary_debounce = 1
TOML
    chown -R "$USER_" "$W/$h"
done
ns_of() { [ "$1" = A ] && echo "$NS_A" || echo "$NS_B"; }
start_daemon() {
    local h=$1
    ip netns exec "$(ns_of "$h")" setpriv --reuid="$USER_" --regid=nogroup --clear-groups -- "$BIN" run --config "$W/$h/bulletind.toml" >>"$W/$h/daemon.log" 2>&1 &
    echo $! >"$W/$h/pid"
}
kill_daemon() { kill -9 "$(cat "$W/$1/pid")" 2>/dev/null; wait "$(cat "$W/$1/pid")" 2>/dev/null; }
stop_daemon() { kill -TERM "$(cat "$W/$1/pid")" 2>/dev/null; wait "$(cat "$W/$1/pid")" 2>/dev/null; }
watching() { grep -q "watching $W/$1/inbox" "$W/$1/daemon.log" 2>/dev/null; }
start_daemon A; start_daemon B
check "netns: daemon A watches its inbox" wait_for 120 watching A
check "netns: daemon B watches its inbox" wait_for 120 watching B

# The burst: COUNT distinct bulletins alternating between the inboxes, BOTH into both.
$TOOL gen "$W/src" "$COUNT" net 2
$TOOL gen "$W/both" "$BOTH" both 2
mkdir -p "$W/manifest" && cp "$W/src/"* "$W/both/"* "$W/manifest/"
drop() {
    local n=0 f
    for f in "$W/src/"*; do
        n=$((n + 1))
        if [ $((n % 2)) = 0 ]; then h=A; else h=B; fi
        cp "$f" "$W/$h/.tmp" && chown "$USER_" "$W/$h/.tmp" && mv "$W/$h/.tmp" "$W/$h/inbox/$(basename "$f")"
        if [ $((n % 10)) = 0 ]; then
            local g="$W/both/both-$(printf %05d $((n / 10))).txt"
            if [ -f "$g" ]; then
                for h in A B; do cp "$g" "$W/$h/.tmp" && chown "$USER_" "$W/$h/.tmp" && mv "$W/$h/.tmp" "$W/$h/inbox/$(basename "$g")"; done
            fi
        fi
        [ $((n % 50)) = 0 ] && sleep 0.2
    done
}
drop &
DROPPER=$!
PIDS+=($DROPPER)
stored() { "$CLUSTER" psql "$W/pg" -d shared -At -c "SELECT COUNT(*) FROM bulletin" 2>/dev/null || echo 0; }
# A kill -9 of daemon A once a quarter is stored, a PostgreSQL restart once half is.
wait_for 600 bash -c "[ \$($CLUSTER psql $W/pg -d shared -At -c 'SELECT COUNT(*) FROM bulletin' 2>/dev/null || echo 0) -ge $(((COUNT + BOTH) / 4)) ]"
kill_daemon A; KILLS=1
echo "# killed daemon A -9 at $(stored) bulletins stored"
start_daemon A
wait_for 600 bash -c "[ \$($CLUSTER psql $W/pg -d shared -At -c 'SELECT COUNT(*) FROM bulletin' 2>/dev/null || echo 0) -ge $(((COUNT + BOTH) / 2)) ]"
echo "# restarting PostgreSQL at $(stored) bulletins stored"
PG_PORT=5432 ip netns exec "$NS_DB" "$CLUSTER" restart "$W/pg" >/dev/null && RESTARTS=1 || RESTARTS=0
wait $DROPPER
inboxes_empty() { [ -z "$(find "$W/A/inbox" "$W/B/inbox" -maxdepth 1 -type f)" ]; }
all_stored() { [ "$(stored)" = $((COUNT + BOTH)) ]; }
check "netns: both inboxes empty" wait_for 900 inboxes_empty
check "netns: every bulletin stored" wait_for 120 all_stored
stop_daemon A; stop_daemon B

read -r bulletins duplicates articles <<<"$("$CLUSTER" psql "$W/pg" -d shared -At -F ' ' -c \
    "SELECT (SELECT COUNT(*) FROM bulletin), (SELECT SUM(duplicate_count) FROM bulletin), (SELECT COUNT(*) FROM article)")"
# Every dropped file archived exactly once by each host it was dropped on.
account=$(python3 - "$W" <<'PY'
import hashlib, os, sys, json
w = sys.argv[1]
def digest(p): return hashlib.sha256(open(p, 'rb').read()).hexdigest()
want = {}
for name in os.listdir(os.path.join(w, 'manifest')):
    want[digest(os.path.join(w, 'manifest', name))] = 2 if name.startswith('both') else 1
seen = {}
for h in 'AB':
    for sub in ('state/archive', 'state/quarantine', 'inbox'):
        for root, _, files in os.walk(os.path.join(w, h, sub)):
            for f in files:
                if f.endswith('.error'): continue
                d = digest(os.path.join(root, f)); seen[d] = seen.get(d, 0) + 1
lost = sum(max(0, n - seen.get(d, 0)) for d, n in want.items())
twice = sum(max(0, seen.get(d, 0) - n) for d, n in want.items()) + sum(n for d, n in seen.items() if d not in want)
quarantined = sum(len([f for f in fs if not f.endswith('.error')]) for h in 'AB' for _, _, fs in os.walk(os.path.join(w, h, 'state/quarantine')))
print(json.dumps({"lost": lost, "twice": twice, "quarantined": quarantined}))
PY
)
lost=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["lost"])' "$account")
twice=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["twice"])' "$account")
quarantined=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["quarantined"])' "$account")
echo "netns: dropped $((COUNT + 2 * BOTH)) files ($COUNT + $BOTH into both), stored $bulletins bulletins, $articles articles, duplicates $duplicates, kills $KILLS, PostgreSQL restarts $RESTARTS, lost $lost, twice $twice, quarantined $quarantined"
check "netns: bulletins = $COUNT + $BOTH ($bulletins)" [ "$bulletins" = $((COUNT + BOTH)) ]
check "netns: duplicates = $BOTH ($duplicates)" [ "$duplicates" = "$BOTH" ]
check "netns: articles = $(((COUNT + BOTH) * 2)) ($articles)" [ "$articles" = $(((COUNT + BOTH) * 2)) ]
check "netns: lost = 0 ($lost)" [ "$lost" = 0 ]
check "netns: twice = 0 ($twice)" [ "$twice" = 0 ]
check "netns: nothing quarantined ($quarantined)" [ "$quarantined" = 0 ]
check "netns: a daemon was killed -9 ($KILLS) and PostgreSQL restarted ($RESTARTS) during the burst" [ "$KILLS$RESTARTS" = 11 ]
outages=$(cat "$W/A/daemon.log" "$W/B/daemon.log" | grep -c "database unreachable")
ends=$(cat "$W/A/daemon.log" "$W/B/daemon.log" | grep -c "database reachable again")
check "netns: the restart was noticed and waited out (outages logged $outages, ended $ends)" \
    bash -c "[ $outages -ge 1 ] && [ $outages = $ends ]"
grep -h -E "database (unreachable|reachable)|cannot start" "$W/A/daemon.log" "$W/B/daemon.log" | sed 's/^/# /'
echo "netns: $PASS passed, $FAIL failed in $((SECONDS - STARTED)) s"
[ "$FAIL" = 0 ]
