#pragma once

#include "mdp/cohort/SyntheticDocument.h"
#include "mdp/cohort/TumourProfile.h"
#include "mdp/registry/Patient.h"
#include "mdp/registry/TimelineEvent.h"

#include <QList>

namespace mdp::cohort {

// A timeline event to add, with the files that belong to it.
struct SyntheticEvent
{
    registry::EventDraft draft;
    QList<SyntheticDocument> documents;
};

// One generated registry record: demographics, tumour and lifecycle history (Appendix A).
struct SyntheticPatient
{
    int index = 0;
    registry::PatientDraft draft;
    TumourProfile tumour;
    QList<SyntheticEvent> events; // in time order
    // For a second registration of an earlier patient: that patient's index; -1 otherwise.
    int nearDuplicateOf = -1;
};

} // namespace mdp::cohort
