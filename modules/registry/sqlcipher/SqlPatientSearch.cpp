#include "mdp/registry/SqlPatientSearch.h"

#include "../core/src/NamePinyin.h"
#include "mdp/registry/RegistryAuditSink.h"
#include "mdp/store/Database.h"

#include <QJsonObject>

namespace mdp::registry {

namespace {

constexpr int kMaxLimit = 200;

// LIKE pattern for "contains", with the pattern characters of the query escaped.
QString containsPattern(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    escaped.replace(QLatin1Char('%'), QStringLiteral("\\%"));
    escaped.replace(QLatin1Char('_'), QStringLiteral("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

} // namespace

SqlPatientSearch::SqlPatientSearch(store::Database &database, RegistryAuditSink &auditSink)
    : m_db(database)
    , m_sink(auditSink)
{}

Result<QList<PatientHit>> SqlPatientSearch::search(QString query, int limit, const SearchFilter &filter)
{
    query = query.simplified();
    limit = std::clamp(limit, 1, kMaxLimit);
    QList<PatientHit> hits;
    if (query.isEmpty())
        return hits;
    const QString upper = query.toUpper();
    const QString pinyin = textPinyin(query);
    const QString compact = QString(query).remove(QLatin1Char(' '));

    // Ranked in SQL: an exact pseudonym first, then a pseudonym prefix, then name, pinyin, initials.
    QString sql =
        QStringLiteral("SELECT id, pseudonym, family_name, given_name, family_name_latin, given_name_latin, "
                       "sex, birth_date, "
                       "CASE WHEN pseudonym = ?1 THEN 100 WHEN pseudonym LIKE ?2 ESCAPE '\\' THEN 80 ");
    QString where = QStringLiteral("pseudonym LIKE ?2 ESCAPE '\\'");
    QVariantList params{upper, containsPattern(upper)};
    if (filter.identityVisible) {
        sql +=
            QStringLiteral("WHEN (family_name || given_name) = ?3 THEN 70 "
                           "WHEN (family_name || given_name) LIKE ?4 ESCAPE '\\' THEN 60 "
                           "WHEN (family_name_latin || ' ' || given_name_latin) LIKE ?5 ESCAPE '\\' THEN 55 "
                           "WHEN ?6 <> '' AND pinyin = ?6 THEN 50 "
                           "WHEN ?6 <> '' AND pinyin LIKE ?7 ESCAPE '\\' THEN 40 "
                           "WHEN ?6 <> '' AND pinyin_initials = ?6 THEN 30 ELSE 0 END AS rank ");
        where += QStringLiteral(" OR (family_name || given_name) LIKE ?4 ESCAPE '\\'"
                                " OR (family_name_latin || ' ' || given_name_latin) LIKE ?5 ESCAPE '\\'"
                                " OR (?6 <> '' AND (pinyin LIKE ?7 ESCAPE '\\' OR pinyin_initials = ?6))");
        params << compact << containsPattern(compact) << containsPattern(query) << pinyin
               << containsPattern(pinyin);
    } else {
        sql += QStringLiteral("ELSE 0 END AS rank ");
    }
    sql += QStringLiteral("FROM registry_patients WHERE (") + where + QStringLiteral(")");
    if (!filter.includeMerged)
        sql += QStringLiteral(" AND merged_into IS NULL");
    if (filter.sex) {
        sql += QStringLiteral(" AND sex = ?%1").arg(params.size() + 1);
        params << sexCode(*filter.sex);
    }
    // Over-fetch so the permission filter can drop rows and still fill the page.
    sql +=
        QStringLiteral(" ORDER BY rank DESC, pseudonym LIMIT %1").arg(filter.mayAccess ? limit * 4 : limit);
    auto rs = m_db.query(sql, params);
    if (!rs)
        return rs.error();
    QStringList seen;
    for (const auto &row : rs.value()) {
        PatientHit hit;
        hit.patientId = QUuid::fromString(row.at(0).toString());
        if (filter.mayAccess && !filter.mayAccess(hit.patientId))
            continue;
        hit.pseudonymId = row.at(1).toString();
        const PersonName name{row.at(2).toString(), row.at(3).toString(), row.at(4).toString(),
                              row.at(5).toString()};
        if (filter.identityVisible)
            hit.displayName = name.display();
        hit.sex = sexFromCode(row.at(6).toString()).value_or(Sex::Unknown);
        hit.birthDate = QDate::fromString(row.at(7).toString(), Qt::ISODate);
        const int rank = int(row.at(8).toLongLong());
        hit.score = rank;
        hit.matchedField = rank >= 80   ? QStringLiteral("pseudonym")
                           : rank >= 55 ? QStringLiteral("name")
                           : rank >= 40 ? QStringLiteral("pinyin")
                           : rank >= 30 ? QStringLiteral("initials")
                                        : QStringLiteral("pinyin");
        seen << hit.pseudonymId;
        hits << hit;
        if (hits.size() >= limit)
            break;
    }
    RegistryAuditRecord record;
    record.type = RegistryEvent::PatientQuery.toString();
    record.action = RegistryAuditRecord::Action::Read;
    record.patients = seen;
    record.detail = QJsonObject{{QStringLiteral("results"), int(hits.size())},
                                {QStringLiteral("identity_visible"), filter.identityVisible}};
    m_sink.record(record);
    return hits;
}

} // namespace mdp::registry
