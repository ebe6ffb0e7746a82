// `mdp form|record|reviewer ...` on a real workspace through the program's entry point: records act
// as the account named by --as, so the same role and relationship rules hold as in the API; illegal
// moves exit non-zero with a message naming what failed (R-6.2.1f, R-6.2.2a-d, R-6.2.3a, R-6.2.4d).
// Each account signs in with its password and a TOTP code (their roles reach level-4 data); a manual
// clock moves to the next code's step before each call. The resident ID is synthetic (check
// character computed).

#include "../support/TestWorkspace.h"

#include "mdp/accounts/AccountDirectory.h"
#include "mdp/accounts/Base32.h"
#include "mdp/accounts/Totp.h"
#include "mdp/cli/Cli.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <cstdio>

using namespace mdp;
using namespace mdp::testsupport;

namespace {

const QByteArray kForm = R"json({
  "id": "baseline-cli", "title": {"en": "Baseline (CLI)"}, "category": "baseline",
  "sections": [{"id": "main", "fields": [
    {"id": "sizeMm", "type": "integer", "label": {"en": "Size"}, "required": true, "minimum": 1, "maximum": 200},
    {"id": "grade", "type": "choice", "label": {"en": "Grade"}, "required": true,
     "options": [{"code": "1", "label": {"en": "G1"}}, {"code": "2", "label": {"en": "G2"}}]}
  ]}]
})json";

} // namespace

class tst_FormsCli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_root;
    QString m_ws;
    QString m_patient;
    QString m_record;
    ManualClock m_clock{QDateTime(QDate(2026, 3, 2), QTime(8, 0), Qt::UTC)};
    QHash<QString, QByteArray> m_totpSecrets; // user name -> secret

    // Acting as an account (--as USER) adds USER's code of a step not used before.
    int cli(QStringList args, QString *output = nullptr)
    {
        const qsizetype as = args.indexOf(QStringLiteral("--as"));
        if (as >= 0 && m_totpSecrets.contains(args.value(as + 1))) {
            m_clock.advance(30 * 1000);
            args << QStringLiteral("--totp")
                 << accounts::Totp(SecureBytes(m_totpSecrets.value(args.value(as + 1))), m_clock)
                        .currentCode();
        }
        QString out, err;
        QTextStream o(&out), e(&err);
        qputenv("MDP_PASSPHRASE", kPassphrase);
        qputenv("MDP_USER_PASSWORD", "Forms-Cli-2026!x");
        const int rc = cli::runCli(args, o, e, m_clock);
        qunsetenv("MDP_PASSPHRASE");
        qunsetenv("MDP_USER_PASSWORD");
        if (output)
            *output = out + err;
        return rc;
    }

    QStringList on(QStringList args) const { return args << QStringLiteral("--workspace") << m_ws; }
    QStringList as(const QString &user, QStringList args) const
    {
        return on(args << QStringLiteral("--as") << user << QStringLiteral("--id") << m_record);
    }

    static QString recordIdIn(const QString &text)
    {
        static const QRegularExpression re(QStringLiteral("record ([0-9a-f-]{36})"));
        return re.match(text).captured(1);
    }

private Q_SLOTS:
    void initTestCase()
    {
        // No terminal: a missing secret must fail, never wait for someone to type it.
        QVERIFY(std::freopen("/dev/null", "r", stdin));
        QVERIFY(m_root.isValid());
        m_ws = m_root.filePath(QStringLiteral("ws"));
        QString out;
        QCOMPARE(cli({QStringLiteral("init"), QStringLiteral("--machine-unlock"),
                      QStringLiteral("--workspace"), m_ws},
                     &out),
                 0);
        QHash<QString, QString> enrolmentCodes;
        for (const auto &[name, role] : {std::pair{"clin1", "clinician"}, std::pair{"clin2", "clinician"},
                                         std::pair{"rev1", "reviewer"}, std::pair{"dm", "data-manager"}}) {
            QVERIFY2(cli(on({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--name"),
                             QString::fromLatin1(name), QStringLiteral("--role"), QString::fromLatin1(role)}),
                         &out) == 0,
                     qPrintable(out));
            // The command prints the one-time code the person enrols an authenticator with.
            const auto found = QRegularExpression(QStringLiteral("[A-Z2-7]{4}(-[A-Z2-7]{4}){3}")).match(out);
            QVERIFY2(found.hasMatch(), qPrintable(out));
            enrolmentCodes.insert(QString::fromLatin1(name), found.captured());
        }
        {
            // Each account enrols an authenticator, as at its first sign-in on a workstation.
            auto ws = workspace::Workspace::open(m_ws, secret(kPassphrase), m_clock);
            QVERIFY(ws);
            for (const QString &name : {QStringLiteral("clin1"), QStringLiteral("clin2"),
                                        QStringLiteral("rev1"), QStringLiteral("dm")}) {
                auto enrolment = ws.value()->accounts().enrollTotp(
                    name, passwordBytes(QStringLiteral("Forms-Cli-2026!x").toUtf8()),
                    enrolmentCodes.value(name));
                QVERIFY2(enrolment, qPrintable(enrolment ? QString() : enrolment.error().message));
                const auto secretBytes = accounts::base32Decode(enrolment->secretBase32);
                QVERIFY(secretBytes);
                m_totpSecrets.insert(name, *secretBytes);
                QVERIFY(ws.value()->accounts().confirmTotp(
                    name, accounts::Totp(SecureBytes(*secretBytes), m_clock).currentCode()));
            }
        }
        QVERIFY2(cli(on({QStringLiteral("patient"), QStringLiteral("add"), QStringLiteral("--national-id"),
                         QStringLiteral("110101198001011232"), QStringLiteral("--name"),
                         QStringLiteral("张三"), QStringLiteral("--sex"), QStringLiteral("M"),
                         QStringLiteral("--birth-date"), QStringLiteral("1980-01-01")}),
                     &out) == 0,
                 qPrintable(out));
        m_patient = QRegularExpression(QStringLiteral("P-[A-Z2-7]{12}")).match(out).captured(0);
        QVERIFY(!m_patient.isEmpty());
    }

    // R-6.2.1d
    void formImportAndListShowTheDefinition()
    {
        const QString file = m_root.filePath(QStringLiteral("form.json"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(kForm);
        f.close();
        QString out;
        QCOMPARE(cli(on({QStringLiteral("form"), QStringLiteral("import"), file, QStringLiteral("--as"),
                         QStringLiteral("clin1")}),
                     &out),
                 1); // a clinician does not import forms
        QVERIFY2(out.contains(QStringLiteral("permission-denied")), qPrintable(out));
        QVERIFY2(cli(on({QStringLiteral("form"), QStringLiteral("import"), file}), &out) == 0,
                 qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("baseline-cli version 1")), qPrintable(out));
        QVERIFY(cli(on({QStringLiteral("form"), QStringLiteral("list")}), &out) == 0);
        QVERIFY(out.contains(QStringLiteral("baseline-cli")));
        QVERIFY2(cli(on({QStringLiteral("reviewer"), QStringLiteral("set"), QStringLiteral("--user"),
                         QStringLiteral("rev1"), QStringLiteral("--categories"), QStringLiteral("baseline"),
                         QStringLiteral("--email"), QStringLiteral("rev1@example.org")}),
                     &out) == 0,
                 qPrintable(out));
        QVERIFY2(cli(on({QStringLiteral("reviewer"), QStringLiteral("set"), QStringLiteral("--user"),
                         QStringLiteral("clin2")}),
                     &out) == 1,
                 qPrintable(out)); // not a reviewer
    }

    // R-6.2.2a, R-6.2.1f
    void aDraftIsTheCreatorsAndSubmitNamesEveryMissingField()
    {
        QString out;
        QVERIFY2(cli(on({QStringLiteral("record"), QStringLiteral("create"), QStringLiteral("--as"),
                         QStringLiteral("clin1"), QStringLiteral("--form"), QStringLiteral("baseline-cli"),
                         QStringLiteral("--patient"), m_patient, QStringLiteral("--values"),
                         QStringLiteral("{\"sizeMm\": 12}")}),
                     &out) == 0,
                 qPrintable(out));
        m_record = recordIdIn(out);
        QVERIFY2(!m_record.isEmpty(), qPrintable(out));
        QVERIFY(out.contains(QStringLiteral("draft")));

        QCOMPARE(cli(as(QStringLiteral("clin2"), {QStringLiteral("record"), QStringLiteral("show")}), &out),
                 1);
        QVERIFY2(out.contains(QStringLiteral("not-found")), qPrintable(out));
        QCOMPARE(cli(on({QStringLiteral("record"), QStringLiteral("list"), QStringLiteral("--as"),
                         QStringLiteral("clin2")}),
                     &out),
                 0);
        QVERIFY(!out.contains(m_record));

        // A value out of range is refused on save, naming the field.
        QCOMPARE(cli(as(QStringLiteral("clin1"),
                        {QStringLiteral("record"), QStringLiteral("save"), QStringLiteral("--values"),
                         QStringLiteral("{\"sizeMm\": 900}")}),
                     &out),
                 1);
        QVERIFY2(out.contains(QStringLiteral("sizeMm")), qPrintable(out));
        QCOMPARE(cli(as(QStringLiteral("clin1"), {QStringLiteral("record"), QStringLiteral("submit")}), &out),
                 1);
        QVERIFY2(out.contains(QStringLiteral("grade")) && out.contains(QStringLiteral("invalid-argument")),
                 qPrintable(out));
        QVERIFY2(cli(as(QStringLiteral("clin1"),
                        {QStringLiteral("record"), QStringLiteral("save"), QStringLiteral("--values"),
                         QStringLiteral("{\"sizeMm\": 12, \"grade\": \"1\"}")}),
                     &out) == 0,
                 qPrintable(out));
    }

    // R-6.2.2b-d, R-6.2.3a, R-6.2.4d
    void reviewThroughTheCommandLineFollowsTheSameRules()
    {
        QString out;
        QVERIFY2(
            cli(as(QStringLiteral("clin1"), {QStringLiteral("record"), QStringLiteral("submit")}), &out) == 0,
            qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("pending")) &&
                     out.contains(QStringLiteral("review assigned to rev1")),
                 qPrintable(out));
        QVERIFY(cli(on({QStringLiteral("record"), QStringLiteral("inbox"), QStringLiteral("--as"),
                        QStringLiteral("rev1")}),
                    &out) == 0);
        QVERIFY2(out.contains(m_record) && out.contains(QStringLiteral("1 unread")), qPrintable(out));

        // The submitter cannot approve; a stale revision is a conflict; a blank reason is refused.
        QCOMPARE(
            cli(as(QStringLiteral("clin1"), {QStringLiteral("record"), QStringLiteral("approve")}), &out), 1);
        QVERIFY2(out.contains(QStringLiteral("permission-denied")), qPrintable(out));
        QCOMPARE(cli(as(QStringLiteral("rev1"), {QStringLiteral("record"), QStringLiteral("approve"),
                                                 QStringLiteral("--revision"), QStringLiteral("1")}),
                     &out),
                 1);
        QVERIFY2(out.contains(QStringLiteral("conflict")), qPrintable(out));
        QCOMPARE(cli(as(QStringLiteral("rev1"), {QStringLiteral("record"), QStringLiteral("reject")}), &out),
                 2);
        QCOMPARE(cli(as(QStringLiteral("rev1"), {QStringLiteral("record"), QStringLiteral("reject"),
                                                 QStringLiteral("--reason"), QStringLiteral("  ")}),
                     &out),
                 1);
        QVERIFY2(out.contains(QStringLiteral("reason")), qPrintable(out));

        QVERIFY2(
            cli(as(QStringLiteral("rev1"), {QStringLiteral("record"), QStringLiteral("reject"),
                                            QStringLiteral("--reason"), QStringLiteral("grade unclear")}),
                &out) == 0,
            qPrintable(out));
        QVERIFY(out.contains(QStringLiteral("rejected")));
        QVERIFY2(cli(as(QStringLiteral("clin1"),
                        {QStringLiteral("record"), QStringLiteral("save"), QStringLiteral("--values"),
                         QStringLiteral("{\"sizeMm\": 12, \"grade\": \"2\"}")}),
                     &out) == 0,
                 qPrintable(out));
        QVERIFY(cli(as(QStringLiteral("clin1"), {QStringLiteral("record"), QStringLiteral("submit")}),
                    &out) == 0);
        QVERIFY2(cli(as(QStringLiteral("rev1"), {QStringLiteral("record"), QStringLiteral("approve"),
                                                 QStringLiteral("--comment"), QStringLiteral("fine")}),
                     &out) == 0,
                 qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("formal version 1")), qPrintable(out));

        // Locked once approved; an amendment needs a reason.
        QCOMPARE(cli(as(QStringLiteral("clin1"),
                        {QStringLiteral("record"), QStringLiteral("save"), QStringLiteral("--values"),
                         QStringLiteral("{\"sizeMm\": 13, \"grade\": \"2\"}")}),
                     &out),
                 1);
        QVERIFY2(out.contains(QStringLiteral("locked")), qPrintable(out));
        QVERIFY2(cli(as(QStringLiteral("clin1"), {QStringLiteral("record"), QStringLiteral("amend"),
                                                  QStringLiteral("--reason"), QStringLiteral("re-measured")}),
                     &out) == 0,
                 qPrintable(out));

        QVERIFY(cli(as(QStringLiteral("clin2"),
                       {QStringLiteral("record"), QStringLiteral("show"), QStringLiteral("--json")}),
                    &out) == 0);
        const QJsonObject shown = QJsonDocument::fromJson(out.toUtf8()).object();
        QCOMPARE(shown.value(QStringLiteral("formal_version")).toInt(), 1);
        // clin2 sees the history up to the formal version in force, with who and why.
        const auto history = shown.value(QStringLiteral("history")).toArray();
        QCOMPARE(history.size(), 7);
        QCOMPARE(history.at(3).toObject().value(QStringLiteral("reason")).toString(),
                 QStringLiteral("grade unclear"));
        QCOMPARE(history.at(3).toObject().value(QStringLiteral("actor")).toString(), QStringLiteral("rev1"));
        QVERIFY(cli(on({QStringLiteral("reviewer"), QStringLiteral("list")}), &out) == 0);
        QVERIFY2(out.contains(QStringLiteral("rev1")), qPrintable(out));
    }

    void theAuditTrailNamesThePatientByPseudonymOnly()
    {
        QString out;
        QVERIFY(cli(on({QStringLiteral("audit"), QStringLiteral("query"), QStringLiteral("--data"),
                        QStringLiteral("form-record:") + m_record}),
                    &out) == 0);
        QVERIFY2(out.contains(QStringLiteral("record.approve")) && out.contains(m_patient), qPrintable(out));
        QVERIFY(!out.contains(QStringLiteral("张三")));
        QVERIFY(filesContaining(m_ws, QStringLiteral("grade unclear")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_FormsCli)
#include "tst_FormsCli.moc"
