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
    // Another patient holds one of the draft's identifiers, verified on neither side: createPatient
    // refuses with Conflict unless the operator decides (DuplicateDecision).
    std::optional<DuplicateFound> sameIdentifier;
    QList<ProbableMatch> probable; // createPatient would queue these pairs
};

// The operator's answer when registration was refused because another patient holds the same
// identifier, verified on neither side (R-6.1.1b): register a separate person anyway, saying why.
// The decision and its reason are audited, and the pair stays queued in possibleDuplicates() for a
// data manager to merge or dismiss.
struct DuplicateDecision
{
    enum class Choice
    {
        None,
        CreateSeparate,
    };
    Choice choice = Choice::None;
    QString reason;
};

} // namespace mdp::registry
