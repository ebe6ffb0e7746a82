#pragma once

#include <QString>

namespace mdp::registry {

struct PatientContact
{
    QString phone;
    QString email;
    QString address;

    bool operator==(const PatientContact &) const = default;
};

} // namespace mdp::registry
