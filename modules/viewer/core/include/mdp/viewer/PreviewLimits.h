#pragma once

#include <QtGlobal>

namespace mdp::viewer {

// Bounds that keep a hostile or oversized attachment from exhausting memory while previewing.
struct PreviewLimits
{
    qint64 maxBytes = 512LL * 1024 * 1024;              // larger attachments are not previewed
    qint64 maxImagePixels = 80LL * 1000 * 1000;         // decoded pixels (width x height) of one image
    int imageAllocationLimitMb = 512;                   // QImageReader's cap while decoding
    qint64 maxPdfPageRenderPixels = 16LL * 1024 * 1024; // larger page renders are clipped to the view
};

} // namespace mdp::viewer
