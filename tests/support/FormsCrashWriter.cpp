// Test helper for tst_FormsCrashConsistency: approves every pending review task of the reviewer
// named on the command line, one after the other, through SqlCipherFormStore on the workspace
// database. At each named step inside an approval's transaction it prints "step NAME" and waits for
// a line on stdin, so the test can kill it (SIGKILL) exactly there; after each commit it prints
// "ack RECORD-ID". Audit records go nowhere: the audit trail is not what this test is about.

#include "mdp/accounts/AccountDirectory.h"
#include "mdp/accounts/Role.h"
#include "mdp/forms/FormsAuditSink.h"
#include "mdp/forms/SqlCipherFormStore.h"
#include "mdp/workspace/Workspace.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <cstdio>

using namespace mdp;

namespace {

class NullSink final : public forms::FormsAuditSink
{
public:
    void record(const forms::FormsAuditRecord &) override {}
};

void say(const QByteArray &line)
{
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("mdp.*.info=false"));
    if (argc < 3)
        return 2;
    const QByteArray pass = qgetenv("MDP_PASSPHRASE");
    auto ws = workspace::Workspace::open(QString::fromLocal8Bit(argv[1]), SecureBytes(QByteArrayView(pass)));
    if (!ws) {
        std::fprintf(stderr, "open failed: %s\n", qPrintable(ws.error().toString()));
        return 1;
    }
    workspace::Workspace &w = *ws.value();
    if (auto custodian = w.beginCustodianSession(); !custodian)
        qFatal("custodian: %s", qPrintable(custodian.error().toString()));
    auto reviewer = w.accounts().find(QString::fromLocal8Bit(argv[2]));
    if (!reviewer || !reviewer.value())
        return 1;
    const QString reviewerId = reviewer.value()->idString();

    NullSink sink;
    forms::SqlCipherFormStore::Options options;
    options.faultInjector = [](QStringView step) -> Result<void> {
        say("step " + step.toUtf8());
        char line[16];
        if (!std::fgets(line, sizeof line, stdin))
            return makeError(Error::Code::Cancelled, QStringLiteral("stdin closed"));
        return {};
    };
    auto roles = [&w](const QString &id) {
        QStringList out;
        auto a = w.accounts().findById(QUuid::fromString(id));
        if (a && a.value()) {
            for (const auto r : a.value()->roles)
                out << accounts::roleId(r);
        }
        return out;
    };
    forms::SqlCipherFormStore store(
        w.database(), sink, w.clock(), roles, [] { return QStringList(); }, options);
    say("ready");
    for (;;) {
        auto inbox = store.inbox(reviewerId);
        if (!inbox)
            return 1;
        if (inbox->isEmpty()) {
            say("done");
            return 0;
        }
        const forms::ReviewTask task = inbox->constFirst();
        auto r = store.record(reviewerId, task.recordId);
        if (!r)
            return 1;
        auto approved = store.approve(reviewerId, task.recordId, r->revision, QStringLiteral("crash test"));
        if (!approved) {
            std::fprintf(stderr, "approve failed: %s\n", qPrintable(approved.error().toString()));
            return 1;
        }
        say("ack " + task.recordId.toString(QUuid::WithoutBraces).toLatin1());
    }
}
