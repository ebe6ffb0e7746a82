#include "mdp/crypto/RootKeyProvider.h"

namespace mdp::crypto {

RootKeyProvider::~RootKeyProvider() = default;

Result<std::unique_ptr<RootKeyProvider>> RootKeyProvider::renew()
{
    return makeError(Error::Code::Unsupported,
                     QStringLiteral("a %1 root cannot be renewed on its own").arg(kind()));
}

Result<void> RootKeyProvider::erase()
{
    return makeError(Error::Code::Unsupported, QStringLiteral("a %1 root cannot be erased").arg(kind()));
}

Result<void> RootKeyProvider::eraseRetired(const QJsonObject &)
{
    return makeError(Error::Code::Unsupported, QStringLiteral("a %1 root cannot be erased").arg(kind()));
}

} // namespace mdp::crypto
