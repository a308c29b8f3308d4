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
#    three seconds after the daemon said it watches, and stops it;
# 3. lists those functions (Benchmarks/startup-order.py) and relinks bulletind with the new list.
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-.build/release/bulletind}
for tool in valgrind callgrind_control objcopy python3; do
    command -v $tool >/dev/null || { echo "startup-order: needs $tool (apt-get install valgrind binutils python3)" >&2; exit 1; }
done
work=$(mktemp -d /tmp/bulletind-startup-order.XXXXXX)
trap 'rm -rf "$work"' EXIT

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
EOF
env -u JOURNAL_STREAM -u INVOCATION_ID -u NOTIFY_SOCKET valgrind --tool=callgrind --dump-instr=yes --callgrind-out-file="$work/callgrind.out" \
    "$work/bulletind.nodebug" run --config "$work/run/bulletind.toml" >"$work/run/log" 2>&1 &
daemon=$!
for _ in $(seq 1200); do
    grep -q "watching" "$work/run/log" && break
    kill -0 $daemon 2>/dev/null || { cat "$work/run/log" >&2; exit 1; }
    sleep 0.1
done
sleep 3
callgrind_control --dump $daemon >/dev/null
sleep 2
kill $daemon
wait $daemon || true
python3 Benchmarks/startup-order.py "$work/callgrind.out.1" "$work/bulletind.nodebug" "$work/bulletind.map" \
    >Sources/Executables/bulletind/startup.order
echo "startup-order: $(wc -l <Sources/Executables/bulletind/startup.order) functions in Sources/Executables/bulletind/startup.order"
# The order file is no input SwiftPM knows of: remove the binary so that the link runs again.
rm -f "$binary"
swift build -c release --static-swift-stdlib --product bulletind
