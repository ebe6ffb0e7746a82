#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace mdp::shell {

// The pages of the main window and which roles see them. Showing a page is only a convenience: the
// modules behind each page check the actor's rights again on every call.
class Navigation
{
    Q_DECLARE_TR_FUNCTIONS(mdp::shell::Navigation)
public:
    enum class Page
    {
        Overview,
        Patients,
        Reviews, // the reviewer inbox (R-6.2.4a)
        Forms,   // entry form definitions (R-6.2.1d)
        AuditLog,
        Accounts,
        Keys,
        MyAccount
    };

    // Pages for an account holding `roleIds` ("auditor", "system-admin", ...), in rail order.
    static QList<Page> pagesFor(const QStringList &roleIds);
    static bool allows(const QStringList &roleIds, Page page);

    static QString title(Page page);
    static QString iconName(Page page);
    static QString objectName(Page page); // stable, for tests and screenshots: "overview", "audit-log", ...

    // Whether the roles may see who a patient is (names, birth dates, identifiers, reports). Roles
    // that work with de-identified data (researcher, ethics reviewer) see pseudonymous IDs only; the
    // permission engine (R-6.4.1b) will refine this per patient.
    static bool showsPatientIdentity(const QStringList &roleIds);
    // Whether the roles register patients, change timelines, attach files and merge records.
    static bool mayEditPatients(const QStringList &roleIds);
    // Whether the roles see every open review task and may reassign and escalate them.
    static bool managesReviews(const QStringList &roleIds);
    // Whether the roles configure the mail relay that carries notices.
    static bool configuresMail(const QStringList &roleIds);
    // Every page, in rail order.
    static QList<Page> allPages();
};

} // namespace mdp::shell
