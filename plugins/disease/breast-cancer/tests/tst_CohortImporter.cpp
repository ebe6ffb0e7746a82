// Importing the Appendix A demo cohort into a real workspace through the Registry API: duplicate
// check and queue (R-6.1.1a/b), pseudonyms (R-6.1.1c), versioned timelines, one
// transaction per record, progress and cancellation.

#include "mdp/audit/AuditLog.h"
#include "mdp/cohort/CohortBenchmarks.h"
#include "mdp/cohort/CohortGenerator.h"
#include "mdp/cohort/CohortImporter.h"
#include "mdp/registry/PatientSearch.h"
#include "mdp/registry/Registry.h"
#include "mdp/store/Database.h"
#include "mdp/workspace/DemoWorkspace.h"
#include "mdp/workspace/Workspace.h"
#include "mdp/workspace/WorkspaceDemoTarget.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QtTest>

using namespace mdp;
using namespace mdp::cohort;

namespace {

std::unique_ptr<workspace::Workspace> newWorkspace(const QTemporaryDir &dir)
{
    workspace::CreateOptions o;
    o.directory = QDir(dir.path()).filePath(QStringLiteral("ws"));
    o.passphrase = SecureBytes(QByteArrayView("cohort test passphrase 2026"));
    o.pageCipher = QStringLiteral("aes-256-cbc"); // faster pages; the cipher is not what is tested
    o.blobCipher = QStringLiteral("aes-256-gcm");
    auto ws = workspace::Workspace::create(o);
    if (!ws)
        qFatal("workspace: %s", qPrintable(ws.error().toString()));
    if (auto custodian = ws.value()->beginCustodianSession(); !custodian)
        qFatal("custodian: %s", qPrintable(custodian.error().toString()));
    return std::move(ws.value());
}

QString actorOf(workspace::Workspace &ws)
{
    return ws.custodianId().toString(QUuid::WithoutBraces);
}

QList<SyntheticPatient> cohortOf(int patients, quint64 seed)
{
    CohortOptions o;
    o.patients = patients;
    o.seed = seed;
    return CohortGenerator(o).generate();
}

Result<registry::Patient> byRecordNumber(workspace::Workspace &ws, const SyntheticPatient &p)
{
    for (const auto &id : p.draft.identifiers) {
        if (id.type != registry::IdentifierType::HospitalMrn)
            continue;
        auto found = ws.registry().findByIdentifier(actorOf(ws), id);
        if (!found)
            return found.error();
        if (!found.value())
            return makeError(Error::Code::NotFound, QStringLiteral("record not found"));
        return *found.value();
    }
    return makeError(Error::Code::NotFound, QStringLiteral("no record number"));
}

} // namespace

class tst_CohortImporter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // R-6.1.1a-c, R-6.1.2: every record goes through the registry; the near-duplicates are queued.
    void importsTheCohortAndQueuesItsNearDuplicates()
    {
        QTemporaryDir dir;
        auto ws = newWorkspace(dir);
        const auto cohort = cohortOf(50, 2026);
        workspace::WorkspaceDemoTarget target(*ws);
        CohortImporter importer(target);
        QList<int> seen;
        importer.setProgressHandler([&](const ImportProgress &p) {
            seen << p.done;
            return true;
        });
        const qint64 auditBefore = ws->auditLog().size();
        const qint64 commitsBefore = ws->database().commitCounter();
        QElapsedTimer timer;
        timer.start();
        auto report = importer.run(cohort);
        QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().toString()));
        qInfo("imported 50 records with %d events in %lld ms, %lld commits", report->events, timer.elapsed(),
              ws->database().commitCounter() - commitsBefore);
        QCOMPARE(report->patientsImported, 50);
        QCOMPARE(report->patientsSkipped, 0);
        QVERIFY(!report->cancelled);
        int events = 0;
        for (const auto &p : cohort)
            events += int(p.events.size());
        QCOMPARE(report->events, events);
        QVERIFY(std::is_sorted(seen.cbegin(), seen.cend()));
        QCOMPARE(seen.last(), 50);
        // through the batch: every create and event-add is audited, and all of it is durable.
        QVERIFY(ws->auditLog().size() - auditBefore >= 50 + events);
        QCOMPARE(ws->auditLog().durableSize(), ws->auditLog().size());

        // Two near-duplicates in 50 records (indices 24 and 49): each pair is in the queue.
        auto queue = ws->registry().possibleDuplicates(registry::DuplicateStatus::Open);
        QVERIFY(queue.ok());
        QCOMPARE(report->duplicatesQueued, int(queue->size()));
        int pairs = 0;
        for (const SyntheticPatient &p : cohort) {
            if (p.nearDuplicateOf < 0)
                continue;
            auto a = byRecordNumber(*ws, p);
            auto b = byRecordNumber(*ws, cohort.at(p.nearDuplicateOf));
            QVERIFY(a.ok() && b.ok());
            QVERIFY(a->pseudonymId.startsWith(QStringLiteral("P-")));
            bool queued = false;
            for (const auto &c : queue.value())
                queued = queued || (QSet<QUuid>{c.patientA, c.patientB} == QSet<QUuid>{a->id, b->id});
            QVERIFY2(queued, "a near-duplicate pair is missing from the duplicates queue");
            ++pairs;
        }
        QCOMPARE(pairs, 2);

        // The search box finds imported patients (the index is updated once per record after each
        // batch), by name and by pseudonym.
        for (int i : {0, 17, 33}) {
            auto p = byRecordNumber(*ws, cohort.at(i));
            QVERIFY(p.ok());
            registry::SearchFilter filter;
            filter.identityVisible = true;
            auto hits = ws->patientSearch().search(cohort.at(i).draft.name.display(), 20, filter);
            QVERIFY(hits.ok());
            bool found = false;
            for (const auto &h : hits.value())
                found = found || h.patientId == p->id;
            QVERIFY2(found, "an imported patient is missing from the search index");
            auto byPseudonym = ws->patientSearch().search(p->pseudonymId, 5, registry::SearchFilter{});
            QVERIFY(byPseudonym.ok() && !byPseudonym->isEmpty());
            QCOMPARE(byPseudonym->first().patientId, p->id);
        }

        // The timeline reads back in order with its payload.
        auto first = byRecordNumber(*ws, cohort.first());
        QVERIFY(first.ok());
        auto timeline = ws->registry().events(actorOf(*ws), first->id);
        QVERIFY(timeline.ok());
        QCOMPARE(timeline->size(), cohort.first().events.size());
        bool rt = false;
        for (const auto &e : timeline.value())
            rt = rt || (e.content.type == registry::EventType::RadiotherapyCourse &&
                        e.content.payload.value(QStringLiteral("fractions")).toInt() > 0);
        QVERIFY(rt);
    }

    // R-6.1.1a: the same seed again finds every record by its verified identifiers and adds nothing.
    void importingTheSameSeedAgainAddsNothing()
    {
        QTemporaryDir dir;
        auto ws = newWorkspace(dir);
        const auto cohort = cohortOf(12, 7);
        workspace::WorkspaceDemoTarget target(*ws);
        CohortImporter importer(target);
        QVERIFY(importer.run(cohort).ok());
        auto again = importer.run(cohort);
        QVERIFY(again.ok());
        QCOMPARE(again->patientsImported, 0);
        QCOMPARE(again->patientsSkipped, 12);
        auto page = ws->registry().patients(actorOf(*ws), registry::PageRequest{});
        QVERIFY(page.ok());
        QCOMPARE(page->total, 12);
    }

    // Cancellation stops between records: whole patients only.
    void cancellingStopsBetweenRecords()
    {
        QTemporaryDir dir;
        auto ws = newWorkspace(dir);
        const auto cohort = cohortOf(20, 3);
        workspace::WorkspaceDemoTarget target(*ws);
        CohortImporter importer(target);
        importer.setProgressHandler([](const ImportProgress &p) { return p.done < 4; });
        auto report = importer.run(cohort);
        QVERIFY(report.ok());
        QVERIFY(report->cancelled);
        QCOMPARE(report->patientsImported, 4);
        auto page = ws->registry().patients(actorOf(*ws), registry::PageRequest{});
        QVERIFY(page.ok());
        QCOMPARE(page->total, 4);
        for (int i = 0; i < 4; ++i) {
            auto p = byRecordNumber(*ws, cohort.at(i));
            QVERIFY(p.ok());
            auto timeline = ws->registry().events(actorOf(*ws), p->id);
            QVERIFY(timeline.ok());
            QCOMPARE(timeline->size(), cohort.at(i).events.size());
        }
    }

    // `mdp-workstation --demo`: the demo workspace comes with the cohort, histories up to today.
    void demoWorkspaceComesWithTheCohort()
    {
        QTemporaryDir dir;
        workspace::DemoCohortOptions cohort;
        cohort.patients = 8;
        cohort.seed = 5;
        int calls = 0;
        cohort.progress = [&calls](int done, int total) {
            ++calls;
            return done <= total;
        };
        auto demo = workspace::createDemoWorkspace(QDir(dir.path()).filePath(QStringLiteral("demo")),
                                                   SystemClock::instance(), cohort);
        QVERIFY2(demo.ok(), qPrintable(demo.ok() ? QString() : demo.error().toString()));
        QVERIFY(calls >= 8);
        auto &ws = *demo->workspace;
        QVERIFY(!ws.session()); // the import ran as the custodian, who is signed out again
        QVERIFY(ws.beginCustodianSession().ok());
        auto page = ws.registry().patients(actorOf(ws), registry::PageRequest{});
        QVERIFY(page.ok());
        QCOMPARE(page->total, 8);
        const QDate today = SystemClock::instance().now().toUTC().date();
        bool recent = false;
        for (const auto &p : page->patients) {
            auto timeline = ws.registry().events(actorOf(ws), p.id);
            QVERIFY(timeline.ok());
            for (const auto &e : timeline.value()) {
                QVERIFY(e.content.start.date() <= today);
                recent = recent || e.content.start.date() > today.addYears(-1);
            }
        }
        QVERIFY(recent);
    }

    // `mdp bench registry`: import rate with duplicate checking against plain INSERTs, same run.
    void importBenchmarkReportsBothCasesAgainstTheBaseline()
    {
        QTemporaryDir dir;
        const auto lines = runRegistryImportBenchmark(dir.path(), 30);
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines.at(0).caseName, QStringLiteral("import"));
        QCOMPARE(lines.at(1).caseName, QStringLiteral("import-with-timeline"));
        for (const BenchLine &l : lines) {
            QCOMPARE(l.bench, QStringLiteral("registry"));
            QCOMPARE(l.unit, QStringLiteral("patients/s"));
            QVERIFY(l.value > 0 && l.baselineValue > 0);
            QVERIFY(l.extra.value(QStringLiteral("audit_events")).toInteger() >= 30);
        }
        QCOMPARE(lines.at(0).extra.value(QStringLiteral("patients")).toInt(), 30);
        QVERIFY(lines.at(1).extra.value(QStringLiteral("events")).toInt() > 30);
    }
};

QTEST_GUILESS_MAIN(tst_CohortImporter)
#include "tst_CohortImporter.moc"
