// The "My access" page (issue 12; R-6.3.1a what the user may access, R-6.3.4 the remaining time): the
// signed-in account's grants with their request, project, ceiling, approvers, end and days left; a
// grant ending within a week stands out; no grant says what to do; in zh_CN and en. Screenshots for
// review in build/screenshots/access-*.png.
#include "MyAccessPage.h"
#include "ShellTestSupport.h"
#include "mdp/access/ui/AccessFeature.h"
#include "mdp/workbench/Contributions.h"
#include "mdp/workbench/Language.h"

#include <QLabel>
#include <QTableWidget>
#include <QtTest>

using namespace mdp;

class tst_MyAccessPage : public QObject
{
    Q_OBJECT

    ManualClock m_clock{QDateTime(QDate(2026, 12, 7), QTime(9, 0), Qt::UTC)};
    QList<workspace::Workspace::GrantInForce> m_grants;

    std::unique_ptr<access::ui::MyAccessPage> page()
    {
        auto made = std::make_unique<access::ui::MyAccessPage>(
            [this]() -> Result<QList<workspace::Workspace::GrantInForce>> { return m_grants; }, m_clock);
        made->resize(1100, 420);
        made->show();
        return made;
    }

private Q_SLOTS:
    void initTestCase()
    {
        workspace::Workspace::GrantInForce wide;
        wide.id = QStringLiteral("G-1");
        wide.request = QStringLiteral("AR-2026-000012");
        wide.project = QStringLiteral("BC-2026");
        wide.maxLevel = 3;
        wide.notBefore = m_clock.now().addDays(-10);
        wide.notAfter = m_clock.now().addDays(80);
        wide.approvers = {QStringLiteral("dm.liu")};
        workspace::Workspace::GrantInForce ending = wide;
        ending.id = QStringLiteral("G-2");
        ending.request = QStringLiteral("AR-2026-000007");
        ending.maxLevel = 5;
        ending.notAfter = m_clock.now().addDays(6).addSecs(3600);
        ending.approvers = {QStringLiteral("dr.wang"), QStringLiteral("dm.liu")};
        m_grants = {ending, wide};
    }

    void theGrantsInForceAreListedWithTheirTimeLeft()
    {
        QVERIFY(workbench::Language::install(*QCoreApplication::instance(), QStringLiteral("en")));
        auto p = page();
        QTableWidget *table = p->table();
        QCOMPARE(table->rowCount(), 2);
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("AR-2026-000007"));
        QCOMPARE(table->item(0, 2)->text(), QStringLiteral("5"));
        QCOMPARE(table->item(0, 3)->text(), QStringLiteral("dr.wang, dm.liu"));
        QCOMPARE(table->item(0, 5)->text(), QStringLiteral("7 days")); // 6 days and an hour, rounded up
        QVERIFY(table->item(0, 5)->font().bold());                     // ends within a week
        QCOMPARE(table->item(1, 5)->text(), QStringLiteral("80 days"));
        QVERIFY(!table->item(1, 5)->font().bold());
        QVERIFY(!p->findChild<QLabel *>(QStringLiteral("noGrants"))->isVisible());
        shell::testing::saveScreenshot(p.get(), QStringLiteral("access-my-grants-en"));

        QVERIFY(workbench::Language::install(*QCoreApplication::instance(), QStringLiteral("zh_CN")));
        auto zh = page();
        QCOMPARE(zh->table()->horizontalHeaderItem(0)->text(), QStringLiteral("申请编号"));
        QCOMPARE(zh->table()->item(0, 5)->text(), QStringLiteral("7 天"));
        shell::testing::saveScreenshot(zh.get(), QStringLiteral("access-my-grants-zh_CN"));
        QVERIFY(workbench::Language::install(*QCoreApplication::instance(), QStringLiteral("en")));
    }

    void noGrantSaysWhatToDo()
    {
        const auto kept = m_grants;
        m_grants.clear();
        auto p = page();
        QVERIFY(!p->table()->isVisible());
        QLabel *empty = p->findChild<QLabel *>(QStringLiteral("noGrants"));
        QVERIFY(empty->isVisible());
        QVERIFY(empty->text().contains(QStringLiteral("request")));
        m_grants = kept;
    }

    void aReadFailureIsSaid()
    {
        auto failing = std::make_unique<access::ui::MyAccessPage>(
            []() -> Result<QList<workspace::Workspace::GrantInForce>> {
                return makeError(Error::Code::PermissionDenied, QStringLiteral("nobody is signed in"));
            },
            m_clock);
        failing->show();
        QLabel *error = failing->findChild<QLabel *>(QStringLiteral("grantsError"));
        QVERIFY(error->isVisible());
        QVERIFY(error->text().contains(QStringLiteral("nobody is signed in")));
    }

    // Shown to whoever may use data; not to an auditor alone (who reads the trail, not data).
    void thePageIsOfferedToDataUsers()
    {
        workbench::Contributions c;
        access::ui::contributeAccess(c);
        QCOMPARE(c.pages().size(), 1);
        QVERIFY(c.pages().first().visibleTo({QStringLiteral("researcher")}));
        QVERIFY(c.pages().first().visibleTo({QStringLiteral("clinician")}));
        QVERIFY(!c.pages().first().visibleTo({QStringLiteral("auditor")}));
    }
};

QTEST_MAIN(tst_MyAccessPage)
#include "tst_MyAccessPage.moc"
