#include "mdp/workspace/WorkspaceDemoTarget.h"

#include "mdp/accounts/AccountDirectory.h"
#include "mdp/store/Database.h"
#include "mdp/store/Vault.h"
#include "mdp/workspace/Workspace.h"

namespace mdp::workspace {

WorkspaceDemoTarget::WorkspaceDemoTarget(Workspace &workspace)
    : m_workspace(workspace)
{}

registry::Registry &WorkspaceDemoTarget::registry()
{
    return m_workspace.registry();
}

forms::FormStore *WorkspaceDemoTarget::forms()
{
    return &m_workspace.forms();
}

QString WorkspaceDemoTarget::actorId() const
{
    const auto session = m_workspace.session();
    return session ? session->accountId : m_workspace.custodianId().toString(QUuid::WithoutBraces);
}

QString WorkspaceDemoTarget::accountId(const QString &userName) const
{
    auto account = m_workspace.accounts().find(userName);
    return account && account.value() ? account.value()->idString() : QString();
}

Result<QString> WorkspaceDemoTarget::storeFile(const QByteArray &bytes)
{
    return m_workspace.storeFile(bytes);
}

Result<void> WorkspaceDemoTarget::batch(const Work &work)
{
    return m_workspace.runBatch(work);
}

Result<void> WorkspaceDemoTarget::savepoint(const Work &work)
{
    return m_workspace.database().transaction(work);
}

QDate WorkspaceDemoTarget::today() const
{
    return m_workspace.clock().now().toUTC().date();
}

} // namespace mdp::workspace
