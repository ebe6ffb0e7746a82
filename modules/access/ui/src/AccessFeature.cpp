#include "mdp/access/ui/AccessFeature.h"

#include "MyAccessPage.h"
#include "PermissionAuditPage.h"
#include "mdp/workbench/Contributions.h"
#include "mdp/workbench/Host.h"
#include "mdp/workbench/SessionContext.h"
#include "mdp/workspace/Permissions.h"
#include "mdp/workspace/SiteAccess.h"
#include "mdp/workspace/Workspace.h"

#include <QCoreApplication>

namespace mdp::access::ui {

namespace {
class AccessFeature
{
    Q_DECLARE_TR_FUNCTIONS(mdp::access::ui::AccessFeature)
public:
    static QString title() { return tr("My access"); }
    static QString auditTitle() { return tr("Permission audit"); }
};
} // namespace

void contributeAccess(workbench::Contributions &contributions)
{
    contributions.addPage({
        QStringLiteral("access"),
        80,
        QStringLiteral("unlock"),
        &AccessFeature::title,
        // Whoever reaches patients' data may hold a grant (researchers included), and ethics
        // reviewers and data managers decide requests; an auditor alone reads the trail, not data; an
        // unknown role sees nothing more than everyone.
        [](const QStringList &roles) {
            return workspace::rolesAllow(roles, workspace::Permission::ReadPatients) ||
                   roles.contains(QStringLiteral("ethics-reviewer")) ||
                   roles.contains(QStringLiteral("data-manager"));
        },
        [](workbench::Host &host, QWidget *parent) -> QWidget * {
            workspace::Workspace &ws = host.context().workspace();
            auto *page =
                new MyAccessPage([&ws] { return ws.myGrants(); }, ws.accessClock(), &ws.siteAccess(), parent);
            // Preparing data for others is the providing site's data managers' (the service refuses
            // anyone else; the button is not offered to them).
            const QStringList roles = ws.session() ? ws.session()->roles : QStringList();
            MyAccessPage::Deliveries deliveries{
                [&ws] { return ws.syncDeliveries(); },
                [&ws](const QString &grantId) { return ws.openDelivery(grantId); },
                {}};
            if (roles.contains(QStringLiteral("data-manager")) ||
                roles.contains(QStringLiteral("system-admin")))
                deliveries.prepare = [&ws](const QString &grantId) { return ws.prepareDelivery(grantId); };
            page->setDeliveries(std::move(deliveries));
            return page;
        },
    });
    // who holds what, for system administrators and auditors.
    contributions.addPage({
        QStringLiteral("permission-audit"),
        81,
        QStringLiteral("shield-check"),
        &AccessFeature::auditTitle,
        [](const QStringList &roles) {
            return roles.contains(QStringLiteral("system-admin")) ||
                   roles.contains(QStringLiteral("auditor"));
        },
        [](workbench::Host &host, QWidget *parent) -> QWidget * {
            workspace::Workspace &ws = host.context().workspace();
            return new PermissionAuditPage(
                ws.siteAccess(), ws.clock(),
                [&ws](audit::AuditEvent event) { return ws.record(std::move(event)); }, parent);
        },
    });
}

} // namespace mdp::access::ui
