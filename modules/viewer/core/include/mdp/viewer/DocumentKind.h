#pragma once

namespace mdp::viewer {

// What a document's bytes are, as far as previewing is concerned.
enum class DocumentKind
{
    Unknown,
    Pdf,
    Png,
    Jpeg,
    Dicom,
};

} // namespace mdp::viewer
