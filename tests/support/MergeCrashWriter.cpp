// Test helper for tst_MergeCrash: registers pairs of patients (the second with three timeline
// events), merges each pair and unmerges every other merge, forever, printing a line before each
// step and after it is committed. The test kills it with SIGKILL on a random announcement and then
// checks that every pair is wholly merged or wholly apart.
//
//   pair N SURVIVOR MERGED   both registered, events added
//   merging N / merged N MERGE_ID
//   unmerging N / unmerged N

#include "mdp/registry/Registry.h"
#include "mdp/registry/ResidentId.h"
#include "mdp/workspace/Workspace.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <cstdio>

using namespace mdp;

namespace {

void say(const QString &line)
{
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
}

// The merged record's number is unverified: two verified resident IDs that differ are two people,
// and the registry refuses to merge them without a data manager's override.
registry::PatientDraft draft(const QString &name, QDate birth, int sequence, bool verified)
{
    registry::PatientDraft d;
    d.name = registry::PersonName::fromFullName(name);
    d.sex = registry::Sex::Female;
    d.birthDate = birth;
    const QString first17 = QStringLiteral("110105") + birth.toString(QStringLiteral("yyyyMMdd")) +
                            QStringLiteral("%1").arg(sequence % 500 * 2, 3, 10, QLatin1Char('0'));
    d.identifiers << registry::PatientIdentifier{registry::IdentifierType::ResidentId,
                                                 first17 + registry::ResidentId::checkCharacter(first17),
                                                 {},
                                                 verified};
    return d;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("mdp.*.info=false\nmdp.*.debug=false"));
    if (argc < 3)
        return 2;
    const QByteArray pass = qgetenv("MDP_PASSPHRASE");
    auto ws = workspace::Workspace::open(QString::fromLocal8Bit(argv[1]), SecureBytes(QByteArrayView(pass)));
    if (!ws) {
        std::fprintf(stderr, "open failed: %s\n", qPrintable(ws.error().toString()));
        return 1;
    }
    if (auto custodian = ws.value()->beginCustodianSession(); !custodian)
        qFatal("custodian: %s", qPrintable(custodian.error().toString()));
    const QString actor = ws.value()->custodianId().toString(QUuid::WithoutBraces);
    auto &reg = ws.value()->registry();
    // Each run starts its numbering where the test tells it, so identifiers never repeat.
    int n = QByteArray(argv[2]).toInt();
    for (;; ++n) {
        // Birth dates differ per pair so no pair is a probable duplicate of another.
        const QDate birth = QDate(1950, 1, 1).addDays(n * 37);
        auto survivor = reg.createPatient(actor, draft(QStringLiteral("林静"), birth, 2 * n, true));
        auto merged = reg.createPatient(actor, draft(QStringLiteral("林静"), birth, 2 * n + 1, false));
        if (!survivor || !merged) {
            std::fprintf(stderr, "create failed\n");
            return 1;
        }
        registry::EventDraft own;
        own.type = registry::EventType::FirstVisit;
        own.start = registry::EventTime::fromDate(birth.addYears(50));
        own.title = QStringLiteral("first visit");
        if (!reg.addEvent(actor, survivor->id, own))
            return 1;
        for (int e = 0; e < 3; ++e) {
            registry::EventDraft ev;
            ev.type = registry::EventType::Lab;
            ev.start = registry::EventTime::fromDate(birth.addYears(50).addDays(e + 1));
            ev.title = QStringLiteral("lab %1").arg(e);
            if (!reg.addEvent(actor, merged->id, ev))
                return 1;
        }
        say(QStringLiteral("pair %1 %2 %3")
                .arg(n)
                .arg(survivor->id.toString(QUuid::WithoutBraces), merged->id.toString(QUuid::WithoutBraces)));
        say(QStringLiteral("merging %1").arg(n));
        auto m = reg.merge(actor, survivor->id, merged->id, QStringLiteral("registered twice"));
        if (!m) {
            std::fprintf(stderr, "merge failed: %s\n", qPrintable(m.error().toString()));
            return 1;
        }
        say(QStringLiteral("merged %1 %2").arg(n).arg(m->id.toString(QUuid::WithoutBraces)));
        if (n % 2 == 0) {
            say(QStringLiteral("unmerging %1").arg(n));
            if (auto u = reg.unmerge(actor, m->id, QStringLiteral("different people")); !u) {
                std::fprintf(stderr, "unmerge failed: %s\n", qPrintable(u.error().toString()));
                return 1;
            }
            say(QStringLiteral("unmerged %1").arg(n));
        }
    }
}
