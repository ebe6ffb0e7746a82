#pragma once

namespace mdp::forms {

// Registers the embedded schema migrations (a static library's resources are not registered
// automatically). SqlCipherFormStore::migrate calls it; idempotent.
void initFormsMigrations();

} // namespace mdp::forms
