// The breast-cancer pack as the platform sees it: found in the build tree, its forms in every new
// workspace, its cohort and review records in the demo.
#include "mdp/accounts/AccountDirectory.h"
#include "mdp/disease/DiseasePack.h"
#include "mdp/disease/DiseasePackLoader.h"
#include "mdp/forms/FormStore.h"
#include "mdp/registry/Registry.h"
#include "mdp/workspace/DemoWorkspace.h"
#include "mdp/workspace/Workspace.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace mdp;

class tst_BreastCancerPack : public QObject
{
    Q_OBJECT

    ManualClock m_clock{QDateTime(QDate(2026, 3, 2), QTime(8, 0), Qt::UTC)};

private Q_SLOTS:
    void initTestCase()
    {
        // The build tree's packs, whatever the environment of the run says.
        qunsetenv(disease::DiseasePackLoader::kPathVariable);
    }

    void theBuildTreeOffersThePack()
    {
        const disease::DiseasePackLoader &packs = disease::installedDiseasePacks();
        QVERIFY2(packs.refusals().isEmpty(),
                 qPrintable(packs.refusals().isEmpty() ? QString() : packs.refusals().constFirst().reason));
        QCOMPARE(packs.packs().size(), 1);
        disease::DiseasePack *pack = packs.packs().constFirst().pack;
        QCOMPARE(pack->packId(), QStringLiteral("breast-cancer"));
        QVERIFY(pack->title(u"zh_CN").contains(QStringLiteral("乳腺癌")));
        QCOMPARE(packs.demoPack(), pack);
        QCOMPARE(pack->formTemplates().size(), 6);
    }

    // R-6.2.1d: a new workspace starts with the pack's six forms, code labels included.
    void aNewWorkspaceImportsThePackForms()
    {
        QTemporaryDir dir;
        workspace::CreateOptions o;
        o.directory = QDir(dir.path()).filePath(QStringLiteral("ws"));
        o.passphrase = SecureBytes(QByteArrayView("breast cancer pack test 2026"));
        auto ws = workspace::Workspace::create(o, m_clock);
        QVERIFY2(ws, qPrintable(ws ? QString() : ws.error().toString()));
        auto defs = ws.value()->forms().definitions();
        QVERIFY(defs);
        QStringList ids;
        for (const forms::FormDefinition &d : defs.value())
            ids << d.id;
        ids.sort();
        QCOMPARE(ids,
                 (QStringList{QStringLiteral("breast-baseline"), QStringLiteral("follow-up"),
                              QStringLiteral("immunotherapy-cycles"), QStringLiteral("radiotherapy-plan"),
                              QStringLiteral("response"), QStringLiteral("toxicity")}));
        for (const forms::FormDefinition &d : defs.value()) {
            if (d.id == u"breast-baseline")
                QCOMPARE(d.codeLabel(u"pathologyType", QStringLiteral("8520/3"), u"zh_CN"),
                         QStringLiteral("浸润性小叶癌"));
        }
    }

    // `mdp-workstation --demo`: the pack's patients and a live review workflow by the demo accounts.
    void theDemoWorkspaceHasThePackCohortAndReviewRecords()
    {
        QTemporaryDir dir;
        workspace::DemoCohortOptions cohort;
        cohort.patients = 8;
        cohort.seed = 5;
        cohort.documentEvery = 0;
        auto demo = workspace::createDemoWorkspace(QDir(dir.path()).filePath(QStringLiteral("demo")), m_clock,
                                                   cohort);
        QVERIFY2(demo, qPrintable(demo ? QString() : demo.error().toString()));
        workspace::Workspace &ws = *demo->workspace;
        QVERIFY(ws.beginCustodianSession().ok());
        const QString custodian = ws.custodianId().toString(QUuid::WithoutBraces);
        auto page = ws.registry().patients(custodian, registry::PageRequest{});
        QVERIFY(page);
        QCOMPARE(page->total, 8);
        auto reviewer = ws.accounts().find(QStringLiteral("rev.li"));
        QVERIFY(reviewer && reviewer.value());
        auto inbox = ws.forms().inbox(reviewer.value()->idString());
        QVERIFY(inbox);
        QVERIFY2(!inbox->isEmpty(), "the demo reviewer has records to review");
    }
};

QTEST_GUILESS_MAIN(tst_BreastCancerPack)
#include "tst_BreastCancerPack.moc"
