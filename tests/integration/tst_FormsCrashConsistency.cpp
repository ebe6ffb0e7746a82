// A reviewer's process approving records is killed with SIGKILL at every step inside an approval's
// transaction (task closed, record written, version written) and between approvals. After each kill
// the workspace opens and verifies, and every record is either still pending (one open task, no
// formal version) or approved (formal version 1 with its version row, the task done, the submitter's
// notice), never half; every acknowledged approval is there. MDP_CRASH_ITERATIONS sets the number of
// kills (default 12). R-6.2.2d, R-6.2.4c.

#include "../support/TestWorkspace.h"

#include "mdp/accounts/AccountDirectory.h"
#include "mdp/forms/FormStore.h"
#include "mdp/registry/Registry.h"
#include "mdp/store/Database.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

using namespace mdp;
using namespace mdp::testsupport;

namespace {

const QString kPassword = QStringLiteral("Forms-Crash-2026!x");
constexpr int kRecords = 24;

const QByteArray kForm = R"json({
  "id": "crash-test", "title": {"en": "Crash test"}, "category": "baseline",
  "sections": [{"id": "main", "fields": [
    {"id": "sizeMm", "type": "integer", "label": {"en": "Size"}, "required": true, "minimum": 1, "maximum": 200}
  ]}]
})json";

} // namespace

class tst_FormsCrashConsistency : public QObject
{
    Q_OBJECT

    static int iterations()
    {
        bool ok = false;
        const int fromEnv = qEnvironmentVariableIntValue("MDP_CRASH_ITERATIONS", &ok);
        return ok && fromEnv > 0 ? fromEnv : 12;
    }

    struct Run
    {
        QStringList acked;
        bool killed = false; // false: the writer finished every task by itself
        bool failed = false;
    };

    // Lets the writer pass `steps` steps inside transactions and kills it at the next one; with
    // `afterAcks` >= 0 kills it right after that many acknowledgements instead (between commits).
    static Run runAndKill(const QString &workspace, int steps, int afterAcks)
    {
        Run run;
        QProcess writer;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("MDP_PASSPHRASE"), QString::fromLatin1(kPassphrase));
        writer.setProcessEnvironment(env);
        writer.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        writer.start(QStringLiteral(MDP_BINARY_DIR "/tests/mdp_forms_crash_writer"),
                     {workspace, QStringLiteral("rev")});
        if (!writer.waitForStarted(10000)) {
            run.failed = true;
            return run;
        }
        QByteArray pending;
        int passed = 0;
        bool stop = false;
        while (!stop && writer.state() == QProcess::Running) {
            if (!writer.waitForReadyRead(30000))
                break;
            pending += writer.readAllStandardOutput();
            qsizetype nl;
            while (!stop && (nl = pending.indexOf('\n')) >= 0) {
                const QByteArray line = pending.left(nl);
                pending.remove(0, nl + 1);
                if (line.startsWith("ack ")) {
                    run.acked << QString::fromLatin1(line.mid(4));
                    if (afterAcks >= 0 && run.acked.size() >= afterAcks)
                        stop = true;
                } else if (line.startsWith("step ")) {
                    if (afterAcks < 0 && passed >= steps) {
                        stop = true;
                    } else {
                        ++passed;
                        writer.write("\n");
                        writer.waitForBytesWritten(5000);
                    }
                } else if (line == "done") {
                    writer.waitForFinished(30000);
                    return run;
                }
            }
        }
        run.killed = writer.state() == QProcess::Running;
        run.failed = !run.killed;
        writer.kill(); // SIGKILL
        writer.waitForFinished(10000);
        return run;
    }

    // Every record is pending or approved, completely. Returns the approved ids.
    static QStringList checkWhole(store::Database &db, const QString &submitter)
    {
        QStringList approved;
        auto records =
            db.query(QStringLiteral("SELECT id, status, revision, formal_version FROM forms_records"));
        if (!records) {
            QTest::qFail("records unreadable", __FILE__, __LINE__);
            return {};
        }
        for (const auto &row : records.value()) {
            const QString id = row.at(0).toString();
            const QString status = row.at(1).toString();
            const qint64 revision = row.at(2).toLongLong();
            const qint64 formal = row.at(3).toLongLong();
            const auto versions =
                db.queryOne(QStringLiteral("SELECT count(*), max(revision) FROM forms_record_versions "
                                           "WHERE record_id = ?1"),
                            {id});
            const auto last =
                db.queryOne(QStringLiteral("SELECT transition, status, formal_version FROM "
                                           "forms_record_versions WHERE record_id = ?1 AND revision = ?2"),
                            {id, revision});
            const auto open = db.queryOne(
                QStringLiteral(
                    "SELECT count(*) FROM forms_review_tasks WHERE record_id = ?1 AND state = 'open'"),
                {id});
            const auto done =
                db.queryOne(QStringLiteral("SELECT count(*) FROM forms_review_tasks WHERE record_id = ?1 "
                                           "AND state = 'done' AND outcome = 'approved'"),
                            {id});
            const auto notices =
                db.queryOne(QStringLiteral("SELECT count(*) FROM forms_notifications WHERE record_id = "
                                           "?1 AND kind = 'record-approved' AND recipient_id = ?2"),
                            {id, submitter});
            if (!versions || !last || !open || !done || !notices || !versions.value() || !last.value()) {
                QTest::qFail("a record's rows are unreadable or its last version is missing", __FILE__,
                             __LINE__);
                return {};
            }
            const auto v = *versions.value();
            const auto l = *last.value();
            const bool versionsWhole = v.at(0).toLongLong() == revision && v.at(1).toLongLong() == revision;
            bool whole = false;
            if (status == QStringLiteral("pending")) {
                whole = versionsWhole && formal == 0 && l.at(0).toString() == QStringLiteral("submit") &&
                        open.value()->at(0).toLongLong() == 1 && done.value()->at(0).toLongLong() == 0 &&
                        notices.value()->at(0).toLongLong() == 0;
            } else if (status == QStringLiteral("approved")) {
                whole = versionsWhole && formal == 1 && l.at(0).toString() == QStringLiteral("approve") &&
                        l.at(1).toString() == QStringLiteral("approved") && l.at(2).toLongLong() == 1 &&
                        open.value()->at(0).toLongLong() == 0 && done.value()->at(0).toLongLong() == 1 &&
                        notices.value()->at(0).toLongLong() == 1;
                approved << id;
            }
            if (!whole) {
                QTest::qFail(
                    qPrintable(QStringLiteral("record %1 is half-written (status %2, revision %3, formal %4)")
                                   .arg(id, status)
                                   .arg(revision)
                                   .arg(formal)),
                    __FILE__, __LINE__);
                return {};
            }
        }
        return approved;
    }

private Q_SLOTS:
    void approvalsAreWholeOrAbsentAfterSigkill()
    {
        QTemporaryDir root;
        QVERIFY(root.isValid());
        const QString path = root.filePath(QStringLiteral("ws"));
        QString submitter;
        {
            workspace::CreateOptions o;
            o.directory = path;
            o.passphrase = secret(kPassphrase);
            auto ws = workspace::Workspace::create(o);
            QVERIFY(ws);
            auto &w = *ws.value();
            QVERIFY(w.beginCustodianSession().ok());
            const QUuid custodian = w.custodianId();
            auto clin =
                w.accounts().createAccount(custodian, QStringLiteral("clin"), QStringLiteral("clin"),
                                           accounts::Role::Clinician, passwordBytes(kPassword.toUtf8()));
            auto rev =
                w.accounts().createAccount(custodian, QStringLiteral("rev"), QStringLiteral("rev"),
                                           accounts::Role::Reviewer, passwordBytes(kPassword.toUtf8()));
            QVERIFY(clin && rev);
            submitter = clin->idString();
            const QString admin = custodian.toString(QUuid::WithoutBraces);
            QVERIFY(w.forms().importDefinition(admin, kForm));
            QVERIFY(w.forms().setReviewerProfile(admin, forms::ReviewerProfile{rev->idString(), {}, {}, {}}));
            for (int i = 0; i < kRecords; ++i) {
                registry::PatientDraft person;
                person.name = registry::PersonName::fromFullName(QStringLiteral("测试病人"));
                person.sex = registry::Sex::Female;
                person.birthDate = QDate(1940, 1, 1).addDays(i * 400);
                auto patient = w.registry().createPatient(admin, person);
                QVERIFY(patient);
                forms::NewRecord n;
                n.formId = QStringLiteral("crash-test");
                n.patientId = patient->id;
                n.patientPseudonym = patient->pseudonymId;
                n.values = QJsonObject{{QStringLiteral("sizeMm"), 10 + i}};
                auto d = w.forms().createDraft(submitter, n);
                QVERIFY(d);
                QVERIFY(w.forms().submit(submitter, d->id, d->revision));
            }
        }
        auto *rng = QRandomGenerator::global();
        QStringList allAcked;
        int kills = 0;
        for (int k = 0; k < iterations(); ++k) {
            const bool between = rng->bounded(4) == 0;
            const Run run = runAndKill(path, int(rng->bounded(0, 9)), between ? int(rng->bounded(1, 3)) : -1);
            QVERIFY2(!run.failed, "the writer stopped on its own before it was killed");
            allAcked << run.acked;
            kills += run.killed ? 1 : 0;

            auto ws = workspace::Workspace::open(path, secret(kPassphrase));
            QVERIFY2(ws, qPrintable(ws ? QString() : ws.error().toString()));
            const auto report = ws.value()->verifyIntegrity();
            QVERIFY2(report.ok, qPrintable(report.problem));
            const QStringList approved = checkWhole(ws.value()->database(), submitter);
            if (QTest::currentTestFailed())
                return;
            for (const QString &id : std::as_const(allAcked))
                QVERIFY2(approved.contains(id),
                         qPrintable(QStringLiteral("acknowledged approval %1 lost").arg(id)));
            if (!run.killed)
                break; // every task was approved
        }
        QVERIFY(kills > 0);
        qInfo("%d kills, %lld acknowledged approvals, every record whole", kills,
              static_cast<long long>(allAcked.size()));
    }
};

QTEST_GUILESS_MAIN(tst_FormsCrashConsistency)
#include "tst_FormsCrashConsistency.moc"
