#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QUuid>

namespace mdp::registry {

enum class DuplicateStatus
{
    Open,
    Dismissed,
    Merged
};
QString duplicateStatusId(DuplicateStatus status); // "open", "dismissed", "merged"

// A pair of patients that may be one person, queued for an operator (R-6.1.1b).
struct DuplicateCandidate
{
    qint64 id = 0;
    QUuid patientA;
    QUuid patientB;
    QString pseudonymA;
    QString pseudonymB;
    double score = 0;    // 0..1
    QStringList reasons; // "same-name", "same-pinyin", "similar-pinyin", "same-identifier-unverified"
    DuplicateStatus status = DuplicateStatus::Open;
    QDateTime created;
    QDateTime resolved;
    QString resolvedBy;
    QString resolution; // the operator's reason
};

} // namespace mdp::registry
