#pragma once

#include "mdp/registry/Patient.h"

#include <QList>

namespace mdp::registry {

struct PageRequest
{
    int offset = 0;
    int limit = 50; // at most 500
    bool includeMerged = false;
};

// One page of the master patient index, oldest registration first.
struct PatientPage
{
    QList<Patient> patients;
    qint64 total = 0;
};

} // namespace mdp::registry
