// Unlocking reports where it is (issue 8, fast start: the 1 M-patient unlock shows its progress),
// and the patient search index is built after unlock in the background without missing a patient.

#include "../support/TestWorkspace.h"

#include "mdp/registry/PatientSearch.h"
#include "mdp/registry/Registry.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace mdp;
using namespace mdp::testsupport;
using Stage = workspace::OpenStage;

class tst_WorkspaceOpenProgress : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    QString path() const { return m_dir.filePath(QStringLiteral("ws")); }

private Q_SLOTS:
    void initTestCase()
    {
        workspace::CreateOptions o;
        o.directory = path();
        o.passphrase = secret(kPassphrase);
        auto created = workspace::Workspace::create(o);
        QVERIFY(created);
        auto &ws = *created.value();
        QVERIFY(ws.beginCustodianSession().ok());
        const QString actor = ws.custodianId().toString(QUuid::WithoutBraces);
        for (const char *name : {"王丽", "李娜", "张敏"}) {
            registry::PatientDraft d;
            d.name = registry::PersonName::fromFullName(QString::fromUtf8(name));
            d.sex = registry::Sex::Female;
            d.birthDate = QDate(1970, 1, 1);
            QVERIFY(ws.registry().createPatient(actor, d));
        }
    }

    void openReportsEachStageInOrder()
    {
        QList<workspace::OpenProgress> seen;
        auto ws = workspace::Workspace::open(path(), secret(kPassphrase), SystemClock::instance(),
                                             [&seen](const workspace::OpenProgress &p) { seen << p; });
        QVERIFY(ws);
        QList<Stage> order;
        for (const auto &p : std::as_const(seen)) {
            if (order.isEmpty() || order.last() != p.stage)
                order << p.stage;
        }
        QCOMPARE(order, (QList<Stage>{Stage::Keys, Stage::AuditLog, Stage::Database}));
    }

    // R-6.4.1a: the search index is built in the background after unlock: a search made at once waits for it
    // and finds every patient, a patient registered while it is built is found too, and the state
    // ends ready with every patient counted.
    void theSearchIndexIsBuiltAfterUnlockAndMissesNothing()
    {
        auto opened = workspace::Workspace::open(path(), secret(kPassphrase));
        QVERIFY(opened);
        auto &ws = *opened.value();
        QVERIFY(ws.beginCustodianSession().ok());
        registry::PatientDraft d;
        d.name = registry::PersonName::fromFullName(QStringLiteral("赵雪"));
        d.sex = registry::Sex::Female;
        d.birthDate = QDate(1971, 2, 2);
        QVERIFY(ws.registry().createPatient(ws.custodianId().toString(QUuid::WithoutBraces), d));
        registry::SearchFilter filter;
        filter.identityVisible = true;
        for (const char *name : {"王丽", "李娜", "张敏", "赵雪"}) {
            auto hits = ws.patientSearch().search(QString::fromUtf8(name), 5, filter);
            QVERIFY2(hits, qPrintable(hits ? QString() : hits.error().message));
            QVERIFY2(!hits->isEmpty(), name);
            QCOMPARE(hits->first().displayName, QString::fromUtf8(name));
        }
        const workspace::SearchIndexState state = ws.searchIndexState();
        QVERIFY(state.ready);
        QVERIFY(state.failure.isEmpty());
        QVERIFY2(state.indexed >= 3 && state.indexed <= state.total,
                 qPrintable(QString::number(state.indexed)));
    }

    // Closing the workspace while its index is being built stops the build (no crash, no hang).
    void closingDuringTheBuildStopsIt()
    {
        for (int i = 0; i < 5; ++i) {
            auto opened = workspace::Workspace::open(path(), secret(kPassphrase));
            QVERIFY(opened);
        }
    }

    // A wrong passphrase stops at the first stage: nothing further is reported.
    void wrongPassphraseStopsAtTheKeys()
    {
        QList<workspace::OpenProgress> seen;
        auto ws = workspace::Workspace::open(path(), secret("not the passphrase"), SystemClock::instance(),
                                             [&seen](const workspace::OpenProgress &p) { seen << p; });
        QVERIFY(!ws);
        QCOMPARE(ws.error().code, Error::Code::WrongPassphrase);
        for (const auto &p : std::as_const(seen))
            QCOMPARE(p.stage, Stage::Keys);
    }
};

QTEST_GUILESS_MAIN(tst_WorkspaceOpenProgress)
#include "tst_WorkspaceOpenProgress.moc"
