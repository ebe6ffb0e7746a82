#pragma once

#include "mdp/cohort/DocumentRenderer.h"

namespace mdp::cohort {

// Paints the cohort's documents with QtGui into memory: A4 PDF reports through QPdfWriter on a
// QBuffer, pictures as PNG from a QImage. Chinese text uses Noto Sans CJK SC (fonts-noto-cjk).
// Needs a QGuiApplication (the offscreen platform is enough); never touches the file system.
// Every page carries a "synthetic demo data" note so a printout cannot pass for a real record.
class QtDocumentRenderer final : public DocumentRenderer
{
public:
    QtDocumentRenderer();
    Result<QByteArray> renderPathologyReport(const PathologyReportData &data) override;
    Result<QByteArray> renderDoseSummary(const DoseSummaryData &data) override;
    Result<QByteArray> renderImage(ImageKind kind, quint64 seed, int lesionMm, bool left) override;
};

} // namespace mdp::cohort
