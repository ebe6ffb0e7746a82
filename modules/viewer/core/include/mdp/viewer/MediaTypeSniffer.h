#pragma once

#include "mdp/foundation/Result.h"
#include "mdp/viewer/DocumentKind.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace mdp::viewer {

// Decides what a document is from its content. The media type recorded with an attachment and its
// file name are only claims: a claim the content contradicts is refused, so a renamed or tampered
// file never reaches a decoder chosen by its label.
class MediaTypeSniffer
{
    Q_DECLARE_TR_FUNCTIONS(mdp::viewer::MediaTypeSniffer)

public:
    // From the leading bytes only: "%PDF-" (within the first 1024 bytes, as PDF readers allow),
    // the PNG signature, the JPEG SOI marker, "DICM" after the 128-byte DICOM Part 10 preamble.
    static DocumentKind sniff(const QByteArray &bytes);

    // "application/pdf", "image/png", "image/jpeg", "application/dicom" and common aliases;
    // parameters ("; charset=...") and case are ignored. Unknown for anything else.
    static DocumentKind fromMediaType(const QString &mediaType);
    static DocumentKind fromFileName(const QString &fileName);

    // The canonical media type ("application/pdf"); empty for Unknown.
    static QString mediaType(DocumentKind kind);
    // A short name for people ("PDF", "PNG image").
    static QString displayName(DocumentKind kind);

    // The kind to preview. The content wins; a declared media type naming another kind, or a
    // declared or file-name kind the content does not bear out, is an error whose message says why
    // (phrased to follow "This document cannot be shown: ").
    static Result<DocumentKind> resolve(const QByteArray &bytes, const QString &declaredMediaType,
                                        const QString &fileName = QString());
};

} // namespace mdp::viewer
