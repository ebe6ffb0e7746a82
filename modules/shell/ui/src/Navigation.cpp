#include "mdp/shell/Navigation.h"

namespace mdp::shell {

namespace {
const QString auditor = QStringLiteral("auditor");
const QString systemAdmin = QStringLiteral("system-admin");
const QString clinician = QStringLiteral("clinician");
const QString reviewer = QStringLiteral("reviewer");
const QString dataManager = QStringLiteral("data-manager");
const QString researcher = QStringLiteral("researcher");
const QString ethicsReviewer = QStringLiteral("ethics-reviewer");
} // namespace

bool Navigation::showsPatientIdentity(const QStringList &roleIds)
{
    for (const QString &role : {clinician, reviewer, dataManager, systemAdmin}) {
        if (roleIds.contains(role))
            return true;
    }
    return false;
}

bool Navigation::mayEditPatients(const QStringList &roleIds)
{
    for (const QString &role : {clinician, dataManager, systemAdmin}) {
        if (roleIds.contains(role))
            return true;
    }
    return false;
}

bool Navigation::managesReviews(const QStringList &roleIds)
{
    return roleIds.contains(dataManager);
}

bool Navigation::configuresMail(const QStringList &roleIds)
{
    return roleIds.contains(systemAdmin);
}

QList<Navigation::Page> Navigation::allPages()
{
    return {Page::Overview, Page::Patients, Page::Reviews, Page::Forms,
            Page::AuditLog, Page::Accounts, Page::Keys,    Page::MyAccount};
}

bool Navigation::allows(const QStringList &roleIds, Page page)
{
    switch (page) {
    case Page::Overview:
    case Page::MyAccount:
        return true;
    case Page::Patients:
        // Everyone who works with patient data; researchers and ethics reviewers without identity.
        return showsPatientIdentity(roleIds) || roleIds.contains(researcher) ||
               roleIds.contains(ethicsReviewer);
    case Page::Reviews:
        // R-6.2.4a: reviewers work their inbox; data managers watch every open task.
        return roleIds.contains(reviewer) || roleIds.contains(dataManager);
    case Page::Forms:
        // Definitions decide what reaches the database: those who run the data and the system.
        return roleIds.contains(dataManager) || roleIds.contains(systemAdmin);
    case Page::AuditLog:
        // logs readable only by auditors and authorised administrators.
        return roleIds.contains(auditor) || roleIds.contains(systemAdmin);
    case Page::Accounts:
    case Page::Keys:
        return roleIds.contains(systemAdmin);
    }
    return false;
}

QList<Navigation::Page> Navigation::pagesFor(const QStringList &roleIds)
{
    QList<Page> pages;
    for (Page page : allPages()) {
        if (allows(roleIds, page))
            pages << page;
    }
    return pages;
}

QString Navigation::title(Page page)
{
    switch (page) {
    case Page::Overview:
        return tr("Overview");
    case Page::Patients:
        return tr("Patients");
    case Page::Reviews:
        return tr("Reviews");
    case Page::Forms:
        return tr("Forms");
    case Page::AuditLog:
        return tr("Audit log");
    case Page::Accounts:
        return tr("Accounts");
    case Page::Keys:
        return tr("Keys");
    case Page::MyAccount:
        return tr("My account");
    }
    return {};
}

QString Navigation::iconName(Page page)
{
    switch (page) {
    case Page::Overview:
        return QStringLiteral("overview");
    case Page::Patients:
        return QStringLiteral("user");
    case Page::Reviews:
        return QStringLiteral("inbox");
    case Page::Forms:
        return QStringLiteral("form");
    case Page::AuditLog:
        return QStringLiteral("audit");
    case Page::Accounts:
        return QStringLiteral("accounts");
    case Page::Keys:
        return QStringLiteral("keys");
    case Page::MyAccount:
        return QStringLiteral("myaccount");
    }
    return {};
}

QString Navigation::objectName(Page page)
{
    switch (page) {
    case Page::Overview:
        return QStringLiteral("overview");
    case Page::Patients:
        return QStringLiteral("patients");
    case Page::Reviews:
        return QStringLiteral("reviews");
    case Page::Forms:
        return QStringLiteral("forms");
    case Page::AuditLog:
        return QStringLiteral("audit-log");
    case Page::Accounts:
        return QStringLiteral("accounts");
    case Page::Keys:
        return QStringLiteral("keys");
    case Page::MyAccount:
        return QStringLiteral("my-account");
    }
    return {};
}

} // namespace mdp::shell
