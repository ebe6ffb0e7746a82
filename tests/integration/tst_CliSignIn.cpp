// `mdp record|form ... --as USER` acts only once USER has signed in through the workstation's own
// path (Workspace::login): the password from MDP_USER_PASSWORD, a TOTP code by --totp for roles that
// reach level-4 data, and the same lock-out after repeated failures. A refused sign-in changes
// nothing and is audited as a failed sign-in; the audit of what the user then does names the
// signed-in account, its role and the command line. Time is a manual clock so TOTP steps and the
// lock-out end are reached without waiting; stdin is /dev/null, so nothing can be prompted.

#include "../support/TestWorkspace.h"

#include "mdp/accounts/AccountDirectory.h"
#include "mdp/accounts/Base32.h"
#include "mdp/accounts/Totp.h"
#include "mdp/cli/Cli.h"
#include "mdp/workspace/AuditQueries.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <cstdio>

using namespace mdp;
using namespace mdp::testsupport;

namespace {

const char *kPassword = "Sign-In-Cli-2026!x";
const char *kWrongPassword = "Not-Their-Password-1!";

const QByteArray kForm = R"json({
  "id": "signin-cli", "title": {"en": "Sign-in (CLI)"}, "category": "baseline",
  "sections": [{"id": "main", "fields": [
    {"id": "sizeMm", "type": "integer", "label": {"en": "Size"}, "required": true, "minimum": 1, "maximum": 200}
  ]}]
})json";

} // namespace

class tst_CliSignIn : public QObject
{
    Q_OBJECT

    QTemporaryDir m_root;
    QString m_ws;
    QString m_formFile;
    QString m_patient;
    QString m_record;
    ManualClock m_clock{QDateTime(QDate(2026, 3, 2), QTime(8, 0), Qt::UTC)};
    QHash<QString, QByteArray> m_totpSecrets; // user name -> secret

    int cli(const QStringList &args, QString *output = nullptr, const char *password = kPassword)
    {
        QString out, err;
        QTextStream o(&out), e(&err);
        qputenv("MDP_PASSPHRASE", kPassphrase);
        qputenv("MDP_USER_PASSWORD", password);
        const int rc = cli::runCli(args, o, e, m_clock);
        qunsetenv("MDP_PASSPHRASE");
        qunsetenv("MDP_USER_PASSWORD");
        if (output)
            *output = out + err;
        return rc;
    }

    QStringList on(QStringList args) const { return args << QStringLiteral("--workspace") << m_ws; }

    // A fresh code: the clock moves to the next TOTP step first, since a code is accepted once.
    QString code(const QString &user)
    {
        m_clock.advance(30 * 1000);
        return accounts::Totp(SecureBytes(m_totpSecrets.value(user)), m_clock).currentCode();
    }
    QString wrongCode(const QString &user)
    {
        const QString right = code(user);
        return QStringLiteral("%1").arg((right.toInt() + 1) % 1000000, 6, 10, QLatin1Char('0'));
    }

    // `args` acting as `user` with a current code.
    QStringList as(const QString &user, QStringList args)
    {
        return on(args << QStringLiteral("--as") << user << QStringLiteral("--totp") << code(user));
    }

    std::unique_ptr<workspace::Workspace> openWorkspace()
    {
        // The test's own look, on the passphrase's authority (machine unlock).
        auto ws = workspace::Workspace::open(m_ws, secret(kPassphrase), m_clock);
        if (!ws || !ws.value()->beginCustodianSession())
            return nullptr;
        return std::move(ws.value());
    }

    QString accountId(const QString &user)
    {
        auto ws = openWorkspace();
        if (!ws)
            return {};
        auto account = ws->accounts().find(user);
        return account && account.value() ? account.value()->idString() : QString();
    }

    // The audit trail of one datum ("type:id"), oldest first.
    QList<audit::AuditEvent> trail(const QString &dataId)
    {
        QList<audit::AuditEvent> events;
        auto ws = openWorkspace();
        if (!ws)
            return events;
        workspace::AuditQueries queries(*ws);
        auto rows = queries.byDataId(dataId);
        if (!rows)
            return events;
        for (const auto &row : rows.value())
            events << row.event;
        return events;
    }

    int failedSignIns(const QString &user)
    {
        int n = 0;
        for (const auto &e : trail(QStringLiteral("account:") + accountId(user)))
            if (e.type == QStringLiteral("account.login") && e.outcome != audit::AuditOutcome::Success)
                ++n;
        return n;
    }

    QJsonObject shown(const QString &user)
    {
        QString out;
        if (cli(as(user, {QStringLiteral("record"), QStringLiteral("show"), QStringLiteral("--id"), m_record,
                          QStringLiteral("--json")}),
                &out) != 0)
            return {};
        return QJsonDocument::fromJson(out.toUtf8()).object();
    }

private Q_SLOTS:
    void initTestCase()
    {
        // No terminal: a missing secret must fail, never wait for someone to type it.
        QVERIFY(std::freopen("/dev/null", "r", stdin));
        QVERIFY(m_root.isValid());
        m_ws = m_root.filePath(QStringLiteral("ws"));
        QString out;
        QVERIFY2(cli({QStringLiteral("init"), QStringLiteral("--machine-unlock"),
                      QStringLiteral("--workspace"), m_ws},
                     &out) == 0,
                 qPrintable(out));
        QHash<QString, QString> enrolmentCodes;
        for (const auto &[name, role] : {std::pair{"clin1", "clinician"}, std::pair{"clin2", "clinician"},
                                         std::pair{"rev1", "reviewer"}, std::pair{"dm1", "data-manager"}}) {
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
            // Each account enrols an authenticator, as it would at its first sign-in on a workstation.
            auto ws = openWorkspace();
            QVERIFY(ws);
            for (const QString &name : {QStringLiteral("clin1"), QStringLiteral("clin2"),
                                        QStringLiteral("rev1"), QStringLiteral("dm1")}) {
                auto enrolment =
                    ws->accounts().enrollTotp(name, passwordBytes(kPassword), enrolmentCodes.value(name));
                QVERIFY2(enrolment, qPrintable(enrolment ? QString() : enrolment.error().message));
                const auto secretBytes = accounts::base32Decode(enrolment->secretBase32);
                QVERIFY(secretBytes);
                m_totpSecrets.insert(name, *secretBytes);
                const QString first = accounts::Totp(SecureBytes(*secretBytes), m_clock).currentCode();
                QVERIFY(ws->accounts().confirmTotp(name, first));
            }
        }
        m_formFile = m_root.filePath(QStringLiteral("form.json"));
        QFile f(m_formFile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(kForm);
        f.close();
        QVERIFY2(cli(on({QStringLiteral("form"), QStringLiteral("import"), m_formFile}), &out) == 0,
                 qPrintable(out));
        QVERIFY2(cli(on({QStringLiteral("reviewer"), QStringLiteral("set"), QStringLiteral("--user"),
                         QStringLiteral("rev1"), QStringLiteral("--categories"), QStringLiteral("baseline")}),
                     &out) == 0,
                 qPrintable(out));
        QVERIFY2(cli(on({QStringLiteral("patient"), QStringLiteral("add"), QStringLiteral("--national-id"),
                         QStringLiteral("110101198001011232"), QStringLiteral("--name"),
                         QStringLiteral("张三"), QStringLiteral("--sex"), QStringLiteral("M"),
                         QStringLiteral("--birth-date"), QStringLiteral("1980-01-01")}),
                     &out) == 0,
                 qPrintable(out));
        m_patient = QRegularExpression(QStringLiteral("P-[A-Z2-7]{12}")).match(out).captured(0);
        QVERIFY(!m_patient.isEmpty());
        QVERIFY2(cli(as(QStringLiteral("clin1"),
                        {QStringLiteral("record"), QStringLiteral("create"), QStringLiteral("--form"),
                         QStringLiteral("signin-cli"), QStringLiteral("--patient"), m_patient,
                         QStringLiteral("--values"), QStringLiteral("{\"sizeMm\": 12}")}),
                     &out) == 0,
                 qPrintable(out));
        m_record = QRegularExpression(QStringLiteral("record ([0-9a-f-]{36})")).match(out).captured(1);
        QVERIFY2(!m_record.isEmpty(), qPrintable(out));
    }

    // R-7.4.2: nobody acts as another account without its credential; R-7.4.1: the failure is logged.
    void actingAsAUserWithoutTheirPasswordIsRefusedAndChangesNothing()
    {
        const int failuresBefore = failedSignIns(QStringLiteral("clin1"));
        QString out;
        QCOMPARE(cli(as(QStringLiteral("clin1"),
                        {QStringLiteral("record"), QStringLiteral("save"), QStringLiteral("--id"), m_record,
                         QStringLiteral("--values"), QStringLiteral("{\"sizeMm\": 99}")}),
                     &out, kWrongPassword),
                 1);
        QVERIFY2(out.contains(QStringLiteral("clin1")) && out.contains(QStringLiteral("unauthenticated")),
                 qPrintable(out));
        QCOMPARE(cli(as(QStringLiteral("clin1"), {QStringLiteral("record"), QStringLiteral("submit"),
                                                  QStringLiteral("--id"), m_record}),
                     &out, kWrongPassword),
                 1);
        const QJsonObject record = shown(QStringLiteral("clin1"));
        QCOMPARE(record.value(QStringLiteral("status")).toString(), QStringLiteral("draft"));
        QCOMPARE(record.value(QStringLiteral("values")).toObject().value(QStringLiteral("sizeMm")).toInt(),
                 12);
        QCOMPARE(failedSignIns(QStringLiteral("clin1")), failuresBefore + 2);
    }

    // Every verb that acts as a named account signs it in first, reads included.
    void everyVerbActingAsAUserSignsItIn()
    {
        const QList<QStringList> verbs{
            {QStringLiteral("record"), QStringLiteral("create"), QStringLiteral("--form"),
             QStringLiteral("signin-cli"), QStringLiteral("--patient"), m_patient},
            {QStringLiteral("record"), QStringLiteral("save"), QStringLiteral("--id"), m_record,
             QStringLiteral("--values"), QStringLiteral("{\"sizeMm\": 13}")},
            {QStringLiteral("record"), QStringLiteral("submit"), QStringLiteral("--id"), m_record},
            {QStringLiteral("record"), QStringLiteral("withdraw"), QStringLiteral("--id"), m_record},
            {QStringLiteral("record"), QStringLiteral("approve"), QStringLiteral("--id"), m_record},
            {QStringLiteral("record"), QStringLiteral("reject"), QStringLiteral("--id"), m_record,
             QStringLiteral("--reason"), QStringLiteral("r")},
            {QStringLiteral("record"), QStringLiteral("amend"), QStringLiteral("--id"), m_record,
             QStringLiteral("--reason"), QStringLiteral("r")},
            {QStringLiteral("record"), QStringLiteral("show"), QStringLiteral("--id"), m_record},
            {QStringLiteral("record"), QStringLiteral("list")},
            {QStringLiteral("record"), QStringLiteral("inbox")},
            {QStringLiteral("form"), QStringLiteral("import"), m_formFile},
        };
        for (const QStringList &verb : verbs) {
            QString out;
            const int rc = cli(as(QStringLiteral("clin1"), verb), &out, kWrongPassword);
            QVERIFY2(rc == 1 && out.contains(QStringLiteral("unauthenticated")),
                     qPrintable(verb.join(QLatin1Char(' ')) + QStringLiteral(": ") + out));
            // A good sign-in in between, so the failures here do not add up to a lock-out.
            QVERIFY2(cli(as(QStringLiteral("clin1"), {QStringLiteral("record"), QStringLiteral("list")}),
                         &out) == 0,
                     qPrintable(out));
        }
        QCOMPARE(shown(QStringLiteral("clin1")).value(QStringLiteral("revision")).toInt(), 1);
    }

    // R-7.1.2: a role that reaches level-4 data needs its second factor on the command line too.
    void aWrongOrMissingVerificationCodeIsRefused()
    {
        const int failuresBefore = failedSignIns(QStringLiteral("clin1"));
        const QStringList submit{QStringLiteral("record"), QStringLiteral("submit"), QStringLiteral("--id"),
                                 m_record};
        QString out;
        QCOMPARE(
            cli(on(QStringList(submit) << QStringLiteral("--as") << QStringLiteral("clin1")
                                       << QStringLiteral("--totp") << wrongCode(QStringLiteral("clin1"))),
                &out),
            1);
        QVERIFY2(out.contains(QStringLiteral("unauthenticated")), qPrintable(out));
        QCOMPARE(cli(on(QStringList(submit) << QStringLiteral("--as") << QStringLiteral("clin1")), &out), 1);
        QVERIFY2(out.contains(QStringLiteral("--totp")), qPrintable(out));
        // A code is good once: the same code again is refused.
        const QString once = code(QStringLiteral("clin1"));
        QCOMPARE(cli(on({QStringLiteral("record"), QStringLiteral("list"), QStringLiteral("--as"),
                         QStringLiteral("clin1"), QStringLiteral("--totp"), once}),
                     &out),
                 0);
        QCOMPARE(cli(on(QStringList(submit) << QStringLiteral("--as") << QStringLiteral("clin1")
                                            << QStringLiteral("--totp") << once),
                     &out),
                 1);
        QCOMPARE(shown(QStringLiteral("clin1")).value(QStringLiteral("status")).toString(),
                 QStringLiteral("draft"));
        QCOMPARE(failedSignIns(QStringLiteral("clin1")), failuresBefore + 3);
    }

    // The workstation's lock-out after repeated failures holds on the command line as well.
    void repeatedFailuresLockTheAccountOut()
    {
        const QStringList list{QStringLiteral("record"), QStringLiteral("list")};
        QString out;
        for (int i = 0; i < 5; ++i)
            QCOMPARE(cli(as(QStringLiteral("clin2"), list), &out, kWrongPassword), 1);
        QCOMPARE(cli(as(QStringLiteral("clin2"), list), &out), 1);
        QVERIFY2(out.contains(QStringLiteral("locked")), qPrintable(out));
        m_clock.advance(16 * 60 * 1000);
        QVERIFY2(cli(as(QStringLiteral("clin2"), list), &out) == 0, qPrintable(out));
    }

    // R-7.4.1: the trail names the account that signed in, its role and that it came through the
    // command line, for the sign-in and for what the account then did.
    void theAuditNamesTheSignedInAccountAndTheCommandLine()
    {
        QString out;
        QVERIFY2(cli(as(QStringLiteral("clin1"), {QStringLiteral("record"), QStringLiteral("submit"),
                                                  QStringLiteral("--id"), m_record}),
                     &out) == 0,
                 qPrintable(out));
        const QString clin1 = accountId(QStringLiteral("clin1"));
        std::optional<audit::AuditEvent> submitted;
        for (const auto &e : trail(QStringLiteral("form-record:") + m_record))
            if (e.type == QStringLiteral("record.submit"))
                submitted = e;
        QVERIFY(submitted);
        QCOMPARE(submitted->agent.userId, clin1);
        QCOMPARE(submitted->agent.role, QStringLiteral("clinician"));
        QCOMPARE(submitted->detail.value(QStringLiteral("via")).toString(), QStringLiteral("command-line"));

        std::optional<audit::AuditEvent> signedIn;
        for (const auto &e : trail(QStringLiteral("account:") + clin1))
            if (e.type == QStringLiteral("account.login") && e.outcome == audit::AuditOutcome::Success)
                signedIn = e;
        QVERIFY(signedIn);
        QCOMPARE(signedIn->agent.userId, clin1);
        QCOMPARE(signedIn->detail.value(QStringLiteral("via")).toString(), QStringLiteral("command-line"));
    }
    // Issue 8 / R-6.1.1d: two patients with different verified resident IDs are two people. The
    // merge is refused; only a data manager who signed in can override it, with a reason that the
    // audited merge carries together with who overrode.
    void mergingDifferentVerifiedIdsNeedsASignedInDataManager()
    {
        QString out;
        QStringList pseudonyms;
        for (const auto &[id, name] :
             {std::pair{"110101199103034536", "钱进"}, std::pair{"11010119910303451X", "钱近"}}) {
            QVERIFY2(
                cli(on({QStringLiteral("patient"), QStringLiteral("add"), QStringLiteral("--national-id"),
                        QString::fromLatin1(id), QStringLiteral("--name"), QString::fromUtf8(name),
                        QStringLiteral("--sex"), QStringLiteral("M"), QStringLiteral("--birth-date"),
                        QStringLiteral("1991-03-03")}),
                    &out) == 0,
                qPrintable(out));
            pseudonyms << QRegularExpression(QStringLiteral("P-[A-Z2-7]{12}")).match(out).captured(0);
        }
        const QStringList merge{QStringLiteral("patient"),    QStringLiteral("merge"),
                                QStringLiteral("--survivor"), pseudonyms.at(0),
                                QStringLiteral("--merged"),   pseudonyms.at(1),
                                QStringLiteral("--reason"),   QStringLiteral("same person registered twice")};
        QCOMPARE(cli(on(merge), &out), 1);
        QVERIFY2(out.contains(QStringLiteral("two people")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("--override-reason")), qPrintable(out));
        const QStringList overriding = QStringList(merge) << QStringLiteral("--override-reason")
                                                          << QStringLiteral("ID typed from a wrong card");
        // The passphrase's custodian and a clinician are not data managers.
        QCOMPARE(cli(on(overriding), &out), 1);
        QVERIFY2(out.contains(QStringLiteral("permission-denied")), qPrintable(out));
        QCOMPARE(cli(as(QStringLiteral("clin1"), overriding), &out), 1);
        QVERIFY2(out.contains(QStringLiteral("permission-denied")), qPrintable(out));
        // Naming the data manager without their password is no override either.
        QCOMPARE(cli(as(QStringLiteral("dm1"), overriding), &out, kWrongPassword), 1);
        QVERIFY(!out.contains(QStringLiteral("merged ")));

        QVERIFY2(cli(as(QStringLiteral("dm1"), overriding), &out) == 0, qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("merged ") + pseudonyms.at(1)), qPrintable(out));
        const QString dm1 = accountId(QStringLiteral("dm1"));
        std::optional<audit::AuditEvent> merged;
        for (const auto &e : trail(QStringLiteral("patient:") + pseudonyms.at(1)))
            if (e.type == QStringLiteral("patient.merge") && e.outcome == audit::AuditOutcome::Success)
                merged = e;
        QVERIFY(merged);
        QCOMPARE(merged->agent.userId, dm1);
        QCOMPARE(merged->detail.value(QStringLiteral("override_by")).toString(), dm1);
        QCOMPARE(merged->detail.value(QStringLiteral("override_reason")).toString(),
                 QStringLiteral("ID typed from a wrong card"));
        QCOMPARE(merged->detail.value(QStringLiteral("via")).toString(), QStringLiteral("command-line"));
    }
};

QTEST_GUILESS_MAIN(tst_CliSignIn)
#include "tst_CliSignIn.moc"
