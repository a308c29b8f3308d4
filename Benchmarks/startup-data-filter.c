// Reads the memory trace of `valgrind --tool=lackey --trace-mem=yes` on standard input and
// writes the data addresses the program loaded or stored below 256 MiB (where valgrind maps a
// PIE executable and its data: 0x108000 on), one 8-byte granule a line, in hexadecimal, once
// each and in address order. Benchmarks/startup-order.sh compiles it: the trace of a start-up
// is some hundred million lines, too many for Python.
#include <stdio.h>
#include <stdlib.h>

#define LIMIT (256ul << 20)

int main(void) {
    unsigned char *seen = calloc(LIMIT / 8 / 8, 1);
    char line[128];
    if (!seen) return 1;
    while (fgets(line, sizeof line, stdin)) {
        // " L 04222cac,4", " S …", " M …" (modify); "I  …" instructions and "==" messages skipped.
        if (line[0] != ' ' || (line[1] != 'L' && line[1] != 'S' && line[1] != 'M')) continue;
        unsigned long address = strtoul(line + 3, NULL, 16);
        if (address < LIMIT) seen[address / 64] |= 1u << (address / 8 % 8);
    }
    for (unsigned long granule = 0; granule < LIMIT / 8; granule++)
        if (seen[granule / 8] & (1u << (granule % 8))) printf("%lx\n", granule * 8);
    return 0;
}
