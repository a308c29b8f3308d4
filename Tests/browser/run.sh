#!/usr/bin/env bash
# The HTML digest in a real browser (issue 12.7): a fortnight of invented bulletins (and the
# sample, when ../shared/samples has it) is ingested with the real binary, each file dated on
# the day it pretends to arrive, and the summaries written; then headless Chromium (Debian's
# `chromium`) renders the last day's page:
#   - the DOM (--dump-dom) has one chart bar per topic with the JSON's counts, a rising and a
#     new topic, and the hostile titles as text, with no script, img, handler or javascript: link,
#     and nothing ran (a planted page proves the same check sees a script that does run);
#   - the browser logged no console message (--enable-logging=stderr: a planted page with an
#     error proves such a message is seen);
#   - screenshots (desktop, phone, dark) under .build/browser/ for a person to look at.
# Chromium runs with --no-sandbox (the test may run as root; the pages are our own files) and
# generous timeouts, for a busy 2-core machine. Prints "N passed, N failed".
# Usage: Tests/browser/run.sh PATH/TO/bulletind
set -uo pipefail
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
REPO=$(cd "$(dirname "$0")/../.." && pwd)
SAMPLE=${BULLETIND_SAMPLE:-$REPO/../shared/samples/diplo-digest-2026-11.txt}
OUT=$REPO/.build/browser
CHROMIUM=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
W=$(mktemp -d /tmp/bulletind-browser.XXXXXX)
chmod 755 "$W"
trap 'rm -rf "$W"' EXIT
PASS=0 FAIL=0
ok()  { PASS=$((PASS + 1)); echo "ok   - $*"; }
bad() { FAIL=$((FAIL + 1)); echo "FAIL - $*"; }
check() { local d=$1; shift; if "$@"; then ok "$d"; else bad "$d"; fi; }
finish() { echo "$PASS passed, $FAIL failed"; [ "$FAIL" = 0 ]; exit $?; }

if [ -z "$CHROMIUM" ]; then
    bad "chromium is installed (make deps installs Debian's chromium)"
    finish
fi
printf 'time_zone = "UTC"\n' >"$W/bulletind.toml"
B() { "$BIN" "$@" --config "$W/bulletind.toml" --database "$W/db.sqlite" --summaries "$W/summaries" --rules "$REPO/Config/topics.toml"; }

# One Chromium run: headless, no sandbox, its own profile, logging to stderr; 300 s at most,
# tried twice (a busy machine can starve the first start). Usage: browse OUT ERR ARGS... URL
browse() {
    local out=$1 err=$2; shift 2
    for attempt in 1 2; do
        local profile
        profile=$(mktemp -d "$W/profile.XXXXXX")
        if timeout 300 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage \
            --no-first-run --no-default-browser-check --disable-extensions --disable-background-networking \
            --disable-sync --user-data-dir="$profile" --enable-logging=stderr --v=0 "$@" >"$out" 2>"$err"; then
            return 0
        fi
        echo "# chromium run $attempt failed (rc $?); $(tail -3 "$err" | tr '\n' ' ')"
    done
    return 1
}

echo "# the archive: a fortnight of bulletins"
python3 "$REPO/Tests/browser/make-week.py" "$W/in"
if [ -f "$SAMPLE" ]; then
    cp "$SAMPLE" "$W/in/29-sample.txt"
    printf '29-sample.txt\t2026-11-29 08:00\n' >>"$W/in/days.tsv"
fi
while IFS=$'\t' read -r name when; do
    B ingest "$W/in/$name" >/dev/null || bad "ingest $name"
    # The file "arrived" on its day: the bulletin and its (new) articles are dated so.
    python3 - "$W/db.sqlite" "$name" "$when:00.000" <<'PY' || bad "date $name"
import sqlite3, sys
db, name, when = sys.argv[1:4]
c = sqlite3.connect(db)
(bid,) = c.execute("SELECT id FROM bulletin WHERE file_name = ?", (name,)).fetchone()
c.execute("UPDATE bulletin SET received_at = ? WHERE id = ?", (when, bid))
c.execute("UPDATE article SET first_received_at = ? WHERE id IN "
          "(SELECT article_id FROM bulletin_article WHERE bulletin_id = ?)", (when, bid))
c.commit()
PY
done <"$W/in/days.tsv"
DAY=2026-11-29
for day in $(cut -f2 "$W/in/days.tsv" | cut -c1-10 | sort -u); do
    B summary --date "$day" >/dev/null || bad "summary --date $day"
done
B summary --week 2026-W47 >/dev/null || bad "summary --week 2026-W47"
check "summary --week 2026-W48 writes the week's three files" \
    bash -c '[ "$(B() { "$0" "$@" --config "$1" --database "$2" --summaries "$3" --rules "$4"; }; "$0" summary --week 2026-W48 --config "$1" --database "$2" --summaries "$3" --rules "$4" | wc -l)" = 3 ]' \
    "$BIN" "$W/bulletind.toml" "$W/db.sqlite" "$W/summaries" "$REPO/Config/topics.toml"
PAGE=$W/summaries/$DAY.html
check "the day's page, JSON and index exist" test -s "$PAGE" -a -s "$W/summaries/$DAY.json" -a -s "$W/summaries/index.html"
python3 - "$W/in/29-hostile.eml" >"$W/hostile.txt" <<'PY'
import sys
# The hostile bulletin's titles: the first line of each item after the headers and masthead.
text = open(sys.argv[1], encoding="utf-8").read().split("\n\n", 2)[2]
items = text.split("Would you like to learn more about digital policy? If so, ask our Policy chatbot!")
print("\n".join(item.strip().split("\n")[0] for item in items if item.strip()))
PY
check "the hostile bulletin has 4 titles to look for" [ "$(wc -l <"$W/hostile.txt")" = 4 ]

echo "# the checks see what they claim to see (planted pages)"
cat >"$W/planted.html" <<'HTML'
<!DOCTYPE html><html><head><title>planted</title></head><body><p>planted</p>
<script>document.body.dataset.pwned = "ran"; console.error("planted console error"); notAFunction();</script>
</body></html>
HTML
browse "$W/planted.dom" "$W/planted.err" --dump-dom "file://$W/planted.html"
check "a planted script that runs leaves its mark in the DOM" grep -q 'data-pwned="ran"' "$W/planted.dom"
check "a planted console error is seen in the log ($(grep -c ':CONSOLE' "$W/planted.err") lines)" \
    grep -q ':CONSOLE.*planted console error' "$W/planted.err"

echo "# the day's page in Chromium"
if browse "$W/day.dom" "$W/day.err" --dump-dom "file://$PAGE"; then
    ok "chromium rendered $DAY.html ($(wc -c <"$PAGE") bytes)"
    if python3 "$REPO/Tests/browser/check-dom.py" "$W/day.dom" "$W/summaries/$DAY.json" "$W/hostile.txt"; then
        ok "the rendered DOM (checks above)"
    else
        bad "the rendered DOM (checks above)"
    fi
    check "no console message while rendering ($(grep -c ':CONSOLE' "$W/day.err") lines)" \
        bash -c '! grep -E ":CONSOLE|Refused to" "$0"' "$W/day.err"
else
    bad "chromium rendered $DAY.html: $(tail -5 "$W/day.err")"
fi
for page in index.html 2026-W48.html; do
    if browse "$W/page.dom" "$W/page.err" --dump-dom "file://$W/summaries/$page"; then
        check "$page renders with no console message" bash -c '! grep -E ":CONSOLE|Refused to" "$0"' "$W/page.err"
    else
        bad "chromium rendered $page"
    fi
done

echo "# screenshots for a person to look at: $OUT"
mkdir -p "$OUT"
cp -r "$W/summaries" "$OUT/"
shoot() {
    local name=$1 size=$2; shift 2
    rm -f "$OUT/$name"
    browse "$W/shot.out" "$W/shot.err" --hide-scrollbars --window-size="$size" --screenshot="$OUT/$name" "$@" \
        && [ -s "$OUT/$name" ]
}
check "screenshot $OUT/summary-$DAY.png" shoot "summary-$DAY.png" 1100,2600 "file://$PAGE"
check "screenshot $OUT/summary-$DAY-phone.png" shoot "summary-$DAY-phone.png" 390,1800 "file://$PAGE"
check "screenshot $OUT/summary-$DAY-dark.png" shoot "summary-$DAY-dark.png" 1100,1600 --force-dark-mode "file://$PAGE"
check "screenshot $OUT/week-2026-W48.png" shoot "week-2026-W48.png" 1100,1800 "file://$W/summaries/2026-W48.html"
finish
