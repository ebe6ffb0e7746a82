#pragma once

#include "mdp/foundation/Result.h"
#include "mdp/foundation/SecureBytes.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace mdp::pki::detail {

// The whole file, refused beyond 16 MiB (nothing of a CA folder is that large);
// Error::Code::NotFound when it does not exist.
Result<QByteArray> readFile(const QString &path);
// Replaced atomically, mode 0644: certificates, revocation lists and the registry are public (the
// service that checks its peers reads them).
Result<void> writePublicFile(const QString &path, QByteArrayView contents);
// Replaced atomically, mode 0600 from its creation on.
Result<void> writePrivateFile(const QString &path, const SecureBytes &contents);

} // namespace mdp::pki::detail
