#include "mdp/shell/Navigation.h"

namespace mdp::shell {

namespace {
const QString auditor = QStringLiteral("auditor");
const QString systemAdmin = QStringLiteral("system-admin");
} // namespace

bool Navigation::allows(const QStringList &roleIds, Page page)
{
    switch (page) {
    case Page::Overview:
    case Page::MyAccount:
        return true;
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
    for (Page page : {Page::Overview, Page::AuditLog, Page::Accounts, Page::Keys, Page::MyAccount}) {
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
