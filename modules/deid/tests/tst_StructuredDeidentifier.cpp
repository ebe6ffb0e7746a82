// Structured de-identification (issue 10; R-6.6.5a-b): drop, mask, generalise (year-only dates,
// five-year age bands with 90+, three-digit postcodes), keyed pseudonyms and per-patient consistent
// date shifting, by a plan that drops whatever it does not name. Synthetic values only.
#include "mdp/deid/StructuredDeidentifier.h"
#include "mdp/deid/TextDeidentifier.h"

#include <QJsonArray>
#include <QtTest>

using namespace mdp;
using namespace mdp::deid;

namespace {

const QByteArray kKey = QByteArray("structured-deid-test-key-0123456789");

QJsonObject row(const QString &patient, const QString &diagnosed, const QString &operated)
{
    return QJsonObject{
        {QStringLiteral("patient"), patient},
        {QStringLiteral("name"), QStringLiteral("上官婉清")},
        {QStringLiteral("phone"), QStringLiteral("13912345678")},
        {QStringLiteral("mrn"), QStringLiteral("ZY2026001234")},
        {QStringLiteral("birthDate"), QStringLiteral("1971-05-02")},
        {QStringLiteral("age"), 55},
        {QStringLiteral("postcode"), QStringLiteral("100730")},
        {QStringLiteral("diagnosed"), diagnosed},
        {QStringLiteral("operated"), operated},
        {QStringLiteral("tumourMm"), 23},
        {QStringLiteral("note"), QStringLiteral("患者上官婉清术后恢复良好，电话13912345678。")},
        {QStringLiteral("newColumn"), QStringLiteral("not in the plan")}};
}

DeidPlan plan()
{
    auto p = DeidPlan::fromJson(R"({"scope": "patient", "fields": {
        "patient": "pseudonymise", "name": "drop", "phone": "mask", "mrn": "pseudonymise",
        "birthDate": "year-only", "age": "age-band", "postcode": "postcode", "diagnosed": "shift-date",
        "operated": "shift-date", "tumourMm": "keep", "note": "free-text"}})");
    if (!p)
        qFatal("plan: %s", qPrintable(p.error().message));
    return p.value();
}

} // namespace

class tst_StructuredDeidentifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // R-6.6.5a: every treatment does what its name says, and what the plan does not name is dropped.
    void aRecordIsDeidentifiedByItsPlan()
    {
        const StructuredDeidentifier deid(kKey);
        const QJsonObject out = deid.apply(
            row(QStringLiteral("P-AAAA"), QStringLiteral("2026-03-02"), QStringLiteral("2026-04-15")),
            plan());
        QVERIFY(!out.contains(QStringLiteral("name")));
        QVERIFY(!out.contains(QStringLiteral("newColumn")));
        QCOMPARE(out.value(u"phone").toString(), QStringLiteral("*******5678"));
        QVERIFY(out.value(u"mrn").toString().startsWith(QStringLiteral("PSN-")));
        QCOMPARE(out.value(u"mrn").toString().size(), 20);
        QCOMPARE(out.value(u"birthDate").toString(), QStringLiteral("1971"));
        QCOMPARE(out.value(u"age").toString(), QStringLiteral("55-59"));
        QCOMPARE(out.value(u"postcode").toString(), QStringLiteral("100***"));
        QCOMPARE(out.value(u"tumourMm").toInt(), 23);
        QVERIFY(out.value(u"patient").toString().startsWith(QStringLiteral("PSN-")));
        const QString note = out.value(u"note").toString();
        QVERIFY(note.contains(QStringLiteral("术后恢复良好")));
        QVERIFY(!note.contains(QStringLiteral("上官婉清")) && !note.contains(QStringLiteral("13912345678")));
        const QByteArray all = QJsonDocument(out).toJson();
        for (const char *identifier :
             {"上官婉清", "13912345678", "ZY2026001234", "1971-05-02", "100730", "P-AAAA"})
            QVERIFY2(!all.contains(QByteArray(identifier)), identifier);
    }

    // R-6.6.5b: one patient's dates move together (intervals stay), another patient's differently;
    // the same key gives the same results, another key others.
    void datesShiftConsistentlyPerPatient()
    {
        const StructuredDeidentifier deid(kKey);
        const QJsonObject a1 = deid.apply(
            row(QStringLiteral("P-AAAA"), QStringLiteral("2026-03-02"), QStringLiteral("2026-04-15")),
            plan());
        const QJsonObject a2 = deid.apply(
            row(QStringLiteral("P-AAAA"), QStringLiteral("2025-12-31"), QStringLiteral("2026-01-10")),
            plan());
        const QDate d1 = QDate::fromString(a1.value(u"diagnosed").toString(), Qt::ISODate);
        const QDate o1 = QDate::fromString(a1.value(u"operated").toString(), Qt::ISODate);
        QVERIFY(d1.isValid() && o1.isValid());
        QVERIFY(d1 != QDate(2026, 3, 2));
        QCOMPARE(d1.daysTo(o1), QDate(2026, 3, 2).daysTo(QDate(2026, 4, 15)));
        const int shift = QDate(2026, 3, 2).daysTo(d1);
        QCOMPARE(
            QDate(2025, 12, 31).daysTo(QDate::fromString(a2.value(u"diagnosed").toString(), Qt::ISODate)),
            shift);
        QVERIFY(std::abs(shift) >= 1 && std::abs(shift) <= 365);
        QCOMPARE(a1.value(u"patient"), a2.value(u"patient"));
        // The offset is the free-text de-identifier's for the same key and patient.
        TextDeidOptions text;
        text.key = kKey;
        text.scope = QStringLiteral("P-AAAA");
        QCOMPARE(TextDeidentifier(text).dateShiftDays(), shift);

        int differing = 0;
        for (int i = 0; i < 20; ++i)
            differing += deid.dateShiftDays(QStringLiteral("P-%1").arg(i)) != shift ? 1 : 0;
        QVERIFY(differing >= 18);
        const StructuredDeidentifier other(QByteArray("another-key-for-the-same-records!!"));
        QVERIFY(other.pseudonym(u"ZY2026001234") != deid.pseudonym(u"ZY2026001234"));
        QCOMPARE(StructuredDeidentifier(kKey).pseudonym(u"ZY2026001234"), deid.pseudonym(u"ZY2026001234"));
    }

    void generalisationsAtTheirEdges()
    {
        QCOMPARE(StructuredDeidentifier::ageBand(0), QStringLiteral("0-4"));
        QCOMPARE(StructuredDeidentifier::ageBand(89), QStringLiteral("85-89"));
        QCOMPARE(StructuredDeidentifier::ageBand(90), QStringLiteral("90+"));
        QCOMPARE(StructuredDeidentifier::ageBand(104), QStringLiteral("90+"));
        QVERIFY(StructuredDeidentifier::ageBand(-1).isEmpty());
        QVERIFY(StructuredDeidentifier::postcode(u"1007").isEmpty());
        QVERIFY(StructuredDeidentifier::postcode(u"10073A").isEmpty());
        QCOMPARE(StructuredDeidentifier::mask(u"AB"), QStringLiteral("**"));
        QCOMPARE(StructuredDeidentifier::mask(u"ZY123"), QStringLiteral("*****"));
        QCOMPARE(StructuredDeidentifier::mask(u"ZY2026"), QStringLiteral("****26"));
        // A resident ID is never masked (its region, birth date, sex and check digit would stay).
        QVERIFY(StructuredDeidentifier::mask(u"11010519491231002X").isEmpty());
        const StructuredDeidentifier deid(kKey);
        QVERIFY(deid.apply(FieldTreatment::Mask, QJsonValue(QStringLiteral("11010519491231002X")), {})
                    .isUndefined());
        // Anyone 90 or older shows as the oldest year, not their own.
        QCOMPARE(StructuredDeidentifier::yearOnly(QDate(1971, 5, 2), QDate(2026, 12, 6)),
                 QStringLiteral("1971"));
        QCOMPARE(StructuredDeidentifier::yearOnly(QDate(1930, 1, 1), QDate(2026, 12, 6)),
                 QStringLiteral("≤1936"));
        QVERIFY(deid.apply(FieldTreatment::AgeBand, QJsonValue(1e300), {}).isUndefined());
        QVERIFY(deid.apply(FieldTreatment::AgeBand, QJsonValue(-0.5), {}).isUndefined());
        // Different numbers never share a pseudonym; case and spaces do not split one.
        QVERIFY(deid.apply(FieldTreatment::Pseudonymise, QJsonValue(1e20), {}) !=
                deid.apply(FieldTreatment::Pseudonymise, QJsonValue(2e20), {}));
        QCOMPARE(
            deid.apply(FieldTreatment::Pseudonymise, QJsonValue(QStringLiteral(" 11010519491231002x")), {}),
            deid.apply(FieldTreatment::Pseudonymise, QJsonValue(QStringLiteral("11010519491231002X")), {}));
    }

    // Bad input: a value a treatment cannot apply to is dropped, never passed on; a bad plan is refused
    // with its reason; a plan that keeps the patient's own identifier as the scope is refused.
    void badValuesAndPlansAreRefusedOrDropped()
    {
        const StructuredDeidentifier deid(kKey);
        QJsonObject odd = row(QStringLiteral("P-B"), QStringLiteral("unknown"), QStringLiteral("2026-02-30"));
        odd.insert(QStringLiteral("age"), QStringLiteral("about fifty"));
        odd.insert(QStringLiteral("postcode"), QStringLiteral("Beijing"));
        const QJsonObject out = deid.apply(odd, plan());
        for (const char *field : {"diagnosed", "operated", "age", "postcode"})
            QVERIFY2(!out.contains(QLatin1StringView(field)), field);
        QVERIFY(!out.value(u"phone").toString().isEmpty());

        auto unknown = DeidPlan::fromJson(R"({"fields": {"name": "encrypt"}})");
        QVERIFY(!unknown);
        QVERIFY(unknown.error().message.contains(QStringLiteral("encrypt")));
        QVERIFY(!DeidPlan::fromJson("[1, 2]"));
        QVERIFY(!DeidPlan::fromJson(R"({"fields": {}, "extra": 1})"));
        QVERIFY(!DeidPlan::fromJson(R"({"scope": "patient", "fields": {"patient": "keep"}})"));
        // Dates shift per patient or not at all: a plan without a scope, or a non-string one, is refused,
        // and a record without its scope value loses its dates rather than sharing everyone's offset.
        QVERIFY(!DeidPlan::fromJson(R"({"fields": {"diagnosed": "shift-date"}})"));
        QVERIFY(!DeidPlan::fromJson(R"({"scope": 1, "fields": {"diagnosed": "shift-date"}})"));
        QJsonObject noScope =
            row(QStringLiteral("P-C"), QStringLiteral("2026-03-02"), QStringLiteral("2026-04-15"));
        noScope.remove(QStringLiteral("patient"));
        const QJsonObject unscoped = deid.apply(noScope, plan());
        QVERIFY(!unscoped.contains(QStringLiteral("diagnosed")));
        QVERIFY(!unscoped.contains(QStringLiteral("operated")));
    }
};

QTEST_GUILESS_MAIN(tst_StructuredDeidentifier)
#include "tst_StructuredDeidentifier.moc"
