#pragma once

#include "mdp/registry/EventType.h"
#include "mdp/registry/EventVersion.h"
#include "mdp/registry/PatientIdentifier.h"
#include "mdp/registry/Sex.h"

#include <QCoreApplication>
#include <QDate>
#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace mdp::registry::ui {

// Words the patient pages show for the registry's stable ids (event types, sexes, changes, duplicate
// reasons, structured-detail keys), translated in the context "mdp::registry::ui::PatientText".
class PatientText
{
    Q_DECLARE_TR_FUNCTIONS(mdp::registry::ui::PatientText)

public:
    static QString sexName(registry::Sex sex);
    static QString eventTypeName(registry::EventType type);
    static QString changeName(registry::EventChange change);
    static QString identifierTypeName(registry::IdentifierType type);
    // "same-name" -> "same name"; unknown ids are shown as they are.
    static QString duplicateReason(const QString &reasonId);
    static QString duplicateReasons(const QStringList &reasonIds);
    // "pseudonym" -> "pseudonymous ID", ...
    static QString matchedField(const QString &fieldId);

    // Completed years on `today`; -1 for an unknown birth date.
    static int age(QDate birthDate, QDate today);
    // "52 y" / "52岁"; empty for an unknown birth date.
    static QString ageText(QDate birthDate, QDate today);

    // A person-readable label for a key of an event's structured detail ("totalDoseGy" -> "Total dose
    // (Gy)"); keys without a label are split at their capitals ("nodesExamined" -> "Nodes examined").
    static QString fieldLabel(const QString &key);
    // A scalar JSON value as text: numbers without trailing zeros, booleans as yes/no.
    static QString valueText(const QJsonValue &value);
};

} // namespace mdp::registry::ui
