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
check "the default rules check clean" B rules check
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
    check "ingest stores it" B ingest "$SAMPLE"
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
    check "summary writes today's files" B summary
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

echo "$PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]
