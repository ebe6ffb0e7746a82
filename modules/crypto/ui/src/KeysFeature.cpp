#include "mdp/crypto/ui/KeysFeature.h"

#include "KeysPage.h"
#include "mdp/workbench/Contributions.h"
#include "mdp/workbench/Host.h"
#include "mdp/workspace/Permissions.h"

#include <QCoreApplication>

namespace mdp::crypto::ui {

namespace {
class KeysFeature
{
    Q_DECLARE_TR_FUNCTIONS(mdp::crypto::ui::KeysFeature)
public:
    static QString keysTitle() { return tr("Keys"); }
};
} // namespace

void contributeKeys(workbench::Contributions &contributions)
{
    contributions.addPage({
        QStringLiteral("keys"),
        70,
        QStringLiteral("keys"),
        &KeysFeature::keysTitle,
        [](const QStringList &roles) {
            return workspace::rolesAllow(roles, workspace::Permission::ManageKeys);
        },
        [](workbench::Host &host, QWidget *parent) -> QWidget * {
            return new KeysPage(host.context(), parent);
        },
    });
}

} // namespace mdp::crypto::ui
