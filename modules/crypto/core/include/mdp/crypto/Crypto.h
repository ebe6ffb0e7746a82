#pragma once

#include "mdp/foundation/Result.h"

namespace mdp::crypto {

// Initialises libgcrypt (secure memory, thread safety) and OpenSSL once per process. Idempotent.
void initialise();

// Known-answer tests run at start-up (SM3, SM4 block and GB/T 32907 1 000 000-iteration vector,
// SM2 sign/verify with tamper rejection, AES-GCM NIST vectors). A failure means the process must
// not touch data.
Result<void> runSelfTests();

} // namespace mdp::crypto
