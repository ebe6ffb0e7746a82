// `mdp patient add|find|show|merge|unmerge` on a real workspace, through the same entry point as the
// program: invalid and duplicate national IDs are refused with a non-zero exit (R-6.1.1a/b), every
// patient gets a pseudonymous ID (R-6.1.1c), merge and unmerge keep lineage (R-6.1.1d), the audit
// trail names patients by pseudonym, and no identifier reaches disk in plaintext.
// All resident IDs are synthetic (check characters computed).

#include "../support/TestWorkspace.h"

#include "mdp/cli/Cli.h"
#include "mdp/registry/Pseudonymizer.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace mdp;
using namespace mdp::testsupport;

namespace {
const QString kFirstId = QStringLiteral("110101198001011232");      // male, 1980-01-01
const QString kSecondId = QStringLiteral("110101198001011259");     // male, 1980-01-01, another person
const QString kThirdId = QStringLiteral("110101199001011237");      // male, 1990-01-01
const QString kUnverifiedId = QStringLiteral("110101198505051246"); // female, 1985-05-05
const QString kBadCheck = QStringLiteral("110101198001011233");
const QString kBadDate = QStringLiteral("110101199902301231");
} // namespace

class tst_PatientCli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_root;
    QString m_ws;
    QString m_first;  // pseudonym of the first patient
    QString m_second; // pseudonym of the look-alike
    QString m_mergeId;

    int cli(const QStringList &args, QString *output = nullptr)
    {
        QString out, err;
        QTextStream o(&out), e(&err);
        qputenv("MDP_PASSPHRASE", kPassphrase);
        const int rc = cli::runCli(args, o, e);
        qunsetenv("MDP_PASSPHRASE");
        if (output)
            *output = out + err;
        return rc;
    }

    QStringList on(QStringList args) const { return args << QStringLiteral("--workspace") << m_ws; }

    static QString pseudonymIn(const QString &text)
    {
        static const QRegularExpression re(QStringLiteral("P-[A-Z2-7]{12}"));
        return re.match(text).captured(0);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_root.isValid());
        qputenv("TMPDIR", m_root.filePath(QStringLiteral("tmp")).toUtf8());
        QVERIFY(QDir().mkpath(m_root.filePath(QStringLiteral("tmp"))));
        m_ws = m_root.filePath(QStringLiteral("ws"));
        QString out;
        QCOMPARE(cli({QStringLiteral("init"), QStringLiteral("--machine-unlock"),
                      QStringLiteral("--workspace"), m_ws},
                     &out),
                 0);
    }

    // R-6.1.1c
    void addRegistersAPatientUnderANewPseudonym()
    {
        QString out;
        const int rc =
            cli(on({QStringLiteral("patient"), QStringLiteral("add"), QStringLiteral("--national-id"),
                    kFirstId, QStringLiteral("--name"), QStringLiteral("张三"), QStringLiteral("--sex"),
                    QStringLiteral("M"), QStringLiteral("--birth-date"), QStringLiteral("1980-01-01")}),
                &out);
        QVERIFY2(rc == 0, qPrintable(out));
        m_first = pseudonymIn(out);
        QVERIFY2(registry::Pseudonymizer::looksLikePatientPseudonym(m_first), qPrintable(out));
        QVERIFY(out.contains(QStringLiteral("created")));
        QVERIFY(!out.contains(kFirstId));
    }

    // R-6.1.1a: checksum and impossible dates are refused with a message and a non-zero exit.
    void invalidNationalIdIsRefused()
    {
        for (const auto &[id, expected] : {std::pair{kBadCheck, QStringLiteral("check character")},
                                           std::pair{kBadDate, QStringLiteral("not a valid date")}}) {
            QString out;
            const int rc =
                cli(on({QStringLiteral("patient"), QStringLiteral("add"), QStringLiteral("--national-id"), id,
                        QStringLiteral("--name"), QStringLiteral("王五"), QStringLiteral("--sex"),
                        QStringLiteral("M"), QStringLiteral("--birth-date"), QStringLiteral("1999-02-28")}),
                    &out);
            QCOMPARE(rc, 1);
            QVERIFY2(out.contains(expected), qPrintable(out));
            QVERIFY(!out.contains(QStringLiteral("created")));
        }
    }

    // R-6.1.1a, R-6.1.1b: a second record for the same national ID is refused and the existing one named.
    void duplicateNationalIdIsRefusedNamingTheExistingPatient()
    {
        QString out;
        const int rc =
            cli(on({QStringLiteral("patient"), QStringLiteral("add"), QStringLiteral("--national-id"),
                    QStringLiteral("110101 19800101 1232"), QStringLiteral("--name"), QStringLiteral("张山"),
                    QStringLiteral("--sex"), QStringLiteral("M"), QStringLiteral("--birth-date"),
                    QStringLiteral("1980-01-01")}),
                &out);
        QCOMPARE(rc, 1);
        QVERIFY2(out.contains(m_first), qPrintable(out));
        QVERIFY(out.contains(QStringLiteral("already-exists")));
    }

    void missingArgumentsAreAUsageError()
    {
        QString out;
        QCOMPARE(cli(on({QStringLiteral("patient"), QStringLiteral("add"), QStringLiteral("--name"),
                         QStringLiteral("x")}),
                     &out),
                 2);
        QCOMPARE(cli(on({QStringLiteral("patient"), QStringLiteral("add"), QStringLiteral("--national-id"),
                         kSecondId, QStringLiteral("--name"), QStringLiteral("x"), QStringLiteral("--sex"),
                         QStringLiteral("M"), QStringLiteral("--birth-date"), QStringLiteral("01/01/1980")}),
                     &out),
                 2);
        QCOMPARE(cli(on({QStringLiteral("patient"), QStringLiteral("frobnicate")}), &out), 2);
    }

    // A mistyped flag is refused, not ignored: `--unverifed` used to register the ID as verified.
    void aMistypedOptionIsRefusedAndNothingIsRegistered()
    {
        QString out;
        QCOMPARE(cli(on({QStringLiteral("patient"), QStringLiteral("add"), QStringLiteral("--national-id"),
                         kThirdId, QStringLiteral("--name"), QStringLiteral("李四"), QStringLiteral("--sex"),
                         QStringLiteral("M"), QStringLiteral("--birth-date"), QStringLiteral("1990-01-01"),
                         QStringLiteral("--unverifed")}),
                     &out),
                 2);
        QVERIFY2(out.contains(QStringLiteral("unverifed")), qPrintable(out));
        QVERIFY(!out.contains(QStringLiteral("created")));
        QCOMPARE(cli(on({QStringLiteral("patient"), QStringLiteral("find"), QStringLiteral("--query"),
                         QStringLiteral("李四")}),
                     &out),
                 0);
        QVERIFY2(out.contains(QStringLiteral("0 patient(s)")), qPrintable(out));
    }

    // R-6.1.1b: a look-alike (same pinyin, birth date, sex; another ID) is saved and queued. Its ID
    // is unverified: two different verified IDs would be two people, and the merge below refused.
    void lookAlikeIsSavedAndQueued()
    {
        QString out;
        const int rc =
            cli(on({QStringLiteral("patient"), QStringLiteral("add"), QStringLiteral("--national-id"),
                    kSecondId, QStringLiteral("--name"), QStringLiteral("章三"), QStringLiteral("--sex"),
                    QStringLiteral("M"), QStringLiteral("--birth-date"), QStringLiteral("1980-01-01"),
                    QStringLiteral("--unverified")}),
                &out);
        QVERIFY2(rc == 0, qPrintable(out));
        m_second = pseudonymIn(out);
        QVERIFY(!m_second.isEmpty() && m_second != m_first);
        QVERIFY2(out.contains(QStringLiteral("possible duplicate of ") + m_first), qPrintable(out));
        QCOMPARE(cli(on({QStringLiteral("patient"), QStringLiteral("duplicates")}), &out), 0);
        QVERIFY(out.contains(QStringLiteral("1 possible duplicate pair(s)")));
    }

    // R-6.4.1a (stand-in search): by pinyin, name and a pseudonym fragment.
    void findLocatesPatientsByPinyinNameAndPseudonym()
    {
        QString out;
        QCOMPARE(cli(on({QStringLiteral("patient"), QStringLiteral("find"), QStringLiteral("--query"),
                         QStringLiteral("zhangsan")}),
                     &out),
                 0);
        QVERIFY2(out.contains(m_first) && out.contains(m_second), qPrintable(out)); // 张 and 章 read zhang
        QCOMPARE(cli(on({QStringLiteral("patient"), QStringLiteral("find"), QStringLiteral("--query"),
                         QStringLiteral("张三")}),
                     &out),
                 0);
        // The exact name ranks first; the homophone 章三 follows through its pinyin.
        QVERIFY2(out.section(QLatin1Char('\n'), 0, 0).contains(m_first), qPrintable(out));
        QCOMPARE(cli(on({QStringLiteral("patient"), QStringLiteral("find"), QStringLiteral("--query"),
                         m_second.mid(2, 5)}),
                     &out),
                 0);
        QVERIFY(out.contains(m_second));
    }

    void showPrintsMaskedIdentifiers()
    {
        QString out;
        QCOMPARE(cli(on({QStringLiteral("patient"), QStringLiteral("show"), QStringLiteral("--id"), m_first}),
                     &out),
                 0);
        QVERIFY2(out.contains(QStringLiteral("110101********1232")), qPrintable(out));
        QVERIFY(!out.contains(kFirstId));
        QVERIFY(out.contains(QStringLiteral("1980-01-01")));
        QCOMPARE(cli(on({QStringLiteral("patient"), QStringLiteral("show"), QStringLiteral("--id"),
                         QStringLiteral("P-AAAAAAAAAAAA")}),
                     &out),
                 1);
    }

    // R-6.1.1d
    void mergeAndUnmergeKeepLineage()
    {
        QString out;
        QCOMPARE(cli(on({QStringLiteral("patient"), QStringLiteral("merge"), QStringLiteral("--survivor"),
                         m_first, QStringLiteral("--merged"), m_second}),
                     &out),
                 2); // no reason
        const int rc = cli(on({QStringLiteral("patient"), QStringLiteral("merge"),
                               QStringLiteral("--survivor"), m_first, QStringLiteral("--merged"), m_second,
                               QStringLiteral("--reason"), QStringLiteral("same person, two registrations")}),
                           &out);
        QVERIFY2(rc == 0, qPrintable(out));
        static const QRegularExpression uuid(QStringLiteral("merge ([0-9a-f-]{36})"));
        m_mergeId = uuid.match(out).captured(1);
        QVERIFY2(!m_mergeId.isEmpty(), qPrintable(out));
        QCOMPARE(
            cli(on({QStringLiteral("patient"), QStringLiteral("show"), QStringLiteral("--id"), m_second}),
                &out),
            0);
        QVERIFY2(out.contains(QStringLiteral("merged into ") + m_first), qPrintable(out));
        QCOMPARE(cli(on({QStringLiteral("patient"), QStringLiteral("show"), QStringLiteral("--id"), m_first}),
                     &out),
                 0);
        QVERIFY(out.contains(QStringLiteral("110101********1259"))); // the merged record's ID moved over
        QCOMPARE(cli(on({QStringLiteral("patient"), QStringLiteral("merge"), QStringLiteral("--survivor"),
                         m_first, QStringLiteral("--merged"), m_second, QStringLiteral("--reason"),
                         QStringLiteral("again")}),
                     &out),
                 1);

        QCOMPARE(cli(on({QStringLiteral("patient"), QStringLiteral("unmerge"), QStringLiteral("--merge"),
                         m_mergeId}),
                     &out),
                 0);
        QCOMPARE(
            cli(on({QStringLiteral("patient"), QStringLiteral("show"), QStringLiteral("--id"), m_second}),
                &out),
            0);
        QVERIFY(!out.contains(QStringLiteral("merged into")));
        QVERIFY(out.contains(QStringLiteral("110101********1259")));
        QVERIFY(out.contains(QStringLiteral("(undone)")));
        QCOMPARE(cli(on({QStringLiteral("patient"), QStringLiteral("unmerge"), QStringLiteral("--merge"),
                         m_mergeId}),
                     &out),
                 1);
    }

    // R-6.1.1b: a second patient under the same checksum-valid but unverified ID is not created
    // silently; the operator is told who holds it and decides, with a reason that is audited.
    void theSameUnverifiedIdNeedsTheOperatorsDecision()
    {
        const QStringList add{QStringLiteral("patient"),       QStringLiteral("add"),
                              QStringLiteral("--national-id"), kUnverifiedId,
                              QStringLiteral("--name"),        QStringLiteral("赵敏"),
                              QStringLiteral("--sex"),         QStringLiteral("F"),
                              QStringLiteral("--birth-date"),  QStringLiteral("1985-05-05"),
                              QStringLiteral("--unverified")};
        QString out;
        QCOMPARE(cli(on(add), &out), 0);
        const QString held = pseudonymIn(out);
        QVERIFY(!held.isEmpty());
        QStringList again = add;
        again[5] = QStringLiteral("赵明");
        QCOMPARE(cli(on(again), &out), 1);
        QVERIFY2(out.contains(held), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("--create-separate")), qPrintable(out));
        QVERIFY(!out.contains(QStringLiteral("created")));
        // An empty reason is no decision.
        QCOMPARE(
            cli(on(QStringList(again) << QStringLiteral("--create-separate") << QStringLiteral(" ")), &out),
            1);
        QVERIFY(!out.contains(QStringLiteral("created")));
        QCOMPARE(
            cli(on(QStringList(again) << QStringLiteral("--create-separate")
                                      << QStringLiteral("twins registered from the same referral letter")),
                &out),
            0);
        const QString second = pseudonymIn(out);
        QVERIFY2(!second.isEmpty() && second != held, qPrintable(out));
        QCOMPARE(cli(on({QStringLiteral("audit"), QStringLiteral("query"), QStringLiteral("--data"),
                         QStringLiteral("patient:") + second, QStringLiteral("--json")}),
                     &out),
                 0);
        QVERIFY2(out.contains(QStringLiteral("twins registered from the same referral letter")),
                 qPrintable(out));
    }

    // the trail of a patient is found by its pseudonym: nothing in plaintext on disk.
    void auditTrailUsesPseudonymsAndDiskHoldsNoPlaintext()
    {
        QString out;
        QCOMPARE(cli(on({QStringLiteral("audit"), QStringLiteral("query"), QStringLiteral("--data"),
                         QStringLiteral("patient:") + m_second, QStringLiteral("--json")}),
                     &out),
                 0);
        for (const char *type : {"patient.create", "patient.view", "patient.merge", "patient.unmerge"})
            QVERIFY2(out.contains(QLatin1String(type)), type);
        QVERIFY(!out.contains(kSecondId));
        QVERIFY(!out.contains(QStringLiteral("章三")));
        QCOMPARE(cli(on({QStringLiteral("audit"), QStringLiteral("verify")}), &out), 0);
        for (const QString &secretText :
             {kFirstId, kSecondId, QStringLiteral("张三"), QStringLiteral("章三")})
            QVERIFY2(filesContaining(m_root.path(), secretText).isEmpty(),
                     qPrintable(filesContaining(m_root.path(), secretText).join(QLatin1Char(','))));
    }
};

QTEST_GUILESS_MAIN(tst_PatientCli)
#include "tst_PatientCli.moc"
