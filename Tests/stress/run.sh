#!/usr/bin/env bash
# The long part of the reliability suite (`make stress`; docs/RELIABILITY.md): the real daemon on
# real folders, real inotify and a real SQLite file, killed, stopped, starved and fed hostile
# files; then the fuzz driver; then (STRESS_SANITIZERS=1) the unit tests under ASan and TSan.
#
# Usage: Tests/stress/run.sh PATH/TO/bulletind [PATH/TO/BulletinFuzz]
# Environment: STRESS_ONLY="crash overflow faults hostile intake security powercut fuzz sanitizers"
# (default: all but sanitizers unless STRESS_SANITIZERS=1), STRESS_FUZZ_SECONDS (120),
# STRESS_KILLS (24), STRESS_BURST (500), STRESS_OVERFLOW (20000), STRESS_POWERCUT_BULLETINS (300),
# STRESS_POWERCUT_CUTS (50).
# Needs root (tmpfs mounts for the disk-full and read-only cases; FUSE for the power cuts; the
# intake scenario creates the users bulletind-test and analyst-test and runs the daemon as the
# first). Outcomes are exact; time only bounds the waiting (generous deadlines, polled). Prints
# figures per scenario and a final "N passed, N failed"; exits non-zero on any failure,
# including an error of the script itself (a command that fails unexpectedly, a Python
# traceback): see script_error.
set -uo pipefail -E
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
FUZZ=${2:-}
[ -n "$FUZZ" ] && FUZZ=$(cd "$(dirname "$FUZZ")" && pwd)/$(basename "$FUZZ")
REPO=$(cd "$(dirname "$0")/../.." && pwd)
TOOL="py $REPO/Tests/stress/tool.py"
SANITIZERS=${STRESS_SANITIZERS:-0}
ONLY=${STRESS_ONLY:-crash overflow faults hostile intake security powercut fuzz$([ "$SANITIZERS" = 1 ] && echo " sanitizers")}
FUZZ_SECONDS=${STRESS_FUZZ_SECONDS:-120}
KILLS=${STRESS_KILLS:-24}
BURST=${STRESS_BURST:-500}
OVERFLOW=${STRESS_OVERFLOW:-20000}

W=$(mktemp -d /tmp/bulletind-stress.XXXXXX)
MOUNTS=()
CREATED_USERS=() CREATED_GROUPS=()
DPID=
cleanup() {
    trap - ERR
    [ -n "$DPID" ] && kill -9 "$DPID" 2>/dev/null
    for m in "${MOUNTS[@]}"; do umount -l "$m" 2>/dev/null; done
    jobs -p | xargs -r kill 2>/dev/null
    for u in "${CREATED_USERS[@]}"; do userdel "$u" 2>/dev/null; done
    for g in "${CREATED_GROUPS[@]}"; do groupdel "$g" 2>/dev/null; done
    if [ "${STRESS_KEEP:-0}" = 1 ]; then echo "kept: $W"; else rm -rf "$W"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# An error of the script itself (a command failing outside a check or a condition, a Python
# traceback) is recorded and fails the run at the end, instead of scrolling past a run that
# passes. Commands allowed to fail say so (`|| true`, or run in a condition).
script_error() {
    printf '%s\n' "$*" >>"$W/script-errors"
    echo "SCRIPT ERROR - $*" >&2
}
# The trap skips `return N`: the failure it passes on was reported where it happened.
trap '__rc=$?; [[ $BASH_COMMAND == return* ]] || script_error "line $LINENO: \`$BASH_COMMAND\` exited $__rc"' ERR
# py ARGS…: python3 ARGS…; a non-zero exit or anything on standard error (a traceback) is a
# script error, unless PY_QUIET=1 (a poll that may fail until the database exists).
py() {
    local err rc=0; err=$(mktemp "$W/py.XXXXXX")
    python3 "$@" 2>"$err" || rc=$?
    if [ "${PY_QUIET:-0}" != 1 ] && { [ $rc != 0 ] || [ -s "$err" ]; }; then
        cat "$err" >&2
        script_error "python3 ${*:1:2}… exited $rc: $(tail -1 "$err")"
    fi
    rm -f "$err"
    return $rc
}

PASS=0 FAIL=0
ok()  { PASS=$((PASS + 1)); echo "ok   - $*"; }
bad() { FAIL=$((FAIL + 1)); echo "FAIL - $*"; }
check() { local d=$1; shift; if "$@"; then ok "$d"; else bad "$d"; fi; }
want() { [[ " $ONLY " == *" $1 "* ]]; }
json() { py -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

# wait_for SECONDS COMMAND...: polls every 0.2 s until COMMAND succeeds; 1 when the deadline passes.
wait_for() {
    local deadline=$((SECONDS + $1)); shift
    until "$@"; do [ $SECONDS -ge $deadline ] && return 1; sleep 0.2; done
}

# setup NAME [EXTRA_TOML]: a fresh state folder $S with a configuration file.
setup() {
    S=$W/$1
    mkdir -p "$S/inbox" "$S/src" "$S/manifest"
    cat >"$S/bulletind.toml" <<EOF
inbox = "$S/inbox"
archive = "$S/state/archive"
quarantine = "$S/state/quarantine"
database = "$S/state/bulletind.sqlite"
summaries = "$S/state/summaries"
rules = "$REPO/Config/topics.toml"
time_zone = "UTC"
rescan_interval = ${RESCAN:-10}
summary_debounce = 1
${2:-}
EOF
}

watching_more() { [ "$(log_count "watching $S/inbox")" -gt "$1" ]; }
bulletins_are() { [ "$(PY_QUIET=1 dbq 'd["bulletins"]' 2>/dev/null)" = "$1" ]; }
gone() { [ ! -e "$1" ] && [ ! -L "$1" ]; }
log_count() { local n; n=$(grep -c "$1" "$S/daemon.log" 2>/dev/null || true); echo "${n:-0}"; }
# RUN_AS: a command prefix that runs the daemon as another user (scenario intake); empty: root.
RUN_AS=()
start_daemon() {
    local before; before=$(log_count "watching $S/inbox")
    (cd "$S" && exec "${RUN_AS[@]}" "$BIN" run --config "$S/bulletind.toml" >>"$S/daemon.log" 2>&1) &
    DPID=$!
    [ "${1:-}" = nowait ] && return 0
    wait_for 60 watching_more "$before"
}
stop_daemon() { [ -n "$DPID" ] && kill -TERM "$DPID" 2>/dev/null && wait "$DPID" 2>/dev/null; DPID=; }
kill_daemon() { [ -n "$DPID" ] && kill -9 "$DPID" 2>/dev/null; wait "$DPID" 2>/dev/null || true; DPID=; }
alive() { [ -n "$DPID" ] && kill -0 "$DPID" 2>/dev/null; }
inbox_count() { find "$S/inbox" -mindepth 1 -maxdepth 1 -type f | wc -l; }
inbox_empty() { [ "$(inbox_count)" = 0 ]; }
archived() { find "$S/state/archive" -type f 2>/dev/null | wc -l; }
dbq() { $TOOL db "$S/state/bulletind.sqlite" | json "$1"; }
account() { $TOOL account "$S" "$S/manifest"; }
# Where a file of the manifest went: archive, quarantine, inbox, or nowhere.
state_links() { ln -sfn "$S/state/archive" "$S/archive"; ln -sfn "$S/state/quarantine" "$S/quarantine"; }
mounted() { mount "$@" && MOUNTS+=("${@: -1}"); }
unmount() { umount "$1" || umount -l "$1"; }

# 1. Crash safety ---------------------------------------------------------------------------
scenario_crash() {
    echo "# 1. crash safety: $BURST bulletins, kill -9 at random moments, at least $KILLS times"
    setup crash; state_links
    $TOOL gen "$S/src" "$BURST" crash 2
    cp -al "$S/src/." "$S/manifest/"
    start_daemon
    $TOOL drop "$S/src" "$S/inbox" 20 7 &
    local dropper=$! kills=0
    RANDOM=42
    while [ $kills -lt "$KILLS" ] || kill -0 $dropper 2>/dev/null; do
        sleep "0.$((RANDOM % 6 + 1))$((RANDOM % 10))"
        kill_daemon; kills=$((kills + 1))
        start_daemon nowait
    done
    wait $dropper
    # The kill after the commit and before the move: the archive is made read-only, so the
    # transaction commits and the move fails (the file stays in the inbox); kill -9 there.
    wait_for 600 inbox_empty
    kill_daemon
    mkdir -p "$S/state/archive"
    mounted -t tmpfs -o ro,size=1m tmpfs "$S/state/archive"
    $TOOL gen "$S/late" 1 committed 2
    cp -al "$S/late/." "$S/manifest/"
    start_daemon
    mv "$S/late/committed-00001.txt" "$S/inbox/"
    wait_for 60 bulletins_are $((BURST + 1))
    local committed_in_inbox=$([ -f "$S/inbox/committed-00001.txt" ] && echo yes || echo no)
    kill_daemon; kills=$((kills + 1))
    unmount "$S/state/archive"
    start_daemon
    wait_for 120 inbox_empty
    stop_daemon
    local a; a=$(account)
    local lost dup arch; lost=$(json 'd["lost"]' <<<"$a"); dup=$(json 'd["duplicated"]' <<<"$a"); arch=$(json 'd["archive"]' <<<"$a")
    echo "crash: dropped $((BURST + 1)), kills survived $kills, lost $lost, duplicated $dup, archived $arch, $(dbq '"bulletins %d, articles %d, duplicates counted %d, integrity %s" % (d["bulletins"], d["articles"], d["duplicates"], d["integrity"])')"
    check "crash: the committed file was still in the inbox when killed ($committed_in_inbox)" [ "$committed_in_inbox" = yes ]
    check "crash: $kills kills survived (>= $KILLS)" [ $kills -ge "$KILLS" ]
    check "crash: lost = 0 ($lost)" [ "$lost" = 0 ]
    check "crash: duplicated = 0 ($dup)" [ "$dup" = 0 ]
    check "crash: all $((BURST + 1)) archived ($arch)" [ "$arch" = $((BURST + 1)) ]
    check "crash: bulletins = $((BURST + 1)) ($(dbq 'd["bulletins"]'))" [ "$(dbq 'd["bulletins"]')" = $((BURST + 1)) ]
    check "crash: articles = $(((BURST + 1) * 2)) ($(dbq 'd["articles"]'))" [ "$(dbq 'd["articles"]')" = $(((BURST + 1) * 2)) ]
    check "crash: not counted twice: duplicates = 0 ($(dbq 'd["duplicates"]'))" [ "$(dbq 'd["duplicates"]')" = 0 ]
    check "crash: integrity_check = ok" [ "$(dbq 'd["integrity"]')" = ok ]
    # The full-text index is written by the store in each bulletin's transaction (no triggers):
    # after every kill -9 it must still agree with the article table, row for row.
    local fts; fts=$($TOOL fts "$S/state/bulletind.sqlite")
    echo "crash: full-text integrity-check against the article table: $fts"
    check "crash: full-text index agrees with the article table ($fts)" [ "$fts" = ok ]
}

# 2. Overflow --------------------------------------------------------------------------------
scenario_overflow() {
    echo "# 2. overflow: SIGSTOP, $OVERFLOW bulletins (queue $(cat /proc/sys/fs/inotify/max_queued_events)), SIGCONT"
    RESCAN=3600 setup overflow; state_links
    $TOOL gen "$S/src" "$OVERFLOW" flood 1
    cp -al "$S/src/." "$S/manifest/"
    start_daemon
    kill -STOP "$DPID"
    $TOOL drop "$S/src" "$S/inbox"
    kill -CONT "$DPID"
    local started=$SECONDS
    wait_for 1800 inbox_empty
    local took=$((SECONDS - started))
    stop_daemon
    local a; a=$(account)
    echo "overflow: dropped $OVERFLOW, processed $(json 'd["archive"]' <<<"$a") in ${took} s, lost $(json 'd["lost"]' <<<"$a"), duplicated $(json 'd["duplicated"]' <<<"$a"), overflow noticed: $(log_count 'overflowed') time(s)"
    check "overflow: the kernel queue overflowed and the daemon listed the inbox again" [ "$(log_count 'overflowed')" -ge 1 ]
    check "overflow: every one of $OVERFLOW archived" [ "$(json 'd["archive"]' <<<"$a")" = "$OVERFLOW" ]
    check "overflow: lost 0, duplicated 0" [ "$(json '"%d %d" % (d["lost"], d["duplicated"])' <<<"$a")" = "0 0" ]
    check "overflow: bulletins = articles = $OVERFLOW" [ "$(dbq '"%d %d" % (d["bulletins"], d["articles"])')" = "$OVERFLOW $OVERFLOW" ]
    check "overflow: integrity_check = ok" [ "$(dbq 'd["integrity"]')" = ok ]
}

# 3. Faults ----------------------------------------------------------------------------------
# drop_batch PREFIX COUNT: invent COUNT bulletins and move them into the inbox (manifest kept).
drop_batch() {
    rm -rf "$S/src"; $TOOL gen "$S/src" "$2" "$1" 2
    cp -al "$S/src/." "$S/manifest/"
    $TOOL drop "$S/src" "$S/inbox"
}
accounted() { [ "$(account | json '"%d %d %d" % (d["lost"], d["duplicated"], d["inbox"])')" = "0 0 0" ]; }

scenario_faults() {
    echo "# 3. faults"
    RESCAN=2 setup faults; state_links
    start_daemon
    local total=0

    # The database locked by another process holding a write transaction for 8 s.
    $TOOL lock "$S/state/bulletind.sqlite" 8 >"$S/lock.out" &
    local locker=$!
    wait_for 30 grep -q locked "$S/lock.out"
    drop_batch locked 10; total=$((total + 10))
    sleep 3
    local held; held=$(inbox_count)
    wait $locker
    check "faults/locked: files wait while the database is locked ($held of 10 still in the inbox after 3 s)" [ "$held" -ge 1 ]
    check "faults/locked: all taken once the lock is released" wait_for 120 inbox_empty
    check "faults/locked: nothing lost or duplicated" accounted

    # The state folder's disk full: state on a 3 MB tmpfs, filled up.
    stop_daemon
    mv "$S/state" "$S/state.old"; mkdir -p "$S/state"
    mounted -t tmpfs -o size=3m tmpfs "$S/state"
    cp -a "$S/state.old/." "$S/state/"
    start_daemon
    dd if=/dev/zero of="$S/state/filler" bs=64k 2>/dev/null || true  # fails once the disk is full: the point
    drop_batch full 10; total=$((total + 10))
    sleep 4
    local full_held; full_held=$(inbox_count)
    local logged; logged=$(grep -ciE "no space|disk full|ENOSPC|SQLITE_FULL|database or disk is full" "$S/daemon.log" || true)
    rm -f "$S/state/filler"
    check "faults/full: files stay in the inbox while the disk is full ($full_held of 10)" [ "$full_held" -ge 1 ]
    check "faults/full: the daemon logs it ($logged lines)" [ "$logged" -ge 1 ]
    check "faults/full: it resumes on its own once space is freed" wait_for 180 inbox_empty
    check "faults/full: nothing lost or duplicated" accounted
    check "faults/full: integrity_check = ok" [ "$(dbq 'd["integrity"]')" = ok ]

    # The archive folder not writable (read-only mount).
    local day; day=$(date -u +%Y/%m/%d)
    mkdir -p "$S/state/archive/$day"
    mounted --bind "$S/state/archive/$day" "$S/state/archive/$day"
    mount -o remount,bind,ro "$S/state/archive/$day"
    drop_batch rofs 5; total=$((total + 5))
    sleep 4
    local ro_held; ro_held=$(inbox_count)
    unmount "$S/state/archive/$day"
    check "faults/archive-ro: files stay in the inbox ($ro_held of 5)" [ "$ro_held" = 5 ]
    check "faults/archive-ro: they are retried and archived" wait_for 180 inbox_empty
    check "faults/archive-ro: nothing lost or duplicated" accounted
    check "faults/archive-ro: counted once (duplicates 0)" [ "$(dbq 'd["duplicates"]')" = 0 ]

    # The inbox removed and re-created while running.
    mv "$S/inbox" "$S/inbox.gone"
    sleep 1
    mkdir -p "$S/inbox"
    drop_batch recreated 5; total=$((total + 5))
    check "faults/inbox: files dropped into the re-created inbox are taken" wait_for 120 inbox_empty
    check "faults/inbox: the removal was logged" grep -q "removed or replaced" "$S/daemon.log"
    rmdir "$S/inbox.gone" 2>/dev/null || true

    # Configuration removed, then broken, before a reload: the old one stays in force.
    mv "$S/bulletind.toml" "$S/bulletind.toml.good"
    kill -HUP "$DPID"; sleep 1
    printf 'inbox = [\n' >"$S/bulletind.toml"
    kill -HUP "$DPID"; sleep 1
    drop_batch reload 3; total=$((total + 3))
    check "faults/config: after two failed reloads files are still taken" wait_for 60 inbox_empty
    check "faults/config: both failed reloads logged" [ "$(log_count 'reload failed')" -ge 2 ]
    check "faults/config: the daemon is still running" alive
    mv "$S/bulletind.toml.good" "$S/bulletind.toml"

    # The summaries folder not writable: ingest goes on, the error is logged.
    mkdir -p "$S/state/summaries"
    mounted --bind "$S/state/summaries" "$S/state/summaries"
    mount -o remount,bind,ro "$S/state/summaries"
    drop_batch nosummary 3; total=$((total + 3))
    check "faults/summaries: ingest goes on" wait_for 60 inbox_empty
    check "faults/summaries: the error is logged" wait_for 30 grep -q "writing the summary failed" "$S/daemon.log"
    unmount "$S/state/summaries"

    stop_daemon
    local a; a=$(account)
    echo "faults: dropped $total, $(json '"archived %d, lost %d, duplicated %d" % (d["archive"], d["lost"], d["duplicated"])' <<<"$a"), $(dbq '"bulletins %d, duplicates counted %d, integrity %s" % (d["bulletins"], d["duplicates"], d["integrity"])')"
    check "faults: every bulletin accounted for exactly once" [ "$(json '"%d %d %d" % (d["archive"], d["lost"], d["duplicated"])' <<<"$a")" = "$total 0 0" ]
    check "faults: bulletins = $total" [ "$(dbq 'd["bulletins"]')" = "$total" ]
    unmount "$S/state"
}

# 4. Hostile and odd input -------------------------------------------------------------------
# place NAME_IN_MANIFEST: archive, quarantine, inbox or nowhere (by content, see tool.py).
where() {
    py - "$S" "$1" <<'PY'
import hashlib, os, sys
state, name = sys.argv[1], os.fsencode(sys.argv[2])
h = lambda p: hashlib.sha256(open(p, "rb").read()).hexdigest()
want = h(os.path.join(os.fsencode(state), b"manifest", name))
hits = []
for place in ("archive", "quarantine", "inbox"):
    for folder, _, names in os.walk(os.path.join(os.fsencode(state), place.encode())):
        for n in names:
            p = os.path.join(folder, n)
            if place == "quarantine" and n.endswith(b".error"): continue
            if os.path.isfile(p) and not os.path.islink(p) and h(p) == want: hits.append(place)
print(",".join(hits) or "nowhere")
PY
}
reason_of() { sed -n 's/^reason: //p' "$S/state/quarantine/$1.error" 2>/dev/null | head -1 | cut -c1-100 || true; }
hwm_kb() { awk '/VmHWM/ {print $2}' "/proc/$DPID/status"; }
# hostile DESCRIPTION NAME EXPECTED: waits until the file left the inbox (or 30 s), then checks.
hostile_case() {
    local desc=$1 name=$2 expected=$3 got
    wait_for 60 gone "$S/inbox/$name" || true
    got=$(where "$name")
    local detail=""
    [ "$got" = quarantine ] && detail=" (reason: $(reason_of "$name"))"
    check "hostile: $desc → $got$detail" [ "$got" = "$expected" ]
}
make_file() { cp -a "$1" "$S/manifest/$2"; mv "$1" "$S/inbox/$2"; }

scenario_hostile() {
    echo "# 4. hostile and odd input"
    RESCAN=2 setup hostile 'max_file_size = 16_000_000'; state_links
    start_daemon
    local t=$S/tmp; mkdir -p "$t"

    : >"$t/f"; make_file "$t/f" empty.txt; hostile_case "an empty file" empty.txt quarantine
    head -c 65536 /dev/urandom >"$t/f"; make_file "$t/f" random.bin; hostile_case "random binary" random.bin quarantine
    { printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR'; head -c 4096 /dev/urandom; } >"$t/f"; make_file "$t/f" picture.txt
    hostile_case "a PNG named .txt" picture.txt quarantine
    { $TOOL gen "$t/g" 1 latin 2 >/dev/null; cat "$t/g/latin-00001.txt"; printf 'Caf\xe9 na\xefve \xc3\x28 \xff\n'; } >"$t/f"; rm -rf "$t/g"
    make_file "$t/f" invalid-utf8.txt; hostile_case "invalid UTF-8 (read as Windows-1252, documented)" invalid-utf8.txt archive
    { printf 'Title with nul\n\nBody \0 with \0\0 NUL bytes.\n'; } >"$t/f"; make_file "$t/f" nul.txt
    hostile_case "NUL bytes" nul.txt quarantine

    # Over the size limit: quarantined unread, memory flat.
    local before after
    before=$(hwm_kb)
    head -c 48000000 /dev/zero | tr '\0' 'a' >"$t/f"; make_file "$t/f" huge.txt
    hostile_case "a 48 MB file over max_file_size (16 MB)" huge.txt quarantine
    after=$(hwm_kb)
    echo "hostile: peak memory (VmHWM) before the 48 MB file ${before} kB, after ${after} kB"
    check "hostile: memory stays flat (+$((after - before)) kB < 16000 kB)" [ $((after - before)) -lt 16000 ]

    py -c "import sys; sys.stdout.write('Long line title\n\n' + 'word ' * 2000000 + '\n')" >"$t/f"
    make_file "$t/f" long-line.txt; hostile_case "a single 10 MB line" long-line.txt archive
    py -c "import sys; sys.stdout.write(''.join('Paragraph %d is one line.\n\n' % i for i in range(100000)))" >"$t/f"
    make_file "$t/f" many-paragraphs.txt
    local got; wait_for 120 gone "$S/inbox/many-paragraphs.txt" || true; got=$(where many-paragraphs.txt)
    check "hostile: 100,000 one-line paragraphs → $got (in 120 s)" [ "$got" != inbox ] && [ "$got" != nowhere ]
    printf 'just a note to say hello\n' >"$t/f"; make_file "$t/f" no-article.txt
    hostile_case "text with no article in it" no-article.txt quarantine

    # A file written slowly, byte by byte over 5 s, the writer holding it open.
    $TOOL gen "$t/g" 1 slow 1; cp "$t/g/slow-00001.txt" "$S/manifest/slow.txt"
    # The writer itself checks, while its file is open, that the file is still in the inbox
    # (same inode at the same path): only then is "taken before close" observed without a race
    # against the daemon taking it right after the close.
    py - "$t/g/slow-00001.txt" "$S/inbox/slow.txt" "$t/slow.early" <<'PY' &
import os, sys, time
data = open(sys.argv[1], "rb").read()
early = False
with open(sys.argv[2], "wb", buffering=0) as out:
    mine = os.fstat(out.fileno()).st_ino
    for i in range(len(data)):
        out.write(data[i:i + 1]); time.sleep(5 / len(data))
        if i % 50 == 0 or i == len(data) - 1:
            try:
                early |= os.stat(sys.argv[2]).st_ino != mine
            except FileNotFoundError:
                early = True
open(sys.argv[3], "w").write("yes" if early else "no")
PY
    local writer=$! taken_early
    wait "$writer"
    taken_early=$(cat "$t/slow.early" 2>/dev/null || echo "unknown")
    check "hostile: a file written slowly is not taken before close (taken early: $taken_early)" [ $taken_early = no ]
    hostile_case "a slowly written file, after close" slow.txt archive
    check "hostile: nothing of the half-written file was quarantined" [ -z "$(ls "$S/quarantine" | grep '^slow' || true)" ]
    rm -rf "$t/g"

    # Renamed in from another file system (tmpfs → inbox: mv copies under the final name).
    local other=$W/other; mkdir -p "$other"; mounted -t tmpfs -o size=4m tmpfs "$other"
    $TOOL gen "$other/g" 1 elsewhere 2; cp "$other/g/elsewhere-00001.txt" "$S/manifest/elsewhere.txt"
    mv "$other/g/elsewhere-00001.txt" "$S/inbox/elsewhere.txt"; hostile_case "a file renamed in from another file system" elsewhere.txt archive

    # Odd names.
    for n in "with spaces.txt" $'new\nline.txt' "-leading-dash.txt"; do
        $TOOL gen "$t/g" 1 "odd$RANDOM" 1; make_file "$t/g/"*.txt "$n"; rm -rf "$t/g"
        hostile_case "the name $(printf %q "$n")" "$n" archive
    done
    $TOOL gen "$t/g" 1 bytes 1
    py -c "import os,shutil,sys; n=b'caf\xe9-\xff.txt'; shutil.copy(sys.argv[1], os.path.join(os.fsencode(sys.argv[2]), b'manifest', n)); os.rename(sys.argv[1], os.path.join(os.fsencode(sys.argv[2]), b'inbox', n))" "$t/g/bytes-00001.txt" "$S"
    rm -rf "$t/g"
    # Taken under an escaped name: every byte that is not printable ASCII written as %XX.
    wait_for 60 gone "$S/inbox/$(printf 'caf\xe9-\xff.txt')" || true
    cp "$S/manifest/$(printf 'caf\xe9-\xff.txt')" "$S/manifest/caf%E9-%FF.txt" && rm "$S/manifest/$(printf 'caf\xe9-\xff.txt')"
    hostile_case "a name with bytes that are not UTF-8 (taken as caf%E9-%FF.txt)" 'caf%E9-%FF.txt' archive

    # A symlink to /etc/shadow: not followed, not read.
    ln -s /etc/shadow "$S/inbox/shadow.txt"
    sleep 3
    check "hostile: a symlink to /etc/shadow is left alone in the inbox" [ -L "$S/inbox/shadow.txt" ]
    check "hostile: … and logged" grep -q "leaving shadow.txt alone" "$S/daemon.log"
    check "hostile: … and never read (no copy anywhere)" [ -z "$(grep -rlF "$(head -c 20 /etc/shadow)" "$S/state" 2>/dev/null || true)" ]
    # A FIFO: no hang (a later file is still taken); a directory: left alone.
    mkfifo "$S/inbox/pipe.txt"; mkdir "$S/inbox/folder.txt"
    $TOOL gen "$t/g" 1 afterfifo 1; make_file "$t/g/afterfifo-00001.txt" after-fifo.txt; rm -rf "$t/g"
    hostile_case "a regular file after a FIFO and a directory (no hang)" after-fifo.txt archive
    check "hostile: the FIFO is left alone and logged" wait_for 15 grep -q "leaving pipe.txt alone" "$S/daemon.log"
    check "hostile: the directory is left alone and logged" wait_for 15 grep -q "leaving folder.txt alone" "$S/daemon.log"
    rm -f "$S/inbox/pipe.txt" "$S/inbox/shadow.txt"; rmdir "$S/inbox/folder.txt"

    # A hard link (the other name outside the inbox).
    $TOOL gen "$t/g" 1 hardlink 1; cp "$t/g/hardlink-00001.txt" "$S/manifest/hardlink.txt"
    ln "$t/g/hardlink-00001.txt" "$S/inbox/hardlink.txt"; hostile_case "a hard link" hardlink.txt archive; rm -rf "$t/g"

    # Files removed between their event and their open: 200 written and closed (each one an
    # IN_CLOSE_WRITE event) while the daemon is stopped, then removed before it runs again, so
    # every one is gone by the time the daemon opens it.
    local vanished_before; vanished_before=$(log_count "removed by its sender before it was read")
    kill -STOP "$DPID"
    py - "$S/inbox" <<'PY'
import os, sys
for i in range(200):
    p = os.path.join(sys.argv[1], "vanishing-%03d.txt" % i)
    with open(p, "w") as f: f.write("Gone soon\n\nThis file is removed at once.\n")
for i in range(200):
    os.unlink(os.path.join(sys.argv[1], "vanishing-%03d.txt" % i))
PY
    kill -CONT "$DPID"
    $TOOL gen "$t/g" 1 aftervanish 1; make_file "$t/g/aftervanish-00001.txt" after-vanish.txt; rm -rf "$t/g"
    hostile_case "a file after 200 removed between event and open" after-vanish.txt archive
    local vanished=$(( $(log_count "removed by its sender before it was read") - vanished_before ))
    check "hostile: all 200 files were removed before the daemon opened them, each logged ($vanished)" [ "$vanished" = 200 ]
    check "hostile: the daemon is alive after the vanishing files" alive

    # The same file dropped twice; 1,000 identical copies.
    $TOOL gen "$t/g" 1 twice 2; cp "$t/g/twice-00001.txt" "$t/twice"; make_file "$t/g/twice-00001.txt" twice.txt
    wait_for 30 gone "$S/inbox/twice.txt"
    local dups_before; dups_before=$(dbq 'd["duplicates"]')
    cp "$t/twice" "$S/inbox/twice.txt"; wait_for 30 gone "$S/inbox/twice.txt"
    check "hostile: the same file dropped twice → both archived ($(find "$S/state/archive" -name 'twice*' | wc -l)), one duplicate counted" \
        [ "$(find "$S/state/archive" -name 'twice*' | wc -l) $(dbq 'd["duplicates"]')" = "2 $((dups_before + 1))" ]
    rm -rf "$t/g"
    $TOOL gen "$t/g" 1 thousand 2
    local bulletins_before; bulletins_before=$(dbq 'd["bulletins"]'); dups_before=$(dbq 'd["duplicates"]')
    mkdir -p "$t/copies"; for i in $(seq -w 1 1000); do cp "$t/g/thousand-00001.txt" "$t/copies/copy-$i.txt"; done
    mv "$t/copies/"* "$S/inbox/"
    wait_for 300 bash -c "[ -z \"\$(ls '$S/inbox' | grep '^copy-')\" ]"
    check "hostile: 1,000 identical copies → 1 bulletin stored, 999 duplicates, 1,000 archived ($(dbq 'd["bulletins"]') - $bulletins_before, $(dbq 'd["duplicates"]') - $dups_before, $(find "$S/state/archive" -name 'copy-*' | wc -l))" \
        [ "$(( $(dbq 'd["bulletins"]') - bulletins_before )) $(( $(dbq 'd["duplicates"]') - dups_before )) $(find "$S/state/archive" -name 'copy-*' | wc -l)" = "1 999 1000" ]

    check "hostile: the daemon ran throughout" alive
    check "hostile: every quarantined file has its NAME.error" \
        bash -c 'for f in "$1"/*; do case "$f" in *.error) ;; *) [ -f "$f.error" ] || exit 1;; esac; done' _ "$S/quarantine"
    stop_daemon
    check "hostile: integrity_check = ok" [ "$(dbq 'd["integrity"]')" = ok ]
    unmount "$other"
}

# 8. Intake as the service runs -------------------------------------------------------------
# The daemon runs as an unprivileged user whose group is the drop group (as systemd/bulletind.
# sysusers.conf and the unit set it up), and a member of the drop group writes the files: what
# the daemon may read is decided by the kernel, not waived for root.
SVC_USER=bulletind-test DROP_GROUP=bulletin-test ANALYST=analyst-test
test_users() {
    if ! getent group "$DROP_GROUP" >/dev/null; then groupadd -r "$DROP_GROUP"; CREATED_GROUPS+=("$DROP_GROUP"); fi
    if ! id -u "$SVC_USER" >/dev/null 2>&1; then
        useradd -r -M -d /nonexistent -s /usr/sbin/nologin -g "$DROP_GROUP" "$SVC_USER"; CREATED_USERS+=("$SVC_USER")
    fi
    if ! id -u "$ANALYST" >/dev/null 2>&1; then
        useradd -r -M -d /nonexistent -s /usr/sbin/nologin -U -G "$DROP_GROUP" "$ANALYST"; CREATED_USERS+=("$ANALYST")
    fi
}
as_service() { setpriv --reuid="$SVC_USER" --regid="$DROP_GROUP" --clear-groups --inh-caps=-all --bounding-set=-all --no-new-privs -- "$@"; }
service_cannot_read() { ! as_service head -c1 "$1" >/dev/null 2>&1; }
as_analyst() { setpriv --reuid="$ANALYST" --regid="$ANALYST" --init-groups --inh-caps=-all -- "$@"; }
# drop_private NAME: the analyst writes a bulletin with umask 077 (0600, not readable by the
# drop group) in a folder of theirs, then moves it into the inbox. The manifest keeps a copy.
drop_private() {
    $TOOL gen "$S/gen" 1 "${1%.txt}" 2; cp "$S/gen/${1%.txt}-00001.txt" "$S/manifest/$1"
    as_analyst sh -c 'umask 077 && cp "$1" "$2"' _ "$S/gen/${1%.txt}-00001.txt" "$S/outbox/$1"
    rm -rf "$S/gen"
}
# drop_readable PREFIX COUNT: the analyst copies COUNT bulletins into the inbox (umask 022).
drop_readable() {
    $TOOL gen "$S/gen" "$2" "$1" 2; cp "$S/gen/"* "$S/manifest/"
    as_analyst sh -c 'umask 022 && cp "$@" "'"$S/inbox"'/"' _ "$S/gen/"*
    rm -rf "$S/gen"
}
none_left() { ! ls "$S/inbox" | grep -q "^$1-"; }
archived_named() { find "$S/state/archive" -type f -name "$1-*" | wc -l; }

scenario_intake() {
    echo "# 8. intake as the service runs: the daemon as $SVC_USER, files written by $ANALYST"
    test_users
    setup intake; state_links
    chmod 0711 "$W"  # made 0700 by mktemp: the daemon's user must reach its folders
    install -D -m 0755 "$BIN" "$W/bin/bulletind"   # the build folder may not be reachable
    install -m 0644 "$REPO/Config/topics.toml" "$S/topics.toml"
    sed -i "s|^rules = .*|rules = \"$S/topics.toml\"|" "$S/bulletind.toml"
    mkdir -p "$S/state" "$S/outbox"
    chown "$SVC_USER:$DROP_GROUP" "$S/state" "$S/inbox"; chmod 0750 "$S/state"; chmod 2770 "$S/inbox"
    chown "$ANALYST:$ANALYST" "$S/outbox"; chmod 0711 "$S/outbox"
    $TOOL notify "$S/notify.sock" "$S/status.log" &
    local listener=$!
    wait_for 30 test -S "$S/notify.sock"
    local BIN=$W/bin/bulletind
    # LIBDISPATCH_LOG=stderr: libdispatch's own messages go to daemon.log (checked at the end).
    RUN_AS=(env NOTIFY_SOCKET="$S/notify.sock" LIBDISPATCH_LOG=stderr setpriv --reuid="$SVC_USER" --regid="$DROP_GROUP" --clear-groups
            --inh-caps=-all --bounding-set=-all --no-new-privs --)
    local umask_was; umask_was=$(umask); umask 0027  # as the unit's UMask=
    start_daemon
    RUN_AS=(); umask "$umask_was"
    local uid; uid=$(awk '/^Uid:/ {print $2 "/" $3}' "/proc/$DPID/status")
    check "intake: the daemon runs as $SVC_USER, not root (uid $uid)" [ "$uid" = "$(id -u "$SVC_USER")/$(id -u "$SVC_USER")" ]

    # A 0600 file of the analyst, then 20 readable files.
    drop_private private.txt
    check "intake: private.txt is $ANALYST's, mode 0600 ($(stat -c '%U %a' "$S/outbox/private.txt"))" \
        [ "$(stat -c '%U %a' "$S/outbox/private.txt")" = "$ANALYST 600" ]
    check "intake: … and $SVC_USER may not read it" service_cannot_read "$S/outbox/private.txt"
    as_analyst mv "$S/outbox/private.txt" "$S/inbox/private.txt"
    check "intake: the daemon dealt with private.txt (logged)" wait_for 60 grep -q "private.txt" "$S/daemon.log"
    # Long enough for one backoff shared by every file to have grown to 16 s: the readable files
    # arrive while such a backoff would still hold them for a long time.
    sleep 20
    drop_readable readable 20
    wait_for 30 none_left readable || true
    local taken; taken=$(archived_named readable)
    check "intake: all 20 readable files dropped after it were archived within 30 s ($taken of 20)" [ "$taken" = 20 ]
    local got; got=$(where private.txt)
    check "intake: the unreadable file → $got (reason: $(reason_of private.txt))" [ "$got" = quarantine ]
    check "intake: … its reason names the permission problem" grep -qs "Permission denied (mode 0600" "$S/state/quarantine/private.txt.error"

    # An unreadable file that cannot be moved either: the quarantine is a read-only bind mount
    # (a rename into it fails; a copy would have to read the file). It is left in the inbox,
    # logged once, named in the status line, and the files after it still flow.
    mounted --bind "$S/state/quarantine" "$S/state/quarantine"
    mount -o remount,bind,ro "$S/state/quarantine"
    drop_private secret.txt
    as_analyst mv "$S/outbox/secret.txt" "$S/inbox/secret.txt"
    drop_readable later 5
    wait_for 30 none_left later || true
    taken=$(archived_named later)
    check "intake: with an unreadable file stuck in the inbox, the 5 files after it were archived within 30 s ($taken of 5)" [ "$taken" = 5 ]
    check "intake: the stuck file stays in the inbox" [ -f "$S/inbox/secret.txt" ]
    sleep 8  # a few retries of its own (1, 2, 4 s)
    check "intake: … logged once ($(log_count 'secret.txt in the inbox') line)" [ "$(log_count 'secret.txt in the inbox')" = 1 ]
    check "intake: … named in the status line" grep -q "waiting: secret.txt (cannot be read" "$S/status.log"
    unmount "$S/state/quarantine"
    check "intake: once the quarantine is writable again, the stuck file is quarantined on its own" \
        wait_for 120 bash -c '[ -f "$1/state/quarantine/secret.txt.error" ]' _ "$S"

    check "intake: the daemon ran throughout" alive
    kill -HUP "$DPID"
    check "intake: a reload" wait_for 30 grep -q "reloaded" "$S/daemon.log"
    stop_daemon
    wait "$listener" || true
    # libdispatch renices each worker thread it starts; unprivileged, its manager thread's -4
    # is refused (EACCES), under the unit's filter every attempt is (EPERM), and each refusal
    # is a journal line. The daemon starts no libdispatch worker (README, Troubleshooting).
    check "intake: libdispatch tried to renice no thread, through ingest, summaries, a reload and the stop ($(log_count 'Failed to set thread priority') lines)" \
        [ "$(log_count 'Failed to set thread priority')" = 0 ]
    local a; a=$(account)
    echo "intake: $(json '"dropped %d, archived %d, quarantined %d, lost %d, duplicated %d" % (d["expected"], d["archive"], d["quarantine"], d["lost"], d["duplicated"])' <<<"$a")"
    check "intake: every file accounted for exactly once" [ "$(json '"%d %d %d" % (d["archive"], d["quarantine"], d["lost"] + d["duplicated"])' <<<"$a")" = "25 2 0" ]
}

# 6. Security --------------------------------------------------------------------------------
scenario_security() {
    echo "# 6. security"
    setup security; state_links
    start_daemon
    printf '<script>alert(1)</script> [click](javascript:evil) ![x](http://t/x.png)\n\nA body sentence <b>bold</b>.\n\nWhy does it matter?\n\nBecause [links](http://x) must stay text.\n\nWould you like to learn more about tests? If so, ask our chatbot!\n' >"$S/inbox/inject.txt"
    wait_for 30 gone "$S/inbox/inject.txt"
    stop_daemon
    local md; md=$(ls "$S/state/summaries/"*.md 2>/dev/null | head -1)
    check "security: a summary was written ($md)" [ -n "$md" ]
    check "security: no raw HTML tag in the summary" bash -c '! grep -q "<script\|<b>" "$1"' _ "$md"
    check "security: no injected link or image in the summary" bash -c '! grep -qE "[^\\]\[[^]]*[^\\]\]\(" "$1"' _ "$md"
    check "security: started as root it logs a warning" grep -qi "root" "$S/daemon.log"
    local wide; wide=$(find "$S/state" -mindepth 1 \( -type d -perm /0027 -o -type f -perm /0137 \) ! -path "*/archive/*/*" -printf '%m %P\n' | head -5 | tr '\n' ';')
    check "security: database, summaries and folders no wider than 0640/0750 under umask $(umask) (${wide:-none wider})" [ -z "$wide" ]
    # The one exec allowed: the lean bulletind hands a postgresql:// database over to
    # bulletind-postgresql, the file beside its own /proc/self/exe, with its own arguments
    # (SiblingExecutable.swift; no shell, no path from outside). Comment lines do not count.
    local spawn
    spawn=$(grep -rnE "Process\(|posix_spawn|popen\(|execv|execl|/bin/sh|Glibc\.system|= system\(|^[[:space:]]*system\(" "$REPO/Sources" |
        grep -vE '^[^:]+:[0-9]+:[[:space:]]*//' | grep -v '/Sources/bulletind/Support/SiblingExecutable\.swift:' || true)
    local found=none
    if [ -n "$spawn" ]; then echo "$spawn"; found="$(wc -l <<<"$spawn") lines, above"; fi
    check "security: no shell or process spawning in the sources but SiblingExecutable's execv of the binary beside /proc/self/exe (others: $found)" \
        bash -c '[ -z "$1" ] && grep -q "execv(path, argv)" "$2" && grep -q "readlink(\"/proc/self/exe\"" "$2" && ! grep -qE "/bin/sh|execvp|execl|system\(" "$2"' \
        _ "$spawn" "$REPO/Sources/bulletind/Support/SiblingExecutable.swift"
    # (The benchmark harness, which starts the daemon and is not installed, is in Benchmarks/.)
}

# 7. Power cuts (Tests/powercut: its own FUSE file system, self-test and scenario) ------------
scenario_powercut() {
    local out rc
    echo "# 7. power cuts: powercutfs self-test"
    rc=0; out=$(cd "$REPO/Tests/powercut" && /usr/bin/python3 selftest.py 2>&1) || rc=$?
    grep -E "^FAIL|self-test:" <<<"$out" || true
    check "powercut: powercutfs loses exactly what was not synced ($(tail -1 <<<"$out"))" [ $rc = 0 ]
    rc=0; out=$(POWERCUT_BULLETINS=${STRESS_POWERCUT_BULLETINS:-300} POWERCUT_CUTS=${STRESS_POWERCUT_CUTS:-50} \
          /usr/bin/python3 "$REPO/Tests/powercut/scenario.py" "$BIN" 2>&1) || rc=$?
    grep -vE "^ok " <<<"$out" || true
    check "powercut: every bulletin accounted for after every cut ($(tail -1 <<<"$out"))" [ $rc = 0 ]
}

# 5. Fuzzing and sanitizers ------------------------------------------------------------------
scenario_fuzz() {
    echo "# 5. fuzzing: ${FUZZ_SECONDS} s"
    if [ -z "$FUZZ" ]; then bad "fuzz: no BulletinFuzz binary given"; return; fi
    local out rc
    rc=0; out=$("$FUZZ" --seconds "$FUZZ_SECONDS" --seed "${STRESS_FUZZ_SEED:-$(date +%s)}" --artifacts "$W/fuzz" 2>&1) || rc=$?
    echo "$out" | tail -3
    check "fuzz: no crash, hang or broken guarantee (exit $rc)" [ $rc = 0 ]
    [ $rc = 0 ] || { mkdir -p /tmp/bulletind-fuzz-artifacts && cp -a "$W/fuzz/." /tmp/bulletind-fuzz-artifacts/ && echo "fuzz: reproducer kept in /tmp/bulletind-fuzz-artifacts"; }
}

scenario_sanitizers() {
    echo "# 5. sanitizers: swift test --sanitize=address, --sanitize=thread"
    local s out
    for s in address thread; do
        # A fresh scratch path: reuse the dependency checkouts of .build instead of fetching again.
        if [ -d "$REPO/.build/checkouts" ] && [ ! -d "$REPO/.build-$s/checkouts" ]; then
            mkdir -p "$REPO/.build-$s" && cp -r "$REPO/.build/checkouts" "$REPO/.build/repositories" "$REPO/.build-$s/" 2>/dev/null
        fi
        local rc=0 summary
        out=$(cd "$REPO" && swift build --build-tests --sanitize=$s --scratch-path .build-$s >/dev/null 2>&1 && \
              LSAN_OPTIONS=suppressions=$REPO/Tests/stress/lsan.supp swift test --skip-build --sanitize=$s --scratch-path .build-$s 2>&1) || rc=$?
        printf '%s\n' "$out" >"$W/sanitize-$s.log"
        [ $rc = 0 ] || { cp "$W/sanitize-$s.log" "/tmp/bulletind-sanitize-$s.log"; echo "sanitize=$s: output kept in /tmp/bulletind-sanitize-$s.log"; }
        summary=$(grep -E "Test run with|tests? in .* (passed|failed)" <<<"$out" | tail -1 || true)
        echo "sanitize=$s: ${summary:-no summary} ($(grep -c "ERROR: .*Sanitizer\|WARNING: ThreadSanitizer" <<<"$out" || true) reports)"
        check "sanitize=$s: tests pass, no sanitizer report (exit $rc)" [ $rc = 0 ]
    done
}

[ "$(id -u)" = 0 ] || echo "note: not root; the scenarios that mount tmpfs will fail"
for s in crash overflow faults hostile intake security powercut fuzz sanitizers; do
    if want $s; then "scenario_$s"; DPID=; fi
done
trap - ERR
if [ -s "$W/script-errors" ]; then
    bad "the script ran without errors of its own ($(wc -l <"$W/script-errors") found):"
    sed 's/^/       /' "$W/script-errors"
else
    ok "the script ran without errors of its own (no failed command, no Python traceback)"
fi
echo "$PASS passed, $FAIL failed"
[ $FAIL = 0 ]
