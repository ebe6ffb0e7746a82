// The command line on a workspace opened by account (issue 9 part 1): `mdp init --admin`, every command
// signing in with `--as`, passwords from the environment (wiped once read) or `--password-fd`,
// authenticators enrolled from a script, and the organisation recovery key. R-7.4.2 (unique accounts).

#include "../support/TestWorkspace.h"

#include "mdp/accounts/Base32.h"
#include "mdp/accounts/Totp.h"
#include "mdp/cli/Cli.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <cstdio>
#include <unistd.h>

using namespace mdp;
using namespace mdp::testsupport;

namespace {
const char *kRootPassword = "Keeper-of-keys-2026";
const char *kResearcherPassword = "Reads-cohorts-2026";
} // namespace

class tst_CliAccounts : public QObject
{
    Q_OBJECT

    QTemporaryDir m_root;
    QString m_ws;
    QString m_recoveryKey;
    QString m_rootEnrolmentCode;
    QByteArray m_rootTotp;
    ManualClock m_clock{QDateTime(QDate(2026, 12, 6), QTime(9, 0), Qt::UTC)};

    // Runs mdp with the given environment for this one command.
    int cli(const QStringList &args, QString *output, const QList<QPair<const char *, QByteArray>> &env = {})
    {
        QString out, err;
        QTextStream o(&out), e(&err);
        for (const auto &[name, value] : env)
            qputenv(name, value);
        const int rc = cli::runCli(args, o, e, m_clock);
        for (const auto &[name, value] : env)
            qunsetenv(name);
        if (output)
            *output = out + err;
        return rc;
    }

    QStringList on(QStringList args) const { return args << QStringLiteral("--workspace") << m_ws; }

    QString code(const QByteArray &secretBytes)
    {
        m_clock.advance(30 * 1000);
        return accounts::Totp(SecureBytes(secretBytes), m_clock).currentCode();
    }

    // Enrols `user`'s authenticator from the command line; returns its secret.
    // The one-time enrolment code a command printed on the line after it names one.
    static QString enrolmentCodeIn(const QString &out)
    {
        return QRegularExpression(QStringLiteral("enrolment code[^\n]*\n +([A-Z2-7]{4}(-[A-Z2-7]{4}){3})\n"))
            .match(out)
            .captured(1);
    }

    QByteArray enrol(const QString &user, const char *password, const QString &enrolmentCode)
    {
        QString out;
        if (cli(on({QStringLiteral("totp"), QStringLiteral("enrol"), QStringLiteral("--as"), user,
                    QStringLiteral("--enrolment-code"), enrolmentCode}),
                &out, {{"MDP_USER_PASSWORD", password}}) != 0) {
            qWarning() << out;
            return {};
        }
        const QString base32 =
            QRegularExpression(QStringLiteral("secret ([A-Z2-7]+)")).match(out).captured(1);
        const QByteArray secretBytes = accounts::base32Decode(base32).value_or(QByteArray());
        if (cli(on({QStringLiteral("totp"), QStringLiteral("confirm"), QStringLiteral("--as"), user,
                    QStringLiteral("--enrolment-code"), enrolmentCode, QStringLiteral("--code"),
                    accounts::Totp(SecureBytes(secretBytes), m_clock).currentCode()}),
                &out, {{"MDP_USER_PASSWORD", password}}) != 0) {
            qWarning() << out;
            return {};
        }
        return secretBytes;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // No terminal: a missing secret must fail, never wait for someone to type it.
        QVERIFY(std::freopen("/dev/null", "r", stdin));
        QVERIFY(m_root.isValid());
        m_ws = m_root.filePath(QStringLiteral("ws"));
    }

    void initCreatesTheFirstAdministratorsSlotAndShowsTheRecoveryKeyOnce()
    {
        QString out;
        // Neither an administrator nor machine unlock: refused, nothing created.
        QCOMPARE(cli(on({QStringLiteral("init")}), &out, {{"MDP_USER_PASSWORD", kRootPassword}}), 2);
        QVERIFY2(out.contains(QStringLiteral("--admin")), qPrintable(out));
        QVERIFY(!workspace::Workspace::exists(m_ws));

        QCOMPARE(cli(on({QStringLiteral("init"), QStringLiteral("--admin"), QStringLiteral("root")}), &out,
                     {{"MDP_USER_PASSWORD", kRootPassword}}),
                 0);
        m_recoveryKey =
            QRegularExpression(QStringLiteral("([A-Z2-7]{4}-){12}[A-Z2-7]{4}")).match(out).captured(0);
        QVERIFY2(!m_recoveryKey.isEmpty(), qPrintable(out));
        m_rootEnrolmentCode = enrolmentCodeIn(out);
        QVERIFY2(!m_rootEnrolmentCode.isEmpty(), qPrintable(out));
        QCOMPARE(workspace::Workspace::rootKind(m_ws).value(), QStringLiteral("accounts"));
        // The environment no longer holds the password once it was read.
        QVERIFY(!qEnvironmentVariableIsSet("MDP_USER_PASSWORD"));
        QVERIFY(filesContaining(m_ws, QString::fromLatin1(kRootPassword)).isEmpty());
    }

    void everyCommandSignsInAsAnAccount()
    {
        QString out;
        QCOMPARE(cli(on({QStringLiteral("user"), QStringLiteral("list")}), &out,
                     {{"MDP_PASSPHRASE", kRootPassword}}),
                 1);
        QVERIFY2(out.contains(QStringLiteral("--as")), qPrintable(out));

        // The administrator's role needs a second factor; it is enrolled from the command line with
        // the enrolment code `mdp init` printed. Without one, the right password gets the wrong
        // password's answer (issue 9 part 8).
        QCOMPARE(cli(on({QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--as"),
                         QStringLiteral("root")}),
                     &out, {{"MDP_USER_PASSWORD", kRootPassword}}),
                 1);
        QVERIFY2(out.contains(QStringLiteral("enrolment code")), qPrintable(out));
        QString wrongPassword;
        QCOMPARE(cli(on({QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--as"),
                         QStringLiteral("root")}),
                     &wrongPassword, {{"MDP_USER_PASSWORD", "not-the-password"}}),
                 1);
        QCOMPARE(wrongPassword, out);
        QCOMPARE(cli(on({QStringLiteral("totp"), QStringLiteral("enrol"), QStringLiteral("--as"),
                         QStringLiteral("root"), QStringLiteral("--enrolment-code"),
                         QStringLiteral("AAAA-BBBB-CCCC-DDDD")}),
                     &out, {{"MDP_USER_PASSWORD", kRootPassword}}),
                 1);
        m_rootTotp = enrol(QStringLiteral("root"), kRootPassword, m_rootEnrolmentCode);
        QVERIFY(!m_rootTotp.isEmpty());

        QCOMPARE(cli(on({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--as"),
                         QStringLiteral("root"), QStringLiteral("--totp"), code(m_rootTotp),
                         QStringLiteral("--name"), QStringLiteral("res1"), QStringLiteral("--role"),
                         QStringLiteral("researcher")}),
                     &out, {{"MDP_USER_PASSWORD", kRootPassword}, {"MDP_NEW_PASSWORD", kResearcherPassword}}),
                 0);
        QVERIFY2(out.contains(QStringLiteral("res1")), qPrintable(out));

        // The researcher's own password opens the workspace, here from a descriptor.
        int fds[2];
        QVERIFY(::pipe(fds) == 0);
        const QByteArray line = QByteArray(kResearcherPassword) + '\n';
        QCOMPARE(::write(fds[1], line.constData(), size_t(line.size())), ssize_t(line.size()));
        ::close(fds[1]);
        QCOMPARE(cli(on({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--as"),
                         QStringLiteral("res1"), QStringLiteral("--password-fd"), QString::number(fds[0])}),
                     &out),
                 0);
        ::close(fds[0]);
        QVERIFY2(out.contains(QStringLiteral("intact")), qPrintable(out));

        // Keys are the administrator's: the service refuses the researcher.
        QCOMPARE(cli(on({QStringLiteral("key"), QStringLiteral("list"), QStringLiteral("--as"),
                         QStringLiteral("res1")}),
                     &out, {{"MDP_USER_PASSWORD", kResearcherPassword}}),
                 1);
        QVERIFY2(out.contains(QStringLiteral("manage-keys")), qPrintable(out));
        // The key list says who can unlock and what each slot reaches.
        QCOMPARE(cli(on({QStringLiteral("key"), QStringLiteral("list"), QStringLiteral("--as"),
                         QStringLiteral("root"), QStringLiteral("--totp"), code(m_rootTotp)}),
                     &out, {{"MDP_USER_PASSWORD", kRootPassword}}),
                 0);
        QVERIFY2(QRegularExpression(
                     QStringLiteral("slot res1 +password +reaches root \\(argon2id t=3 m=65536KiB p=1\\)"))
                     .match(out)
                     .hasMatch(),
                 qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("slot recovery-key")), qPrintable(out));
        QVERIFY(!out.contains(QString::fromLatin1(kResearcherPassword)));

        // Renewing the database key (issue 9 part 6): the administrator's, the old key destroyed; the
        // researcher is refused; the workspace opens afterwards under the new key.
        QCOMPARE(cli(on({QStringLiteral("key"), QStringLiteral("renew"), QStringLiteral("--purpose"),
                         QStringLiteral("database"), QStringLiteral("--as"), QStringLiteral("res1")}),
                     &out, {{"MDP_USER_PASSWORD", kResearcherPassword}}),
                 1);
        QVERIFY2(out.contains(QStringLiteral("manage-keys")), qPrintable(out));
        QCOMPARE(cli(on({QStringLiteral("key"), QStringLiteral("renew"), QStringLiteral("--purpose"),
                         QStringLiteral("audit"), QStringLiteral("--as"), QStringLiteral("root")}),
                     &out, {{"MDP_USER_PASSWORD", kRootPassword}}),
                 2);
        QCOMPARE(cli(on({QStringLiteral("key"), QStringLiteral("renew"), QStringLiteral("--purpose"),
                         QStringLiteral("database"), QStringLiteral("--as"), QStringLiteral("root"),
                         QStringLiteral("--totp"), code(m_rootTotp)}),
                     &out, {{"MDP_USER_PASSWORD", kRootPassword}}),
                 0);
        QVERIFY2(out.contains(QStringLiteral("now database:2; destroyed database")), qPrintable(out));
        QCOMPARE(cli(on({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--as"),
                         QStringLiteral("res1")}),
                     &out, {{"MDP_USER_PASSWORD", kResearcherPassword}}),
                 0);
        QVERIFY2(out.contains(QStringLiteral("intact")), qPrintable(out));

        // A wrong password and an unknown name: the same answer.
        QString wrong, unknown;
        QCOMPARE(cli(on({QStringLiteral("key"), QStringLiteral("list"), QStringLiteral("--as"),
                         QStringLiteral("res1")}),
                     &wrong, {{"MDP_USER_PASSWORD", "not-her-password"}}),
                 1);
        QCOMPARE(cli(on({QStringLiteral("key"), QStringLiteral("list"), QStringLiteral("--as"),
                         QStringLiteral("nobody")}),
                     &unknown, {{"MDP_USER_PASSWORD", "not-her-password"}}),
                 1);
        QVERIFY2(wrong.contains(QStringLiteral("user name, password or verification code is incorrect")),
                 qPrintable(wrong));
        QCOMPARE(wrong.section(QLatin1Char(':'), 2), unknown.section(QLatin1Char(':'), 2));
    }

    void theRecoveryKeyGivesTheAdministratorANewPasswordOnce()
    {
        QString out;
        QCOMPARE(cli(on({QStringLiteral("recover"), QStringLiteral("--account"), QStringLiteral("root")}),
                     &out,
                     {{"MDP_RECOVERY_KEY", "AAAA-BBBB-CCCC"}, {"MDP_NEW_PASSWORD", "Recovered-keeper-27"}}),
                 1);
        QCOMPARE(cli(on({QStringLiteral("recover"), QStringLiteral("--account"), QStringLiteral("root")}),
                     &out,
                     {{"MDP_RECOVERY_KEY", m_recoveryKey.toLower().toLatin1()},
                      {"MDP_NEW_PASSWORD", "Recovered-keeper-27"}}),
                 0);
        const QString renewed =
            QRegularExpression(QStringLiteral("([A-Z2-7]{4}-){12}[A-Z2-7]{4}")).match(out).captured(0);
        QVERIFY2(!renewed.isEmpty() && renewed != m_recoveryKey, qPrintable(out));
        const QString recoveredCode = enrolmentCodeIn(out);
        QVERIFY2(!recoveredCode.isEmpty(), qPrintable(out));
        // The old key is spent; the old password too; the authenticator is enrolled again.
        QCOMPARE(
            cli(on({QStringLiteral("recover"), QStringLiteral("--account"), QStringLiteral("root")}), &out,
                {{"MDP_RECOVERY_KEY", m_recoveryKey.toLatin1()}, {"MDP_NEW_PASSWORD", "Another-keeper-28"}}),
            1);
        QCOMPARE(cli(on({QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--as"),
                         QStringLiteral("root"), QStringLiteral("--totp"), code(m_rootTotp)}),
                     &out, {{"MDP_USER_PASSWORD", kRootPassword}}),
                 1);
        const QByteArray again = enrol(QStringLiteral("root"), "Recovered-keeper-27", recoveredCode);
        QVERIFY(!again.isEmpty());
        QCOMPARE(cli(on({QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--as"),
                         QStringLiteral("root"), QStringLiteral("--totp"), code(again)}),
                     &out, {{"MDP_USER_PASSWORD", "Recovered-keeper-27"}}),
                 0);
        QVERIFY2(out.contains(QStringLiteral("res1")), qPrintable(out));
        // On the record: the recovery key's use, as a security alert.
        QCOMPARE(cli(on({QStringLiteral("audit"), QStringLiteral("query"), QStringLiteral("--as"),
                         QStringLiteral("root"), QStringLiteral("--totp"), code(again),
                         QStringLiteral("--user"), QStringLiteral("custodian"), QStringLiteral("--from"),
                         QStringLiteral("2026-01-01T00:00:00Z"), QStringLiteral("--to"),
                         QStringLiteral("2027-01-01T00:00:00Z"), QStringLiteral("--json")}),
                     &out, {{"MDP_USER_PASSWORD", "Recovered-keeper-27"}}),
                 0);
        QVERIFY2(out.contains(QStringLiteral("recovery-key-used")), qPrintable(out));
    }
};

QTEST_GUILESS_MAIN(tst_CliAccounts)
#include "tst_CliAccounts.moc"
