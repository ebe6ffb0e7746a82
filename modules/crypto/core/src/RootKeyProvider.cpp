#include "mdp/crypto/RootKeyProvider.h"

namespace mdp::crypto {

RootKeyProvider::~RootKeyProvider() = default;

} // namespace mdp::crypto
