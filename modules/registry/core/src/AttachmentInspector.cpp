#include "mdp/registry/AttachmentInspector.h"

#include <QCoreApplication>

namespace mdp::registry {

namespace {

constexpr qint64 kHeadBytes = 512;
constexpr qint64 kTailBytes = 1024;
constexpr qint64 kReadChunk = 256 * 1024;

const QString kPdf = QStringLiteral("application/pdf");
const QString kPng = QStringLiteral("image/png");
const QString kJpeg = QStringLiteral("image/jpeg");
const QString kDicom = QStringLiteral("application/dicom");

QString tr(const char *text)
{
    return QCoreApplication::translate("mdp::registry::AttachmentInspector", text);
}

Error invalid(const QString &message)
{
    return makeError(Error::Code::InvalidArgument, message);
}

const QByteArray &pngSignature()
{
    static const QByteArray s = QByteArrayLiteral("\x89PNG\r\n\x1a\n");
    return s;
}

bool isPdfHead(QByteArrayView head)
{
    return head.startsWith("%PDF-");
}
bool isPngHead(QByteArrayView head)
{
    return head.startsWith(pngSignature());
}
bool isJpegHead(QByteArrayView head)
{
    return head.size() >= 3 && quint8(head[0]) == 0xFF && quint8(head[1]) == 0xD8 && quint8(head[2]) == 0xFF;
}
bool isDicomHead(QByteArrayView head)
{
    return head.size() >= 132 && head.sliced(128, 4) == "DICM";
}

QString mediaName(const QString &mediaType)
{
    if (mediaType == kPdf)
        return tr("a PDF document");
    if (mediaType == kPng)
        return tr("a PNG image");
    if (mediaType == kJpeg)
        return tr("a JPEG image");
    return tr("a DICOM file");
}

// The whole file is known only by its first bytes, its last bytes and its length.
Result<void> checkParts(QByteArrayView head, QByteArrayView tail, qint64 size, const QString &mediaType)
{
    auto notWhatItClaims = [&]() {
        const QString seen = AttachmentInspector::describe(head);
        const QString base =
            tr("The file is declared as %1 but its content is not one").arg(mediaName(mediaType));
        return invalid(seen.isEmpty() ? base + QLatin1Char('.')
                                      : base + tr(" (it looks like %1).").arg(seen));
    };
    if (mediaType == kPdf) {
        if (!isPdfHead(head))
            return notWhatItClaims();
        // A PDF ends with "%%EOF" (possibly followed by a line end); a cut-off download does not.
        if (!tail.contains("%%EOF"))
            return invalid(
                tr("The PDF document is truncated or damaged: its end-of-file marker is missing."));
        return {};
    }
    if (mediaType == kPng) {
        if (!isPngHead(head))
            return notWhatItClaims();
        static const QByteArray ihdr = QByteArrayLiteral("\x00\x00\x00\x0dIHDR");
        if (head.size() < 16 || head.sliced(8, 8) != ihdr)
            return invalid(tr("The PNG image is damaged: its header chunk is missing."));
        static const QByteArray iend = QByteArrayLiteral("\x00\x00\x00\x00IEND\xae\x42\x60\x82");
        if (!tail.endsWith(iend))
            return invalid(tr("The PNG image is truncated or damaged: its end chunk is missing."));
        return {};
    }
    if (mediaType == kJpeg) {
        if (!isJpegHead(head))
            return notWhatItClaims();
        // In entropy-coded data 0xFF is always followed by 0x00 or a restart marker, so an FFD9
        // near the end is the real end-of-image marker.
        static const QByteArray eoi = QByteArrayLiteral("\xff\xd9");
        if (size < 4 || !tail.contains(eoi))
            return invalid(tr("The JPEG image is truncated or damaged: its end-of-image marker is missing."));
        return {};
    }
    if (!isDicomHead(head))
        return notWhatItClaims();
    // Part 10: the meta information group (0002,xxxx), little endian, follows the prefix.
    if (head.size() < 140 || quint8(head[132]) != 0x02 || quint8(head[133]) != 0x00)
        return invalid(tr("The DICOM file is damaged: its meta information header is missing."));
    return {};
}

Result<void> checkDeclared(qint64 size, const QString &mediaType, qint64 maxBytes)
{
    if (!AttachmentInspector::supportedMediaTypes().contains(mediaType))
        return makeError(Error::Code::Unsupported,
                         tr("Files of type \"%1\" cannot be attached; PDF, PNG, JPEG and DICOM files can.")
                             .arg(mediaType.left(64)));
    if (size <= 0)
        return invalid(tr("The file is empty."));
    if (size > maxBytes)
        return invalid(tr("The file is too large (%1 MiB; the limit is %2 MiB).")
                           .arg(double(size) / (1024.0 * 1024.0), 0, 'f', 1)
                           .arg(double(maxBytes) / (1024.0 * 1024.0), 0, 'f', 0));
    return {};
}

} // namespace

QStringList AttachmentInspector::supportedMediaTypes()
{
    return {kPdf, kPng, kJpeg, kDicom};
}

QString AttachmentInspector::describe(QByteArrayView head)
{
    if (isPdfHead(head))
        return tr("a PDF document");
    if (isPngHead(head))
        return tr("a PNG image");
    if (isJpegHead(head))
        return tr("a JPEG image");
    if (isDicomHead(head))
        return tr("a DICOM file");
    if (head.startsWith("GIF8"))
        return tr("a GIF image");
    if (head.startsWith("PK\x03\x04"))
        return tr("a ZIP archive or office document");
    if (head.startsWith("\x7f"
                        "ELF") ||
        head.startsWith("MZ"))
        return tr("a program");
    return {};
}

Result<void> AttachmentInspector::check(QByteArrayView content, const QString &mediaType, qint64 maxBytes)
{
    if (auto r = checkDeclared(content.size(), mediaType, maxBytes); !r)
        return r;
    const qint64 size = content.size();
    return checkParts(content.first(std::min(size, kHeadBytes)), content.last(std::min(size, kTailBytes)),
                      size, mediaType);
}

Result<void> AttachmentInspector::check(QIODevice &content, qint64 size, const QString &mediaType,
                                        qint64 maxBytes)
{
    if (auto r = checkDeclared(size, mediaType, maxBytes); !r)
        return r;
    QByteArray head;
    QByteArray tail;
    qint64 seen = 0;
    // An empty read is the end, or a failure (a vault chunk that fails authentication): the length
    // check below tells them apart.
    while (true) {
        const QByteArray chunk = content.read(kReadChunk);
        if (chunk.isEmpty())
            break;
        if (seen + chunk.size() > size)
            return invalid(tr("The file is longer than announced."));
        if (head.size() < kHeadBytes)
            head.append(chunk.first(std::min<qint64>(chunk.size(), kHeadBytes - head.size())));
        tail.append(chunk);
        if (tail.size() > kTailBytes)
            tail = tail.right(kTailBytes);
        seen += chunk.size();
    }
    if (seen != size) {
        const QString why = content.errorString();
        return makeError(Error::Code::Io,
                         tr("The file could not be read to its end (%1 of %2 bytes)%3")
                             .arg(seen)
                             .arg(size)
                             .arg(why.isEmpty() ? QStringLiteral(".") : QStringLiteral(": ") + why));
    }
    return checkParts(head, tail, size, mediaType);
}

Result<void> AttachmentInspector::checkFileName(const QString &fileName)
{
    if (fileName.trimmed().isEmpty())
        return invalid(tr("The file name is empty."));
    if (fileName.size() > 255)
        return invalid(tr("The file name is longer than 255 characters."));
    for (QChar c : fileName) {
        if (c == u'/' || c == u'\\')
            return invalid(tr("The file name must not contain folders."));
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            return invalid(tr("The file name contains control characters."));
    }
    if (fileName == u"." || fileName == u"..")
        return invalid(tr("The file name is not a name."));
    return {};
}

} // namespace mdp::registry
