#pragma once

namespace mdp::accounts {

// Registers the module's embedded resources (schema migrations). A static library's resources are
// not registered automatically: call once before the first SqlCipherAccountDirectory::open (which
// also calls it). Idempotent.
void initResources();

} // namespace mdp::accounts
