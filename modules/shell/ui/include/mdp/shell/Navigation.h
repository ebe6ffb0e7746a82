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
};

} // namespace mdp::shell
