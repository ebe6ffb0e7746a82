#include "mdp/search/RegistrySearchRecords.h"

#include <QJsonArray>
#include <QJsonValue>

namespace mdp::search {
namespace {

void appendStrings(const QJsonValue &value, QStringList &out)
{
    if (value.isString()) {
        if (!value.toString().trimmed().isEmpty())
            out.append(value.toString());
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (const QJsonValue &v : array)
            appendStrings(v, out);
    }
}

} // namespace

PatientSearchRecord searchRecordFor(const registry::Patient &patient,
                                    const QList<registry::TimelineEvent> &events)
{
    PatientSearchRecord r;
    r.patientId = patient.id;
    r.pseudonymId = patient.pseudonymId;
    const bool han = !patient.name.family.isEmpty() || !patient.name.given.isEmpty();
    r.familyName = han ? patient.name.family : patient.name.familyLatin;
    r.givenName = han ? patient.name.given : patient.name.givenLatin;
    r.displayName = patient.name.display();
    if (han && (!patient.name.familyLatin.isEmpty() || !patient.name.givenLatin.isEmpty()))
        r.latinName = patient.name.familyLatin + QLatin1Char(' ') + patient.name.givenLatin;
    r.pinyin = patient.pinyin;
    r.pinyinInitials = patient.pinyinInitials;
    const QString sex = registry::sexCode(patient.sex);
    r.sex = sex.isEmpty() ? QChar(u'U') : sex.front();
    r.birthDate = patient.birthDate;
    r.merged = patient.isMerged();

    static const QStringList textKeys{QStringLiteral("diagnosis"), QStringLiteral("pathology"),
                                      QStringLiteral("histology"), QStringLiteral("subtype"),
                                      QStringLiteral("molecular_subtype")};
    static const QStringList codeKeys{QStringLiteral("icd10"), QStringLiteral("icd_10"),
                                      QStringLiteral("icdo"),  QStringLiteral("icd_o"),
                                      QStringLiteral("code"),  QStringLiteral("codes")};
    for (const registry::TimelineEvent &e : events) {
        if (e.removed || e.patientId != patient.id)
            continue;
        if (e.content.type != registry::EventType::Diagnosis &&
            e.content.type != registry::EventType::BiopsyPathology)
            continue;
        if (!e.content.title.trimmed().isEmpty())
            r.diagnoses.append(e.content.title);
        for (const QString &key : textKeys)
            appendStrings(e.content.payload.value(key), r.diagnoses);
        for (const QString &key : codeKeys)
            appendStrings(e.content.payload.value(key), r.diagnosisCodes);
    }
    r.diagnoses.removeDuplicates();
    r.diagnosisCodes.removeDuplicates();
    return r;
}

} // namespace mdp::search
