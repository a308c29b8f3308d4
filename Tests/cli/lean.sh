#!/usr/bin/env bash
# The lean binary (issue 14): `bulletind` loads no ICU and no full Foundation — only
# FoundationEssentials — and still does its work. The debug build links the Swift runtime
# dynamically, so the loader's view (ldd: every library the binary needs, directly or through
# another) shows what the code pulled in; the release build links the same code statically
# (`make bench` reports its size and whether ICU's symbols are in it).
# Usage: Tests/cli/lean.sh PATH/TO/bulletind. Prints "N passed, N failed".
set -uo pipefail
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
REPO=$(cd "$(dirname "$0")/../.." && pwd)
W=$(mktemp -d /tmp/bulletind-lean.XXXXXX)
trap 'rm -rf "$W"' EXIT
PASS=0 FAIL=0
ok()  { PASS=$((PASS + 1)); echo "ok   - $*"; }
bad() { FAIL=$((FAIL + 1)); echo "FAIL - $*"; }
check() { local d=$1; shift; if "$@"; then ok "$d"; else bad "$d"; fi; }

ldd "$BIN" | awk '{ print $1 }' | sed 's|.*/||' >"$W/libraries"
has() { grep -qx "$1" "$W/libraries"; }
lacks() { ! grep -Eq "$1" "$W/libraries"; }
# The listing is real: the loader resolved the runtime and FoundationEssentials.
check "lean: the loader lists the binary's libraries (libswiftCore.so, libFoundationEssentials.so, libsqlite3.so.0)" \
    eval 'has libswiftCore.so && has libFoundationEssentials.so && has libsqlite3.so.0'
check "lean: no full Foundation (libFoundation.so, libFoundationInternationalization.so)" \
    lacks '^lib(Foundation|FoundationInternationalization)\.so$'
check "lean: no ICU (lib_FoundationICU.so, libicu*)" lacks '^(lib_FoundationICU|libicu[a-z0-9]*)\.so'
nm "$BIN" 2>/dev/null >"$W/symbols"
symbols=$(wc -l <"$W/symbols") pg=$(grep -c 'PostgresNIO\|NIOPosix\|BoringSSL' "$W/symbols")
check "lean: no PostgreSQL client stack in the lean binary ($pg of $symbols symbols from PostgresNIO, NIOPosix, BoringSSL)" \
    test "$symbols" -gt 1000 -a "$pg" = 0
if ! grep -q . "$W/libraries"; then bad "lean: ldd printed nothing"; fi

# And the lean binary does the whole job: split, ingest, search, summary on a real SQLite file.
mkdir -p "$W/in"
cp "$REPO"/../shared/samples/*.txt "$W/in/" 2>/dev/null
python3 "$REPO/Tests/stress/tool.py" gen "$W/in" 5 lean 2 >/dev/null
n=$(ls "$W/in" | wc -l)
(cd "$W" && "$BIN" ingest --database "$W/db.sqlite" --rules "$REPO/Config/topics.toml" "$W"/in/* >"$W/ingest.out" 2>&1)
rc=$?
check "lean: ingest of $n files exits 0 (got $rc)" test "$rc" = 0
articles=$(cd "$W" && "$BIN" stats --database "$W/db.sqlite" --json 2>/dev/null | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d.get("articles", 0))' 2>/dev/null)
check "lean: articles stored (${articles:-none})" test "${articles:-0}" -gt 0

echo "lean: $PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]
