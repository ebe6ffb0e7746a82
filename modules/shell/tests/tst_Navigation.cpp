#include "mdp/shell/Navigation.h"

#include <QtTest>

using mdp::shell::Navigation;
using Page = Navigation::Page;

class tst_Navigation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // the audit log is readable only by auditors and authorised administrators.
    void auditorSeesAuditLogButNotAccountsOrKeys()
    {
        const auto pages = Navigation::pagesFor({QStringLiteral("auditor")});
        QVERIFY(pages.contains(Page::AuditLog));
        QVERIFY(!pages.contains(Page::Accounts));
        QVERIFY(!pages.contains(Page::Keys));
    }

    // least privilege.
    void researcherSeesNeitherAuditLogNorAccounts()
    {
        const auto pages = Navigation::pagesFor({QStringLiteral("researcher")});
        QCOMPARE(pages, (QList<Page>{Page::Overview, Page::MyAccount}));
    }

    void systemAdminSeesEveryPageInRailOrder()
    {
        const auto pages = Navigation::pagesFor({QStringLiteral("system-admin")});
        QCOMPARE(pages,
                 (QList<Page>{Page::Overview, Page::AuditLog, Page::Accounts, Page::Keys, Page::MyAccount}));
    }

    void pagesOfSeveralRolesAreUnited()
    {
        const auto pages = Navigation::pagesFor({QStringLiteral("clinician"), QStringLiteral("auditor")});
        QVERIFY(pages.contains(Page::AuditLog));
        QVERIFY(!pages.contains(Page::Accounts));
    }

    void unknownRoleSeesOnlyThePagesEveryoneHas()
    {
        const auto pages = Navigation::pagesFor({QStringLiteral("sytem-admin")});
        QCOMPARE(pages, (QList<Page>{Page::Overview, Page::MyAccount}));
    }
};

QTEST_GUILESS_MAIN(tst_Navigation)
#include "tst_Navigation.moc"
