#!/usr/bin/env bash
# `bulletind ingest` of many files (issue 15, point 4): under a pseudo-terminal (script(1)) one
# steady progress line redrawn in place and a closing tally; into a pipe, or with --verbose, one
# line per file and no progress line. Our own invented bulletins; a real database in a temp folder.
# Usage: Tests/cli/progress.sh PATH/TO/bulletind. Prints "N passed, N failed".
set -uo pipefail
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
REPO=$(cd "$(dirname "$0")/../.." && pwd)
W=$(mktemp -d /tmp/bulletind-progress.XXXXXX)
trap 'rm -rf "$W"' EXIT
PASS=0 FAIL=0
ok()  { PASS=$((PASS + 1)); echo "ok   - $*"; }
bad() { FAIL=$((FAIL + 1)); echo "FAIL - $*"; }
check() { local d=$1; shift; if "$@"; then ok "$d"; else bad "$d"; fi; }
bulletin() { # N: an invented bulletin with two articles of its own
    local topic
    for topic in "harbour ledger" "river sensors"; do
        printf 'Vellmar adopts a %s plan, part %s\n\nThe invented city of Vellmar agreed on a %s plan number %s, with a budget and a timetable.\n\n' "$topic" "$1" "$topic" "$1"
        printf 'Why does it matter?\n\nShared records about the %s reduce disputes.\n\n' "$topic"
        printf 'Would you like to learn more about AI, tech and digital diplomacy? If so, ask our Diplo chatbot!\n\n'
    done
}
cd "$W" || exit 1
for i in 1 2 3 4 5 6; do bulletin "$i" >"b$i.txt"; done
cp b1.txt again.txt
printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR' >picture.txt
FILES="b1.txt b2.txt b3.txt b4.txt b5.txt b6.txt again.txt picture.txt missing.txt"
ingest() { echo "'$BIN' ingest --database '$W/db-$1.sqlite' --config '$REPO/Config/bulletind.toml' --rules '$REPO/Config/topics.toml' ${2:-} $FILES"; }

echo "# on a terminal"
script -qec "$(ingest tty)" /dev/null >tty.out; rc=$?
tr '\r' '\n' <tty.out | sed 's/\x1b\[K//g' >tty.lines
check "script(1) gives bulletind a terminal and exits 1 for the rejected files ($rc)" [ "$rc" = 1 ]
check "the progress line is redrawn in place (\\r ESC[K) once per file and once at the start ($(grep -c ' files · ' tty.lines) times)" \
    [ "$(grep -c ' files · ' tty.lines)" = 10 ]
check "it shows files done/total, articles, rate and ETA ($(grep '9/9 files' tty.lines | head -1))" \
    grep -qE '^\[=+\] 9/9 files · 12 articles · [0-9.]+ files/s · ETA 0:00$' tty.lines
check "no per-file lines" bash -c '! grep -qE "^(ingested|duplicate|rejected|failed) " tty.lines'
check "the closing tally ($(grep ' files in ' tty.lines))" \
    grep -qE '^9 files in [0-9.]+ s: 6 stored \(12 articles, 12 new\), 1 duplicate, 2 rejected$' tty.lines
check "… lists each rejected file with its reason" bash -c 'grep -q "^  picture.txt: not a text file" tty.lines && grep -q "^  missing.txt: cannot be read" tty.lines'

echo "# into a pipe, and with --verbose"
eval "$(ingest pipe)" >pipe.out 2>pipe.err
check "into a pipe: one line per file ($(grep -cE '^(ingested|duplicate|rejected|failed) ' pipe.out) lines)" [ "$(grep -cE '^(ingested|duplicate|rejected|failed) ' pipe.out)" = 9 ]
check "… no progress line and no tally" bash -c '! grep -q " files · \| files in " pipe.out pipe.err'
script -qec "$(ingest verbose --verbose)" /dev/null >verbose.out
check "--verbose on a terminal: one line per file" [ "$(grep -cE '^(ingested|duplicate|rejected|failed) ' verbose.out)" = 9 ]
check "… and no progress line" bash -c '! grep -q " files · " verbose.out'

echo "$PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]
