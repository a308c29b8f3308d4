// SHA-256's compression function on the x86 SHA extensions (SHA256RNDS2, SHA256MSG1,
// SHA256MSG2: two rounds, and the message schedule four words at a time). The portable
// definition is SHA256.swift in BulletinModel; this file must give the same state for the same
// blocks (BulletinModelTests.SHA256Tests compares the two).

#include "csha256.h"

// K (FIPS 180-4, 4.2.2).
static const uint32_t round_constants[64] __attribute__((aligned(16))) = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

const uint32_t *csha256_round_constants(void) { return round_constants; }

#if defined(__x86_64__) || defined(__i386__)

#include <cpuid.h>
#include <immintrin.h>

int csha256_cpu_has_extensions(void) {
    unsigned int eax, ebx, ecx, edx;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return 0;
    const int ssse3 = (ecx >> 9) & 1, sse41 = (ecx >> 19) & 1;
    if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return 0;
    const int sha = (ebx >> 29) & 1;
    return ssse3 && sse41 && sha;
}

__attribute__((target("sha,ssse3,sse4.1")))
void csha256_compress_blocks(uint32_t state[8], const uint8_t *blocks, size_t count) {
    // SHA256RNDS2 keeps the eight working variables in two registers, lanes high to low:
    // {A, B, E, F} and {C, D, G, H}. From H0…H7 in memory (lanes low to high: a b c d, e f g h).
    __m128i abcd = _mm_loadu_si128((const __m128i *)&state[0]);
    __m128i efgh = _mm_loadu_si128((const __m128i *)&state[4]);
    abcd = _mm_shuffle_epi32(abcd, 0xB1);               // b a d c
    efgh = _mm_shuffle_epi32(efgh, 0x1B);               // h g f e
    __m128i abef = _mm_alignr_epi8(abcd, efgh, 8);      // f e b a
    __m128i cdgh = _mm_blend_epi16(efgh, abcd, 0xF0);   // h g d c

    // Each 32-bit word of the message is big-endian.
    const __m128i byteswap = _mm_set_epi8(12, 13, 14, 15, 8, 9, 10, 11, 4, 5, 6, 7, 0, 1, 2, 3);

    for (size_t block = 0; block < count; block++) {
        const uint8_t *data = blocks + block * 64;
        const __m128i saved_abef = abef, saved_cdgh = cdgh;
        // w[i % 4] holds W[4i … 4i+3] (lanes low to high).
        __m128i w[4];
        for (int group = 0; group < 16; group++) {
            __m128i words;
            if (group < 4) {
                words = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + group * 16)), byteswap);
            } else {
                // W[t] = σ1(W[t-2]) + W[t-7] + σ0(W[t-15]) + W[t-16], for t = 4·group … 4·group+3:
                // MSG1 adds σ0(W[t-15]) to W[t-16]; W[t-7] are the last two groups shifted by one
                // word; MSG2 adds σ1 of the two words before each (the last two computed in it).
                const __m128i older = w[(group - 4) & 3], old = w[(group - 3) & 3];
                const __m128i previous = w[(group - 2) & 3], last = w[(group - 1) & 3];
                __m128i partial = _mm_sha256msg1_epu32(older, old);
                partial = _mm_add_epi32(partial, _mm_alignr_epi8(last, previous, 4));
                words = _mm_sha256msg2_epu32(partial, last);
            }
            w[group & 3] = words;
            __m128i scheduled = _mm_add_epi32(words, _mm_load_si128((const __m128i *)&round_constants[group * 4]));
            // Two rounds with the low two words, then two with the high two; each call's result
            // is the new {A, B, E, F}, and the old one becomes {C, D, G, H}.
            cdgh = _mm_sha256rnds2_epu32(cdgh, abef, scheduled);
            scheduled = _mm_shuffle_epi32(scheduled, 0x0E);
            abef = _mm_sha256rnds2_epu32(abef, cdgh, scheduled);
        }
        abef = _mm_add_epi32(abef, saved_abef);
        cdgh = _mm_add_epi32(cdgh, saved_cdgh);
    }

    // Back to H0…H7.
    __m128i feba = _mm_shuffle_epi32(abef, 0x1B);      // a b e f
    __m128i dchg = _mm_shuffle_epi32(cdgh, 0xB1);      // g h c d
    abcd = _mm_blend_epi16(feba, dchg, 0xF0);          // a b c d
    efgh = _mm_alignr_epi8(dchg, feba, 8);             // e f g h
    _mm_storeu_si128((__m128i *)&state[0], abcd);
    _mm_storeu_si128((__m128i *)&state[4], efgh);
}

#else

int csha256_cpu_has_extensions(void) { return 0; }

void csha256_compress_blocks(uint32_t state[8], const uint8_t *blocks, size_t count) {
    (void)state; (void)blocks; (void)count;
    __builtin_trap();  // never called: csha256_cpu_has_extensions() is 0 here
}

#endif
