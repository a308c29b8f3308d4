#!/usr/bin/env python3
"""Which pages of a running binary are resident, and whose code they hold.

    sudo python3 Benchmarks/resident-text.py PID [--top N] [--symbols FILE]
    python3 Benchmarks/resident-text.py --callgrind callgrind.out --binary BINARY [--top N] [--symbols FILE]

Reads /proc/PID/maps and /proc/PID/pagemap (bit 63: the page is present; needs root to see
more than nothing on some kernels) over every mapping of the process's own executable, then:
- per ELF section (.text, .rodata, .eh_frame, …): size and resident bytes;
- per module, for the executable sections: the bytes of resident pages, split between the
  symbols each page holds (`nm -n -S`, Swift modules read from the mangled names: `$s15Bulletin
  Service…` is BulletinService, `$sS…`/`$ss…` the standard library; `swift_*` and `_ZN5swift`
  the runtime; other C and C++ symbols by prefix);
- with --top N, the N symbols with the most resident bytes;
- with --symbols FILE, the names of the symbols on resident text pages, in address order
  (a start-up trace to feed a linker's symbol ordering file).

A page counts whole as resident: the kernel maps page cache around a fault (fault-around, 64 KiB
by default), so a page can be resident without a single byte of it having run. A symbol's share
of a resident page is the part of the page it covers.

What actually ran: run the daemon under `valgrind --tool=callgrind --dump-instr=yes` (valgrind
3.19 needs a copy without DWARF: `objcopy --strip-debug`), dump with `callgrind_control -d PID`
once it is idle, and pass the dump with --callgrind: the pages are then those holding an
instruction that ran, and each module's figure is the size of its functions that ran (what a
start-up path packed together would occupy).
"""
import argparse
import bisect
import collections
import os
import re
import struct
import subprocess
import sys

PAGE = os.sysconf("SC_PAGE_SIZE")

# Module names as they appear after `$s` in Swift mangled names, grouped for the report.
GROUPS = [
    ("Swift standard library", {"Swift", "_StringProcessing", "_RegexParser", "_Concurrency",
                                "Synchronization", "SwiftShims", "_SwiftConcurrencyShims", "Distributed",
                                "Observation", "_Volatile", "RegexBuilder", "Cxx", "CxxStdlib", "Glibc",
                                "SwiftGlibc", "__C", "_Builtin_float", "Dispatch"}),
    ("FoundationEssentials", {"FoundationEssentials", "_FoundationCShims", "_FoundationCollections",
                              "FoundationInternationalization", "Foundation"}),
    ("ArgumentParser", {"ArgumentParser", "ArgumentParserToolInfo"}),
    ("swift-log", {"Logging"}),
    ("swift-metrics, Prometheus", {"CoreMetrics", "Metrics", "Prometheus", "Atomics", "_AtomicsShims"}),
]
OUR_MODULES = {"TOML", "JSONText", "BulletinReader", "BulletinSplitter", "LetterFolding", "BulletinClassifier",
               "BulletinStories", "BulletinModel", "SQLite", "BulletinStore", "BulletinSummary",
               "BulletinService", "BulletindCommands", "bulletind", "CBuildInfo"}


def swift_module(name):
    """The module a Swift mangled name belongs to (its first context), or None."""
    for prefix in ("$s", "_$s", "$S", "_T0"):
        if name.startswith(prefix):
            rest = name[len(prefix):]
            break
    else:
        return None
    if not rest:
        return None
    if rest[0] in "sS":
        if rest.startswith("So"):
            return "__C"
        if rest.startswith("Sc"):
            return "_Concurrency"
        return "Swift"
    match = re.match(r"(\d+)", rest)
    if match:
        length = int(match.group(1))
        start = len(match.group(1))
        return rest[start:start + length]
    return "Swift"


def module_of(name):
    module = swift_module(name)
    if module is not None:
        return module
    if name.startswith(("swift_", "_swift_", "swift::", "_ZN5swift", "_ZNK5swift", "_ZL", "__swift")):
        return "Swift runtime (C++)"
    if name.startswith(("dispatch_", "_dispatch", "_os_", "_voucher", "voucher_", "_firehose", "firehose")):
        return "libdispatch"
    if name.startswith(("_ZN", "_ZNK", "_ZS", "_ZT")):
        return "C++ (other)"
    if name.startswith(("_Foundation", "_CShims", "_stringshims", "_cshims")):
        return "FoundationEssentials"
    return "C (other)"


def group_of(module):
    if module in OUR_MODULES:
        return "bulletind's own modules"
    for group, members in GROUPS:
        if module in members:
            return group
    if module.startswith("Swift runtime"):
        return "Swift standard library"
    if module == "libdispatch":
        return "libdispatch"
    return module


def by_group_sums(by_module, size_by_module):
    """Per group: (the module figures summed, the modules' text sizes summed)."""
    figures, sizes = collections.Counter(), collections.Counter()
    for module, value in by_module.items():
        figures[group_of(module)] += value
    for module, size in size_by_module.items():
        sizes[group_of(module)] += size
    return figures, sizes


def table(title, headings, rows):
    """Prints `rows` (a name, then MB figures, then an optional count) under `title` and `headings`."""
    print(f"{title:40} " + " ".join(f"{heading:>11}" for heading in headings))
    for name, *figures in rows:
        cells = [f"{figure / 1048576:11.2f}" if isinstance(figure, float) else f"{figure:11d}" for figure in figures]
        print(f"{name[:40]:40} " + " ".join(cells))
    print()


def demangled(names):
    """`swift demangle` of each name (the names themselves when it is missing)."""
    out = subprocess.run(["swift", "demangle", "--compact", "--simplified"], input="\n".join(names),
                         capture_output=True, text=True).stdout.splitlines()
    return out if len(out) == len(names) else list(names)


def mappings(pid, path):
    found = []
    with open(f"/proc/{pid}/maps") as maps:
        for line in maps:
            fields = line.split()
            if len(fields) >= 6 and fields[5] == path:
                start, end = (int(x, 16) for x in fields[0].split("-"))
                found.append((start, end, fields[1], int(fields[2], 16)))
    return found


def present_pages(pid, start, end):
    pages = []
    with open(f"/proc/{pid}/pagemap", "rb") as pagemap:
        pagemap.seek(start // PAGE * 8)
        data = pagemap.read((end - start) // PAGE * 8)
    for index in range(len(data) // 8):
        (entry,) = struct.unpack_from("<Q", data, index * 8)
        if entry >> 63 & 1:
            pages.append(start + index * PAGE)
    return pages


def load_segments(binary):
    out = subprocess.run(["readelf", "-lW", binary], capture_output=True, text=True, check=True).stdout
    segments = []
    for line in out.splitlines():
        fields = line.split()
        if fields and fields[0] == "LOAD":
            offset, vaddr = int(fields[1], 16), int(fields[2], 16)
            filesz = int(fields[4], 16)
            segments.append((offset, vaddr, filesz))
    return segments


def sections(binary):
    out = subprocess.run(["readelf", "-SW", binary], capture_output=True, text=True, check=True).stdout
    found = []
    for line in out.splitlines():
        match = re.match(r"\s*\[\s*\d+\]\s+(\S+)\s+(\S+)\s+([0-9a-f]+)\s+([0-9a-f]+)\s+([0-9a-f]+)\s+\S+\s+(\S*)", line)
        if match and match.group(2) != "NULL":
            name, kind = match.group(1), match.group(2)
            address, size = int(match.group(3), 16), int(match.group(5), 16)
            flags = match.group(6)
            if "A" in flags and kind != "NOBITS" and size:
                found.append((address, size, name, "X" in flags))
    return sorted(found)


def symbols(binary, kinds="tTwWiI"):
    """The defined symbols of `binary` of the `nm` kinds given (code by default), address order:
    (address, size, name)."""
    out = subprocess.run(["nm", "-n", "-S", "--defined-only", binary], capture_output=True, text=True,
                         check=True).stdout
    found = []
    for line in out.splitlines():
        fields = line.split(" ", 3)
        if len(fields) == 4 and fields[2] in kinds:
            found.append((int(fields[0], 16), int(fields[1], 16), fields[3]))
    found.sort()
    return found


def executed_addresses(path, binary):
    """The addresses of the instructions of `binary` that ran, from a callgrind dump made with
    --dump-instr=yes (positions `instr line`; `calls=` lines name a target and move nothing)."""
    objects = {}
    current = None
    last = 0
    addresses = set()
    wanted = os.path.realpath(binary)
    with open(path) as dump:
        for line in dump:
            if not line or line[0] not in "0123456789+-*ocfj":
                continue
            if line.startswith(("ob=", "cob=")):
                match = re.match(r"c?ob=\((\d+)\)(?: (.*))?", line.rstrip("\n"))
                if match.group(2):
                    objects[match.group(1)] = os.path.realpath(match.group(2))
                if line.startswith("ob="):
                    current = objects.get(match.group(1))
                continue
            if line.startswith(("calls=", "jump=", "jcnd=")) or "=" in line.split(" ", 1)[0]:
                continue
            token = line.split(" ", 1)[0]
            if token.startswith("0x"):
                last = int(token, 16)
            elif token.startswith(("+", "-")):
                last += int(token)
            elif token != "*":
                continue
            if current == wanted:
                addresses.add(last)
    return addresses


def overlap(a_start, a_end, b_start, b_end):
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pid", type=int, nargs="?")
    parser.add_argument("--callgrind", help="a callgrind dump (--dump-instr=yes) instead of a live PID")
    parser.add_argument("--binary", help="the executable (default: /proc/PID/exe)")
    parser.add_argument("--top", type=int, default=0, help="list the N symbols with the most resident bytes")
    parser.add_argument("--modules", type=int, default=12, help="list the N modules with the most resident bytes")
    parser.add_argument("--symbols", help="write the names of the symbols on resident text pages here")
    args = parser.parse_args()

    if args.callgrind:
        if not args.binary:
            sys.exit("--callgrind needs --binary")
        return report_executed(args)
    binary = args.binary or os.readlink(f"/proc/{args.pid}/exe")
    maps = mappings(args.pid, binary)
    if not maps:
        sys.exit(f"no mapping of {binary} in /proc/{args.pid}/maps")
    segments = load_segments(binary)

    # Resident pages as ELF addresses.
    resident = set()
    total = 0
    for start, end, perms, offset in maps:
        pages = present_pages(args.pid, start, end)
        total += len(pages) * PAGE
        for page in pages:
            file_offset = page - start + offset
            for seg_offset, seg_vaddr, seg_filesz in segments:
                if seg_offset // PAGE * PAGE <= file_offset < seg_offset + seg_filesz:
                    resident.add(file_offset - seg_offset + seg_vaddr)
                    break
        print(f"{perms} {(end - start) / 1048576:8.2f} MB mapped {len(pages) * PAGE / 1048576:8.2f} MB resident")
    print(f"total resident in {binary}: {total / 1048576:.2f} MB")
    print()

    resident_sorted = sorted(resident)
    print(f"{'section':24} {'size MB':>9} {'resident MB':>12}")
    text_ranges = []
    for address, size, name, executable in sections(binary):
        first = bisect.bisect_left(resident_sorted, address // PAGE * PAGE)
        last = bisect.bisect_left(resident_sorted, address + size)
        covered = sum(overlap(page, page + PAGE, address, address + size) for page in resident_sorted[first:last])
        if size >= 65536 or covered:
            print(f"{name:24} {size / 1048576:9.2f} {covered / 1048576:12.2f}")
        if executable:
            text_ranges.append((address, address + size))
    print()

    syms = symbols(binary)
    starts = [s[0] for s in syms]
    by_module = collections.Counter()
    size_by_module = collections.Counter()
    by_symbol = collections.Counter()
    trace = []
    for address, size, name in syms:
        if any(lo <= address < hi for lo, hi in text_ranges):
            size_by_module[module_of(name)] += size
    for page in resident_sorted:
        if not any(overlap(page, page + PAGE, lo, hi) for lo, hi in text_ranges):
            continue
        covered = 0
        index = max(0, bisect.bisect_right(starts, page) - 1)
        while index < len(syms) and syms[index][0] < page + PAGE:
            address, size, name = syms[index]
            share = overlap(page, page + PAGE, address, address + max(size, 1))
            if share:
                by_module[module_of(name)] += share
                by_symbol[name] += share
                covered += share
                if args.symbols and (not trace or trace[-1] != name):
                    trace.append(name)
            index += 1
        by_module["(no symbol)"] += max(0, PAGE - covered)

    by_group, size_by_group = by_group_sums(by_module, size_by_module)
    table("resident text by group", ["text MB", "resident MB"],
          [(group, float(size_by_group[group]), float(count)) for group, count in by_group.most_common()])
    table("resident text by module", ["text MB", "resident MB"],
          [(module, float(size_by_module[module]), float(count)) for module, count in by_module.most_common(args.modules)])
    if args.top:
        names = [name for name, _ in by_symbol.most_common(args.top)]
        for (name, count), pretty in zip(by_symbol.most_common(args.top), demangled(names)):
            print(f"{count:8d} {pretty[:150]}")
    if args.symbols:
        with open(args.symbols, "w") as out:
            out.write("\n".join(trace) + "\n")


def report_executed(args):
    addresses = sorted(executed_addresses(args.callgrind, args.binary))
    pages = sorted({address // PAGE * PAGE for address in addresses})
    print(f"instructions that ran: {len(addresses)}, on {len(pages)} pages ({len(pages) * PAGE / 1048576:.2f} MB)")
    syms = symbols(args.binary)
    starts = [s[0] for s in syms]
    ran = {}
    for address in addresses:
        index = bisect.bisect_right(starts, address) - 1
        if index >= 0 and address < syms[index][0] + max(syms[index][1], 1):
            ran[syms[index][0]] = syms[index]
    by_module = collections.Counter()
    size_by_module = collections.Counter()
    count_by_module = collections.Counter()
    for address, size, name in syms:
        size_by_module[module_of(name)] += size
    for address, size, name in ran.values():
        by_module[module_of(name)] += size
        count_by_module[module_of(name)] += 1
    pages_by_group = collections.defaultdict(set)
    for address in addresses:
        index = bisect.bisect_right(starts, address) - 1
        if index >= 0:
            pages_by_group[group_of(module_of(syms[index][2]))].add(address // PAGE)
    by_group, size_by_group = by_group_sums(by_module, size_by_module)
    print(f"functions that ran: {len(ran)}, {sum(s for _, s, _ in ran.values()) / 1048576:.2f} MB of code")
    print()
    table("by group", ["text MB", "ran MB", "pages"],
          [(group, float(size_by_group[group]), float(size), len(pages_by_group[group]))
           for group, size in by_group.most_common()])
    table("by module", ["text MB", "ran MB", "functions"],
          [(module, float(size_by_module[module]), float(size), count_by_module[module])
           for module, size in by_module.most_common(args.modules)])
    if args.top:
        biggest = sorted(ran.values(), key=lambda s: -s[1])[:args.top]
        for (address, size, name), pretty in zip(biggest, demangled([s[2] for s in biggest])):
            print(f"{size:8d} {group_of(module_of(name))[:12]:12} {pretty[:150]}")
    if args.symbols:
        with open(args.symbols, "w") as out:
            out.write("\n".join(name for _, _, name in sorted(ran.values())) + "\n")


if __name__ == "__main__":
    main()
