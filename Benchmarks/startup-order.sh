#!/bin/bash
# Writes Sources/Executables/bulletind/startup.order, the functions the release daemon runs from
# exec until it is idle, which the release link places together (Package.swift, startupLayout;
# docs/PERFORMANCE.md, "Idle memory"). `make startup-order` runs it after `make release`.
#
#   bash Benchmarks/startup-order.sh [.build/release/bulletind]
#
# 1. links the same binary again by hand, with a link map (the link command of .build/release.yaml);
# 2. runs `bulletind run` on an empty inbox and database under valgrind's callgrind (valgrind
#    3.19 cannot read the binary's DWARF 5: it gets a copy without debug info), dumps what ran
#    three seconds after the daemon said it watches; then moves the split-eval corpus's bulletins
#    (Tests/split-eval/corpus: text, Markdown, HTML and e-mail) into its inbox, dumps again what ran
#    until their summary was written, and stops it;
# 3. runs it again under valgrind's lackey, which traces every load and store: the data the
#    daemon touched until it was idle (Benchmarks/startup-data-filter.c keeps their addresses);
# 4. lists those functions (start-up's first, then those the bulletins and their summary ran) and
#    data (Benchmarks/startup-order.py) and relinks bulletind with the new list.
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-.build/release/bulletind}
for tool in valgrind callgrind_control objcopy python3 cc; do
    command -v $tool >/dev/null || { echo "startup-order: needs $tool (apt-get install valgrind binutils python3 gcc)" >&2; exit 1; }
done
work=$(mktemp -d /tmp/bulletind-startup-order.XXXXXX)
daemon=
trap '[ -z "$daemon" ] || kill -KILL $daemon 2>/dev/null; rm -rf "$work"' EXIT

python3 - "$binary" "$work" <<'EOF'
import json, re, subprocess, sys
binary, work = sys.argv[1:]
plan = open(".build/release.yaml").read()
start = re.search(r'"C\.bulletind-[a-z0-9_]+-unknown-linux-gnu-release\.exe":', plan).start()
command = plan[start:plan.index("\n  \"", start + 1)]
args = json.loads(re.search(r"\n    args: (\[.*?\])\n", command).group(1))
output = args[args.index("-o") + 1]
args[args.index("-o") + 1] = work + "/bulletind"
subprocess.run(args + ["-Xlinker", "-Map=" + work + "/bulletind.map"], check=True, capture_output=True)
if open(output, "rb").read() != open(work + "/bulletind", "rb").read():
    sys.exit(f"startup-order: the link by hand differs from {output}: run make release first")
EOF

objcopy --strip-debug "$work/bulletind" "$work/bulletind.nodebug"
mkdir -p "$work/run/inbox" "$work/run/archive" "$work/run/quarantine" "$work/run/summaries"
cat >"$work/run/bulletind.toml" <<EOF
inbox = "$work/run/inbox"
archive = "$work/run/archive"
quarantine = "$work/run/quarantine"
database = "$work/run/bulletind.sqlite"
summaries = "$work/run/summaries"
rules = "$PWD/Config/topics.toml"
time_zone = "UTC"
summary_debounce = 1
EOF
# start_daemon TOOL-ARGS...: the daemon under valgrind with those arguments; waits until it watches.
start_daemon() {
    # Every run starts from an empty database, as the first did.
    find "$work/run" -maxdepth 1 -type f ! -name bulletind.toml -delete
    : >"$work/run/log"
    env -u JOURNAL_STREAM -u INVOCATION_ID -u NOTIFY_SOCKET valgrind "$@" \
        "$work/bulletind.nodebug" run --config "$work/run/bulletind.toml" >>"$work/run/log" 2>&1 &
    daemon=$!
    for _ in $(seq 18000); do  # lackey takes minutes: up to 30
        grep -q "watching" "$work/run/log" && return
        kill -0 $daemon 2>/dev/null || { cat "$work/run/log" >&2; exit 1; }
        sleep 0.1
    done
    echo "startup-order: the daemon did not start under valgrind $1" >&2; exit 1
}
echo "startup-order: the daemon under callgrind (the functions that run)"
start_daemon --tool=callgrind --dump-instr=yes --callgrind-out-file="$work/callgrind.out"
sleep 3
callgrind_control --dump $daemon >/dev/null
echo "startup-order: the split-eval corpus into its inbox, until the summary (a few minutes)"
mkdir "$work/run/staging"
find Tests/split-eval/corpus -type f ! -name '*.json' -exec cp -t "$work/run/staging" {} +
bulletins=$(ls "$work/run/staging" | wc -l)
find "$work/run/staging" -type f -exec mv -t "$work/run/inbox" {} +
# Done when the inbox is empty and a summary was written after the last file left it.
summarized=
for _ in $(seq 6000); do  # up to 10 minutes
    if [ -z "$(ls -A "$work/run/inbox")" ]; then
        [ -e "$work/run/left" ] || touch "$work/run/left"
        if [ -n "$(find "$work/run/summaries" -name '*.json' -newer "$work/run/left")" ]; then
            summarized=yes
            break
        fi
    fi
    kill -0 $daemon 2>/dev/null || { cat "$work/run/log" >&2; exit 1; }
    sleep 0.1
done
[ -n "$summarized" ] || { echo "startup-order: no summary after the corpus's $bulletins bulletins" >&2; exit 1; }
sleep 2
callgrind_control --dump $daemon >/dev/null
kill $daemon
wait $daemon || true
daemon=
# The next run starts on empty folders, as this one did.
rm -rf "$work/run/inbox" "$work/run/archive" "$work/run/quarantine" "$work/run/summaries" "$work/run/staging"
mkdir -p "$work/run/inbox" "$work/run/archive" "$work/run/quarantine" "$work/run/summaries"

echo "startup-order: the daemon under lackey (the data it touches; a few minutes)"
cc -O2 -o "$work/data-filter" Benchmarks/startup-data-filter.c
mkfifo "$work/trace"
"$work/data-filter" <"$work/trace" >"$work/data.addresses" &
filter=$!
exec 9>"$work/trace"
start_daemon --tool=lackey --trace-mem=yes --log-fd=9
exec 9>&-
sleep 3
# Where valgrind mapped the executable: the first mapping of the file, at offset 0.
base=$(awk -v file="$work/bulletind.nodebug" '$6 == file && $3 == "00000000" { split($1, range, "-"); print range[1]; exit }' /proc/$daemon/maps)
kill -KILL $daemon
{ wait $daemon; } 2>/dev/null || true
daemon=
wait $filter
[ -n "$base" ] || { echo "startup-order: did not find the executable in valgrind's mappings" >&2; exit 1; }
python3 Benchmarks/startup-order.py "$work/callgrind.out.1" "$work/callgrind.out.2" "$work/bulletind.nodebug" "$work/bulletind.map" \
    --data "$work/data.addresses" --base "0x$base" >Sources/Executables/bulletind/startup.order
echo "startup-order: $(wc -l <Sources/Executables/bulletind/startup.order) names (functions, then data) in Sources/Executables/bulletind/startup.order"
# The order file is no input SwiftPM knows of: remove the binary so that the link runs again.
rm -f "$binary"
swift build ${RELEASE_FLAGS:--c release --static-swift-stdlib} --product bulletind  # make passes its RELEASE_FLAGS
