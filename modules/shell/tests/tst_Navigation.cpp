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
        QCOMPARE(pages, (QList<Page>{Page::Overview, Page::Patients, Page::MyAccount}));
        QVERIFY(!Navigation::showsPatientIdentity({QStringLiteral("researcher")}));
        QVERIFY(!Navigation::mayEditPatients({QStringLiteral("researcher")}));
    }

    void systemAdminSeesEveryPageInRailOrder()
    {
        const auto pages = Navigation::pagesFor({QStringLiteral("system-admin")});
        QCOMPARE(pages, (QList<Page>{Page::Overview, Page::Patients, Page::Forms, Page::AuditLog,
                                     Page::Accounts, Page::Keys, Page::MyAccount}));
    }

    // R-6.2.4a: reviewers and data managers have the review inbox; only data managers manage every
    // open task. Form definitions belong to data managers and administrators.
    void reviewInboxAndFormsFollowTheRole()
    {
        QCOMPARE(Navigation::pagesFor({QStringLiteral("reviewer")}),
                 (QList<Page>{Page::Overview, Page::Patients, Page::Reviews, Page::MyAccount}));
        QCOMPARE(Navigation::pagesFor({QStringLiteral("data-manager")}),
                 (QList<Page>{Page::Overview, Page::Patients, Page::Reviews, Page::Forms, Page::MyAccount}));
        for (const char *role : {"clinician", "researcher", "ethics-reviewer", "auditor", "system-admin"})
            QVERIFY2(!Navigation::allows({QString::fromLatin1(role)}, Page::Reviews), role);
        for (const char *role : {"clinician", "reviewer", "researcher", "ethics-reviewer", "auditor"})
            QVERIFY2(!Navigation::allows({QString::fromLatin1(role)}, Page::Forms), role);
        QVERIFY(Navigation::managesReviews({QStringLiteral("data-manager")}));
        QVERIFY(!Navigation::managesReviews({QStringLiteral("reviewer")}));
        QVERIFY(Navigation::configuresMail({QStringLiteral("system-admin")}));
        QVERIFY(!Navigation::configuresMail({QStringLiteral("data-manager")}));
    }

    void everyPageHasADistinctStableName()
    {
        QStringList names;
        for (Page page : Navigation::allPages()) {
            QVERIFY(!Navigation::title(page).isEmpty());
            QVERIFY(!Navigation::iconName(page).isEmpty());
            names << Navigation::objectName(page);
        }
        QCOMPARE(names, (QStringList{QStringLiteral("overview"), QStringLiteral("patients"),
                                     QStringLiteral("reviews"), QStringLiteral("forms"),
                                     QStringLiteral("audit-log"), QStringLiteral("accounts"),
                                     QStringLiteral("keys"), QStringLiteral("my-account")}));
    }

    void pagesOfSeveralRolesAreUnited()
    {
        const auto pages = Navigation::pagesFor({QStringLiteral("clinician"), QStringLiteral("auditor")});
        QVERIFY(pages.contains(Page::AuditLog));
        QVERIFY(!pages.contains(Page::Accounts));
    }

    // R-6.4.1a: identity (names, birth dates, reports) only for roles that work with identified data.
    void patientIdentityFollowsTheRole()
    {
        for (const char *role : {"clinician", "reviewer", "data-manager", "system-admin"})
            QVERIFY2(Navigation::showsPatientIdentity({QString::fromLatin1(role)}), role);
        for (const char *role : {"researcher", "ethics-reviewer", "auditor"})
            QVERIFY2(!Navigation::showsPatientIdentity({QString::fromLatin1(role)}), role);
        QVERIFY(!Navigation::allows({QStringLiteral("auditor")}, Page::Patients));
        QVERIFY(Navigation::allows({QStringLiteral("ethics-reviewer")}, Page::Patients));
        QVERIFY(Navigation::mayEditPatients({QStringLiteral("clinician")}));
        QVERIFY(!Navigation::mayEditPatients({QStringLiteral("reviewer")}));
    }

    void unknownRoleSeesOnlyThePagesEveryoneHas()
    {
        const auto pages = Navigation::pagesFor({QStringLiteral("sytem-admin")});
        QCOMPARE(pages, (QList<Page>{Page::Overview, Page::MyAccount}));
    }
};

QTEST_GUILESS_MAIN(tst_Navigation)
#include "tst_Navigation.moc"
