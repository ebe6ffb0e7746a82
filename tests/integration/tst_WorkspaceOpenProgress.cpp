// Unlocking reports where it is (issue 8, fast start: the 1 M-patient unlock shows its progress),
// so the sign-in window can show more than a spinning bar while the search index is built.

#include "../support/TestWorkspace.h"

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
        ws.beginCustodianSession();
        const QString actor = ws.custodianId().toString(QUuid::WithoutBraces);
        for (const char *name : {"王丽", "李娜", "张敏"}) {
            registry::PatientDraft d;
            d.name = registry::PersonName::fromFullName(QString::fromUtf8(name));
            d.sex = registry::Sex::Female;
            d.birthDate = QDate(1970, 1, 1);
            QVERIFY(ws.registry().createPatient(actor, d));
        }
    }

    void openReportsEachStageInOrderAndCountsIndexedPatients()
    {
        QList<workspace::OpenProgress> seen;
        auto ws = workspace::Workspace::open(path(), secret(kPassphrase), SystemClock::instance(),
                                             [&seen](const workspace::OpenProgress &p) { seen << p; });
        QVERIFY(ws);
        QVERIFY(!seen.isEmpty());
        QList<Stage> order;
        for (const auto &p : std::as_const(seen)) {
            if (order.isEmpty() || order.last() != p.stage)
                order << p.stage;
        }
        QCOMPARE(order, (QList<Stage>{Stage::Keys, Stage::AuditLog, Stage::Database, Stage::SearchIndex}));
        const workspace::OpenProgress last = seen.last();
        QCOMPARE(last.stage, Stage::SearchIndex);
        QCOMPARE(last.total, 3);
        QCOMPARE(last.done, 3);
        qint64 previous = -1;
        for (const auto &p : std::as_const(seen)) {
            if (p.stage != Stage::SearchIndex)
                continue;
            QVERIFY(p.done >= previous && p.done <= p.total);
            previous = p.done;
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
