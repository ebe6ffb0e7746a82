#pragma once

#include "mdp/registry/Patient.h"
#include "mdp/registry/TimelineEvent.h"
#include "mdp/search/PatientSearchRecord.h"

#include <QList>

namespace mdp::search {

// What the index holds of a registry patient: pseudonymous id, name (Chinese and Latin spellings,
// the registry's pinyin), sex, birth date, merged state, and the diagnoses of the patient's
// current (not removed) diagnosis and biopsy/pathology events:
//   - the event title as diagnosis text;
//   - payload string (or string array) values under "diagnosis", "pathology", "pathologyLabel",
//     "histology", "subtype", "molecularSubtype", "molecular_subtype", "ctnm" as diagnosis text;
//   - payload values under "icd10", "icd_10", "icdO3", "icdo", "icd_o", "code", "codes" as codes.
PatientSearchRecord searchRecordFor(const registry::Patient &patient,
                                    const QList<registry::TimelineEvent> &events);

} // namespace mdp::search
