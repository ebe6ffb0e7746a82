#pragma once

#include "mdp/foundation/Result.h"

#include <QByteArray>
#include <QDate>
#include <QString>

#include <functional>

namespace mdp::registry {
class Registry;
}
namespace mdp::forms {
class FormStore;
}

namespace mdp::disease {

// What a disease pack's demo may use of the workspace it fills. The host implements it over an
// unlocked workspace (workspace::WorkspaceDemoTarget), so a pack reaches the registry and the form
// store through their interfaces only, and every write is validated and audited as an operator's.
class DemoTarget
{
public:
    using Work = std::function<Result<void>()>;

    virtual ~DemoTarget() = default;

    virtual registry::Registry &registry() = 0;
    // Null when the target keeps no forms (a bare registry, as in the import benchmark).
    virtual forms::FormStore *forms() = 0;
    // The account the import acts as (the workspace's custodian or the signed-in user).
    virtual QString actorId() const = 0;
    // The id of the account with this user name (the demo accounts), empty when there is none.
    virtual QString accountId(const QString &userName) const = 0;
    // Stores file bytes in the encrypted vault; the id names the blob for an attachment.
    virtual Result<QString> storeFile(const QByteArray &bytes) = 0;
    // Runs `work` in one transaction whose audit events become durable together.
    virtual Result<void> batch(const Work &work) = 0;
    // Runs `work` as a savepoint inside the current transaction: a refusal leaves nothing behind.
    virtual Result<void> savepoint(const Work &work) = 0;
    // The workspace's today (its clock), which demo histories end at.
    virtual QDate today() const = 0;
};

} // namespace mdp::disease
