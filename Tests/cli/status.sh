#!/usr/bin/env bash
# `bulletind status` and the metrics file as an admin and a monitor see them: the real daemon,
# run by hand on a temporary folder with `metrics_file`, fed real files; `bulletind status`
# (text, --json, exit 0 healthy / 1 degraded / 3 not running); `promtool check metrics` on the
# metrics file; `log_level`, `--quiet` and `--verbose`. As root, also the daemon as an
# unprivileged user (bulletind-test, group bulletin-test) and `status` as a member of the drop
# group (analyst-test), as the reliability suite's intake scenario sets them up.
# Usage: Tests/cli/status.sh PATH/TO/bulletind. Prints "N passed, N failed".
set -uo pipefail
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
REPO=$(cd "$(dirname "$0")/../.." && pwd)
W=$(mktemp -d /tmp/bulletind-status.XXXXXX)
PASS=0 FAIL=0 DPID=
ok()  { PASS=$((PASS + 1)); echo "ok   - $*"; }
bad() { FAIL=$((FAIL + 1)); echo "FAIL - $*"; }
check() { local d=$1; shift; if "$@"; then ok "$d"; else bad "$d"; fi; }
wait_for() { # SECONDS CMD...: poll CMD every 0.2 s
    local end; end=$(($(date +%s) + $1)); shift
    until "$@"; do [ "$(date +%s)" -ge "$end" ] && return 1; sleep 0.2; done
}
CREATED_USERS=() CREATED_GROUPS=()
cleanup() {
    [ -n "$DPID" ] && kill -TERM "$DPID" 2>/dev/null && wait "$DPID" 2>/dev/null
    for u in "${CREATED_USERS[@]}"; do userdel "$u" 2>/dev/null; done
    for g in "${CREATED_GROUPS[@]}"; do groupdel "$g" 2>/dev/null; done
    rm -rf "$W"
}
trap cleanup EXIT
command -v promtool >/dev/null || { echo "status.sh: promtool is missing (make deps installs Debian's prometheus)"; exit 1; }

# A configuration in $1 (a folder): inbox, state/, metrics/, written every second.
configure() {
    mkdir -p "$1/inbox" "$1/state" "$1/metrics"
    cp "$REPO/Config/topics.toml" "$1/topics.toml"
    cat >"$1/bulletind.toml" <<TOML
inbox = "inbox"
archive = "state/archive"
quarantine = "state/quarantine"
database = "state/bulletind.sqlite"
summaries = "state/summaries"
rules = "topics.toml"
metrics_file = "metrics/bulletind.prom"
metrics_interval = 1
${2:-}
TOML
}
# gen FOLDER COUNT PREFIX: invented bulletins (the reliability suite's generator).
gen() { python3 "$REPO/Tests/stress/tool.py" gen "$1" "$2" "$3" 2 >/dev/null; }
ST() { "${AS[@]}" "$BIN" status --config "$D/bulletind.toml" "$@"; }
status_rc() { ST "$@" >/dev/null 2>&1; echo $?; }
status_is() { [ "$(status_rc)" = "$1" ]; }
sj() { ST --json 2>/dev/null | python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
start() { # start [RUN-PREFIX...] -- [run options]: the daemon in the background, its log in $D/daemon.log
    "$@" "$BIN" run --config "$D/bulletind.toml" "${RUN_OPTIONS[@]}" >"$D/daemon.log" 2>&1 &
    DPID=$!
}
stop() { kill -TERM "$DPID"; wait "$DPID"; local rc=$?; DPID=; return $rc; }
inbox_empty() { [ -z "$(ls -A "$D/inbox")" ]; }
metric() { awk -v s="$1" '$1 == s { print $2 }' "$D/metrics/bulletind.prom" 2>/dev/null; }

echo "# by hand, as $(id -un)"
D=$W/hand; configure "$D" 'log_level = "warning"'; AS=(); RUN_OPTIONS=()
check "status before the start: exit 3, not running" [ "$(status_rc)" = 3 ]
check "… and says so" bash -c '"$@" | grep -q "^bulletind: not running"' _ "$BIN" status --config "$D/bulletind.toml"
start
check "status: running and healthy (exit 0) once the inbox is watched" wait_for 60 status_is 0
check "status --json: pid is the daemon's ($DPID)" [ "$(sj 'd["pid"]')" = "$DPID" ]
gen "$W/gen" 200 busy
printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR' >"$D/inbox/picture.txt"
mv "$W/gen/"* "$D/inbox/"
# Once the state file names a bulletin taken (it is current within a second), mid-burst.
taken_some() { [ "$(sj 'd["today"]["bulletins"] > 0')" = True ]; }
wait_for 60 taken_some
ST >"$W/busy.txt"; rc=$?
echo "  (status during the burst, exit $rc:)"; sed 's/^/  | /' "$W/busy.txt"
check "status during a burst of 200 bulletins exits 0 or 1 ($rc), never 3" [ "$rc" != 3 ]
check "the burst is taken" wait_for 300 inbox_empty
today_is() { [ "$(sj '"%d %d" % (d["today"]["bulletins"], d["today"]["quarantined"])')" = "$1" ]; }
check "status --json: today 200 bulletins stored, 1 quarantined" wait_for 10 today_is "200 1"
check "status --json: the quarantine (1 file) with picture.txt's cause and reason" \
    [ "$(sj '"%d %s %s %s" % (d["quarantine"]["count"], d["quarantine"]["newest"][0]["name"], d["quarantine"]["newest"][0]["cause"], "PNG" in d["quarantine"]["newest"][0]["reason"])')" = "1 picture.txt rejected True" ]
check "status --json: last bulletin and last success are set" [ "$(sj 'bool(d["lastBulletin"]["name"]) and bool(d["lastSuccess"])')" = True ]
check "status --json: database size > 0" [ "$(sj 'd["database"]["bytes"] > 0')" = True ]
check "status: healthy after the burst (exit 0; a quarantined file is not an error)" [ "$(status_rc)" = 0 ]
ST >"$W/after.txt"; echo "  (status after the burst:)"; sed 's/^/  | /' "$W/after.txt"
metric_is() { [ "$(metric "$1")" = "$2" ]; }
check "metrics: bulletind_bulletins_total{outcome=\"stored\"} reaches 200" wait_for 10 metric_is 'bulletind_bulletins_total{outcome="stored"}' 200
check "metrics: quarantined by cause rejected = 1" [ "$(metric 'bulletind_quarantined_total{cause="rejected"}')" = 1 ]
check "metrics: the ingest histogram counted 201 files" [ "$(metric bulletind_ingest_duration_seconds_count)" = 201 ]
check "metrics: the inbox is empty ($(metric bulletind_inbox_files)), the database has a size ($(metric bulletind_database_bytes))" \
    awk -v f="$(metric bulletind_inbox_files)" -v b="$(metric bulletind_database_bytes)" 'BEGIN { exit !(f == 0 && b > 0) }'
out=$(promtool check metrics <"$D/metrics/bulletind.prom" 2>&1); rc=$?
check "promtool check metrics accepts the file (exit $rc${out:+: $out})" [ "$rc" = 0 ] && [ -z "$out" ]
cp "$D/metrics/bulletind.prom" "$W/metrics.prom"
check "log_level = \"warning\": no info lines in the log" bash -c '! grep -q " info " "$1"' _ "$D/daemon.log"

echo "# reload"
cp "$D/topics.toml" "$W/topics.good"
printf '[[topic]]\nid = "broken"\nname = "Broken"\nrule = "(AI AND"\n' >"$D/topics.toml"
kill -HUP "$DPID"
check "a failed reload: status exits 1 (degraded)" wait_for 30 status_is 1
loc=$(sj 'd["rules"]["lastReload"].get("location")')
check "… with the file:line:column of the error ($loc)" bash -c '[[ "$1" == "$2/topics.toml:4:"[0-9]* ]]' _ "$loc" "$D"
check "… and says why" bash -c '"$@" | grep -q "last reload failed"' _ "$BIN" status --config "$D/bulletind.toml"
check "metrics: bulletind_reload_failures_total = 1" wait_for 10 metric_is bulletind_reload_failures_total 1
cp "$W/topics.good" "$D/topics.toml"
kill -HUP "$DPID"
check "a good reload after it: healthy again (exit 0)" wait_for 30 status_is 0

echo "# stop"
check "SIGTERM: the daemon exits 0" stop
check "status after the stop: exit 3" [ "$(status_rc)" = 3 ]
check "… 'it stopped at'" bash -c '"$@" | grep -q "it stopped at"' _ "$BIN" status --config "$D/bulletind.toml"
check "the metrics file was written at the stop too" [ -n "$(metric bulletind_start_time_seconds)" ]

echo "# --quiet and --verbose"
RUN_OPTIONS=(--verbose); start
gen "$W/gen" 1 loud; mv "$W/gen/"* "$D/inbox/"
check "--verbose wins over log_level = \"warning\": the bulletin's info line is logged" wait_for 60 grep -q "info  archived loud-" "$D/daemon.log"
check "… and the debug line of the summary it wrote" wait_for 30 grep -q "debug wrote the summary of" "$D/daemon.log"
stop
sed -i 's/^log_level = .*/log_level = "info"/' "$D/bulletind.toml"
RUN_OPTIONS=(--quiet); start
gen "$W/gen" 1 hush; mv "$W/gen/"* "$D/inbox/"
check "--quiet: the bulletin is taken" wait_for 60 inbox_empty
check "--quiet wins over log_level = \"info\": no info line about it" bash -c '! grep -q "hush-" "$1"' _ "$D/daemon.log"
stop
RUN_OPTIONS=()

if [ "$(id -u)" = 0 ]; then
    echo "# as the service runs: the daemon as bulletind-test, status as analyst-test (drop group) and as bulletind-test"
    SVC=bulletind-test GRP=bulletin-test ANALYST=analyst-test
    if ! getent group "$GRP" >/dev/null; then groupadd -r "$GRP"; CREATED_GROUPS+=("$GRP"); fi
    if ! id -u "$SVC" >/dev/null 2>&1; then useradd -r -M -d /nonexistent -s /usr/sbin/nologin -g "$GRP" "$SVC"; CREATED_USERS+=("$SVC"); fi
    if ! id -u "$ANALYST" >/dev/null 2>&1; then useradd -r -M -d /nonexistent -s /usr/sbin/nologin -U -G "$GRP" "$ANALYST"; CREATED_USERS+=("$ANALYST"); fi
    D=$W/svc; configure "$D"
    chmod 0711 "$W"
    install -D -m 0755 "$BIN" "$W/bin/bulletind"; BIN=$W/bin/bulletind
    # The packaged layout (systemd/bulletind.tmpfiles.conf): state 0750 daemon:drop group, the
    # inbox 2770, the quarantine the daemon's alone.
    chown -R "$SVC:$GRP" "$D/state" "$D/inbox" "$D/metrics"; chmod 0750 "$D/state"; chmod 2770 "$D/inbox"
    mkdir -p "$D/state/quarantine"; chown "$SVC:$SVC" "$D/state/quarantine" 2>/dev/null || chown "$SVC" "$D/state/quarantine"; chmod 0750 "$D/state/quarantine"
    chmod 0755 "$D"
    as_service=(setpriv --reuid="$SVC" --regid="$GRP" --clear-groups --inh-caps=-all --bounding-set=-all --no-new-privs --)
    umask_was=$(umask); umask 0027
    start "${as_service[@]}"
    umask "$umask_was"
    AS=(setpriv --reuid="$SVC" --regid="$GRP" --clear-groups --)
    check "status as the daemon's user: running (exit 0)" wait_for 60 status_is 0
    gen "$W/gen" 3 drop; chmod 0644 "$W/gen/"*
    printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR' >"$W/gen/junk.txt"; chmod 0644 "$W/gen/junk.txt"
    setpriv --reuid="$ANALYST" --regid="$ANALYST" --init-groups -- sh -c 'cp "$@"' _ "$W/gen/"* "$D/inbox/"
    rm -rf "$W/gen"
    check "the analyst's files are taken" wait_for 60 inbox_empty
    AS=(setpriv --reuid="$ANALYST" --regid="$ANALYST" --init-groups --)
    check "$ANALYST may not list the quarantine (the daemon's alone)" bash -c '! "$@" ls "$1" >/dev/null 2>&1' _ "${AS[@]}" "$D/state/quarantine"
    check "status as $ANALYST (drop group): running and healthy (exit 0)" [ "$(status_rc)" = 0 ]
    # The state file is current within a second of the last file.
    sees_three() { [ "$(sj '"%s %d %d" % (d["stateFile"].endswith("state/bulletind.state.json"), d["pid"], d["today"]["bulletins"])')" = "True $DPID 3" ]; }
    check "… sees the state file, the pid, 3 bulletins today" wait_for 10 sees_three
    check "… the quarantine's count from the state file (1, junk.txt)" [ "$(sj '"%d %s" % (d["quarantine"]["count"], d["quarantine"]["newest"][0]["name"])')" = "1 junk.txt" ]
    check "… the database size" [ "$(sj 'd["database"]["bytes"] > 0')" = True ]
    ST >"$W/analyst.txt"; echo "  (status as $ANALYST:)"; sed 's/^/  | /' "$W/analyst.txt"
    check "the state file is the daemon's, mode 0640, group $GRP ($(stat -c '%U:%G %a' "$D/state/bulletind.state.json"))" \
        [ "$(stat -c '%U:%G %a' "$D/state/bulletind.state.json")" = "$SVC:$GRP 640" ]
    AS=(setpriv --reuid=nobody --regid=nogroup --clear-groups --)
    check "a user outside the drop group learns nothing: not running (exit 3)" [ "$(status_rc)" = 3 ]
    check "the daemon (as $SVC) stops with exit 0" stop
    AS=(setpriv --reuid="$ANALYST" --regid="$ANALYST" --init-groups --)
    check "status as $ANALYST after the stop: exit 3" [ "$(status_rc)" = 3 ]
else
    echo "# as the service runs: skipped (needs root to create the test users)"
fi

echo "$PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]
