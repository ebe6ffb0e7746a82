// The synthetic cohort of the reference case (JH/CAA 008-2025 Appendix A: breast cancer, neoadjuvant
// radiotherapy with immunotherapy; pathological type, cTNM, molecular subtype, age): deterministic,
// valid resident IDs, plausible proportions and consistent lifecycle timelines.

#include "mdp/cohort/CohortGenerator.h"
#include "mdp/foundation/Clock.h"
#include "mdp/registry/ResidentId.h"

#include <QSet>
#include <QtTest>

using namespace mdp;
using namespace mdp::cohort;
using registry::EventType;
using registry::IdentifierType;

namespace {

QList<SyntheticPatient> cohortOf(int patients, quint64 seed)
{
    CohortOptions o;
    o.patients = patients;
    o.seed = seed;
    return CohortGenerator(o).generate();
}

QDate firstOf(const SyntheticPatient &p, EventType type, const QString &phase = {})
{
    for (const SyntheticEvent &e : p.events) {
        if (e.draft.type == type &&
            (phase.isEmpty() || e.draft.payload.value(QStringLiteral("phase")).toString() == phase))
            return e.draft.start.date();
    }
    return {};
}

QDate lastOf(const SyntheticPatient &p, EventType type, const QString &phase = {})
{
    QDate last;
    for (const SyntheticEvent &e : p.events) {
        if (e.draft.type == type &&
            (phase.isEmpty() || e.draft.payload.value(QStringLiteral("phase")).toString() == phase))
            last = e.draft.start.date();
    }
    return last;
}

QDate initialDiagnosis(const SyntheticPatient &p)
{
    for (const SyntheticEvent &e : p.events) {
        if (e.draft.type == EventType::Diagnosis &&
            e.draft.payload.value(QStringLiteral("kind")).toString() == QStringLiteral("initial"))
            return e.draft.start.date();
    }
    return {};
}

} // namespace

class tst_CohortGenerator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Appendix A demo data set: one seed, one cohort.
    void sameSeedGivesTheSameCohort()
    {
        const auto a = cohortOf(120, 2026);
        const auto b = cohortOf(120, 2026);
        QCOMPARE(a.size(), 120);
        QCOMPARE(CohortGenerator::digest(a), CohortGenerator::digest(b));
        QCOMPARE(a.at(17).draft.name, b.at(17).draft.name);
        QCOMPARE(a.at(17).events.size(), b.at(17).events.size());
    }

    void differentSeedGivesADifferentCohort()
    {
        const auto a = cohortOf(60, 2026);
        const auto b = cohortOf(60, 2027);
        QVERIFY(CohortGenerator::digest(a) != CohortGenerator::digest(b));
        int sameName = 0;
        for (int i = 0; i < a.size(); ++i)
            sameName += a.at(i).draft.name == b.at(i).draft.name ? 1 : 0;
        QVERIFY2(sameName < 5, "the seed must drive the names, not only a detail");
    }

    void changingTheReferenceDateChangesOnlyTheHistories()
    {
        CohortOptions o;
        o.patients = 30;
        o.asOf = QDate(2026, 6, 30);
        const auto a = CohortGenerator(o).generate();
        o.asOf = QDate(2024, 1, 31);
        const auto b = CohortGenerator(o).generate();
        for (const SyntheticPatient &p : b) {
            for (const SyntheticEvent &e : p.events)
                QVERIFY2(e.draft.start.date() <= o.asOf, "an event lies after the cohort's reference date");
        }
        QVERIFY(CohortGenerator::digest(a) != CohortGenerator::digest(b));
    }

    // R-6.1.1a: every synthetic resident ID passes the GB 11643 check the registry applies, agrees with
    // the record, and no two records share one.
    void residentIdsAreValidUniqueAndAgreeWithTheRecord()
    {
        const auto cohort = cohortOf(600, 11);
        QSet<QString> seen;
        QSet<QString> mrns;
        int withId = 0;
        for (const SyntheticPatient &p : cohort) {
            for (const auto &id : p.draft.identifiers) {
                if (id.type == IdentifierType::HospitalMrn) {
                    const QString key = id.issuer + QLatin1Char('|') + id.value;
                    QVERIFY2(!mrns.contains(key), "two records share a record number");
                    mrns.insert(key);
                    continue;
                }
                QCOMPARE(id.type, IdentifierType::ResidentId);
                ++withId;
                auto info = registry::ResidentId::parse(id.value, SystemClock::instance());
                QVERIFY2(info.ok(), qPrintable(info.ok() ? QString() : info.error().message));
                QCOMPARE(info->birthDate, p.draft.birthDate);
                QCOMPARE(info->sex, registry::Sex::Female);
                QCOMPARE(p.draft.sex, registry::Sex::Female);
                QVERIFY2(!seen.contains(id.value), "two records share a resident ID");
                seen.insert(id.value);
            }
        }
        QVERIFY(withId > 560);
    }

    // Appendix A: pathological type, cTNM, subtype and age in proportions of a neoadjuvant cohort.
    void tumourAndAgeProportionsArePlausible()
    {
        const auto cohort = cohortOf(1500, 5);
        QHash<MolecularSubtype, int> subtypes;
        int primaries = 0, ductal = 0, aged30to75 = 0, m0 = 0, cT2 = 0, consistent = 0;
        for (const SyntheticPatient &p : cohort) {
            if (p.nearDuplicateOf >= 0)
                continue;
            ++primaries;
            const TumourProfile &t = p.tumour;
            subtypes[t.subtype]++;
            ductal += t.pathologyId == QStringLiteral("invasive-ductal") ? 1 : 0;
            m0 += t.cM == QStringLiteral("cM0") ? 1 : 0;
            cT2 += t.cT == QStringLiteral("cT2") ? 1 : 0;
            const QDate diagnosis = initialDiagnosis(p);
            const int age = p.draft.birthDate.daysTo(diagnosis) / 365;
            aged30to75 += age >= 30 && age <= 75 ? 1 : 0;
            // Receptors must agree with the subtype (St Gallen surrogate definitions).
            bool ok = true;
            switch (t.subtype) {
            case MolecularSubtype::TripleNegative:
                ok = t.erPercent == 0 && t.prPercent == 0 && !t.isHer2Positive() && t.ki67Percent >= 20;
                break;
            case MolecularSubtype::Her2Enriched:
                ok = t.erPercent == 0 && t.prPercent == 0 && t.isHer2Positive();
                break;
            case MolecularSubtype::LuminalBHer2Positive:
                ok = t.erPercent >= 1 && t.isHer2Positive();
                break;
            case MolecularSubtype::LuminalBHer2Negative:
                ok = t.erPercent >= 1 && !t.isHer2Positive() && (t.ki67Percent >= 20 || t.prPercent < 20);
                break;
            case MolecularSubtype::LuminalA:
                ok = t.erPercent >= 1 && t.prPercent >= 20 && !t.isHer2Positive() && t.ki67Percent < 20;
                break;
            }
            consistent += ok ? 1 : 0;
        }
        const double tnbc = double(subtypes.value(MolecularSubtype::TripleNegative)) / primaries;
        QVERIFY2(tnbc > 0.13 && tnbc < 0.23, qPrintable(QString::number(tnbc)));
        for (auto s : {MolecularSubtype::LuminalA, MolecularSubtype::LuminalBHer2Negative,
                       MolecularSubtype::LuminalBHer2Positive, MolecularSubtype::Her2Enriched})
            QVERIFY(double(subtypes.value(s)) / primaries > 0.08);
        QVERIFY(double(ductal) / primaries > 0.75 && double(ductal) / primaries < 0.95);
        QVERIFY(double(aged30to75) / primaries > 0.9);
        QVERIFY(double(m0) / primaries > 0.95);
        QVERIFY(double(cT2) / primaries > 0.4);
        QCOMPARE(consistent, primaries);
    }

    // first visit, biopsy and diagnosis before neoadjuvant therapy, which precedes surgery,
    // which precedes follow-up; death ends the timeline.
    void eventDatesFollowTheCourseOfTreatment()
    {
        const auto cohort = cohortOf(400, 99);
        int withSurgery = 0, withFollowUp = 0, deaths = 0;
        for (const SyntheticPatient &p : cohort) {
            for (int i = 1; i < p.events.size(); ++i)
                QVERIFY(p.events.at(i - 1).draft.start.toDateTime() <=
                        p.events.at(i).draft.start.toDateTime());
            if (p.nearDuplicateOf >= 0)
                continue;
            QCOMPARE(p.events.first().draft.type, EventType::FirstVisit);
            const QDate diagnosis = initialDiagnosis(p);
            QVERIFY(diagnosis.isValid());
            QVERIFY(firstOf(p, EventType::BiopsyPathology) < diagnosis);
            const QDate neoFirst = firstOf(p, EventType::ImmunotherapyCycle, QStringLiteral("neoadjuvant"));
            const QDate chemoFirst = firstOf(p, EventType::ChemotherapyCycle, QStringLiteral("neoadjuvant"));
            const QDate rt = firstOf(p, EventType::RadiotherapyCourse);
            if (neoFirst.isValid())
                QVERIFY(diagnosis < neoFirst);
            if (chemoFirst.isValid())
                QVERIFY(diagnosis < chemoFirst);
            if (rt.isValid())
                QVERIFY(diagnosis < rt);
            const QDate surgery = firstOf(p, EventType::Surgery);
            if (surgery.isValid()) {
                ++withSurgery;
                QVERIFY(neoFirst.isValid() && rt.isValid());
                QVERIFY(lastOf(p, EventType::ImmunotherapyCycle, QStringLiteral("neoadjuvant")) < surgery);
                QVERIFY(lastOf(p, EventType::ChemotherapyCycle, QStringLiteral("neoadjuvant")) < surgery);
                for (const SyntheticEvent &e : p.events) {
                    if (e.draft.type == EventType::RadiotherapyCourse) {
                        QVERIFY(!e.draft.end.isNull());
                        QVERIFY(e.draft.end.date() < surgery);
                    }
                }
            }
            const QDate followUp = firstOf(p, EventType::FollowUp);
            if (followUp.isValid()) {
                ++withFollowUp;
                QVERIFY(surgery.isValid() && surgery < followUp);
                QVERIFY(firstOf(p, EventType::ChemotherapyCycle, QStringLiteral("adjuvant")) > surgery ||
                        !firstOf(p, EventType::ChemotherapyCycle, QStringLiteral("adjuvant")).isValid());
            }
            const QDate death = firstOf(p, EventType::Death);
            if (death.isValid()) {
                ++deaths;
                QCOMPARE(p.events.last().draft.type, EventType::Death);
            }
        }
        QVERIFY(withSurgery > 250);
        QVERIFY(withFollowUp > 200);
        QVERIFY(deaths < 40); // rare
    }

    void radiotherapyCourseCarriesDoseFractionationAndOrganDoses()
    {
        const auto cohort = cohortOf(80, 3);
        QSet<int> fractionations;
        int fractionEvents = 0;
        for (const SyntheticPatient &p : cohort) {
            for (const SyntheticEvent &e : p.events) {
                if (e.draft.type == EventType::RadiotherapyFraction)
                    ++fractionEvents;
                if (e.draft.type != EventType::RadiotherapyCourse)
                    continue;
                const QJsonObject &o = e.draft.payload;
                const int fractions = o.value(QStringLiteral("fractions")).toInt();
                const double total = o.value(QStringLiteral("totalDoseGy")).toDouble();
                QVERIFY(fractions > 0);
                QVERIFY(qAbs(o.value(QStringLiteral("dosePerFractionGy")).toDouble() * fractions - total) <
                        0.1);
                QVERIFY(!o.value(QStringLiteral("technique")).toString().isEmpty());
                QVERIFY(o.value(QStringLiteral("doseMetrics")).toArray().size() >= 6);
                fractionations.insert(fractions);
                bool summary = false;
                for (const SyntheticDocument &d : e.documents)
                    summary = summary || (d.kind == SyntheticDocument::Kind::DoseSummary &&
                                          d.dose.fractions == fractions && !d.dose.metrics.isEmpty());
                QVERIFY(summary);
            }
        }
        QVERIFY2(fractionations.size() >= 3, "fractionation must vary across the cohort (Appendix A)");
        QVERIFY(fractionEvents > 0);
    }

    // R-6.1.1b: near-duplicate registrations give the duplicates queue something to show.
    void nearDuplicatesShareNameBirthDateAndSexButNotTheResidentId()
    {
        const auto cohort = cohortOf(100, 8);
        int duplicates = 0;
        for (const SyntheticPatient &p : cohort) {
            if (p.nearDuplicateOf < 0)
                continue;
            ++duplicates;
            const SyntheticPatient &o = cohort.at(p.nearDuplicateOf);
            QVERIFY(o.nearDuplicateOf < 0);
            QCOMPARE(p.draft.name, o.draft.name);
            QCOMPARE(p.draft.birthDate, o.draft.birthDate);
            QCOMPARE(p.draft.sex, o.draft.sex);
            for (const auto &id : p.draft.identifiers)
                QVERIFY(!o.draft.identifiers.contains(id));
        }
        QCOMPARE(duplicates, 4); // every 25th record
    }
};

QTEST_GUILESS_MAIN(tst_CohortGenerator)
#include "tst_CohortGenerator.moc"
