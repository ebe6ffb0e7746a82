#pragma once

#include "mdp/foundation/Result.h"

#include <QString>

namespace mdp::deid {

// A made-up DICOM image (never a real patient) for benchmarks and tests: a CT-like header with
// identifying attributes, a nested sequence with a referenced instance, private attributes and
// pixel data of rows x columns 16-bit samples.
struct SyntheticDicomSpec
{
    QString patientId = QStringLiteral("PID-0001");
    QString patientName = QStringLiteral("Zhang^San");
    QString birthDate = QStringLiteral("19700315");
    QString studyUid = QStringLiteral("1.2.826.0.1.3680043.2.1125.1");
    QString seriesUid = QStringLiteral("1.2.826.0.1.3680043.2.1125.1.1");
    QString sopUid = QStringLiteral("1.2.826.0.1.3680043.2.1125.1.1.1");
    QString frameOfReferenceUid = QStringLiteral("1.2.826.0.1.3680043.2.1125.1.9");
    QString referencedSopUid; // (0008,1140) item's instance; empty: none
    QString studyDate = QStringLiteral("20240102");
    QString acquisitionDateTime = QStringLiteral("20240102093000");
    QString modality = QStringLiteral("CT");
    QString sopClassUid = QStringLiteral("1.2.840.10008.5.1.4.1.1.2"); // CT Image Storage
    QString manufacturer = QStringLiteral("ACME Medical");
    QString model = QStringLiteral("Scanner 9000");
    QString burnedInAnnotation; // empty: attribute absent
    QString studyDescription = QStringLiteral("CT chest for Zhang San, phone 13812345678");
    int rows = 64;
    int columns = 64;
    bool pixelData = true;
};

// Writes the file (Part 10, explicit VR little endian).
Result<void> writeSyntheticDicom(const QString &path, const SyntheticDicomSpec &spec);

} // namespace mdp::deid
