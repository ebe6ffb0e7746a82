#include "mdp/cohort/CohortGenerator.h"

#include "HistoryBuilder.h"
#include "SyntheticPopulation.h"
#include "TumourSampler.h"
#include "mdp/cohort/CohortRandom.h"

#include "mdp/crypto/Hash.h"
#include "mdp/registry/ResidentId.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace mdp::cohort {

using registry::IdentifierType;
using registry::PatientIdentifier;

namespace {

const QString kHospital = QStringLiteral("MDP 示例医院");
const QString kOtherHospital = QStringLiteral("示例市第二人民医院");

// Region + birth date + an even (female) sequence number + check character; the sequence moves on
// until the number is new in this cohort.
QString residentIdFor(const QString &regionCode, QDate birth, int sequence, QSet<QString> &taken)
{
    const QString prefix = regionCode + birth.toString(QStringLiteral("yyyyMMdd"));
    for (int attempt = 0; attempt < 500; ++attempt) {
        const int seq = ((sequence + 2 * attempt) % 1000) & ~1;
        const QString first17 = prefix + QStringLiteral("%1").arg(seq, 3, 10, QLatin1Char('0'));
        const QString id = first17 + registry::ResidentId::checkCharacter(first17);
        if (!taken.contains(id)) {
            taken.insert(id);
            return id;
        }
    }
    return {}; // 500 women of one county born on one day: not reachable with our cohort sizes
}

QString recordNumberFor(quint64 stream, QSet<QString> &taken)
{
    quint64 n = 10000000 + stream % 89990000;
    QString value;
    do {
        value = QString::number(n++);
    } while (taken.contains(value));
    taken.insert(value);
    return value;
}

QJsonObject documentJson(const SyntheticDocument &d)
{
    QJsonObject o{{QStringLiteral("kind"), int(d.kind)}, {QStringLiteral("file"), d.fileName}};
    switch (d.kind) {
    case SyntheticDocument::Kind::PathologyReport: {
        QJsonArray markers;
        for (const MarkerResult &m : d.pathology.markers)
            markers << QJsonArray{m.marker, m.result};
        o.insert(QStringLiteral("report"), d.pathology.reportNumber);
        o.insert(QStringLiteral("specimen"), d.pathology.specimen);
        o.insert(QStringLiteral("gross"), d.pathology.grossDescription);
        o.insert(QStringLiteral("diagnosis"), d.pathology.diagnosis);
        o.insert(QStringLiteral("markers"), markers);
        o.insert(QStringLiteral("findings"), QJsonArray::fromStringList(d.pathology.findings));
        o.insert(QStringLiteral("staff"), d.pathology.pathologist + QLatin1Char('/') + d.pathology.reviewer);
        break;
    }
    case SyntheticDocument::Kind::DoseSummary: {
        QJsonArray metrics;
        for (const DoseMetric &m : d.dose.metrics)
            metrics << QJsonArray{m.structure, m.metric, m.value, m.unit, m.constraint, m.met};
        o.insert(QStringLiteral("plan"), d.dose.planName);
        o.insert(QStringLiteral("metrics"), metrics);
        o.insert(QStringLiteral("staff"), d.dose.physician + QLatin1Char('/') + d.dose.physicist);
        break;
    }
    case SyntheticDocument::Kind::Image:
        o.insert(QStringLiteral("image"), int(d.imageKind));
        o.insert(QStringLiteral("seed"), QString::number(d.imageSeed));
        o.insert(QStringLiteral("lesion"), d.lesionMm);
        o.insert(QStringLiteral("left"), d.left);
        break;
    }
    return o;
}

QJsonObject patientJson(const SyntheticPatient &p)
{
    QJsonArray ids;
    for (const PatientIdentifier &id : p.draft.identifiers)
        ids << QJsonArray{registry::identifierTypeId(id.type), id.value, id.issuer, id.verified};
    QJsonArray events;
    for (const SyntheticEvent &e : p.events) {
        QJsonArray docs;
        for (const SyntheticDocument &d : e.documents)
            docs << documentJson(d);
        events << QJsonObject{{QStringLiteral("type"), registry::eventTypeId(e.draft.type)},
                              {QStringLiteral("start"), e.draft.start.toString()},
                              {QStringLiteral("end"), e.draft.end.toString()},
                              {QStringLiteral("title"), e.draft.title},
                              {QStringLiteral("payload"), e.draft.payload},
                              {QStringLiteral("documents"), docs}};
    }
    return QJsonObject{{QStringLiteral("index"), p.index},
                       {QStringLiteral("duplicateOf"), p.nearDuplicateOf},
                       {QStringLiteral("family"), p.draft.name.family},
                       {QStringLiteral("given"), p.draft.name.given},
                       {QStringLiteral("sex"), registry::sexCode(p.draft.sex)},
                       {QStringLiteral("birth"), p.draft.birthDate.toString(Qt::ISODate)},
                       {QStringLiteral("address"), p.draft.contact.address},
                       {QStringLiteral("identifiers"), ids},
                       {QStringLiteral("subtype"), molecularSubtypeId(p.tumour.subtype)},
                       {QStringLiteral("ctnm"), p.tumour.ctnm()},
                       {QStringLiteral("events"), events}};
}

SyntheticPatient primaryPatient(int index, quint64 stream, const CohortOptions &options,
                                QSet<QString> &residentIds, QSet<QString> &recordNumbers)
{
    CohortRandom random(stream);
    SyntheticPatient p;
    p.index = index;
    // Women aged mostly 30 to 75 at the first visit (mean about 49).
    const int age = std::clamp(int(std::lround(random.normal(49, 10))), 26, 80);
    const QDate firstVisit = options.asOf.addDays(-random.uniform(45, 6 * 365));
    const QDate birth = firstVisit.addYears(-age).addDays(-random.uniform(0, 364));
    p.draft.name.family = SyntheticPopulation::surname(random);
    p.draft.name.given = SyntheticPopulation::givenName(random);
    p.draft.sex = registry::Sex::Female;
    p.draft.birthDate = birth;
    const Region &region = SyntheticPopulation::region(random);
    p.draft.contact.address = region.label;
    const QString residentId = residentIdFor(region.code, birth, random.uniform(0, 499) * 2, residentIds);
    if (!residentId.isEmpty())
        p.draft.identifiers << PatientIdentifier{IdentifierType::ResidentId, residentId, {}, true};
    const QString mrn = recordNumberFor(CohortRandom::mix(stream, 7), recordNumbers);
    p.draft.identifiers << PatientIdentifier{IdentifierType::HospitalMrn, mrn, kHospital, true};
    p.tumour = TumourSampler::draw(random);

    HistoryContext context;
    context.firstVisit = firstVisit;
    context.birthDate = birth;
    context.asOf = options.asOf;
    context.tumour = p.tumour;
    context.patientName = p.draft.name.display();
    context.medicalRecordNumber = mrn;
    context.seed = stream;
    context.fractionDetail = options.fractionDetailEvery > 0 && index % options.fractionDetailEvery == 0;
    p.events = HistoryBuilder(random, context).build();
    return p;
}

// A second registration of `original` at another hospital before the referral: same name, birth
// date and sex, and either another (valid) resident ID - a transcription slip in the sequence number
// - or none, only that hospital's record number. The record number is verified (it came with the
// referral letter), so importing the same seed again finds every record and adds nothing.
SyntheticPatient nearDuplicate(int index, quint64 stream, const SyntheticPatient &original,
                               QSet<QString> &residentIds, QSet<QString> &recordNumbers)
{
    CohortRandom random(stream);
    SyntheticPatient p;
    p.index = index;
    p.nearDuplicateOf = original.index;
    p.tumour = original.tumour;
    p.draft.name = original.draft.name;
    p.draft.sex = original.draft.sex;
    p.draft.birthDate = original.draft.birthDate;
    p.draft.contact = original.draft.contact;
    QString originalId;
    for (const PatientIdentifier &id : original.draft.identifiers) {
        if (id.type == IdentifierType::ResidentId)
            originalId = id.value;
    }
    if (!originalId.isEmpty() && random.chance(0.5)) {
        const QString id =
            residentIdFor(originalId.left(6), original.draft.birthDate,
                          (originalId.mid(14, 3).toInt() + 2 * random.uniform(1, 40)) % 1000, residentIds);
        if (!id.isEmpty())
            p.draft.identifiers << PatientIdentifier{IdentifierType::ResidentId, id, {}, true};
    }
    p.draft.identifiers << PatientIdentifier{IdentifierType::HospitalMrn,
                                             recordNumberFor(CohortRandom::mix(stream, 7), recordNumbers),
                                             kOtherHospital, true};
    QDate firstVisit = original.events.isEmpty() ? original.draft.birthDate.addYears(40)
                                                 : original.events.first().draft.start.date();
    firstVisit = firstVisit.addDays(-random.uniform(10, 60));
    const QString side =
        original.tumour.laterality == QStringLiteral("left") ? QStringLiteral("左") : QStringLiteral("右");
    SyntheticEvent visit;
    visit.draft.type = registry::EventType::FirstVisit;
    visit.draft.start = registry::EventTime::fromDate(firstVisit);
    visit.draft.title = QStringLiteral("外院初诊: 发现%1乳肿物").arg(side);
    visit.draft.payload = QJsonObject{{QStringLiteral("department"), QStringLiteral("普外科")},
                                      {QStringLiteral("institution"), kOtherHospital},
                                      {QStringLiteral("source"), QStringLiteral("external-referral")}};
    SyntheticEvent us;
    us.draft.type = registry::EventType::Imaging;
    us.draft.start = registry::EventTime::fromDate(firstVisit);
    us.draft.title = QStringLiteral("外院乳腺超声 %1乳肿物 BI-RADS 4C").arg(side);
    us.draft.payload = QJsonObject{{QStringLiteral("modality"), QStringLiteral("US")},
                                   {QStringLiteral("institution"), kOtherHospital},
                                   {QStringLiteral("sizeMm"), original.tumour.sizeMm},
                                   {QStringLiteral("source"), QStringLiteral("external-referral")}};
    p.events << visit << us;
    return p;
}

} // namespace

CohortGenerator::CohortGenerator(CohortOptions options)
    : m_options(std::move(options))
{}

QList<SyntheticPatient> CohortGenerator::generate() const
{
    QList<SyntheticPatient> cohort;
    cohort.reserve(std::max(0, m_options.patients));
    QSet<QString> residentIds;
    QSet<QString> recordNumbers;
    QList<int> primaries;
    const int every = m_options.nearDuplicateEvery;
    for (int i = 0; i < m_options.patients; ++i) {
        // Each record draws from its own stream, so one record does not shift the next.
        const quint64 stream = CohortRandom::mix(m_options.seed, quint64(i));
        if (every > 1 && i % every == every - 1 && !primaries.isEmpty()) {
            CohortRandom pick(CohortRandom::mix(stream, 3));
            const int original = primaries.at(pick.uniform(0, int(primaries.size()) - 1));
            cohort << nearDuplicate(i, stream, cohort.at(original), residentIds, recordNumbers);
        } else {
            cohort << primaryPatient(i, stream, m_options, residentIds, recordNumbers);
            primaries << i;
        }
    }
    return cohort;
}

QByteArray CohortGenerator::digest(const QList<SyntheticPatient> &cohort)
{
    crypto::Hasher hasher(crypto::HashAlgorithm::Sm3);
    for (const SyntheticPatient &p : cohort) {
        // QJsonObject keeps keys sorted, so the serialisation is canonical.
        hasher.addData(QJsonDocument(patientJson(p)).toJson(QJsonDocument::Compact));
        hasher.addData("\n");
    }
    return hasher.result();
}

} // namespace mdp::cohort
