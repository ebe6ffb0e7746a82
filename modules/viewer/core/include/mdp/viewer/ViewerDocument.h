#pragma once

#include <QByteArray>
#include <QString>

namespace mdp::viewer {

// One attachment to preview, decrypted in memory by the caller. Nothing here is ever written to disk.
struct ViewerDocument
{
    QString documentId; // the vault's id for the attachment, recorded in the audit event
    QByteArray bytes;
    QString mediaType; // as recorded with the attachment; may be empty
    QString fileName;  // shown in the viewer's header only; never logged or audited
};

} // namespace mdp::viewer
