// A process making audited domain changes (patient registration, form record create, submit,
// approve) is killed with SIGKILL at every step of recording a commit's audit events, between
// commit and audit append among them, and at random moments between changes. After each kill the
// workspace opens, the audit chain verifies, and every committed change has exactly one audit event
// in the log, found by the data it touched: none missing, none twice. MDP_CRASH_ITERATIONS sets the
// number of kills (default 16). R-7.4.1, R-6.1.1d, R-6.2.4c.

#include "../support/TestWorkspace.h"

#include "mdp/accounts/AccountDirectory.h"
#include "mdp/audit/AuditLog.h"
#include "mdp/forms/FormStore.h"
#include "mdp/store/Database.h"
#include "mdp/workspace/AuditQueries.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

using namespace mdp;
using namespace mdp::testsupport;

namespace {

const QString kPassword = QStringLiteral("Audit-Crash-2026!x");

const QByteArray kForm = R"json({
  "id": "crash-test", "title": {"en": "Crash test"}, "category": "baseline",
  "sections": [{"id": "main", "fields": [
    {"id": "sizeMm", "type": "integer", "label": {"en": "Size"}, "required": true, "minimum": 1, "maximum": 200}
  ]}]
})json";

} // namespace

class tst_AuditedChangeCrash : public QObject
{
    Q_OBJECT

    static int iterations()
    {
        bool ok = false;
        const int fromEnv = qEnvironmentVariableIntValue("MDP_CRASH_ITERATIONS", &ok);
        return ok && fromEnv > 0 ? fromEnv : 16;
    }

    struct Run
    {
        QList<QByteArray> acked; // "patient P-...", "submit <uuid>", ...
        QByteArray killedAt;     // the step the writer was paused at, empty for a kill between changes
        bool killed = false;
    };

    // Lets the writer pass `steps` commit steps and kills it paused at the next step named `at`; with
    // `afterAcks` > 0 kills it as soon as that many changes were acknowledged instead, wherever it is.
    static Run runAndKill(const QString &workspace, int steps, const QByteArray &at, int afterAcks)
    {
        Run run;
        QProcess writer;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("MDP_PASSPHRASE"), QString::fromLatin1(kPassphrase));
        writer.setProcessEnvironment(env);
        writer.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        writer.start(QStringLiteral(MDP_BINARY_DIR "/tests/mdp_audited_change_writer"), {workspace});
        if (!writer.waitForStarted(10000))
            return run;
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
                    run.acked << line.mid(4);
                    if (afterAcks > 0 && run.acked.size() >= afterAcks)
                        stop = true;
                } else if (line.startsWith("step ")) {
                    if (afterAcks <= 0 && passed >= steps && line.mid(5) == at) {
                        run.killedAt = line.mid(5);
                        stop = true;
                    } else {
                        ++passed;
                        writer.write("\n");
                        writer.waitForBytesWritten(5000);
                    }
                }
            }
        }
        run.killed = writer.state() == QProcess::Running;
        writer.kill(); // SIGKILL
        writer.waitForFinished(10000);
        return run;
    }

    // How many successful events of `type` the log holds about `entity`.
    static int eventsAbout(workspace::Workspace &w, const audit::AuditEntity &entity, const QString &type)
    {
        auto records = workspace::AuditQueries(w).byDataId(entity.type + QLatin1Char(':') + entity.id);
        if (!records) {
            QTest::qFail(qPrintable(records.error().toString()), __FILE__, __LINE__);
            return -1;
        }
        int n = 0;
        for (const auto &r : records.value())
            n += r.event.type == type && r.event.outcome == audit::AuditOutcome::Success ? 1 : 0;
        return n;
    }

    // Every committed patient and form record, and every committed step of a record, has exactly
    // one audit event. Returns the number of changes checked.
    static int checkEveryChangeAuditedOnce(workspace::Workspace &w, const QString &where)
    {
        int checked = 0;
        auto &db = w.database();
        auto patients = db.query(QStringLiteral("SELECT pseudonym FROM registry_patients"));
        if (!patients) {
            QTest::qFail("patients unreadable", __FILE__, __LINE__);
            return -1;
        }
        for (const auto &row : patients.value()) {
            const QString pseudonym = row.at(0).toString();
            const int n = eventsAbout(w, audit::AuditEntity{QStringLiteral("patient"), pseudonym},
                                      QStringLiteral("patient.create"));
            if (n != 1) {
                QTest::qFail(qPrintable(QStringLiteral("%1: patient %2 has %3 patient.create events")
                                            .arg(where, pseudonym)
                                            .arg(n)),
                             __FILE__, __LINE__);
                return -1;
            }
            ++checked;
        }
        auto records = db.query(QStringLiteral("SELECT id, status FROM forms_records"));
        if (!records) {
            QTest::qFail("records unreadable", __FILE__, __LINE__);
            return -1;
        }
        for (const auto &row : records.value()) {
            const QString id = row.at(0).toString();
            const QString status = row.at(1).toString();
            const audit::AuditEntity entity{QStringLiteral("form-record"), id};
            const bool submitted = status != QStringLiteral("draft");
            const bool approved = status == QStringLiteral("approved");
            const int created = eventsAbout(w, entity, QStringLiteral("record.create"));
            const int submits = eventsAbout(w, entity, QStringLiteral("record.submit"));
            const int approvals = eventsAbout(w, entity, QStringLiteral("record.approve"));
            if (created != 1 || submits != (submitted ? 1 : 0) || approvals != (approved ? 1 : 0)) {
                QTest::qFail(qPrintable(QStringLiteral("%1: record %2 (%3) has %4 create, %5 submit, %6 "
                                                       "approve events")
                                            .arg(where, id, status)
                                            .arg(created)
                                            .arg(submits)
                                            .arg(approvals)),
                             __FILE__, __LINE__);
                return -1;
            }
            checked += 1 + (submitted ? 1 : 0) + (approved ? 1 : 0);
        }
        return checked;
    }

private Q_SLOTS:
    void everyCommittedChangeIsAuditedExactlyOnceAfterSigkill()
    {
        QTemporaryDir root;
        QVERIFY(root.isValid());
        const QString path = root.filePath(QStringLiteral("ws"));
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
            const QString admin = custodian.toString(QUuid::WithoutBraces);
            QVERIFY(w.forms().importDefinition(admin, kForm));
            QVERIFY(w.forms().setReviewerProfile(admin, forms::ReviewerProfile{rev->idString(), {}, {}, {}}));
        }
        auto *rng = QRandomGenerator::global();
        QSet<QByteArray> killedAt;
        int checked = 0;
        for (int k = 0; k < iterations(); ++k) {
            // Mostly paused at a commit step, in turn between commit and audit append and between
            // append and clearing the outbox; one kill in four lands wherever the writer happens to be.
            const bool anywhere = rng->bounded(4) == 0;
            const QByteArray at =
                k % 2 == 0 ? QByteArrayLiteral("database-committed") : QByteArrayLiteral("audit-shipped");
            const Run run =
                runAndKill(path, int(rng->bounded(0, 12)), at, anywhere ? int(rng->bounded(1, 6)) : 0);
            QVERIFY2(run.killed, "the writer stopped on its own before it was killed");
            if (!run.killedAt.isEmpty())
                killedAt.insert(run.killedAt);

            auto ws = workspace::Workspace::open(path, secret(kPassphrase));
            QVERIFY2(ws, qPrintable(ws ? QString() : ws.error().toString()));
            const auto report = ws.value()->verifyIntegrity();
            QVERIFY2(report.ok, qPrintable(report.problem));
            QVERIFY(ws.value()->beginCustodianSession().ok()); // reading the trail needs someone
            const QString where = QStringLiteral("kill %1 (at %2)")
                                      .arg(k)
                                      .arg(run.killedAt.isEmpty() ? QStringLiteral("random moment")
                                                                  : QString::fromLatin1(run.killedAt));
            checked = checkEveryChangeAuditedOnce(*ws.value(), where);
            if (QTest::currentTestFailed())
                return;
            for (const QByteArray &ack : run.acked) {
                if (!ack.startsWith("patient "))
                    continue;
                QVERIFY2(eventsAbout(
                             *ws.value(),
                             audit::AuditEntity{QStringLiteral("patient"), QString::fromLatin1(ack.mid(8))},
                             QStringLiteral("patient.create")) == 1,
                         "an acknowledged registration is not audited");
            }
        }
        QVERIFY2(killedAt.contains("database-committed"), "no kill landed between a commit and its audit");
        QVERIFY2(killedAt.contains("audit-shipped"),
                 "no kill landed between an audit append and the outbox clearing");
        qInfo("%d kills at steps %s; %d committed changes each audited once", iterations(),
              QByteArrayList(killedAt.cbegin(), killedAt.cend()).join(',').constData(), checked);
    }
};

QTEST_GUILESS_MAIN(tst_AuditedChangeCrash)
#include "tst_AuditedChangeCrash.moc"
