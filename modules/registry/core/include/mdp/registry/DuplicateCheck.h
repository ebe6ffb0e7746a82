#pragma once

#include "mdp/registry/PatientIdentifier.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <optional>

namespace mdp::registry {

// The existing patient that already holds a verified identifier of a draft: saving the draft is
// refused and the operator is offered this record instead (or a merge).
struct DuplicateFound
{
    QUuid patientId;
    QString pseudonymId;
    IdentifierType identifierType = IdentifierType::Other;
};

// A patient that looks like the draft (name or pinyin, birth date, sex; or an unverified identifier).
struct ProbableMatch
{
    QUuid patientId;
    QString pseudonymId;
    double score = 0;
    QStringList reasons;
};

// What Registry::checkDuplicates found for a draft, before saving it.
struct DuplicateCheck
{
    std::optional<DuplicateFound> blocking; // createPatient would refuse with AlreadyExists
    QList<ProbableMatch> probable;          // createPatient would queue these pairs
};

} // namespace mdp::registry
