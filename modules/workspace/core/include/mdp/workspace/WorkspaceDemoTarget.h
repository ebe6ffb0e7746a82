#pragma once

#include "mdp/disease/DemoTarget.h"

namespace mdp::workspace {

class Workspace;

// An unlocked workspace as the target of a disease pack's demo: the registry and form store of the
// workspace, files into its vault, batches through Workspace::runBatch (audit durable before the
// commit), savepoints through its database, and today from its clock. The registry acts as the
// signed-in user, or as the custodian when nobody is signed in.
class WorkspaceDemoTarget final : public disease::DemoTarget
{
public:
    explicit WorkspaceDemoTarget(Workspace &workspace);

    registry::Registry &registry() override;
    forms::FormStore *forms() override;
    QString actorId() const override;
    QString accountId(const QString &userName) const override;
    Result<QString> storeFile(const QByteArray &bytes) override;
    Result<void> batch(const Work &work) override;
    Result<void> savepoint(const Work &work) override;
    QDate today() const override;

private:
    Workspace &m_workspace;
};

} // namespace mdp::workspace
