#include "mdp/accounts/ui/AccountsFeature.h"

#include "AccountsPage.h"
#include "MyAccountPage.h"
#include "mdp/workbench/Contributions.h"
#include "mdp/workbench/Host.h"
#include "mdp/workspace/Permissions.h"

#include <QCoreApplication>

namespace mdp::accounts::ui {

namespace {
class AccountsFeature
{
    Q_DECLARE_TR_FUNCTIONS(mdp::accounts::ui::AccountsFeature)
public:
    static QString accountsTitle() { return tr("Accounts"); }
    static QString myAccountTitle() { return tr("My account"); }
};
} // namespace

void contributeAccounts(workbench::Contributions &contributions)
{
    contributions.addPage({
        QStringLiteral("accounts"),
        60,
        QStringLiteral("accounts"),
        &AccountsFeature::accountsTitle,
        [](const QStringList &roles) {
            return workspace::rolesAllow(roles, workspace::Permission::AdministerAccounts);
        },
        [](workbench::Host &host, QWidget *parent) -> QWidget * {
            return new AccountsPage(host.context(), parent);
        },
    });
    contributions.addPage({
        QStringLiteral("my-account"),
        90,
        QStringLiteral("myaccount"),
        &AccountsFeature::myAccountTitle,
        {},
        [](workbench::Host &host, QWidget *parent) -> QWidget * {
            return new MyAccountPage(host.context(), parent);
        },
    });
}

} // namespace mdp::accounts::ui
