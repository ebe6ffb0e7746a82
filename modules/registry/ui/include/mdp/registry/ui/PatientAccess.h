#pragma once

#include <QStringList>

namespace mdp::registry::ui {

// What the patient screens show to which roles. Showing is a convenience: the registry service
// checks the signed-in principal again (and the permission engine will refine identity per patient).
class PatientAccess
{
public:
    // Roles that work with de-identified data (researcher, ethics reviewer) see pseudonymous IDs only.
    static bool showsIdentity(const QStringList &roleIds);
    // Register patients, change timelines, attach files and merge records.
    static bool mayEdit(const QStringList &roleIds);
    // Everyone who works with patient data sees the patient pages.
    static bool seesPatients(const QStringList &roleIds);
};

} // namespace mdp::registry::ui
