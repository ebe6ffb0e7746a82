#include "mdp/net/ui/NetFeature.h"

#include "ServerPage.h"
#include "ServerStatusWatcher.h"
#include "SyncIndicator.h"
#include "mdp/workbench/Contributions.h"
#include "mdp/workbench/Host.h"
#include "mdp/workbench/SessionContext.h"
#include "mdp/workspace/Permissions.h"
#include "mdp/workspace/ServerLink.h"
#include "mdp/workspace/Workspace.h"

#include <QCoreApplication>

namespace mdp::net::ui {

namespace {

class NetFeature
{
    Q_DECLARE_TR_FUNCTIONS(mdp::net::ui::NetFeature)
public:
    static QString title() { return tr("Server"); }
};

// The page and the indicator of one window share the link's single listener.
ServerStatusWatcher *watcherOf(workbench::Host &host)
{
    return ServerStatusWatcher::of(host.context().workspace().serverLink(), host.window());
}

} // namespace

void contributeServerLink(workbench::Contributions &contributions)
{
    contributions.addPage({
        QStringLiteral("server"),
        75,
        QStringLiteral("database"),
        &NetFeature::title,
        [](const QStringList &roles) {
            return workspace::rolesAllow(roles, workspace::Permission::AdministerAccounts);
        },
        [](workbench::Host &host, QWidget *parent) -> QWidget * {
            workspace::Workspace &workspace = host.context().workspace();
            return new ServerPage(*watcherOf(host),
                                  workspace.allows(workspace::Permission::AdministerAccounts),
                                  workspace.clock(), parent);
        },
    });
    contributions.addIndicator({
        QStringLiteral("server-link"),
        10,
        [](workbench::Host &host, QWidget *parent) -> QWidget * {
            auto *indicator = new SyncIndicator(*watcherOf(host), host.context().workspace().clock(), parent);
            // Administrators go to the Server page from it; for the others it only tells.
            if (host.page(QStringLiteral("server")))
                QObject::connect(indicator, &SyncIndicator::clicked, indicator,
                                 [&host] { host.showPage(QStringLiteral("server")); });
            else
                indicator->unsetCursor();
            return indicator;
        },
        workbench::IndicatorContribution::Place::StatusBar,
    });
}

} // namespace mdp::net::ui
