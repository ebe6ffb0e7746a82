#include "mdp/viewer/MediaTypeSniffer.h"

namespace mdp::viewer {

namespace {

// PDF readers accept a header that does not start at byte 0 (ISO 32000-2 tolerates leading junk);
// PDFium searches the first kilobyte, and so do we.
constexpr qsizetype PdfHeaderWindow = 1024;
constexpr qsizetype DicomPreambleLength = 128;

bool startsWith(const QByteArray &bytes, const char *prefix, qsizetype length)
{
    return bytes.size() >= length && std::equal(prefix, prefix + length, bytes.constData());
}

} // namespace

DocumentKind MediaTypeSniffer::sniff(const QByteArray &bytes)
{
    static const char png[] = {'\x89', 'P', 'N', 'G', '\r', '\n', '\x1a', '\n'};
    if (startsWith(bytes, png, sizeof(png)))
        return DocumentKind::Png;
    if (startsWith(bytes, "\xff\xd8\xff", 3))
        return DocumentKind::Jpeg;
    const qsizetype pdf = bytes.left(PdfHeaderWindow).indexOf("%PDF-");
    if (pdf >= 0)
        return DocumentKind::Pdf;
    if (bytes.size() >= DicomPreambleLength + 4 && bytes.mid(DicomPreambleLength, 4) == "DICM")
        return DocumentKind::Dicom;
    return DocumentKind::Unknown;
}

DocumentKind MediaTypeSniffer::fromMediaType(const QString &mediaType)
{
    const QString type = mediaType.section(u';', 0, 0).trimmed().toLower();
    if (type == u"application/pdf" || type == u"application/x-pdf")
        return DocumentKind::Pdf;
    if (type == u"image/png")
        return DocumentKind::Png;
    if (type == u"image/jpeg" || type == u"image/jpg" || type == u"image/pjpeg")
        return DocumentKind::Jpeg;
    if (type == u"application/dicom")
        return DocumentKind::Dicom;
    return DocumentKind::Unknown;
}

DocumentKind MediaTypeSniffer::fromFileName(const QString &fileName)
{
    const QString suffix = fileName.section(u'.', -1).toLower();
    if (!fileName.contains(u'.'))
        return DocumentKind::Unknown;
    if (suffix == u"pdf")
        return DocumentKind::Pdf;
    if (suffix == u"png")
        return DocumentKind::Png;
    if (suffix == u"jpg" || suffix == u"jpeg" || suffix == u"jpe")
        return DocumentKind::Jpeg;
    if (suffix == u"dcm" || suffix == u"dicom")
        return DocumentKind::Dicom;
    return DocumentKind::Unknown;
}

QString MediaTypeSniffer::mediaType(DocumentKind kind)
{
    switch (kind) {
    case DocumentKind::Pdf:
        return QStringLiteral("application/pdf");
    case DocumentKind::Png:
        return QStringLiteral("image/png");
    case DocumentKind::Jpeg:
        return QStringLiteral("image/jpeg");
    case DocumentKind::Dicom:
        return QStringLiteral("application/dicom");
    case DocumentKind::Unknown:
        break;
    }
    return QString();
}

QString MediaTypeSniffer::displayName(DocumentKind kind)
{
    switch (kind) {
    case DocumentKind::Pdf:
        return tr("PDF");
    case DocumentKind::Png:
        return tr("PNG image");
    case DocumentKind::Jpeg:
        return tr("JPEG image");
    case DocumentKind::Dicom:
        return tr("DICOM file");
    case DocumentKind::Unknown:
        break;
    }
    return tr("unknown type");
}

Result<DocumentKind> MediaTypeSniffer::resolve(const QByteArray &bytes, const QString &declaredMediaType,
                                               const QString &fileName)
{
    if (bytes.isEmpty())
        return makeError(Error::Code::InvalidArgument, tr("the file is empty"));

    const DocumentKind content = sniff(bytes);
    const DocumentKind declared = fromMediaType(declaredMediaType);
    const bool declaresSomething = !declaredMediaType.trimmed().isEmpty() &&
                                   declaredMediaType.trimmed().toLower() != u"application/octet-stream";

    if (declared != DocumentKind::Unknown && content != declared) {
        if (content == DocumentKind::Unknown) {
            return makeError(
                Error::Code::Corrupt,
                tr("the file is labelled as a %1 but its content is not one").arg(displayName(declared)));
        }
        return makeError(Error::Code::Corrupt, tr("the file is labelled as a %1 but its content is a %2")
                                                   .arg(displayName(declared), displayName(content)));
    }
    if (content != DocumentKind::Unknown)
        return content;

    // Nothing recognisable inside: say what the label promised, if anything did.
    const DocumentKind named = fromFileName(fileName);
    if (named != DocumentKind::Unknown) {
        return makeError(
            Error::Code::Corrupt,
            tr("the file is named like a %1 but its content is not one").arg(displayName(named)));
    }
    if (declaresSomething) {
        return makeError(Error::Code::Unsupported,
                         tr("files of type %1 cannot be previewed").arg(declaredMediaType.trimmed()));
    }
    return makeError(Error::Code::Unsupported, tr("the file type is not recognised"));
}

} // namespace mdp::viewer
