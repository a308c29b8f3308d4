"""Reads an strace -f -tt -T log of bulletind during the latency scenario (straced.sh, drive.py)
and prints counts that do not depend on the load: per file, the syscalls between the inotify read
that names it (IN_MOVED_TO) and its link into archive/; the WAL commits of the tidy steps; the
checkpoints, log restarts and state-file writes, and which of them fell on a file's path."""
import re, sys, collections
path = sys.argv[1]
line_re = re.compile(r'^(\d+)\s+(\d+):(\d+):(\d+\.\d+)\s+(.*)$')
call_re = re.compile(r'^(\w+)\((.*)\)\s+=\s+(-?\w+)(?:.*?)<(\d+\.\d+)>$')
fdpath = {}  # (pid, fd) -> path, from openat results
events = []
pending = {}
for raw in open(path, errors='replace'):
    m = line_re.match(raw.rstrip('\n'))
    if not m: continue
    pid, h, mi, s, rest = m.groups()
    t = int(h) * 3600 + int(mi) * 60 + float(s)
    if rest.endswith('<unfinished ...>'):
        pending[pid] = (t, rest[:-len('<unfinished ...>')])
        continue
    if rest.startswith('<...'):
        if pid not in pending: continue
        t0, head = pending.pop(pid)
        tail = re.sub(r'^<\.\.\. \w+ resumed>\s*', '', rest)
        rest = head + tail; t = t0
    c = call_re.match(rest)
    if not c: continue
    name, args, ret, dur = c.groups()
    events.append((t, int(pid), name, args, ret, float(dur)))
events.sort()
main = min(e[1] for e in events)  # the process's first thread is the daemon's
# fd → path, process-wide (threads share descriptors); updated in time order
fdmap = {}
def fd_of(args):
    m = re.match(r'(\d+)', args)
    return int(m.group(1)) if m else None
labeled = []
for (t, pid, name, args, ret, dur) in events:
    target = None
    if name in ('openat', 'open') and ret.lstrip('-').isdigit() and int(ret) >= 0:
        m = re.search(r'"([^"]*)"', args)
        if m: fdmap[int(ret)] = m.group(1)
    fd = fd_of(args)
    if fd is not None and fd in fdmap: target = fdmap[fd]
    labeled.append((t, pid, name, args, ret, dur, target))
def kind(target):
    if target is None: return '?'
    if target.endswith('-wal'): return 'wal'
    if target.endswith('.sqlite'): return 'db'
    if 'state.json' in target: return 'state'
    if target.endswith('-shm'): return 'shm'
    return 'other'
# files: inotify read naming NAME (IN_MOVED_TO) → linkat(..., NAME, ...) into archive
moved = {}
links = {}
for (t, pid, name, args, ret, dur, target) in labeled:
    if name == 'read' and pid == main and 'digest-' in args:
        for n in re.findall(r'(?<![.])(digest-\d+\.txt)(?!\.part)', args):
            moved.setdefault(n, t)
    if name in ('linkat', 'link') and 'digest-' in args:
        m = re.findall(r'"[^"]*?([^"/]*\.txt)"', args)
        if m: links.setdefault(m[0], t + dur)
names = sorted((moved[n], n) for n in links if n in moved)
print("files traced:", len(names), "threads:", len(set(e[1] for e in events)))
totals = collections.Counter(); per_file = []
for (start, n) in names:
    end = links[n]
    window = [e for e in labeled if start <= e[0] <= end]
    mc = collections.Counter(e[2] for e in window if e[1] == main)
    syncs_main = [(e[2], kind(e[6])) for e in window if e[1] == main and e[2] in ('fsync', 'fdatasync')]
    # other threads' syncs in flight during the window (started before end, ended after start)
    bg = [(e[1], e[2], kind(e[6]), e[5]) for e in labeled if e[1] != main and e[2] in ('fsync', 'fdatasync', 'pwrite64', 'write')
          and e[0] <= end and e[0] + e[5] >= start and kind(e[6]) in ('db', 'wal', 'state', 'other')]
    bgsync = [b for b in bg if b[1] in ('fsync', 'fdatasync')]
    per_file.append((n, end - start, sum(mc.values()), syncs_main, len(bgsync), len(bg)))
    totals.update(mc)
print("main-thread syscalls per file, mean by name:")
for k, v in totals.most_common(20): print("  %-14s %.2f" % (k, v / len(names)))
over = [p for p in per_file if p[4] > 0]
print("files whose window had a background fsync/fdatasync in flight: %d of %d" % (len(over), len(per_file)))
print("files whose window had any background db/wal/state write: %d" % len([p for p in per_file if p[5] > 0]))
print("main-thread syncs in a file's window (by kind):", collections.Counter(s for p in per_file for s in p[3]))
# between files: main-thread work after a link until the next file's read
gap = collections.Counter(); gapsync = collections.Counter()
for i in range(len(names) - 1):
    a = links[names[i][1]]; b = names[i + 1][0]
    for e in labeled:
        if a < e[0] < b:
            if e[1] == main:
                gap[e[2]] += 1
                if e[2] in ('fsync', 'fdatasync'): gapsync[('main', kind(e[6]))] += 1
            elif e[2] in ('fsync', 'fdatasync'): gapsync[('bg', kind(e[6]))] += 1
print("between files, main-thread syscalls per gap, top:", [(k, round(v / (len(names) - 1), 2)) for k, v in gap.most_common(10)])
print("between files, syncs per gap:", {k: round(v / (len(names) - 1), 2) for k, v in gapsync.items()})
allsync = collections.Counter((('main' if e[1] == main else 'bg'), e[2], kind(e[6])) for e in labeled if e[2] in ('fsync', 'fdatasync'))
print("all syncs in the trace:", dict(allsync))
pw = collections.Counter((('main' if e[1] == main else 'bg'), kind(e[6])) for e in labeled if e[2] == 'pwrite64')
print("all pwrite64 in the trace:", dict(pw))
# tidy steps: main-thread WAL commits outside any file window: frames (pwrite pairs) per step
windows = [(s, links[n]) for (s, n) in names]
def in_window(t): return any(a <= t <= b for a, b in windows)
steps = []; frames = 0
for (t, pid, name, args, ret, dur, target) in labeled:
    if pid != main: continue
    if name == 'pwrite64' and kind(target) == 'wal': frames += 1
    if name == 'fdatasync' and kind(target) == 'wal':
        steps.append((t, frames // 2, in_window(t), dur)); frames = 0
outside = [s for s in steps if not s[2]]
inside = [s for s in steps if s[2]]
import statistics
if outside:
    fr = sorted(s[1] for s in outside)
    print("main-thread WAL commits outside file windows (tidy steps): %d, frames each p50 %d max %d" % (len(outside), fr[len(fr)//2], fr[-1]))
fr = sorted(s[1] for s in inside)
if fr: print("WAL commits inside file windows: %d, frames each p50 %d max %d" % (len(inside), fr[len(fr)//2], fr[-1]))
# windows with more than one WAL commit: the extra ones are tidy steps the file waited behind
extra = [(n, [s[1] for s in steps if a <= s[0] <= b]) for (a, n), b in zip(names, [w[1] for w in windows])]
extra = [(n, f) for n, f in extra if len(f) > 1]
print("files whose path included another WAL commit before their own: %d; frames of those commits: %s" % (len(extra), [f[:-1] for n, f in extra][:12]))
ck = [(e[0], e[5]) for e in labeled if e[1] != main and e[2] == 'fdatasync' and kind(e[6]) == 'db']
print("checkpoints (bg fdatasync of the db file): %d" % len(ck))
bgdb = collections.Counter(); 
restarts = [s for s in steps if s[1] <= 1]
print("log restarts (a WAL fdatasync after <=1 write: the new header): %d, inside a file's path: %d, outside: %d" % (
    len(restarts), len([s for s in restarts if s[2]]), len([s for s in restarts if not s[2]])))
st = [e for e in labeled if e[1] != main and e[2] == 'fsync' and kind(e[6]) == 'state']
print("state file writes: %d" % len(st))
# background syncs in flight during a file's own commit fdatasync
hits = 0
for (a, n), b in zip(names, [w[1] for w in windows]):
    own = [e for e in labeled if e[1] == main and e[2] == 'fdatasync' and a <= e[0] <= b]
    if not own: continue
    o = own[-1]
    if any(e[1] != main and e[2] in ('fsync', 'fdatasync') and e[0] <= o[0] + o[5] and e[0] + e[5] >= o[0] for e in labeled):
        hits += 1
print("files whose own commit fdatasync overlapped a background fsync/fdatasync: %d of %d" % (hits, len(names)))
# background syncs in flight between the file's read and the end of its own commit fdatasync
pre = 0
for (a, n), b in zip(names, [w[1] for w in windows]):
    own = [e for e in labeled if e[1] == main and e[2] == 'fdatasync' and a <= e[0] <= b]
    if not own: continue
    end = own[-1][0] + own[-1][5]
    if any(e[1] != main and e[2] in ('fsync', 'fdatasync') and e[0] <= end and e[0] + e[5] >= a for e in labeled):
        pre += 1
print("files with a background fsync/fdatasync in flight between their read and the end of their commit: %d of %d" % (pre, len(names)))
