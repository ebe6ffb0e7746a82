#pragma once

#include "mdp/registry/PatientSearch.h"

namespace mdp::store {
class Database;
}

namespace mdp::registry {

class RegistryAuditSink;

// Stand-in search until the search index lands: a LIKE scan over pseudonymous ID and (when the
// filter allows identity) names and pinyin, inside the encrypted database. Linear in the number of
// patients; fine for thousands, not for a million. Every search is audited as a query.
class SqlPatientSearch final : public PatientSearch
{
public:
    // The audit records carry no actor: the sink's owner knows who is signed in.
    SqlPatientSearch(store::Database &database, RegistryAuditSink &auditSink);

    Result<QList<PatientHit>> search(QString query, int limit, const SearchFilter &filter) override;

private:
    store::Database &m_db;
    RegistryAuditSink &m_sink;
};

} // namespace mdp::registry
