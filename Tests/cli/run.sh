#!/usr/bin/env bash
# Command-line acceptance tests: the real binary on a real database in a temporary folder.
# Usage: Tests/cli/run.sh PATH/TO/bulletind
# Uses the sample bulletin from ../shared/samples when it is there (expected titles are derived
# from it at run time: the first line and each line after a trailer), and our own fixtures.
# Prints "N passed, N failed"; exits non-zero on any failure.
set -uo pipefail
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
REPO=$(cd "$(dirname "$0")/../.." && pwd)
SAMPLE=${BULLETIND_SAMPLE:-$REPO/../shared/samples/diplo-digest-2026-11.txt}
W=$(mktemp -d /tmp/bulletind-cli.XXXXXX)
trap 'rm -rf "$W"' EXIT
PASS=0 FAIL=0
ok()  { PASS=$((PASS + 1)); echo "ok   - $*"; }
bad() { FAIL=$((FAIL + 1)); echo "FAIL - $*"; }
check() { local d=$1; shift; if "$@"; then ok "$d"; else bad "$d"; fi; }
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
B() { "$BIN" "$@" --database "$W/db.sqlite" --summaries "$W/summaries" --rules "$REPO/Config/topics.toml" --config "$REPO/Config/bulletind.toml"; }

echo "# rules"
quiet() { "$@" >/dev/null; }
check "the default rules check clean" quiet B rules check
printf '[[topic]]\nid = "x"\nname = "X"\nrule = """\n(AI AND\n"""\n' >"$W/bad.toml"
out=$(B rules check "$W/bad.toml" 2>&1); rc=$?
check "a broken rules file exits 1 ($rc)" [ "$rc" = 1 ]
check "errors are file:line:column: message ($(head -1 <<<"$out"))" grep -qE "^$W/bad.toml:[0-9]+:[0-9]+: " <<<"$out"

if [ -f "$SAMPLE" ]; then
    echo "# the sample bulletin"
    python3 - "$SAMPLE" >"$W/titles.expected" <<'PY'
import sys
lines = [l.replace("\u00a0", " ").strip() for l in open(sys.argv[1], encoding="utf-8")]
titles, take = [], True
for l in lines:
    if not l:
        continue
    if take:
        titles.append(l)
        take = False
    if l.lower().startswith("would you like to learn more"):
        take = True
print("\n".join(titles))
PY
    B split --json "$SAMPLE" >"$W/split.json"
    check "split --json gives 10 articles" [ "$(json 'len(d[0]["articles"])' <"$W/split.json")" = 10 ]
    json '"\n".join(a["title"] for a in d[0]["articles"])' <"$W/split.json" >"$W/titles.actual"
    check "split --json gives the exact titles" diff "$W/titles.expected" "$W/titles.actual"
    check "format text, encoding utf-8" [ "$(json 'd[0]["format"] + " " + d[0]["encoding"]' <"$W/split.json")" = "text utf-8" ]
    check "no trailer left in any body or why" [ "$(json 'sum("chatbot" in (a["body"] + (a["why"] or "")).lower() for a in d[0]["articles"])' <"$W/split.json")" = 0 ]
    check "split --json lists the 10 trailers as skipped lines" \
        [ "$(json '" ".join(sorted(set(x["as"] for x in d[0]["skipped"]))) + " %d" % len(d[0]["skipped"])' <"$W/split.json")" = "trailer 10" ]
    check "skipped line numbers point at the trailer lines" \
        [ "$(json 'all("chatbot" in x["text"] and x["line"] > 1 for x in d[0]["skipped"])' <"$W/split.json")" = True ]
    B split --explain "$SAMPLE" >"$W/explain.txt"
    check "split --explain maps every non-blank line ($(grep -c '^ *[0-9]' "$W/explain.txt") lines)" \
        [ "$(grep -c '^ *[0-9]' "$W/explain.txt")" = "$(grep -c '[^[:space:]]' "$SAMPLE")" ]
    check "ingest stores it" quiet B ingest "$SAMPLE"
    out=$(B ingest "$SAMPLE")
    check "ingest again reports a duplicate ($out)" grep -q "^duplicate" <<<"$out"
    B stats --json >"$W/stats.json"
    check "stats --json: articles 10" [ "$(json 'd["articles"]' <"$W/stats.json")" = 10 ]
    check "stats --json: bulletins 1, duplicates 1" [ "$(json '"%d %d" % (d["bulletins"], d["duplicates"])' <"$W/stats.json")" = "1 1" ]
    check "stats --json: no article unclassified" [ "$(json 'd["unclassified"]' <"$W/stats.json")" = 0 ]
    B search --json 6G >"$W/search.json"
    check "search 6G ranks the 6G pilot article first ($(json 'd[0]["title"]' <"$W/search.json"))" \
        bash -c '[[ "$1" == *6G*pilot* ]]' _ "$(json 'd[0]["title"]' <"$W/search.json")"
    check "search results carry highlighted snippets" grep -q '\[6G\]' "$W/search.json"
    out=$(B search '"unbalanced' 2>&1); rc=$?
    check "a malformed query is a one-line error, not SQL ($out)" bash -c '[ "$1" != 0 ] && [ "$(wc -l <<<"$2")" = 1 ] && ! grep -qi "sqlite\|fts5" <<<"$2"' _ "$rc" "$out"
    id=$(json 'd[0]["articleID"]' <"$W/search.json")
    out=$(B explain "$id")
    check "explain shows the matched terms" grep -q "matched:" <<<"$out"
    check "explain shows the article's story" grep -qE "^  story: #[0-9]+ · [0-9]+ articles? since [0-9]{4}-[0-9]{2}-[0-9]{2}$" <<<"$out"
    check "search --json gives each hit its story" python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if d and all(set(h["story"]) == {"id", "firstSeen", "articles"} for h in d) else 1)' "$W/search.json"
    check "summary writes today's files" quiet B summary
    day=$(date +%F)
    check "today's summary lists all 10 titles" python3 - "$W/summaries/$day.md" "$W/titles.expected" <<'PY'
import re, sys
text = re.sub(r"\\(.)", r"\1", open(sys.argv[1], encoding="utf-8").read())
missing = [t for t in open(sys.argv[2], encoding="utf-8").read().splitlines() if t not in text]
print("missing:", missing) if missing else None
sys.exit(1 if missing else 0)
PY
    check "the JSON summary counts 10 articles" [ "$(json 'd["counts"]["articles"]' <"$W/summaries/$day.json")" = 10 ]
    out=$(B reclassify)
    check "reclassify reports no change with the same rules ($out)" grep -q "10 articles: 0 changed" <<<"$out"
else
    echo "# sample not found at $SAMPLE: its checks are skipped"
fi

echo "# rubbish"
printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR' >"$W/picture.txt"
out=$(B ingest "$W/picture.txt" 2>&1); rc=$?
check "ingest of a PNG named .txt is rejected with a reason ($out)" bash -c '[ "$1" = 1 ] && grep -q "^rejected" <<<"$2"' _ "$rc" "$out"

echo "# our own digest (two articles in the shape of a real one)"
cat >"$W/own.txt" <<'DIGEST'
Northland starts a 6G pilot for rural broadband

The telecoms regulator of Northland has opened a 6G pilot in three valleys, where operators
will test base stations powered by small solar panels.

Why does it matter?

Rural connectivity has lagged behind the cities for a decade.

Would you like to learn more about AI, tech and digital diplomacy? If so, ask our Diplo chatbot!

Eastvale drafts a law on AI oversight

The parliament of Eastvale is debating a law that would put AI systems used by public bodies
under the oversight of an independent ethics board.

Would you like to learn more about AI, tech and digital diplomacy? If so, ask our Diplo chatbot!
DIGEST
O() { "$BIN" "$@" --database "$W/own.sqlite" --summaries "$W/own-summaries" --config "$REPO/Config/bulletind.toml"; }
out=$(O ingest "$W/own.txt" 2>&1)
check "our digest is ingested with 2 articles ($out)" grep -q "^ingested .*2 articles" <<<"$out"

echo "# databases are created only by run and ingest; paths in a configuration file follow the file"
mkdir -p "$W/elsewhere"
for cmd in "stats" "search 6G" "explain 1" "summary" "reclassify"; do
    out=$(cd "$W/elsewhere" && "$BIN" $cmd --config "$REPO/Config/bulletind.toml" --database "$W/nodb/db.sqlite" 2>&1); rc=$?
    check "$cmd refuses a database that does not exist (rc $rc: $out)" \
        bash -c '[ "$1" != 0 ] && grep -qF "no database at $2 — pass --config or --database (the service'"'"'s is /var/lib/bulletind/bulletind.sqlite)" <<<"$3"' _ "$rc" "$W/nodb/db.sqlite" "$out"
    check "… and creates none" [ ! -e "$W/nodb" ]
    rm -rf "$W/nodb"
done
if [ ! -e /etc/bulletind/bulletind.toml ]; then
    out=$(cd "$W/elsewhere" && env -u BULLETIND_CONFIG "$BIN" stats 2>&1); rc=$?
    check "stats in a folder without a database names ./var/bulletind.sqlite (rc $rc: $out)" \
        bash -c '[ "$1" != 0 ] && grep -qF "Error: no database at ./var/bulletind.sqlite — pass --config or --database" <<<"$2"' _ "$rc" "$out"
    check "… and leaves no ./var behind" [ ! -e "$W/elsewhere/var" ]
fi
out=$(cd "$W/elsewhere" && "$BIN" rules check --config "$REPO/Config/bulletind.toml" 2>&1)
check "--config Config/bulletind.toml from another folder finds the repository's rules ($out)" \
    grep -qF "$REPO/Config/topics.toml: " <<<"$out"
mkdir -p "$W/conf"
printf 'database = "state/db.sqlite"\nrules = "%s"\n' "$REPO/Config/topics.toml" >"$W/conf/bulletind.toml"
(cd "$W/elsewhere" && "$BIN" ingest --config "$W/conf/bulletind.toml" "$W/own.txt" >/dev/null 2>&1)
check "a relative database in a configuration file is relative to the file's folder" [ -f "$W/conf/state/db.sqlite" ]
(cd "$W/elsewhere" && "$BIN" ingest --config "$W/conf/bulletind.toml" --database cli.sqlite "$W/own.txt" >/dev/null 2>&1)
check "a relative --database is relative to the current directory" [ -f "$W/elsewhere/cli.sqlite" ]

echo "# errors say why and where"
out=$(O ingest /nonexistent.txt 2>&1); rc=$?
check "ingest /nonexistent.txt gives the reason (rc $rc: $out)" bash -c '[ "$1" = 1 ] && grep -q "/nonexistent.txt: cannot be read: No such file or directory$" <<<"$2"' _ "$rc" "$out"
out=$(O split /nonexistent.txt 2>&1)
check "split /nonexistent.txt gives the reason ($out)" grep -q "No such file or directory" <<<"$out"
out=$(O summary --date 2026-13-45 2>&1); rc=$?
check "a bad --date prints the summary usage (rc $rc)" bash -c '[ "$1" = 64 ] && grep -q "^Usage: bulletind summary " <<<"$2"' _ "$rc" "$out"
out=$(O summary --week 2027-W53 2>&1); rc=$?
check "a week the year does not have is refused with its format (rc $rc)" bash -c '[ "$1" = 64 ] && grep -q "YYYY-Www" <<<"$2"' _ "$rc" "$out"
out=$(O search --since yesterday 6G 2>&1); rc=$?
check "a bad --since prints the search usage (rc $rc)" bash -c '[ "$1" = 64 ] && grep -q "^Usage: bulletind search " <<<"$2"' _ "$rc" "$out"
out=$("$BIN" serch 6G 2>&1); rc=$?
check "a mistyped subcommand suggests the nearest (rc $rc: $(head -1 <<<"$out"))" bash -c '[ "$1" != 0 ] && grep -q "did you mean '"'"'search'"'"'?" <<<"$2"' _ "$rc" "$out"
out=$("$BIN" rules chek 2>&1); rc=$?
check "… also below rules (rc $rc: $(head -1 <<<"$out"))" bash -c '[ "$1" != 0 ] && grep -q "did you mean '"'"'check'"'"'?" <<<"$2"' _ "$rc" "$out"
out=$("$BIN" help serch 2>&1); rc=$?
check "help serch is an error, not the general help (rc $rc: $(head -1 <<<"$out"))" \
    bash -c '[ "$1" != 0 ] && grep -q "did you mean '"'"'search'"'"'?" <<<"$2" && ! grep -q "^OVERVIEW" <<<"$2"' _ "$rc" "$out"
out=$("$BIN" help search 2>&1); rc=$?
check "help search still shows the search help (rc $rc)" bash -c '[ "$1" = 0 ] && grep -q "^USAGE: bulletind search" <<<"$2"' _ "$rc" "$out"
v=$("$BIN" version 2>&1); rc=$?
check "bulletind version works like --version (rc $rc: $v)" bash -c '[ "$1" = 0 ] && [ "$2" = "$3" ] && [ -n "$2" ]' _ "$rc" "$v" "$("$BIN" --version)"

echo "# conventions scripts rely on"
out=$(O search 6G); rc=$?
check "search exits 0 when something matches (rc $rc)" bash -c '[ "$1" = 0 ] && grep -q "6G pilot" <<<"$2"' _ "$rc" "$out"
out=$(O search zebrafinch 2>/dev/null); rc=$?
check "search exits 1 when nothing matches, like grep (rc $rc, stdout '$out')" bash -c '[ "$1" = 1 ] && [ -z "$2" ]' _ "$rc" "$out"
out=$(O search --json zebrafinch 2>/dev/null); rc=$?
check "search --json exits 1 with [] when nothing matches (rc $rc)" bash -c '[ "$1" = 1 ] && [ "$(tr -d " \n" <<<"$2")" = "[]" ]' _ "$rc" "$out"
O search '"unclosed' >/dev/null 2>&1; rc=$?
check "search exits 2 on an error, like grep (rc $rc)" [ "$rc" = 2 ]
O summary --print >"$W/print.out" 2>"$W/print.err"; rc=$?
check "summary --print: standard output is the Markdown file, byte for byte (rc $rc)" \
    bash -c '[ "$1" = 0 ] && cmp -s "$2" "$3"' _ "$rc" "$W/print.out" "$W/own-summaries/$(date +%F).md"
check "… and the paths go to standard error" grep -q "own-summaries/$(date +%F).json$" "$W/print.err"
O rules test --json "$W/own.txt" >"$W/rulestest.json"
id=$(O search --json 6G | json 'd[0]["articleID"]')
O explain --json "$id" >"$W/explain.json"
check "rules test --json names a topic's fields as explain --json does (id, …)" python3 - "$W/rulestest.json" "$W/explain.json" <<'PY'
import json, sys
test = json.load(open(sys.argv[1]))[0]["articles"][0]["topics"]
explain = json.load(open(sys.argv[2]))["topics"]
ok = test and explain and sorted(test[0]) == sorted(explain[0]) and "id" in test[0] and test[0]["id"] == explain[0]["id"]
print("rules test:", sorted(test[0]) if test else test, "explain:", sorted(explain[0]) if explain else explain) if not ok else None
sys.exit(0 if ok else 1)
PY
O split --json "$W/own.txt" >"$W/split-own.json"
O stats --json >"$W/stats-own.json"
O search --json 6G >"$W/search-own.json"
O reclassify --json >"$W/reclassify-own.json"
check "docs/JSON.md (linked from the README) documents every key of every JSON output (the summary's: with docs/SUMMARY.md)" python3 - "$REPO" "$W" <<'PY'
import datetime, json, os, sys
repo, w = sys.argv[1], sys.argv[2]
path = os.path.join(repo, "docs/JSON.md")
if not os.path.exists(path):
    print("docs/JSON.md does not exist"); sys.exit(1)
doc = open(path, encoding="utf-8").read()
summary_doc = doc + open(os.path.join(repo, "docs/SUMMARY.md"), encoding="utf-8").read()
readme = open(os.path.join(repo, "README.md"), encoding="utf-8").read()
missing = [] if "docs/JSON.md" in readme else ["README has no link to docs/JSON.md"]
def keys(v):
    if isinstance(v, dict):
        for k, x in v.items():
            yield k
            yield from keys(x)
    elif isinstance(v, list):
        for x in v:
            yield from keys(x)
outputs = {"split --json": "split-own.json", "rules test --json": "rulestest.json", "explain --json": "explain.json",
           "stats --json": "stats-own.json", "search --json": "search-own.json", "reclassify --json": "reclassify-own.json",
           "YYYY-MM-DD.json": os.path.join("own-summaries", datetime.date.today().isoformat() + ".json")}
for command, name in outputs.items():
    if command not in doc:
        missing.append(f"no section for {command}")
    for k in sorted(set(keys(json.load(open(os.path.join(w, name)))))):
        if f'"{k}"' not in (summary_doc if command == "YYYY-MM-DD.json" else doc):
            missing.append(f"{command}: key {k}")
print("\n".join(missing)) if missing else None
sys.exit(1 if missing else 0)
PY

echo "# a postgresql:// database: bulletind hands over to bulletind-postgresql beside it"
PG_URL="postgresql://postgres@127.0.0.1:9/none?sslmode=disable&connect_timeout=5"
PG_SIBLING=$(dirname "$BIN")/bulletind-postgresql
if [ -x "$PG_SIBLING" ]; then
    # Port 9 (discard) has no PostgreSQL: the error is the PostgreSQL backend's own, which only
    # bulletind-postgresql holds.
    out=$("$BIN" stats --config "$REPO/Config/bulletind.toml" --database "$PG_URL" 2>&1); rc=$?
    check "stats with a postgresql:// --database runs bulletind-postgresql, which names the server (rc $rc: $out)" \
        bash -c '[ "$1" = 1 ] && grep -q "cannot connect to 127.0.0.1:9: connection refused" <<<"$2"' _ "$rc" "$out"
else
    bad "no bulletind-postgresql beside $BIN (make build builds both)"
fi
mkdir -p "$W/lone"
cp "$BIN" "$W/lone/bulletind"
LONE="$W/lone/bulletind"
missing="cannot run $W/lone/bulletind-postgresql: No such file or directory"
out=$("$LONE" stats --config "$REPO/Config/bulletind.toml" --database "$PG_URL" 2>&1); rc=$?
check "without bulletind-postgresql beside it, a postgresql:// database is an error naming the file looked for (rc $rc: $out)" \
    bash -c '[ "$1" = 1 ] && grep -qF "the database setting names a PostgreSQL server" <<<"$2" && grep -qF "$3" <<<"$2"' _ "$rc" "$out" "$missing"
out=$("$LONE" migrate --config "$REPO/Config/bulletind.toml" --database "$W/db.sqlite" --to "$PG_URL" 2>&1); rc=$?
check "… and so is migrate --to postgresql:// (rc $rc: $out)" \
    bash -c '[ "$1" = 1 ] && grep -qF -- "--to names a PostgreSQL server" <<<"$2" && grep -qF "$3" <<<"$2"' _ "$rc" "$out" "$missing"
out=$(timeout 120 "$LONE" run --config "$REPO/Config/bulletind.toml" --database "$PG_URL" --inbox "$W/lone/inbox" \
    --archive "$W/lone/archive" --quarantine "$W/lone/quarantine" --summaries "$W/lone/summaries" 2>&1); rc=$?
check "… and the daemon does not start, and logs why (rc $rc: $(tail -1 <<<"$out"))" \
    bash -c '[ "$1" = 1 ] && grep -q "cannot start: .*$2" <<<"$3"' _ "$rc" "$missing" "$out"
out=$("$LONE" stats --config "$REPO/Config/bulletind.toml" --database "$W/db.sqlite" 2>&1); rc=$?
check "… while a SQLite database needs nothing beside it (rc $rc)" bash -c '[ "$1" = 0 ] && grep -q "^bulletins" <<<"$2"' _ "$rc" "$out"

echo "# set-up and docs"
out=$(make -s -C "$REPO" --no-print-directory help 2>&1)
check "make help lists every target with one line each" python3 - "$REPO/Makefile" "$out" <<'PY'
import re, sys
phony = re.search(r"^\.PHONY:(.*)$", open(sys.argv[1]).read(), re.M).group(1).split()
lines = sys.argv[2].splitlines()
missing = [t for t in phony if sum(bool(re.match(rf"\s*(make\s+)?{re.escape(t)}\s+\S", l)) for l in lines) != 1]
print("not listed once:", missing) if missing else None
sys.exit(1 if missing else 0)
PY
out=$(make -n -C "$REPO" --no-print-directory run 2>&1)
check "make run builds only the two products, bulletind and bulletind-postgresql (not the bench or the fuzz driver)" bash -c 'grep -q "swift build --product bulletind$" <<<"$1" && grep -q "swift build --product bulletind-postgresql$" <<<"$1" && ! grep -qE "swift build *$" <<<"$1"' _ "$out"
doc=$(sed -n 's/^Documentation=//p' "$REPO/systemd/bulletind.service")
check "the unit's Documentation= is bulletind's own README ($doc)" bash -c '[[ "$1" == file:///usr/local/share/doc/bulletind/README.md* ]]' _ "$doc"
make -s -C "$REPO" --no-print-directory install DESTDIR="$W/root" RELEASE_BIN="$BIN" RELEASE_PG_BIN="$PG_SIBLING" KEEP_DEBUG=1 >"$W/install.log" 2>&1
check "make install DESTDIR=… installs the binary" [ -x "$W/root/usr/local/bin/bulletind" ]
check "… and bulletind-postgresql beside it, stripped, with its debug info apart" bash -c '[ -x "$1" ] && ! readelf -S "$1" 2>/dev/null | grep -qE "\.debug_info|\.symtab" && readelf -S "$2" 2>/dev/null | grep -q "\.debug_info"' \
    _ "$W/root/usr/local/bin/bulletind-postgresql" "$W/root/usr/lib/debug/usr/local/bin/bulletind-postgresql.debug"
check "… which the installed bulletind runs for a postgresql:// database" \
    bash -c '"$1" stats --config "$2" --database "$3" 2>&1 | grep -q "cannot connect to 127.0.0.1:9"' _ "$W/root/usr/local/bin/bulletind" "$REPO/Config/bulletind.toml" "$PG_URL"
check "… and a man page for it (bulletind-postgresql.8, the same as bulletind.8)" grep -qx ".so man8/bulletind.8" "$W/root/usr/local/share/man/man8/bulletind-postgresql.8"
check "… stripped (no .debug_info, no symbol table)" bash -c 'readelf -h "$1" >/dev/null 2>&1 && ! readelf -S "$1" 2>/dev/null | grep -qE "\.debug_info|\.symtab"' _ "$W/root/usr/local/bin/bulletind"
check "… that still runs" bash -c '"$1" --version >/dev/null' _ "$W/root/usr/local/bin/bulletind"
check "… with its debug info kept apart on request (KEEP_DEBUG=1)" bash -c 'readelf -S "$1" 2>/dev/null | grep -q "\.debug_info" && readelf -S "$2" 2>/dev/null | grep -q gnu_debuglink' _ "$W/root/usr/lib/debug/usr/local/bin/bulletind.debug" "$W/root/usr/local/bin/bulletind"
check "… and the README the unit's Documentation= names" [ -f "$W/root/usr/local/share/doc/bulletind/README.md" ]
check "… and the JSON reference" [ -f "$W/root/usr/local/share/doc/bulletind/JSON.md" ]
check "make uninstall DESTDIR=… removes them" bash -c 'make -s -C "$1" --no-print-directory uninstall DESTDIR="$2" >/dev/null 2>&1 && [ ! -e "$2/usr/local/bin/bulletind" ] && [ ! -e "$2/usr/local/bin/bulletind-postgresql" ] && [ ! -e "$2/usr/local/share/doc/bulletind" ] && [ ! -e "$2/usr/lib/debug/usr/local/bin/bulletind.debug" ]' _ "$REPO" "$W/root"
check "the README's configuration table lists every key the shipped files set" python3 - "$REPO" <<'PY'
import os, sys, tomllib
repo = sys.argv[1]
readme = open(os.path.join(repo, "README.md"), encoding="utf-8").read()
missing = []
for name in ("Config/bulletind.toml", "systemd/bulletind.toml"):
    data = tomllib.load(open(os.path.join(repo, name), "rb"))
    for key, value in data.items():
        if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            # An array of tables ([[layout]]): its own row, and each of its keys in a row of
            # the section that explains it, or as a [format] key it may override.
            keys = [f"[[{key}]]"] if f"| `[[{key}]]` |" not in readme else []
            for sub in sorted({k for v in value for k in v}):
                if f"| `{sub}` |" not in readme and f"| `[format] {sub}` |" not in readme and f"`{sub}`" not in readme:
                    keys.append(f"[[{key}]] {sub}")
            missing += [f"{name}: {k}" for k in keys]
            continue
        keys = [f"[{key}] {k}" for k in value] if isinstance(value, dict) else [key]
        missing += [f"{name}: {k}" for k in keys if f"| `{k}` |" not in readme]
print("\n".join(missing)) if missing else None
sys.exit(1 if missing else 0)
PY
out=$("$BIN" search --help)
check "search --help shows the whole query syntax" python3 - "$out" <<'PY'
import sys
text = sys.argv[1]
needed = ['"data centre"', "regul*", '"*', " OR ", " NOT ", " AND ", "(AI OR", "upper case", "--topic", "--since", "Exit status", "field"]
missing = [n for n in needed if n not in text]
print("missing:", missing) if missing else None
sys.exit(1 if missing else 0)
PY

echo "$PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]
