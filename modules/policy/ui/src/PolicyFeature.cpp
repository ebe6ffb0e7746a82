#include "mdp/policy/ui/PolicyFeature.h"

#include "ClassificationPage.h"
#include "mdp/workbench/Contributions.h"
#include "mdp/workbench/Host.h"
#include "mdp/workspace/Permissions.h"

#include <QCoreApplication>

namespace mdp::policy::ui {

namespace {
class PolicyFeature
{
    Q_DECLARE_TR_FUNCTIONS(mdp::policy::ui::PolicyFeature)
public:
    static QString title() { return tr("Classification"); }
};
} // namespace

void contributePolicy(workbench::Contributions &contributions)
{
    contributions.addPage({
        QStringLiteral("classification"),
        65,
        QStringLiteral("shield"),
        &PolicyFeature::title,
        [](const QStringList &roles) {
            return workspace::rolesAllow(roles, workspace::Permission::RequestClassification);
        },
        [](workbench::Host &host, QWidget *parent) -> QWidget * {
            return new ClassificationPage(host.context(), parent);
        },
    });
}

} // namespace mdp::policy::ui
