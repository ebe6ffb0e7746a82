#pragma once

#include "mdp/foundation/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace mdp::crypto::detail {

// Replaces `path` so that a crash at any moment leaves either the old or the new content, never a
// mix: write a temporary file in the same directory (mode 0600), fsync it, rename it over the
// target, fsync the directory.
Result<void> writeFileAtomically(const QString &path, QByteArrayView data);

Result<QByteArray> readWholeFile(const QString &path);

} // namespace mdp::crypto::detail
