#!/usr/bin/env bash
# End-to-end test of bulletind under a real systemd (../shared/tools/systemd-sandbox, named by
# $SYSTEMD_SANDBOX): install with `make install`, start, drop bulletins as a member of the drop
# group, check archive, database, summary and journal, reload with good and broken rules, wedge
# the pipeline and see the watchdog restart it, `bulletind status` and the metrics served by
# node_exporter (observe.sh), mail through Postfix (mail.sh), stop cleanly. The steps are the ones README's
# "Running as a service" shows. Needs root and the release binary (make release).
# Prints "N passed, N failed"; exits non-zero on any failure.
set -uo pipefail
REPO=$(cd "$(dirname "$0")/../.." && pwd)
SB=${SYSTEMD_SANDBOX:?set SYSTEMD_SANDBOX to the systemd-sandbox tool}
SB=$(cd "$(dirname "$SB")" && pwd)/$(basename "$SB")
export SYSTEMD_SANDBOX_DIR=${SYSTEMD_SANDBOX_DIR:-/run/bulletind-e2e}
export SYSTEMD_SANDBOX_EXEC_TIMEOUT=${SYSTEMD_SANDBOX_EXEC_TIMEOUT:-120}
# The sandbox cannot see the host's /tmp: a checkout there is bound in (read-write, live).
case "$REPO" in /tmp/*) export SYSTEMD_SANDBOX_BIND="$REPO";; esac
SAMPLE=${BULLETIND_SAMPLE:-$REPO/../shared/samples/diplo-digest-2026-11.txt}
PASS=0 FAIL=0
W=$(mktemp -d /tmp/bulletind-e2e.XXXXXX)
cleanup() { "$SB" stop >/dev/null 2>&1; rm -rf "$W"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

ok()  { PASS=$((PASS + 1)); echo "ok   - $*"; }
bad() { FAIL=$((FAIL + 1)); echo "FAIL - $*"; }
check() { local d=$1; shift; if "$@"; then ok "$d"; else bad "$d"; fi; }
sb() { "$SB" exec "$@"; }
prop() { sb systemctl show -p "$1" --value bulletind.service 2>/dev/null; }
journal() { sb journalctl --sync >/dev/null 2>&1; sb journalctl -u bulletind.service --no-pager "$@" 2>/dev/null; }
wait_for() { # SECONDS CMD... -- poll CMD every 0.2 s
    local end; end=$(($(date +%s) + $1)); shift
    until "$@"; do [ "$(date +%s)" -ge "$end" ] && return 1; sleep 0.2; done
}
as_analyst() { sb runuser -u analyst -- "$@"; }
as_daemon() { sb runuser -u bulletind -- bulletind "$@"; }
drop() { # LOCALFILE NAME: copy into the sandbox, then into the inbox as the analyst
    "$SB" copy-in "$1" "/tmp/drop/$2" && sb chmod 0644 "/tmp/drop/$2" &&
        as_analyst cp "/tmp/drop/$2" "/var/lib/bulletind/inbox/$2"
}
archived() { sb sh -c "ls /var/lib/bulletind/archive/*/*/*/'$1' >/dev/null 2>&1"; }
articles_are() { [ "$(as_daemon stats --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["articles"])')" = "$1" ]; }
status_has() { [[ "$(prop StatusText)" == *"$1"* ]]; }
journal_has() { grep -q -- "$1" <<<"$(journal -o cat)"; }  # not `| grep -q`: SIGPIPE under pipefail
topic_known() { as_daemon stats --json | grep -q "\"$1\""; }
is_active() { [ "$(sb systemctl is-active bulletind.service)" = active ]; }
[ "$(id -u)" = 0 ] || { echo "e2e: must run as root"; exit 1; }
[ -x "$REPO/.build/release/bulletind" ] || { echo "e2e: build the release binary first (make release)"; exit 1; }
[ -f "$SAMPLE" ] || { echo "e2e: sample bulletin not found at $SAMPLE"; exit 1; }

echo "# host checks"
out=$(systemd-analyze security --offline=yes --no-pager "$REPO/systemd/bulletind.service" 2>&1)
exposure=$(grep -o 'Overall exposure level for [^:]*: [0-9.]*' <<<"$out" | awk '{print $NF}')
check "systemd-analyze security --offline=yes: exposure $exposure <= 2.0" \
    awk -v e="${exposure:-99}" 'BEGIN { exit !(e <= 2.0) }'

echo "# install"
"$SB" stop >/dev/null 2>&1
"$SB" start || { bad "systemd-sandbox start"; echo "$PASS passed, $FAIL failed"; exit 1; }
check "make install (from the checkout, as root)" sb make -C "$REPO" --no-print-directory install
out=$(sb systemd-analyze verify /usr/local/lib/systemd/system/bulletind.service 2>&1)
check "systemd-analyze verify prints nothing${out:+: $out}" [ -z "$out" ]
check "system user bulletind and drop group bulletin exist" sb sh -c 'id bulletind >/dev/null && getent group bulletin >/dev/null'
doc=$(prop Documentation)
check "the unit's Documentation= ($doc) is bulletind's README, installed" \
    bash -c '[ "$1" = file:///usr/local/share/doc/bulletind/README.md ] && "$2" exec test -f /usr/local/share/doc/bulletind/README.md' _ "$doc" "$SB"
check "useradd analyst (the README's example analyst)" sb useradd analyst
check "usermod -aG bulletin analyst" sb usermod -aG bulletin analyst
sb install -d -m 0777 /tmp/drop
# The man pages and completions that make install put in place (a separate file, sourced).
. "$REPO/Tests/systemd/docs.sh"

echo "# start"
check "systemctl enable --now bulletind returns after READY" sb systemctl enable --now bulletind.service
check "is-active = active" [ "$(sb systemctl is-active bulletind.service)" = active ]
pid=$(prop MainPID)
check "runs as user bulletind, not root" [ "$(sb ps -o user= -p "$pid" | tr -d ' ')" = bulletind ]
check "STATUS= says it is watching the inbox" status_has "watching /var/lib/bulletind/inbox"
check "systemctl status shows that status line" bash -c "'$SB' exec systemctl status --no-pager bulletind.service | grep -q 'Status: \"watching /var/lib/bulletind/inbox'"

echo "# a bulletin dropped by a member of the drop group"
check "analyst (group bulletin) can write into the inbox" drop "$SAMPLE" digest.txt
check "the bulletin is archived" wait_for 30 archived digest.txt
check "its 10 articles are stored" wait_for 10 articles_are 10
check "today's summary is written and readable by the analyst" \
    wait_for 20 sb runuser -u analyst -- grep -qs "6G" "/var/lib/bulletind/summaries/$(sb date +%F).md"
check "the inbox is empty again" [ -z "$(sb ls -A /var/lib/bulletind/inbox)" ]
journal -o json >"$W/journal.json"
entry() { # FIELD: that field of the journal entry whose BULLETIN_FILE is digest.txt
    python3 -c 'import json, sys
for line in open(sys.argv[1]):
    e = json.loads(line)
    if e.get("BULLETIN_FILE") == "digest.txt":
        print(e.get(sys.argv[2], "")); break' "$W/journal.json" "$1"
}
check "journal entry with BULLETIN_FILE=digest.txt has ARTICLES=10" [ "$(entry ARTICLES)" = 10 ]
check "… TOPICS= lists the topics ($(entry TOPICS))" grep -q "telecoms" <<<"$(entry TOPICS)"
check "… DURATION_MS= is a number ($(entry DURATION_MS))" grep -qE '^[0-9]+$' <<<"$(entry DURATION_MS)"
check "… PRIORITY=6 (info) and OUTCOME=stored" [ "$(entry PRIORITY) $(entry OUTCOME)" = "6 stored" ]
# A healthy service logs nothing that reads as a failure (issue 11): up to here the run was
# clean, so no line of the unit at warning or worse, and none that says "failed" or "errno" at
# any priority (libdispatch's "Failed to set thread priority … errno=1" came through standard
# error, at info).
warnings=$(journal -p warning -o cat)
check "no warning-or-worse journal line during the clean run${warnings:+: $(head -3 <<<"$warnings")}" [ -z "$warnings" ]
failing=$(journal -o cat | grep -iE 'fail|errno' || true)
check "no journal line says failed or errno during the clean run${failing:+: $(head -3 <<<"$failing")}" [ -z "$failing" ]

echo "# rubbish is quarantined with its reason"
printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR' >"$W/picture.txt"
drop "$W/picture.txt" picture.txt
check "a PNG named .txt lands in quarantine with picture.txt.error" \
    wait_for 20 sb test -f /var/lib/bulletind/quarantine/picture.txt.error
check "the daemon is still active" is_active

echo "# reload"
sb cp /etc/bulletind/topics.toml /tmp/topics.good
{ cat "$REPO/Config/topics.toml"; printf '\n[[topic]]\nid = "e2e-marker"\nname = "E2E marker"\nrule = %s\n' "'\"pilot programme\"'"; } >"$W/topics.more"
"$SB" copy-in "$W/topics.more" /etc/bulletind/topics.toml
check "bulletind rules check passes on the edited rules" sb bulletind rules check /etc/bulletind/topics.toml
check "systemctl reload with a good rules file" sb systemctl reload bulletind.service
check "the new topic is in force" wait_for 10 topic_known e2e-marker
check "MainPID unchanged by reload" [ "$(prop MainPID)" = "$pid" ]
printf '[[topic]]\nid = "broken"\nname = "Broken"\nrule = "(AI AND"\n' >"$W/topics.bad"
"$SB" copy-in "$W/topics.bad" /etc/bulletind/topics.toml
sb systemctl reload bulletind.service
check "a broken rules file: STATUS names the file and says the old rules stay" wait_for 10 status_has "topics.toml"
check "the journal names file:line:column of the error" wait_for 10 journal_has "topics.toml:4:"
check "still active after the broken reload" is_active
degraded() { sb runuser -u analyst -- bulletind status >"$W/status.txt" 2>&1; [ $? = 1 ] && grep -q "last reload FAILED.*topics.toml:4:" "$W/status.txt"; }
check "bulletind status (as the analyst): degraded, exit 1, naming topics.toml:4:" wait_for 10 degraded
sed 's/Zhongwei\|Ningxia/Somewhere/g; 1s/.*/An invented headline about a 6G pilot programme/' "$SAMPLE" >"$W/second.txt"
drop "$W/second.txt" second.txt
check "a bulletin after the broken reload is still ingested (old rules in force)" wait_for 30 archived second.txt
sb cp /tmp/topics.good /etc/bulletind/topics.toml

echo "# watchdog"
sb mkdir -p /etc/systemd/system/bulletind.service.d
printf '[Service]\nEnvironment=BULLETIND_TEST_WEDGE=wedge.txt\nWatchdogSec=3\n' >"$W/wedge.conf"
"$SB" copy-in "$W/wedge.conf" /etc/systemd/system/bulletind.service.d/wedge.conf
sb systemctl daemon-reload
sb systemctl restart bulletind.service
pid=$(prop MainPID); nr=$(prop NRestarts)
sed '1s/.*/A wedging bulletin/' "$SAMPLE" >"$W/wedge.txt"
drop "$W/wedge.txt" wedge.txt
restarted() { local p; p=$(prop MainPID); [ "$(prop NRestarts)" -gt "$nr" ] && [ "$p" != "$pid" ] && [ "$p" != 0 ]; }
check "a wedged pipeline is killed by the watchdog and restarted" wait_for 60 restarted
check "the journal records the watchdog timeout" bash -c "'$SB' exec journalctl --no-pager -u bulletind.service | grep -qi watchdog"
sb systemctl kill -s KILL bulletind.service    # the wedged process ignores SIGTERM by design
sb rm -f /etc/systemd/system/bulletind.service.d/wedge.conf /var/lib/bulletind/inbox/wedge.txt
sb systemctl daemon-reload
sb systemctl restart bulletind.service
check "active again without the test switch" wait_for 20 is_active

# bulletind status and the metrics served by node_exporter (a separate file, sourced).
. "$REPO/Tests/systemd/observe.sh"

# Postfix hands mail to `bulletind deliver` (a separate file, sourced: it uses the helpers above).
. "$REPO/Tests/systemd/mail.sh"

echo "# stop"
check "systemctl stop" sb systemctl stop bulletind.service
check "stopped cleanly (Result=success, exit status 0)" bash -c "[ \"\$('$SB' exec systemctl show -p Result --value bulletind.service)\" = success ] && [ \"\$('$SB' exec systemctl show -p ExecMainStatus --value bulletind.service)\" = 0 ]"
check "the journal shows the clean shutdown" journal_has "stopped"
check "bulletind status after the stop: not running (exit 3)" [ "$(status_rc_as analyst)" = 3 ]
check "database integrity_check = ok" bash -c "[ \"\$('$SB' exec python3 -c 'import sqlite3; print(sqlite3.connect(\"/var/lib/bulletind/bulletind.sqlite\").execute(\"pragma integrity_check\").fetchone()[0])')\" = ok ]"

echo "# uninstall"
check "make uninstall" sb make -C "$REPO" --no-print-directory uninstall
check "the binary and unit are gone, the data stays" bash -c "! '$SB' exec test -e /usr/local/bin/bulletind && ! '$SB' exec test -e /usr/local/lib/systemd/system/bulletind.service && '$SB' exec test -f /var/lib/bulletind/bulletind.sqlite"

if [ "$FAIL" != 0 ]; then
    echo "# journal of bulletind.service (last 60 lines)"
    journal -o short-precise | tail -60
fi
echo "$PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]
