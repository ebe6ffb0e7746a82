#pragma once

#include "mdp/foundation/Result.h"

#include <QByteArrayView>
#include <QString>

namespace mdp {

// Replaces `path` with `contents` so that a crash or kill at any moment leaves either the old or the
// new file, never a mix: write a sibling temporary, fsync it, rename over the target, fsync the
// directory. Only for ciphertext or non-secret metadata: the temporary holds the same bytes.
Result<void> writeFileAtomically(const QString &path, QByteArrayView contents);

// fsync of a directory, so a rename or a new file in it survives power loss.
Result<void> syncDirectory(const QString &directory);

} // namespace mdp
