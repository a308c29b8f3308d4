#ifndef BULLETIND_CSHA256_H
#define BULLETIND_CSHA256_H

#include <stddef.h>
#include <stdint.h>

/// K, SHA-256's 64 round constants (FIPS 180-4, 4.2.2), for both ways of compressing.
const uint32_t *csha256_round_constants(void);

/// 1 when this CPU has the x86 SHA extensions (and the SSSE3 and SSE4.1 the code around them
/// uses), so that csha256_compress_blocks may be called; 0 otherwise, and always 0 on other
/// architectures. Asks CPUID each time: callers keep the answer.
int csha256_cpu_has_extensions(void);

/// SHA-256's compression function (FIPS 180-4, 6.2.2) applied to `count` consecutive 64-byte
/// blocks at `blocks`, updating the eight words of `state` (H0…H7, in that order) in place.
/// Only when csha256_cpu_has_extensions() returned 1.
void csha256_compress_blocks(uint32_t state[8], const uint8_t *blocks, size_t count);

#endif
