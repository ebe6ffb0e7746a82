#pragma once

#include <QDateTime>
#include <QString>
#include <QUuid>

namespace mdp::registry {

// What the caller hands to Registry::attach: a file already stored in the encrypted vault.
struct AttachmentDraft
{
    QString blobId;    // mdp::store::Vault id
    QString mediaType; // "application/pdf", "image/png", "image/jpeg", "application/dicom"
    QString fileName;  // shown to people; no folders
};

// A file linked to a timeline event (R-6.1.2c).
struct Attachment
{
    QUuid id;
    QUuid eventId;
    QString blobId;
    QString mediaType;
    QString fileName;
    qint64 size = 0;
    QDateTime added;
    QString addedBy;
    bool removed = false;
    QDateTime removedAt;
    QString removedBy;

    QString idString() const { return id.toString(QUuid::WithoutBraces); }
};

} // namespace mdp::registry
