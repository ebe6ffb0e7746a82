// Test helper for tst_CrashConsistency: commits forever (vault blob, database row, audit event per
// step) and prints "ack N" only after all three are durable. The test kills it with SIGKILL.

#include "mdp/audit/AuditEvent.h"
#include "mdp/store/Database.h"
#include "mdp/store/Vault.h"
#include "mdp/workspace/Workspace.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <cstdio>

using namespace mdp;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("mdp.*.info=false"));
    if (argc < 2)
        return 2;
    const QByteArray pass = qgetenv("MDP_PASSPHRASE");
    auto ws = workspace::Workspace::open(QString::fromLocal8Bit(argv[1]), SecureBytes(QByteArrayView(pass)));
    if (!ws) {
        std::fprintf(stderr, "open failed: %s\n", qPrintable(ws.error().toString()));
        return 1;
    }
    if (auto custodian = ws.value()->beginCustodianSession(); !custodian)
        qFatal("custodian: %s", qPrintable(custodian.error().toString()));
    auto &db = ws.value()->database();
    if (!db.exec(
            QStringLiteral("CREATE TABLE IF NOT EXISTS crash_probe(id INTEGER PRIMARY KEY, payload BLOB NOT "
                           "NULL, blob_id TEXT NOT NULL)")))
        return 1;
    auto last = db.queryOne(QStringLiteral("SELECT coalesce(max(id), 0) FROM crash_probe"));
    if (!last || !last.value())
        return 1;
    qint64 i = last.value()->at(0).toLongLong();
    std::printf("ready %lld\n", static_cast<long long>(i));
    std::fflush(stdout);
    for (;;) {
        ++i;
        // Phase markers let the test kill inside any step of a commit, not only right after an ack.
        std::printf("phase 0\n");
        std::fflush(stdout);
        QByteArray payload = QByteArray::number(i).repeated(2000);
        auto blob = ws.value()->storeFile(payload + QByteArray(70000, char('a' + i % 26)));
        if (!blob)
            return 1;
        std::printf("phase 1\n");
        std::fflush(stdout);
        const auto r = db.transaction([&]() -> Result<void> {
            auto ins =
                db.execute(QStringLiteral("INSERT INTO crash_probe(id, payload, blob_id) VALUES (?, ?, ?)"),
                           {i, payload, blob.value()});
            if (!ins)
                return ins.error();
            return {};
        });
        if (!r)
            return 1;
        std::printf("phase 2\n");
        std::fflush(stdout);
        audit::AuditEvent e;
        e.type = QStringLiteral("data.create");
        e.action = audit::AuditAction::Create;
        e.entities << audit::AuditEntity{QStringLiteral("record"), QStringLiteral("crash-%1").arg(i)};
        if (!ws.value()->record(e))
            return 1;
        std::printf("ack %lld\n", static_cast<long long>(i));
        std::fflush(stdout);
    }
}
