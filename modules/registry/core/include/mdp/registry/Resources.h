#pragma once

namespace mdp::registry {

// Registers the module's embedded schema migrations (a static library's resources are not
// registered automatically). SqlCipherRegistry::open calls it; idempotent.
void initResources();

} // namespace mdp::registry
