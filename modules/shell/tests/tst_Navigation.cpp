#include "mdp/forms/ui/FormsAccess.h"
#include "mdp/registry/ui/PatientAccess.h"
#include "mdp/workbench/Contributions.h"
#include "mdp/workstation/Features.h"

#include <QtTest>

using namespace mdp;

namespace {

// The rail of an account holding `roles`: the host's overview, then what the features contribute.
QStringList railFor(const QStringList &roles)
{
    QStringList ids{QStringLiteral("overview")};
    for (const workbench::PageContribution &page : workstation::features().pagesFor(roles))
        ids << page.id;
    return ids;
}

QStringList actionsFor(const QStringList &roles)
{
    QStringList ids;
    for (const workbench::ActionContribution &action :
         workstation::features().actionsFor(roles, workbench::ActionContribution::Menu::Tools))
        ids << action.id;
    return ids;
}

} // namespace

// The navigation is built from what the features contribute and from the signed-in roles; these
// are the rules of the workstation as the user meets them (the services check again on each call).
class tst_Navigation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void featuresContributeWithoutConflicts()
    {
        QVERIFY2(workstation::features().conflicts().isEmpty(),
                 qPrintable(workstation::features().conflicts().join(u' ')));
    }

    // the audit log is readable only by auditors and authorised administrators.
    void auditorSeesAuditLogButNotAccountsOrKeys()
    {
        const QStringList pages = railFor({QStringLiteral("auditor")});
        QVERIFY(pages.contains(QStringLiteral("audit-log")));
        QVERIFY(!pages.contains(QStringLiteral("accounts")));
        QVERIFY(!pages.contains(QStringLiteral("keys")));
    }

    // least privilege.
    void researcherSeesNeitherAuditLogNorAccounts()
    {
        QCOMPARE(railFor({QStringLiteral("researcher")}),
                 (QStringList{QStringLiteral("overview"), QStringLiteral("patients"),
                              QStringLiteral("access"), QStringLiteral("my-account")}));
        QVERIFY(!registry::ui::PatientAccess::showsIdentity({QStringLiteral("researcher")}));
        QVERIFY(!registry::ui::PatientAccess::mayEdit({QStringLiteral("researcher")}));
    }

    void systemAdminSeesEveryPageInRailOrder()
    {
        QCOMPARE(railFor({QStringLiteral("system-admin")}),
                 (QStringList{QStringLiteral("overview"), QStringLiteral("patients"), QStringLiteral("forms"),
                              QStringLiteral("audit-log"), QStringLiteral("accounts"),
                              QStringLiteral("classification"), QStringLiteral("keys"),
                              QStringLiteral("server"), QStringLiteral("access"),
                              QStringLiteral("permission-audit"), QStringLiteral("my-account")}));
    }

    // R-6.2.4a: reviewers and data managers have the review inbox; only data managers manage every
    // open task. Form definitions belong to data managers and administrators; the mail relay to
    // administrators.
    void reviewInboxAndFormsFollowTheRole()
    {
        QCOMPARE(
            railFor({QStringLiteral("reviewer")}),
            (QStringList{QStringLiteral("overview"), QStringLiteral("patients"), QStringLiteral("reviews"),
                         QStringLiteral("access"), QStringLiteral("my-account")}));
        QCOMPARE(
            railFor({QStringLiteral("data-manager")}),
            (QStringList{QStringLiteral("overview"), QStringLiteral("patients"), QStringLiteral("reviews"),
                         QStringLiteral("forms"), QStringLiteral("classification"), QStringLiteral("access"),
                         QStringLiteral("my-account")}));
        for (const char *role : {"clinician", "researcher", "ethics-reviewer", "auditor", "system-admin"})
            QVERIFY2(!railFor({QString::fromLatin1(role)}).contains(QStringLiteral("reviews")), role);
        for (const char *role : {"clinician", "reviewer", "researcher", "ethics-reviewer", "auditor"})
            QVERIFY2(!railFor({QString::fromLatin1(role)}).contains(QStringLiteral("forms")), role);
        QVERIFY(forms::ui::FormsAccess::managesReviews({QStringLiteral("data-manager")}));
        QVERIFY(!forms::ui::FormsAccess::managesReviews({QStringLiteral("reviewer")}));
        QVERIFY(actionsFor({QStringLiteral("system-admin")}).contains(QStringLiteral("mailRelayAction")));
        QVERIFY(!actionsFor({QStringLiteral("data-manager")}).contains(QStringLiteral("mailRelayAction")));
        QVERIFY(actionsFor({QStringLiteral("clinician")}).contains(QStringLiteral("notificationsAction")));
        // Classification: staff who may ask for a level; not researchers, reviewers, auditors.
        for (const char *role : {"clinician", "data-manager", "system-admin"})
            QVERIFY2(railFor({QString::fromLatin1(role)}).contains(QStringLiteral("classification")), role);
        for (const char *role : {"reviewer", "researcher", "ethics-reviewer", "auditor"})
            QVERIFY2(!railFor({QString::fromLatin1(role)}).contains(QStringLiteral("classification")), role);
    }

    void everyPageHasATitleAnIconAndADistinctId()
    {
        QStringList ids;
        for (const workbench::PageContribution &page : workstation::features().pages()) {
            QVERIFY2(!page.title().isEmpty(), qPrintable(page.id));
            QVERIFY2(!page.iconName.isEmpty(), qPrintable(page.id));
            QVERIFY(page.create);
            ids << page.id;
        }
        QCOMPARE(ids, (QStringList{QStringLiteral("patients"), QStringLiteral("reviews"),
                                   QStringLiteral("forms"), QStringLiteral("audit-log"),
                                   QStringLiteral("accounts"), QStringLiteral("classification"),
                                   QStringLiteral("keys"), QStringLiteral("server"), QStringLiteral("access"),
                                   QStringLiteral("permission-audit"), QStringLiteral("my-account")}));
    }

    void pagesOfSeveralRolesAreUnited()
    {
        const QStringList pages = railFor({QStringLiteral("clinician"), QStringLiteral("auditor")});
        QVERIFY(pages.contains(QStringLiteral("audit-log")));
        QVERIFY(pages.contains(QStringLiteral("patients")));
        QVERIFY(!pages.contains(QStringLiteral("accounts")));
    }

    // R-6.4.1a: identity (names, birth dates, reports) only for roles that work with identified data;
    // reviewers read level 4 masked (R-7.1.2, issue 10).
    void patientIdentityFollowsTheRole()
    {
        for (const char *role : {"clinician", "data-manager", "system-admin"})
            QVERIFY2(registry::ui::PatientAccess::showsIdentity({QString::fromLatin1(role)}), role);
        for (const char *role : {"reviewer", "researcher", "ethics-reviewer", "auditor"})
            QVERIFY2(!registry::ui::PatientAccess::showsIdentity({QString::fromLatin1(role)}), role);
        QVERIFY(!railFor({QStringLiteral("auditor")}).contains(QStringLiteral("patients")));
        QVERIFY(railFor({QStringLiteral("ethics-reviewer")}).contains(QStringLiteral("patients")));
        QVERIFY(registry::ui::PatientAccess::mayEdit({QStringLiteral("clinician")}));
        QVERIFY(!registry::ui::PatientAccess::mayEdit({QStringLiteral("reviewer")}));
    }

    void unknownRoleSeesOnlyThePagesEveryoneHas()
    {
        QCOMPARE(railFor({QStringLiteral("sytem-admin")}),
                 (QStringList{QStringLiteral("overview"), QStringLiteral("my-account")}));
    }

    // The patients' search answers the "Go to" box only for roles that see patients.
    void searchProvidersFollowTheRole()
    {
        QCOMPARE(workstation::features().searchProvidersFor({QStringLiteral("clinician")}).size(), 1);
        QVERIFY(workstation::features().searchProvidersFor({QStringLiteral("auditor")}).isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_Navigation)
#include "tst_Navigation.moc"
