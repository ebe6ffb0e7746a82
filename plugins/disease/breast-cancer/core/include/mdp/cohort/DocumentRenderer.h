#pragma once

#include "mdp/cohort/SyntheticDocument.h"
#include "mdp/foundation/Result.h"

#include <QByteArray>

namespace mdp::cohort {

// Turns document data into file bytes. Declared here (Qt Core) and implemented where painting is
// allowed (QtDocumentRenderer, layer ui), so the cohort core never links QtGui; the program that
// needs documents injects one. Bytes stay in memory: implementations never write files.
// CohortImporter calls it from a worker thread (one call at a time), so implementations must not
// depend on the GUI thread (painting into QImage and QPdfWriter is allowed off it).
class DocumentRenderer
{
public:
    virtual ~DocumentRenderer() = default;
    // PDF documents ("%PDF-" ... "%%EOF").
    virtual Result<QByteArray> renderPathologyReport(const PathologyReportData &data) = 0;
    virtual Result<QByteArray> renderDoseSummary(const DoseSummaryData &data) = 0;
    // A PNG picture that depends only on the arguments.
    virtual Result<QByteArray> renderImage(ImageKind kind, quint64 seed, int lesionMm, bool left) = 0;
};

} // namespace mdp::cohort
