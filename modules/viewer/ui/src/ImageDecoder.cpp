#include "ImageDecoder.h"

#include "ViewerLogging.h"

#include <QBuffer>
#include <QImageReader>

namespace mdp::viewer::ui {

namespace {

// QImageReader's allocation limit is process-wide; hold ours only while this decode runs (the viewer
// decodes on the GUI thread, one image at a time).
class AllocationLimitScope
{
public:
    explicit AllocationLimitScope(int megabytes)
        : m_previous(QImageReader::allocationLimit())
    {
        QImageReader::setAllocationLimit(megabytes);
    }
    ~AllocationLimitScope() { QImageReader::setAllocationLimit(m_previous); }
    AllocationLimitScope(const AllocationLimitScope &) = delete;
    AllocationLimitScope &operator=(const AllocationLimitScope &) = delete;

private:
    int m_previous;
};

} // namespace

Result<QImage> ImageDecoder::decode(const QByteArray &bytes, DocumentKind kind, const PreviewLimits &limits)
{
    QByteArray data = bytes; // shared, not copied: QBuffer needs a non-const array
    QBuffer buffer(&data);
    if (!buffer.open(QIODevice::ReadOnly))
        return makeError(Error::Code::Io, tr("the image could not be read from memory"));

    const QByteArray format =
        kind == DocumentKind::Png ? QByteArrayLiteral("png") : QByteArrayLiteral("jpeg");
    QImageReader reader(&buffer, format);
    reader.setDecideFormatFromContent(false);
    reader.setAutoTransform(true);

    if (!reader.canRead())
        return makeError(Error::Code::Corrupt, tr("the image data could not be decoded"));

    const QSize size = reader.size();
    if (size.isValid()) {
        if (size.isEmpty())
            return makeError(Error::Code::Corrupt, tr("the image has no pixels"));
        const qint64 pixels = qint64(size.width()) * qint64(size.height());
        if (pixels > limits.maxImagePixels) {
            qCInfo(lcViewer) << "image refused: header claims" << size << "pixels over the limit";
            return makeError(Error::Code::InvalidArgument,
                             tr("the image is too large to preview safely (%1 × %2 pixels; the limit is %3 "
                                "megapixels)")
                                 .arg(size.width())
                                 .arg(size.height())
                                 .arg(limits.maxImagePixels / 1000000));
        }
    }

    QImage image;
    {
        const AllocationLimitScope scope(limits.imageAllocationLimitMb);
        image = reader.read();
    }
    if (image.isNull()) {
        qCInfo(lcViewer) << "image refused: decoder error" << reader.error();
        return makeError(Error::Code::Corrupt, tr("the image data could not be decoded"));
    }
    if (qint64(image.width()) * qint64(image.height()) > limits.maxImagePixels)
        return makeError(Error::Code::InvalidArgument, tr("the image is too large to preview safely"));
    return image;
}

} // namespace mdp::viewer::ui
