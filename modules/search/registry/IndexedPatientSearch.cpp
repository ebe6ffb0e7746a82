#include "mdp/search/IndexedPatientSearch.h"

#include "mdp/search/PatientSearchIndex.h"

#include <QJsonObject>

#include <algorithm>

namespace mdp::search {
namespace {

constexpr int kMaxLimit = 200; // as the SQL implementation

QString registryField(MatchField field)
{
    switch (field) {
    case MatchField::PseudonymId:
        return QStringLiteral("pseudonym");
    case MatchField::Name:
        return QStringLiteral("name");
    case MatchField::Pinyin:
        return QStringLiteral("pinyin");
    case MatchField::PinyinInitials:
        return QStringLiteral("initials");
    case MatchField::DiagnosisCode:
    case MatchField::Diagnosis:
        break;
    }
    return QStringLiteral("diagnosis");
}

} // namespace

IndexedPatientSearch::IndexedPatientSearch(const PatientSearchIndex &index,
                                           registry::RegistryAuditSink &auditSink)
    : m_index(index)
    , m_sink(auditSink)
{}

SearchFilter IndexedPatientSearch::toSearchFilter(const registry::SearchFilter &filter)
{
    SearchFilter f;
    f.identityAccess = filter.identityVisible ? IdentityAccess::Standard : IdentityAccess::None;
    if (filter.sex) {
        const QString code = registry::sexCode(*filter.sex);
        if (!code.isEmpty())
            f.sex = code.front();
    }
    f.includeMerged = filter.includeMerged;
    f.mayAccess = filter.mayAccess;
    return f;
}

registry::PatientHit IndexedPatientSearch::toPatientHit(const SearchHit &hit)
{
    static constexpr int kKindScore[] = {100, 90, 80, 70, 60, 50};
    registry::PatientHit h;
    h.patientId = hit.patientId;
    h.pseudonymId = hit.pseudonymId;
    h.displayName = hit.displayName;
    h.sex = registry::sexFromCode(QString(hit.sex)).value_or(registry::Sex::Unknown);
    h.birthDate = hit.birthDate;
    h.diagnosis = hit.diagnosis;
    h.score = kKindScore[int(hit.kind)] - 5.0 * hit.typos - hit.rank / 1000.0;
    h.matchedField = registryField(hit.field);
    return h;
}

Result<QList<registry::PatientHit>> IndexedPatientSearch::search(QString query, int limit,
                                                                 const registry::SearchFilter &filter)
{
    limit = std::clamp(limit, 1, kMaxLimit);
    QList<registry::PatientHit> hits;
    QStringList seen;
    for (const SearchHit &hit : m_index.search(query, toSearchFilter(filter), limit)) {
        hits.append(toPatientHit(hit));
        seen.append(hit.pseudonymId);
    }
    if (query.simplified().isEmpty())
        return hits;
    registry::RegistryAuditRecord record;
    record.type = registry::RegistryEvent::PatientQuery.toString();
    record.action = registry::RegistryAuditRecord::Action::Read;
    record.patients = seen;
    record.detail = QJsonObject{{QStringLiteral("results"), int(hits.size())},
                                {QStringLiteral("identity_visible"), filter.identityVisible},
                                {QStringLiteral("engine"), QStringLiteral("index")}};
    m_sink.record(record);
    return hits;
}

} // namespace mdp::search
