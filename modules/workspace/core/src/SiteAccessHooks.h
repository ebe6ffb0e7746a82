#pragma once

#include "mdp/audit/AuditEvent.h"
#include "mdp/workspace/ServerLink.h"
#include "mdp/workspace/SiteAccess.h"
#include "mdp/workspace/Workspace.h"

#include <functional>
#include <optional>

namespace mdp::workspace {

// What SiteAccess needs from the workspace that owns it.
struct SiteAccess::Hooks
{
    std::function<std::optional<Session>()> session;
    // The link settings with the workstation's key (NotFound when the workstation is not linked).
    std::function<Result<ServerSettings>()> link;
    std::function<Result<void>(audit::AuditEvent)> record;
    // WorkspaceGrants::replaceFor.
    std::function<Result<int>(const QString &accountId, const QString &userName,
                              const QList<QByteArray> &envelopes, const QByteArray &issuerKeyDer)>
        takeGrants;
};

} // namespace mdp::workspace
