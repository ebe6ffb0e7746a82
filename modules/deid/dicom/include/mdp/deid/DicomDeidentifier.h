#pragma once

#include "mdp/foundation/Result.h"

#include <QByteArray>
#include <QList>
#include <QRect>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace mdp::deid {

// Pixel areas known to carry burned-in text on one kind of image (one device model at one image
// size): blanked before the image may leave, after which BurnedInAnnotation becomes NO.
struct BurnedInTextRule
{
    QString manufacturer; // (0008,0070), compared case-insensitively after trimming
    QString model;        // (0008,1090); empty matches any model of the manufacturer
    int rows = 0;
    int columns = 0;
    QList<QRect> areas; // in pixel coordinates of every frame
};

// Rules from JSON: [{"manufacturer": "...", "model": "...", "rows": 480, "columns": 640,
// "areas": [[x, y, width, height], ...]}, ...]. InvalidArgument naming the first bad entry.
Result<QList<BurnedInTextRule>> parseBurnedInTextRules(const QByteArray &json);

// The options of PS3.15 E.3 this implementation offers on top of the Basic Application Level
// Confidentiality Profile (R-6.6.5b: the strategy follows the use).
struct DicomDeidOptions
{
    bool retainModifiedDates = false;          // dates shifted by a per-patient offset (113107)
    bool retainPatientCharacteristics = false; // sex, age, size, weight... (113108)
    bool retainDeviceIdentity = false;         // device serial numbers, station names... (113109)
    bool cleanDescriptors = false;             // free-text descriptors kept, identifiers removed (113105)
    bool retainSafePrivate = false;            // private attributes known to be safe (113111)
    QList<BurnedInTextRule> burnedInTextRules; // pixel cleaning (113101 when one was applied)
};

// A named set of options for `mdp deid dicom --profile NAME`.
struct DicomDeidProfile
{
    QString name;
    QString description;
    DicomDeidOptions options;
};
QList<DicomDeidProfile> dicomDeidProfiles();
std::optional<DicomDeidProfile> dicomDeidProfile(const QString &name);

enum class DicomDeidOutcome
{
    Written,     // de-identified and written
    Quarantined, // may carry burned-in text no rule cleans: not written
    Refused      // not DICOM, malformed or not writable: not written
};

struct DicomFileResult
{
    QString input;  // path as given or found
    QString output; // where it was written (Written only)
    DicomDeidOutcome outcome = DicomDeidOutcome::Refused;
    QString reason; // why it was not written; empty when written. Never holds identifying values.
};

struct DicomRunReport
{
    QList<DicomFileResult> files; // in the order processed
    int written() const;
    int quarantined() const;
    int refused() const;
};

// De-identification of DICOM files following PS3.15 Table E.1-1 of edition 2024b, all rows, through
// DCMTK (R-6.6.5a-c). Each file is checked before it is parsed (lengths, nesting, truncation),
// de-identified in memory and written under a temporary name in the output folder, then renamed:
// identified data is never written, and a refused file leaves nothing behind.
//
// The key makes the run reproducible: UIDs map to "2.25.<128 bits of HMAC-SHA256(key, uid)>", the
// patient pseudonym and the per-patient date offset are HMACs of the original patient ID, so files of
// one study (and of one patient across runs with the same key) stay consistent.
class DicomDeidentifier
{
public:
    // `key` must hold at least 16 bytes.
    DicomDeidentifier(DicomDeidOptions options, QByteArray key);
    ~DicomDeidentifier();
    DicomDeidentifier(const DicomDeidentifier &) = delete;
    DicomDeidentifier &operator=(const DicomDeidentifier &) = delete;

    // One file to one file (the output's folder is created).
    DicomFileResult deidentifyFile(const QString &input, const QString &output) const;
    // The de-identified Part 10 bytes of `dicom`, or why not (Error::Code::Corrupt for malformed or
    // non-DICOM input, Unsupported for a quarantine).
    Result<QByteArray> deidentifyBytes(const QByteArray &dicom) const;
    // Every file under `inputDir`, recursively, to the same relative path under `outputDir`; goes on
    // after a refused file. `progress` (optional) hears each result as it comes.
    DicomRunReport deidentifyFolder(const QString &inputDir, const QString &outputDir,
                                    const std::function<void(const DicomFileResult &)> &progress = {}) const;

    // The replacement of one UID (the same for the same key).
    QString remapUid(const QString &uid) const;
    // The offset in days applied to the dates of the patient with this ID (modified-dates option).
    int dateOffsetDays(const QString &patientId) const;
    // The pseudonym that replaces this patient ID (and the patient's name).
    QString patientPseudonym(const QString &patientId) const;

    // The nesting depth of sequences beyond which a file is refused.
    static constexpr int kMaxSequenceDepth = 16;
    // Files larger than this are refused (read whole into memory).
    static constexpr qint64 kMaxFileSize = qint64(1) << 30;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace mdp::deid
