#pragma once

#include "mdp/foundation/Result.h"
#include "mdp/registry/Sex.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <functional>
#include <optional>

namespace mdp::registry {

// Who is searching and what they may see (R-6.4.1a; R-6.4.1b plugs in through `mayAccess`).
struct SearchFilter
{
    // Roles that may see identity (clinicians, data managers) search and see names and pinyin;
    // everybody else matches on pseudonymous IDs (and diagnosis text, later) only.
    bool identityVisible = false;
    QStringList roles;
    std::optional<Sex> sex;
    bool includeMerged = false;
    // The permission engine's verdict per patient; unset means every patient the role reaches.
    std::function<bool(const QUuid &patientId)> mayAccess;
};

struct PatientHit
{
    QUuid patientId;
    QString pseudonymId;
    QString displayName; // empty unless the filter allows identity
    Sex sex = Sex::Unknown;
    QDate birthDate;
    QString diagnosis;    // the patient's diagnoses as one line ("浸润性导管癌 · TNBC"), when known
    double score = 0;     // higher is better; comparable within one result list only
    QString matchedField; // "pseudonym", "name", "pinyin", "initials", "diagnosis"
};

// The registry's one search box, implemented by the in-memory search index
// (mdp::search::IndexedPatientSearch): names are sealed at rest, so no SQL scan can match them.
class PatientSearch
{
public:
    virtual ~PatientSearch() = default;
    virtual Result<QList<PatientHit>> search(QString query, int limit, const SearchFilter &filter) = 0;
};

} // namespace mdp::registry
