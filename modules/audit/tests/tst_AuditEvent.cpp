// AuditEvent shape, validation and canonical JSON. R-7.4.1 (structured JSON logs).
#include "mdp/audit/AuditEvent.h"
#include "mdp/audit/AuditEventType.h"
#include "mdp/audit/CanonicalJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace mdp;
using namespace mdp::audit;

namespace {

AuditEvent sampleEvent()
{
    AuditEvent e;
    e.type = EventType::DataView.toString();
    e.action = AuditAction::Read;
    e.outcome = AuditOutcome::Success;
    e.recorded = QDateTime(QDate(2025, 3, 1), QTime(8, 0, 0, 125), Qt::UTC);
    e.agent = AuditAgent{QStringLiteral("u-1042"), QStringLiteral("researcher"), QStringLiteral("ws-07"),
                         QStringLiteral("10.1.2.3")};
    e.source = QStringLiteral("node-1");
    e.entities = {AuditEntity{QStringLiteral("patient"), QStringLiteral("p-5f2c")}};
    e.purposeOfUse = QStringLiteral("HRESCH");
    e.detail.insert(QStringLiteral("rows"), 3);
    return e;
}

QByteArray replaceInCanonical(const QByteArray &from, const QByteArray &to)
{
    QByteArray json = sampleEvent().toCanonicalJson();
    json.replace(from, to);
    return json;
}

} // namespace

class tst_AuditEvent : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    //
    void canonicalJsonHasSortedKeysAndNoWhitespace()
    {
        QCOMPARE(sampleEvent().toCanonicalJson(),
                 QByteArrayLiteral(
                     "{\"action\":\"R\",\"agent\":{\"address\":\"10.1.2.3\",\"node\":\"ws-07\","
                     "\"role\":\"researcher\",\"user\":\"u-1042\"},\"detail\":{\"rows\":3},"
                     "\"entities\":[{\"id\":\"p-5f2c\",\"type\":\"patient\"}],\"outcome\":\"success\","
                     "\"purpose\":\"HRESCH\",\"recorded\":\"2025-03-01T08:00:00.125Z\","
                     "\"source\":\"node-1\",\"type\":\"data.view\",\"v\":1}"));
    }

    // The log's direct writer and the generic canonical serialiser must never drift apart.
    void directWriterEqualsGenericCanonicalForm()
    {
        QList<AuditEvent> events;
        events << sampleEvent();
        AuditEvent minimal;
        minimal.type = EventType::SystemStart.toString();
        minimal.recorded = QDateTime(QDate(2030, 12, 31), QTime(23, 59, 59, 999), Qt::UTC);
        minimal.agent.userId = QStringLiteral("system");
        minimal.source = QStringLiteral("node-9");
        events << minimal;
        AuditEvent full = sampleEvent();
        full.occurred = minimal.recorded;
        full.agent.role.clear();
        full.entities << AuditEntity{QStringLiteral("series"), QStringLiteral("s-1")};
        full.detail.insert(QStringLiteral("text"), QStringLiteral("\"quoted\" \\ line\nbreak €"));
        full.detail.insert(QStringLiteral("n"), 1.25);
        events << full << AuditEvent();
        for (const AuditEvent &e : std::as_const(events))
            QCOMPARE(e.toCanonicalJson(), CanonicalJson::serialize(e.toJsonObject()));
        QCOMPARE(sampleEvent().toValidatedCanonicalJson().value(), sampleEvent().toCanonicalJson());
        QVERIFY(!AuditEvent().toValidatedCanonicalJson().ok());
    }

    //
    void roundTripPreservesEveryField()
    {
        AuditEvent e = sampleEvent();
        e.occurred = QDateTime(QDate(2025, 3, 1), QTime(7, 59, 59, 1), Qt::UTC);
        e.outcome = AuditOutcome::SeriousFailure;
        e.action = AuditAction::Delete;
        e.entities.append(AuditEntity{QStringLiteral("study"), QStringLiteral("s:1.2.840.99")});
        e.detail.insert(
            QStringLiteral("nested"),
            QJsonObject{{QStringLiteral("list"), QJsonArray{1, QStringLiteral("two"), true, QJsonValue()}}});
        QVERIFY(e.validate().ok());
        const QByteArray json = e.toCanonicalJson();
        auto back = AuditEvent::fromJson(json);
        QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().message));
        QVERIFY(back.value() == e);
        QCOMPARE(back->toCanonicalJson(), json);
    }

    void nonCanonicalInputParsesToTheSameCanonicalBytes()
    {
        const QByteArray canonical = sampleEvent().toCanonicalJson();
        const QByteArray pretty = QJsonDocument::fromJson(canonical).toJson(QJsonDocument::Indented);
        QVERIFY(pretty != canonical);
        auto parsed = AuditEvent::fromJson(pretty);
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->toCanonicalJson(), canonical);
    }

    void stringsAreEscapedLikeJcs()
    {
        QString s = QStringLiteral("q\" b\\ / \b\f\n\r\t ");
        s += QChar(0x01);
        s += QChar(0x1F);
        s += QChar(0x7F);
        s += QStringLiteral("€张");
        s += QChar(0x2028);
        s += QString::fromUcs4(U"\U0001F600");
        QCOMPARE(CanonicalJson::serialize(QJsonValue(s)),
                 QByteArray("\"q\\\" b\\\\ / \\b\\f\\n\\r\\t \\u0001\\u001f\x7f") +
                     QString::fromUtf8("€张").toUtf8() + QByteArray("\xe2\x80\xa8\xf0\x9f\x98\x80\""));
        QString lone;
        lone += QChar(0xD800);
        QCOMPARE(CanonicalJson::serialize(QJsonValue(lone)), QByteArrayLiteral("\"\\ud800\""));
        QVERIFY(CanonicalJson::hasUnpairedSurrogate(lone));
        QVERIFY(!CanonicalJson::hasUnpairedSurrogate(QString::fromUcs4(U"\U0001F600")));
    }

    void keysSortByUtf16CodeUnits()
    {
        // The key set of the RFC 8785 section 3.2.3 sorting example.
        QJsonObject o;
        o.insert(QString(QChar(0x20AC)), QStringLiteral("Euro Sign"));
        o.insert(QStringLiteral("\r"), QStringLiteral("Carriage Return"));
        o.insert(QString(QChar(0xFB33)), QStringLiteral("Hebrew Letter Dalet With Dagesh"));
        o.insert(QStringLiteral("1"), QStringLiteral("One"));
        o.insert(QString::fromUcs4(U"\U0001F600"), QStringLiteral("Emoji: Grinning Face"));
        o.insert(QString(QChar(0x80)), QStringLiteral("Control"));
        o.insert(QString(QChar(0xF6)), QStringLiteral("Latin Small Letter O With Diaeresis"));
        const QByteArray out = CanonicalJson::serialize(o);
        const QJsonObject parsed = QJsonDocument::fromJson(out).object();
        qsizetype last = -1;
        for (const QString &name :
             {QStringLiteral("Carriage Return"), QStringLiteral("One"), QStringLiteral("Control"),
              QStringLiteral("Latin Small Letter O With Diaeresis"), QStringLiteral("Euro Sign"),
              QStringLiteral("Emoji: Grinning Face"), QStringLiteral("Hebrew Letter Dalet With Dagesh")}) {
            const qsizetype at = out.indexOf(name.toUtf8());
            QVERIFY2(at > last, qPrintable(name));
            last = at;
        }
        QCOMPARE(parsed.size(), 7);
    }

    void numbersFollowEcmaScriptFormatting()
    {
        auto num = [](const QJsonValue &v) { return CanonicalJson::serialize(v); };
        QCOMPARE(num(QJsonValue(0)), QByteArrayLiteral("0"));
        QCOMPARE(num(QJsonValue(-0.0)), QByteArrayLiteral("0"));
        QCOMPARE(num(QJsonValue(42)), QByteArrayLiteral("42"));
        QCOMPARE(num(QJsonValue(qint64(1) << 60)), QByteArrayLiteral("1152921504606846976"));
        QCOMPARE(num(QJsonValue(3.0)), QByteArrayLiteral("3"));
        QCOMPARE(num(QJsonValue(0.1)), QByteArrayLiteral("0.1"));
        QCOMPARE(num(QJsonValue(-1.5)), QByteArrayLiteral("-1.5"));
        QCOMPARE(num(QJsonValue(123.456)), QByteArrayLiteral("123.456"));
        QCOMPARE(num(QJsonValue(1e21)), QByteArrayLiteral("1e+21"));
        QCOMPARE(num(QJsonValue(1e-7)), QByteArrayLiteral("1e-7"));
        QCOMPARE(num(QJsonValue(0.000001)), QByteArrayLiteral("0.000001"));
        QCOMPARE(num(QJsonValue(1.5e300)), QByteArrayLiteral("1.5e+300"));
        QCOMPARE(num(QJsonValue(5e-324)), QByteArrayLiteral("5e-324"));
        QCOMPARE(CanonicalJson::formatNumber(1e20), QByteArrayLiteral("100000000000000000000"));
        QCOMPARE(CanonicalJson::formatNumber(333333333.3333333), QByteArrayLiteral("333333333.3333333"));
    }

    void malformedInputIsRejectedWithTheField_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not json") << QByteArrayLiteral("{\"type\":") << QStringLiteral("malformed JSON");
        QTest::newRow("array") << QByteArrayLiteral("[1]") << QStringLiteral("not an object");
        QTest::newRow("unknown member")
            << replaceInCanonical("\"v\":1", "\"v\":1,\"x\":2") << QStringLiteral("unknown member");
        QTest::newRow("version") << replaceInCanonical("\"v\":1", "\"v\":2") << QStringLiteral("'v'");
        QTest::newRow("type missing")
            << replaceInCanonical(",\"type\":\"data.view\"", "") << QStringLiteral("'type' is missing");
        QTest::newRow("type shape") << replaceInCanonical("data.view", "Data View")
                                    << QStringLiteral("'type'");
        QTest::newRow("action") << replaceInCanonical("\"action\":\"R\"", "\"action\":\"X\"")
                                << QStringLiteral("'action'");
        QTest::newRow("outcome") << replaceInCanonical("\"success\"", "\"ok\"")
                                 << QStringLiteral("'outcome'");
        QTest::newRow("time without ms")
            << replaceInCanonical("08:00:00.125Z", "08:00:00Z") << QStringLiteral("'recorded'");
        QTest::newRow("time with offset")
            << replaceInCanonical("08:00:00.125Z", "08:00:00.125+08") << QStringLiteral("'recorded'");
        QTest::newRow("impossible date")
            << replaceInCanonical("2025-03-01", "2025-02-30") << QStringLiteral("'recorded'");
        QTest::newRow("agent user") << replaceInCanonical(",\"user\":\"u-1042\"", "")
                                    << QStringLiteral("'agent.user' is missing");
        QTest::newRow("agent type") << replaceInCanonical("\"role\":\"researcher\"", "\"role\":7")
                                    << QStringLiteral("'agent.role'");
        QTest::newRow("name as id") << replaceInCanonical("p-5f2c", "Zhang San")
                                    << QStringLiteral("entities[0].id");
        QTest::newRow("chinese name as id")
            << replaceInCanonical("p-5f2c", "张三") << QStringLiteral("entities[0].id");
        QTest::newRow("national id") << replaceInCanonical("p-5f2c", "11010119900307123X")
                                     << QStringLiteral("national ID");
        QTest::newRow("mobile number")
            << replaceInCanonical("p-5f2c", "13800138000") << QStringLiteral("phone");
        QTest::newRow("entity not object")
            << replaceInCanonical("[{\"id\":\"p-5f2c\",\"type\":\"patient\"}]", "[\"p\"]")
            << QStringLiteral("entities[0]");
        QTest::newRow("detail not object")
            << replaceInCanonical("{\"rows\":3}", "[3]") << QStringLiteral("'detail'");
        QTest::newRow("source missing")
            << replaceInCanonical(",\"source\":\"node-1\"", "") << QStringLiteral("'source'");
    }

    //
    void malformedInputIsRejectedWithTheField()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        auto r = AuditEvent::fromJson(json);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.contains(expected), qPrintable(r.error().message));
        QCOMPARE(r.error().code, Error::Code::InvalidArgument);
    }

    void validateRefusesLoneSurrogatesAndOversizedEvents()
    {
        AuditEvent e = sampleEvent();
        QVERIFY(e.validate().ok());
        e.detail.insert(QStringLiteral("text"), QString(QChar(0xDC00)));
        QVERIFY(!e.validate().ok());
        e = sampleEvent();
        e.detail.insert(QStringLiteral("blob"), QString(AuditEvent::kMaxCanonicalSize, u'a'));
        QVERIFY(!e.validate().ok());
    }

    void outcomesMapToFhirCodes()
    {
        QCOMPARE(fhirOutcomeCode(AuditOutcome::Success), 0);
        QCOMPARE(fhirOutcomeCode(AuditOutcome::MinorFailure), 4);
        QCOMPARE(fhirOutcomeCode(AuditOutcome::SeriousFailure), 8);
        QCOMPARE(fhirOutcomeCode(AuditOutcome::MajorFailure), 12);
        for (auto a : {AuditAction::Create, AuditAction::Read, AuditAction::Update, AuditAction::Delete,
                       AuditAction::Execute})
            QCOMPARE(actionFromCode(actionCode(a)), a);
    }
};

QTEST_GUILESS_MAIN(tst_AuditEvent)
#include "tst_AuditEvent.moc"
