#pragma once

#include "mdp/foundation/Result.h"
#include "mdp/viewer/DocumentKind.h"
#include "mdp/viewer/PreviewLimits.h"

#include <QCoreApplication>
#include <QImage>

namespace mdp::viewer::ui {

// Decodes a PNG or JPEG from memory with bounds: the header's dimensions are checked against the
// pixel limit before any pixel buffer is allocated, and QImageReader's allocation limit guards
// headers that under-report. EXIF orientation is applied.
class ImageDecoder
{
    Q_DECLARE_TR_FUNCTIONS(mdp::viewer::ui::ImageDecoder)

public:
    // Error messages follow "This document cannot be shown: ".
    static Result<QImage> decode(const QByteArray &bytes, DocumentKind kind, const PreviewLimits &limits);
};

} // namespace mdp::viewer::ui
