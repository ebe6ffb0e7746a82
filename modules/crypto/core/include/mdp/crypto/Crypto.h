#pragma once

#include "mdp/foundation/Result.h"

namespace mdp::crypto {

// Initialises libgcrypt (secure memory, thread safety) and OpenSSL once per process. Idempotent.
void initialise();

// Known-answer tests run at start-up: SM3("abc"), SM4 single block and the GB/T 32907
// 1 000 000-iteration vector (about 0.25 s here, so it runs every time), AES-256-GCM test cases
// 13-16 of the GCM specification, SM4-GCM of RFC 8998 A.1, and an SM2 sign/verify pair with a
// tampered message rejected. A failure means the process must not touch data. Logs the duration.
Result<void> runSelfTests();

} // namespace mdp::crypto
