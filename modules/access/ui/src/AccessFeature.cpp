#include "mdp/access/ui/AccessFeature.h"

#include "MyAccessPage.h"
#include "mdp/workbench/Contributions.h"
#include "mdp/workbench/Host.h"
#include "mdp/workbench/SessionContext.h"
#include "mdp/workspace/Workspace.h"

#include <QCoreApplication>

namespace mdp::access::ui {

namespace {
class AccessFeature
{
    Q_DECLARE_TR_FUNCTIONS(mdp::access::ui::AccessFeature)
public:
    static QString title() { return tr("My access"); }
};
} // namespace

void contributeAccess(workbench::Contributions &contributions)
{
    contributions.addPage({
        QStringLiteral("access"),
        75,
        QStringLiteral("unlock"),
        &AccessFeature::title,
        // Anyone who may use data may hold a grant; an auditor alone reads the trail, not data.
        [](const QStringList &roles) {
            return !roles.isEmpty() && !(roles.size() == 1 && roles.first() == QLatin1String("auditor"));
        },
        [](workbench::Host &host, QWidget *parent) -> QWidget * {
            workspace::Workspace &ws = host.context().workspace();
            return new MyAccessPage([&ws] { return ws.myGrants(); }, ws.clock(), parent);
        },
    });
}

} // namespace mdp::access::ui
