#pragma once

#include "mdp/foundation/Result.h"

#include <QByteArrayView>
#include <QString>

namespace mdp {

// Replaces `path` with `contents` so that a crash or kill at any moment leaves either the old or the
// new file, never a mix: write a sibling temporary, fsync it, rename over the target, fsync the
// directory. Only for ciphertext or non-secret metadata: the temporary holds the same bytes.
// The temporary has a random name (`<name>.tmp-<16 hex>`) created with O_EXCL|O_NOFOLLOW, so two
// writers of one file (two processes, two threads) never share it and a planted link is refused.
Result<void> writeFileAtomically(const QString &path, QByteArrayView contents);

// Removes temporaries of `path` that a writer killed mid-replace left behind.
void removeAtomicLeftovers(const QString &path);

// fsync of a directory, so a rename or a new file in it survives power loss.
Result<void> syncDirectory(const QString &directory);

} // namespace mdp
