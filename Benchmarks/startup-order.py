#!/usr/bin/env python3
"""The symbol ordering file of bulletind's release link (lld --symbol-ordering-file): the
functions an idle daemon ran from exec to its first quiet second, then those it ran to take
bulletins and write their summary, so that the linker places each group together: start-up
faults in a few dense megabytes of text instead of pages scattered over all of it (the kernel
maps 64 KiB around each fault), and a burst of bulletins adds a few more dense ones.

    python3 Benchmarks/startup-order.py CALLGRIND_DUMP [BURST_DUMP] BINARY LINK_MAP \
        [--data ADDRESSES --base ADDRESS] > Sources/Executables/bulletind/startup.order

CALLGRIND_DUMP: `valgrind --tool=callgrind --dump-instr=yes` of `BINARY run`, dumped with
`callgrind_control -d` once idle; BURST_DUMP, the next dump of the same run, once bulletins
dropped into its inbox were stored and their summary written (`make startup-order` does all of
it). LINK_MAP: the map of the link that made BINARY (`-Xlinker -Map=FILE`), to know the input
section each function lives in.

A function is listed when its input section is small (function sections: our modules, the
runtime's C++) or when a large share of that section ran (the standard library's Swift.o, one
1.5 MB section), and when no large section that barely ran defines the same name (a generic
specialization is local to every object that uses it): the linker moves a whole section when
one of its names is listed, and the toolchain's _RegexParser, _StringProcessing and
_Concurrency are one section each. A name missing from a later build is ignored by the linker.

With --data, the data the daemon touched follow the functions, by the same rule: ADDRESSES, the
addresses (hexadecimal, one a line) that `valgrind --tool=lackey --trace-mem=yes` saw loaded or
stored (Benchmarks/startup-data-filter.c), with the executable mapped at --base. Start-up reads
every protocol conformance descriptor (the runtime scans them all at the first `as?` of a type
and protocol it has not cached), type descriptors, Unicode tables, and writes `.bss` caches:
placed together, they fill fewer pages of `.rodata` and `.bss`.
"""
import bisect
import collections
import importlib.util
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("resident_text", os.path.join(HERE, "resident-text.py"))
resident_text = importlib.util.module_from_spec(spec)
spec.loader.exec_module(resident_text)

PAGE = 4096
SMALL_SECTION = 64 * 1024
DENSE_SHARE = 0.25


TEXT = r":\(\.text[^)]*\)$"
DATA = r":\((\.rodata|\.data|\.bss)[^)]*\)$"


def input_sections(map_path, kind=TEXT):
    """The input sections of the link whose name matches `kind` (text, or with DATA the data),
    address order: (address, size, names defined in it)."""
    rows = []
    with open(map_path) as link_map:
        for line in link_map:
            match = re.match(r"\s*([0-9a-f]+)\s+[0-9a-f]+\s+([0-9a-f]+)\s+\d+(\s+)(\S.*)$", line)
            if not match:
                continue
            text = match.group(4)
            if re.search(kind, text):
                rows.append((int(match.group(1), 16), int(match.group(2), 16), []))
            elif rows and len(match.group(3)) > 10 and not text.startswith(("/", "<")):
                rows[-1][2].append(text)
            elif ":(" in text:
                rows.append(None)  # another output section's input: ends the last one's names
                rows.pop()
    rows.sort()
    return rows


def listed_names(sections, symbols, addresses):
    """The names of `symbols` at `addresses` whose input section is small or densely used, and
    that no large, barely used section also defines, in address order."""
    starts = [start for start, _, _ in sections]
    symbol_starts = [address for address, _, _ in symbols]
    pages = collections.defaultdict(set)
    used = {}
    for address in addresses:
        index = bisect.bisect_right(starts, address) - 1
        if index < 0 or address >= sections[index][0] + sections[index][1]:
            continue
        pages[index].add(address // PAGE)
        symbol = bisect.bisect_right(symbol_starts, address) - 1
        if symbol >= 0:
            used[symbols[symbol][0]] = (index, symbols[symbol][2])

    def wanted(index):
        size = sections[index][1]
        return size <= SMALL_SECTION or len(pages[index]) * PAGE >= DENSE_SHARE * size

    # A name can be defined in several sections (the same generic specialization, local to
    # several objects): the linker moves every section that defines a listed name.
    unwanted_names = set()
    for index, (_, _, names) in enumerate(sections):
        if not wanted(index):
            unwanted_names.update(names)
    listed = []
    for address in sorted(used):
        index, name = used[address]
        if wanted(index) and name not in unwanted_names:
            listed.append(name)
    return listed


def main():
    arguments = sys.argv[1:]
    data = base = None
    if "--data" in arguments and "--base" in arguments:
        data = arguments[arguments.index("--data") + 1]
        base = int(arguments[arguments.index("--base") + 1], 16)
        arguments = [a for a in arguments if a not in ("--data", "--base", data, arguments[arguments.index("--base") + 1])]
    if len(arguments) not in (3, 4):
        sys.exit(__doc__)
    *dumps, binary, map_path = arguments
    sections = input_sections(map_path)
    symbols = resident_text.symbols(binary)
    # Start-up's functions first; then, after them, the ones only the burst ran (a section the
    # burst made dense enough to move brings its start-up names into the second group).
    executed = set()
    listed = []
    for dump in dumps:
        executed |= resident_text.executed_addresses(dump, binary)
        listed += listed_names(sections, symbols, executed)
    if data:
        with open(data) as trace:
            addresses = [int(line, 16) - base for line in trace if line.strip()]
        listed += listed_names(input_sections(map_path, DATA), resident_text.symbols(binary, "dDbBrR"), addresses)
    print("\n".join(dict.fromkeys(listed)))


if __name__ == "__main__":
    main()
