#!/bin/bash
# bulletind under strace (-f, timestamps, durations; only the calls named, the others not stopped:
# --seccomp-bpf); SIGTERM forwarded to the daemon itself. docs/PERFORMANCE.md, wip-lat4.
OUT=${TRACE_OUT:-/tmp/bulletind.trace}
BIN=${TRACE_BIN:-.build/release/bulletind}
strace -f --seccomp-bpf -tt -T -s 200 -e trace=${TRACE_CALLS:-read,openat,linkat,unlinkat,fsync,fdatasync,pwrite64,ftruncate,rename,mkdir,close} -o "$OUT" "$BIN" "$@" &
S=$!
trap 'kill -TERM $(pgrep -P $S) 2>/dev/null' TERM INT
wait $S; wait $S
