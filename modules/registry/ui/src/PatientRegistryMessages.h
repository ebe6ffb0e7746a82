#pragma once

#include <QList>

namespace mdp::registry::ui {

// One message of the registry module, in the context it is translated in.
struct PatientRegistryMessage
{
    const char *context;
    const char *text;
};

// The registry's messages reach the patient dialogs (a resident ID's fault, a refused file, a merge
// that cannot be undone). The registry translates them with QCoreApplication::translate in its own
// contexts but ships no catalogue, and lupdate cannot read those contexts from its sources; this
// list hands them to the shell's catalogue. Keep it in step with the registry's sources.
class PatientRegistryMessages
{
public:
    static QList<PatientRegistryMessage> all();
};

} // namespace mdp::registry::ui
