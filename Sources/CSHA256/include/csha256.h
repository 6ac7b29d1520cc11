#ifndef CSHA256_H
#define CSHA256_H

#include <stddef.h>
#include <stdint.h>

/// SHA-256's 64 round constants (FIPS 180-4, 4.2.2), for the portable code too.
const uint32_t *ptce_sha256_round_constants(void);

/// Whether this processor has the SHA extensions (Intel SHA-NI, with SSSE3 and SSE4.1) that
/// `ptce_sha256_compress_blocks` needs: 1 or 0. Always 0 on other architectures.
int ptce_sha256_hardware_available(void);

/// Runs SHA-256's compression function over `count` blocks of 64 bytes at `blocks`, updating
/// `state` (the eight words of the hash, in order). Call only when
/// `ptce_sha256_hardware_available()` returns 1.
void ptce_sha256_compress_blocks(uint32_t state[8], const uint8_t *blocks, size_t count);

#endif
