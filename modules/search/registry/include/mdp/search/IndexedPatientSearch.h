#pragma once

#include "mdp/registry/PatientSearch.h"
#include "mdp/registry/RegistryAuditSink.h"
#include "mdp/search/SearchFilter.h"
#include "mdp/search/SearchHit.h"

namespace mdp::search {

class PatientSearchIndex;

// The registry's search box (registry::PatientSearch) answered from the in-memory index instead of
// SQL LIKE scans (R-6.4.1a). Like the SQL implementation it audits every query as a
// "patient.query" read naming the returned patients by pseudonymous ID only.
//
// The index must be fed by the owner: rebuild() at unlock with searchRecordFor() of every patient,
// upsert() / remove() on every change (see RegistrySearchRecords.h).
class IndexedPatientSearch final : public registry::PatientSearch
{
public:
    IndexedPatientSearch(const PatientSearchIndex &index, registry::RegistryAuditSink &auditSink);

    Result<QList<registry::PatientHit>> search(QString query, int limit,
                                               const registry::SearchFilter &filter) override;

    // The mapping, public for the search box that streams (SearchRunner) with the same filter.
    // identityVisible grants the identity of ordinary patients (registry records are all
    // IdentityClass::Standard until the permission engine says otherwise).
    static SearchFilter toSearchFilter(const registry::SearchFilter &filter);
    // score: 100 for an exact id, then 90 exact, 80 prefix, 70 infix, 60 homophone, 50 fuzzy, minus
    // 5 per typo and the position within the list / 1000 so it strictly decreases.
    static registry::PatientHit toPatientHit(const SearchHit &hit);

private:
    const PatientSearchIndex &m_index;
    registry::RegistryAuditSink &m_sink;
};

} // namespace mdp::search
