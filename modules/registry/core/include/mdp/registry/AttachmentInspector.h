#pragma once

#include "mdp/foundation/Result.h"

#include <QByteArrayView>
#include <QIODevice>
#include <QString>
#include <QStringList>

namespace mdp::registry {

// Checks that a file is what it claims to be before it is linked to an event: the declared media
// type must be one the viewer shows, and the bytes must look like it from the first to the last
// (PDF "%PDF-" ... "%%EOF"; PNG signature, IHDR first and IEND last; JPEG SOI ... EOI; DICOM Part 10
// "DICM" at offset 128 followed by the group 0002 meta header). Hostile or damaged files are refused
// with a message saying what is wrong, never parsed further here.
class AttachmentInspector
{
public:
    static constexpr qint64 kDefaultMaxBytes = 200LL * 1024 * 1024;

    static QStringList supportedMediaTypes();
    // Error codes: Unsupported (media type), InvalidArgument (empty, too large, content does not
    // match), Io (the device failed mid-read, e.g. a vault chunk failed authentication).
    static Result<void> check(QByteArrayView content, const QString &mediaType,
                              qint64 maxBytes = kDefaultMaxBytes);
    // Streams `content` once (e.g. a vault read device); `size` is its announced length.
    static Result<void> check(QIODevice &content, qint64 size, const QString &mediaType,
                              qint64 maxBytes = kDefaultMaxBytes);
    // "PDF document", "PNG image", ... for messages; empty when nothing is recognised.
    static QString describe(QByteArrayView head);
    // Refuses names with folders, control characters or more than 255 characters.
    static Result<void> checkFileName(const QString &fileName);
};

} // namespace mdp::registry
