// A writer process killed with SIGKILL at random moments while committing: the workspace opens,
// integrity checks pass, and every acknowledged commit (database row, vault blob, audit event) is
// present. 50 kills by default; MDP_CRASH_ITERATIONS (or -DMDP_LONG_TESTS=ON: 10 000) for more.
//

#include "../support/TestWorkspace.h"

#include "mdp/audit/AuditLog.h"
#include "mdp/store/Database.h"
#include "mdp/store/Vault.h"
#include "mdp/workspace/AuditQueries.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

using namespace mdp;
using namespace mdp::testsupport;

class tst_CrashConsistency : public QObject
{
    Q_OBJECT

    static int iterations()
    {
        bool ok = false;
        const int fromEnv = qEnvironmentVariableIntValue("MDP_CRASH_ITERATIONS", &ok);
        if (ok && fromEnv > 0)
            return fromEnv;
#ifdef MDP_LONG_TESTS_ON
        return 10000;
#else
        return 50;
#endif
    }

    // Runs the writer until it has acknowledged `acks` more commits and then announced `phase` of the
    // next one (0: before the vault blob, 1: before the database commit, 2: before the audit event),
    // then kills it at once, so kills land inside every step. Returns the acknowledged ids and
    // whether the writer was still running when killed (a writer that failed on its own proves nothing).
    static QList<qint64> runAndKill(const QString &workspace, int acks, int phase, bool *wasRunning)
    {
        QProcess writer;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("MDP_PASSPHRASE"), QString::fromLatin1(kPassphrase));
        writer.setProcessEnvironment(env);
        writer.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        writer.start(QStringLiteral(MDP_BINARY_DIR "/tests/mdp_crash_writer"), {workspace});
        if (!writer.waitForStarted(10000))
            return {};
        QList<qint64> acked;
        QByteArray pending;
        int seen = 0;
        bool reachedPhase = false;
        while (!reachedPhase && writer.state() == QProcess::Running) {
            if (!writer.waitForReadyRead(30000))
                break;
            pending += writer.readAllStandardOutput();
            qsizetype nl;
            while ((nl = pending.indexOf('\n')) >= 0) {
                const QByteArray line = pending.left(nl);
                pending.remove(0, nl + 1);
                if (line.startsWith("ack ")) {
                    acked << line.mid(4).toLongLong();
                    ++seen;
                } else if (seen >= acks && line == "phase " + QByteArray::number(phase)) {
                    reachedPhase = true;
                    break;
                }
            }
        }
        *wasRunning = writer.state() == QProcess::Running;
        writer.kill(); // SIGKILL
        writer.waitForFinished(10000);
        // lines that arrived before the kill are acknowledged too
        pending += writer.readAllStandardOutput();
        for (const QByteArray &line : pending.split('\n'))
            if (line.startsWith("ack "))
                acked << line.mid(4).toLongLong();
        return acked;
    }

private Q_SLOTS:
    void everyAcknowledgedCommitSurvivesSigkill()
    {
        QTemporaryDir root;
        QVERIFY(root.isValid());
        const QString path = root.filePath(QStringLiteral("ws"));
        {
            workspace::CreateOptions o;
            o.directory = path;
            o.passphrase = secret(kPassphrase);
            QVERIFY(workspace::Workspace::create(o));
        }
        QList<qint64> allAcked;
        const int n = iterations();
        auto *rng = QRandomGenerator::global();
        for (int k = 0; k < n; ++k) {
            bool wasRunning = false;
            const QList<qint64> acked =
                runAndKill(path, int(rng->bounded(1, 6)), int(rng->bounded(0, 3)), &wasRunning);
            QVERIFY2(wasRunning, "the writer stopped before it was killed");
            QVERIFY2(!acked.isEmpty(), "the writer acknowledged nothing");
            allAcked << acked;

            auto ws = workspace::Workspace::open(path, secret(kPassphrase));
            QVERIFY2(ws, qPrintable(QStringLiteral("open after kill %1: %2")
                                        .arg(k)
                                        .arg(ws ? QString() : ws.error().toString())));
            const auto report = ws.value()->verifyIntegrity();
            QVERIFY2(report.ok, qPrintable(QStringLiteral("kill %1: %2").arg(k).arg(report.problem)));
            QVERIFY(ws.value()->beginCustodianSession().ok()); // reading files needs see-identity
            auto &db = ws.value()->database();
            for (const qint64 id : acked) {
                auto row = db.queryOne(
                    QStringLiteral("SELECT payload, blob_id FROM crash_probe WHERE id = ?"), {id});
                QVERIFY(row);
                QVERIFY2(row.value().has_value(),
                         qPrintable(QStringLiteral("acknowledged row %1 lost at kill %2").arg(id).arg(k)));
                const QByteArray payload = row.value()->at(0).toByteArray();
                QCOMPARE(payload, QByteArray::number(id).repeated(2000));
                auto blob = ws.value()->readFile(row.value()->at(1).toString());
                QVERIFY2(blob, qPrintable(QStringLiteral("blob of row %1 unreadable").arg(id)));
                QVERIFY(blob->startsWith(payload));
            }
        }
        // every acknowledged audit event is in the chain
        auto ws = workspace::Workspace::open(path, secret(kPassphrase));
        QVERIFY(ws);
        QVERIFY(ws.value()->beginCustodianSession().ok());
        workspace::AuditQueries queries(*ws.value());
        qint64 auditedCreates = 0;
        for (const qint64 id : std::as_const(allAcked)) {
            auto rows = queries.byDataId(QStringLiteral("record:crash-%1").arg(id));
            QVERIFY(rows);
            auditedCreates += rows->size() >= 1 ? 1 : 0;
        }
        QCOMPARE(auditedCreates, qint64(allAcked.size()));
        qInfo("%d kills, %lld acknowledged commits, all present", n, static_cast<long long>(allAcked.size()));
    }
};

QTEST_GUILESS_MAIN(tst_CrashConsistency)
#include "tst_CrashConsistency.moc"
