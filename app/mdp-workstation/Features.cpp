#include "mdp/workstation/Features.h"

#include "mdp/access/ui/AccessFeature.h"
#include "mdp/accounts/ui/AccountsFeature.h"
#include "mdp/audit/ui/AuditFeature.h"
#include "mdp/crypto/ui/KeysFeature.h"
#include "mdp/forms/ui/FormsFeature.h"
#include "mdp/net/ui/NetFeature.h"
#include "mdp/notify/ui/NotifyFeature.h"
#include "mdp/policy/ui/PolicyFeature.h"
#include "mdp/registry/ui/PatientsFeature.h"
#include "mdp/workbench/Contributions.h"

namespace mdp::workstation {

const workbench::Contributions &features()
{
    static const workbench::Contributions all = [] {
        workbench::Contributions c;
        registry::ui::contributePatients(c);
        forms::ui::contributeForms(c);
        notify::ui::contributeNotifications(c);
        audit::ui::contributeAuditLog(c);
        accounts::ui::contributeAccounts(c);
        crypto::ui::contributeKeys(c);
        policy::ui::contributePolicy(c);
        access::ui::contributeAccess(c);
        net::ui::contributeServerLink(c);
        return c;
    }();
    return all;
}

} // namespace mdp::workstation
