#pragma once

#include "mdp/registry/PatientContact.h"
#include "mdp/registry/PatientIdentifier.h"
#include "mdp/registry/PersonName.h"
#include "mdp/registry/Sex.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QUuid>

namespace mdp::registry {

// What an operator enters for a new patient, or the new demographic state in an update.
struct PatientDraft
{
    PersonName name;
    Sex sex = Sex::Unknown;
    QDate birthDate;
    PatientContact contact;
    QList<PatientIdentifier> identifiers; // used by createPatient; updatePatient ignores it
};

// One entry of the master patient index (R-6.1.1c). `pseudonymId` is the only identifier that may
// leave the registry in logs, audit events and messages.
struct Patient
{
    QUuid id;            // internal, random
    QString pseudonymId; // "P-" + 12 base32 characters, keyed (see Pseudonymizer)
    PersonName name;
    QString pinyin;         // full pinyin of the name, lower case, no spaces ("zhangsan")
    QString pinyinInitials; // "zs"
    Sex sex = Sex::Unknown;
    QDate birthDate;
    PatientContact contact;
    QList<PatientIdentifier> identifiers;
    QDateTime created;
    QString createdBy;
    QDateTime updated;
    QString updatedBy;
    int version = 0;
    QUuid mergedInto; // set while this record is merged into another (the survivor)

    bool isMerged() const { return !mergedInto.isNull(); }
    QString idString() const { return id.toString(QUuid::WithoutBraces); }
};

} // namespace mdp::registry
