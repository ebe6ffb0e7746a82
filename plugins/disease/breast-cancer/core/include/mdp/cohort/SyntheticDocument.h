#pragma once

#include <QDate>
#include <QList>
#include <QString>

namespace mdp::cohort {

// One line of an immunohistochemistry or molecular result on a pathology report.
struct MarkerResult
{
    QString marker; // "ER", "PR", "HER2", "Ki-67", "FISH", "CK5/6" ...
    QString result; // "90% 强阳性", "(2+)", "未扩增" ...
};

// What a pathology report shows (core-needle biopsy or the surgical specimen).
struct PathologyReportData
{
    QString hospital;
    QString reportNumber;
    QString patientName;
    QString sexLabel;
    int ageYears = 0;
    QString medicalRecordNumber;
    QString specimen; // "左乳肿物空芯针穿刺组织"
    QDate received;
    QDate reported;
    QString grossDescription;
    QString diagnosis; // main line, e.g. "(左乳)浸润性导管癌, 组织学分级 III 级"
    QList<MarkerResult> markers;
    QStringList findings; // further lines: margins, nodes, ypTNM, RCB, TILs
    QString pathologist;
    QString reviewer;
};

// One organ-at-risk or target row of a dose summary.
struct DoseMetric
{
    QString structure; // "心脏", "同侧肺", "PTV"
    QString metric;    // "Dmean", "V20", "V5", "Dmax", "V95%"
    double value = 0;
    QString unit;       // "Gy" or "%"
    QString constraint; // "< 4 Gy"
    bool met = true;
};

// What a radiotherapy dose summary shows: the prescription, the plan and the dose table.
struct DoseSummaryData
{
    QString hospital;
    QString patientName;
    QString medicalRecordNumber;
    QString planName;
    QString target;    // "左乳 + 区域淋巴结"
    QString technique; // "VMAT", "IMRT", "3D-CRT"
    QString energy;    // "6 MV"
    double totalDoseGy = 0;
    int fractions = 0;
    double dosePerFractionGy = 0;
    QDate start;
    QDate end;
    QList<DoseMetric> metrics;
    QString physician;
    QString physicist;
};

enum class ImageKind
{
    BreastUltrasound, // B-mode sector with a hypoechoic mass
    DoseDistribution, // axial slice with a dose colour wash and isodose lines
};

// A file to render and attach to the event it belongs to.
struct SyntheticDocument
{
    enum class Kind
    {
        PathologyReport,
        DoseSummary,
        Image
    };
    Kind kind = Kind::PathologyReport;
    QString fileName;              // shown to people; no folders
    PathologyReportData pathology; // for PathologyReport
    DoseSummaryData dose;          // for DoseSummary
    ImageKind imageKind = ImageKind::BreastUltrasound;
    quint64 imageSeed = 0; // for Image: the picture depends on this only
    // For Image: what the picture shows, derived from the event (lesion size, laterality ...).
    int lesionMm = 0;
    bool left = true;
};

} // namespace mdp::cohort
