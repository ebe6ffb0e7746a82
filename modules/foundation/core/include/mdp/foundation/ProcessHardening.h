#pragma once

namespace mdp {

// Called first thing in main() of every program that handles keys or patient data: no core dumps
// (a crash must not write key material or decrypted records to disk). Returns whether the limit is
// in place; the programs go on either way (the hardening is defence in depth, not a precondition).
bool disableCoreDumps();

// Whether this process may still write a core dump (RLIMIT_CORE above zero).
bool coreDumpsAllowed();

} // namespace mdp
