#pragma once

#include "mdp/forms/FormDefinition.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

namespace mdp::forms {

// One changed field between two versions of a record's values (R-6.2.4b).
struct FieldChange
{
    enum class Kind
    {
        Added,   // empty before
        Removed, // empty after
        Changed,
    };
    QString fieldPath; // "totalDoseGy", "cycles[1].dose"; group rows are matched by position
    Kind kind = Kind::Changed;
    QJsonValue before;
    QJsonValue after;
    bool operator==(const FieldChange &) const = default;
};

// Field-level differences in form order (sections, then fields, group rows by index).
QList<FieldChange> diffRecords(const FormDefinition &definition, const QJsonObject &before,
                               const QJsonObject &after);

// A value as people read it: option labels for choices, unit for numbers, "—" for empty.
QString displayValue(const FieldDefinition &field, const QJsonValue &value, QStringView language);

} // namespace mdp::forms
