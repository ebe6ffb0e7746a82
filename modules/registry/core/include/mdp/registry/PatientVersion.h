#pragma once

#include "mdp/registry/Patient.h"

#include <QDateTime>
#include <QString>

namespace mdp::registry {

// A patient's demographic state as it was after one change (creation, update, new identifier).
struct PatientVersion
{
    int version = 0;
    Patient state;  // identifiers as they were at that version
    QString change; // "create", "update", "add-identifier"
    QString reason;
    QDateTime changedAt;
    QString changedBy;
};

} // namespace mdp::registry
