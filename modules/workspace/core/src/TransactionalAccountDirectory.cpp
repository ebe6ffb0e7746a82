#include "TransactionalAccountDirectory.h"

#include "Authorizer.h"
#include "OneTransaction.h"

#include "mdp/crypto/KeyHierarchy.h"
#include "mdp/workspace/Permissions.h"

namespace mdp::workspace {

using namespace accounts;

QStringList keyScopesFor(const Account &account)
{
    if (account.locked || account.roles.isEmpty())
        return {};
    QStringList roleIds;
    for (const Role role : account.roles)
        roleIds << roleId(role);
    // Identity only for the roles that may see it, the audit log's key only for those that may read
    // the audit trail (Permissions.h): the key follows the permission.
    QStringList scopes{crypto::rootScope()};
    if (rolesAllow(roleIds, Permission::SeeIdentity))
        scopes << crypto::identityScope();
    if (rolesAllow(roleIds, Permission::ReadAuditTrail))
        scopes << crypto::auditScope();
    return scopes;
}

TransactionalAccountDirectory::TransactionalAccountDirectory(AccountDirectory &inner, AuditOutbox &outbox,
                                                             crypto::KeyHierarchy *keys,
                                                             const Authorizer *guard)
    : m_inner(inner)
    , m_outbox(outbox)
    , m_keys(keys)
    , m_guard(guard)
{}

// `inner` in a savepoint of the call's transaction; when it succeeded and the workspace has key
// slots, `after` brings the keyring along, and its failure rolls the savepoint back.
template<typename T, typename Inner, typename After>
Result<T> TransactionalAccountDirectory::withKeys(Inner &&inner, After &&after)
{
    return inOneTransaction(m_outbox, [&]() -> Result<T> {
        std::optional<Result<T>> outcome;
        auto kept = m_outbox.database().transaction([&]() -> Result<void> {
            outcome.emplace(inner());
            if (!outcome->ok() || !m_keys)
                return {};
            Result<void> kept = [&]() -> Result<void> {
                if constexpr (std::is_void_v<T>)
                    return after();
                else
                    return after(outcome->value());
            }();
            if (!kept)
                return kept;
            // The keyring's generation, anchored with the change: an older keyring put back is found.
            auto anchored = m_outbox.database().execute(
                QStringLiteral(
                    "INSERT OR REPLACE INTO mdp_meta (key, value) VALUES ('keyring_generation', ?1)"),
                {qint64(m_keys->rootGeneration())});
            if (!anchored)
                return anchored.error();
            return {};
        });
        if (!kept)
            return kept.error();
        return std::move(*outcome);
    });
}

Result<void> TransactionalAccountDirectory::grantFor(const Account &account)
{
    const QList<crypto::KeySlotInfo> slots = m_keys->slots();
    if (std::none_of(slots.cbegin(), slots.cend(),
                     [&](const crypto::KeySlotInfo &s) { return s.accountId == account.idString(); }))
        return {}; // the custodian: it has no slot and signs in nowhere
    return m_keys->setSlotScopes(account.idString(), keyScopesFor(account));
}

Result<Account> TransactionalAccountDirectory::createAccount(const QUuid &actorId, const QString &userName,
                                                             const QString &displayName, Role role,
                                                             const SecureBytes &password)
{
    if (auto ok = permitActor(m_guard, actorId.toString(QUuid::WithoutBraces), Permission::AdministerAccounts,
                              u"accounts.create");
        !ok)
        return ok.error();
    return withKeys<Account>(
        [&] { return m_inner.createAccount(actorId, userName, displayName, role, password); },
        [&](const Account &created) -> Result<void> {
            // A slot left by an account whose creation did not commit.
            for (const crypto::KeySlotInfo &slot : m_keys->slots()) {
                if (slot.kind == u"password" && slot.userName.compare(userName, Qt::CaseInsensitive) == 0) {
                    auto owner = m_inner.findById(QUuid::fromString(slot.accountId));
                    if (owner && !owner->has_value())
                        (void)m_keys->removeSlot(slot.accountId);
                }
            }
            return m_keys->addSlot({created.idString(), created.userName, password}, keyScopesFor(created));
        });
}

Result<TransactionalAccountDirectory::SiteMirror>
TransactionalAccountDirectory::mirrorSiteAccount(const QUuid &actorId, const QString &userName,
                                                 const QString &displayName, const QList<Role> &roles,
                                                 const SecureBytes &password, bool slotOpens)
{
    if (roles.isEmpty())
        return makeError(Error::Code::PermissionDenied,
                         QStringLiteral("the site server gives this account no role this workstation knows"));
    SiteMirror mirror;
    auto done = withKeys<Account>(
        [&]() -> Result<Account> {
            auto found = m_inner.find(userName);
            if (!found)
                return found.error();
            if (!found->has_value()) {
                auto created = m_inner.createAccount(actorId, userName, displayName, roles.first(), password);
                if (!created)
                    return created.error();
                mirror.created = true;
                if (roles.size() == 1)
                    return created;
                mirror.rolesChanged = true;
                return m_inner.setRoles(actorId, created->userName, roles);
            }
            Account account = found->value();
            if (account.roles != roles) {
                auto changed = m_inner.setRoles(actorId, account.userName, roles);
                if (!changed)
                    return changed.error();
                account = changed.value();
                mirror.rolesChanged = true;
            }
            if (!slotOpens) {
                if (auto reset = m_inner.resetPassword(actorId, account.userName, password); !reset)
                    return reset.error();
            }
            return account;
        },
        [&](const Account &account) -> Result<void> {
            QStringList wanted;
            for (const QString &scope : keyScopesFor(account)) {
                if (m_keys->holdsScope(scope))
                    wanted << scope;
            }
            const QList<crypto::KeySlotInfo> slots = m_keys->slots();
            const auto slot = std::find_if(slots.cbegin(), slots.cend(), [&](const crypto::KeySlotInfo &s) {
                return s.accountId == account.idString();
            });
            if (slot == slots.cend()) {
                mirror.slotChanged = true;
                return m_keys->addSlot({account.idString(), account.userName, password}, wanted);
            }
            if (!slotOpens) {
                mirror.slotChanged = true;
                if (auto reset = m_keys->resetSlot({account.idString(), account.userName, password}); !reset)
                    return reset;
            }
            // A scope this session does not hold stays as it is: only its holders can take it away.
            QStringList target = wanted;
            for (const QString &scope : slot->scopes) {
                if (!m_keys->holdsScope(scope) && !target.contains(scope))
                    target << scope;
            }
            QStringList current;
            for (const crypto::KeySlotInfo &now : m_keys->slots()) {
                if (now.accountId == account.idString())
                    current = now.scopes;
            }
            current.sort();
            QStringList sortedTarget = target;
            sortedTarget.sort();
            if (current == sortedTarget)
                return {};
            mirror.slotChanged = true;
            return m_keys->setSlotScopes(account.idString(), target);
        });
    if (!done)
        return done.error();
    mirror.account = done.value();
    return mirror;
}

Result<Account> TransactionalAccountDirectory::authenticate(const QString &userName,
                                                            const SecureBytes &password,
                                                            const QString &totpCode)
{
    return inOneTransaction(m_outbox, [&] { return m_inner.authenticate(userName, password, totpCode); });
}

Result<void> TransactionalAccountDirectory::logout(const QUuid &accountId)
{
    if (auto ok = permitSelfOr(m_guard, accountId.toString(QUuid::WithoutBraces),
                               Permission::AdministerAccounts, u"accounts.logout");
        !ok)
        return ok.error();
    return m_inner.logout(accountId);
}

Result<void> TransactionalAccountDirectory::changePassword(const QString &userName,
                                                           const SecureBytes &oldPassword,
                                                           const SecureBytes &newPassword)
{
    return withKeys<void>([&] { return m_inner.changePassword(userName, oldPassword, newPassword); },
                          [&]() -> Result<void> {
                              auto account = m_inner.find(userName);
                              if (!account || !account->has_value())
                                  return makeError(Error::Code::NotFound, QStringLiteral("no such account"));
                              return m_keys->changeSlotPassword(account->value().idString(), oldPassword,
                                                                newPassword);
                          });
}

Result<void> TransactionalAccountDirectory::resetPassword(const QUuid &actorId, const QString &userName,
                                                          const SecureBytes &newPassword)
{
    if (auto ok = permitActor(m_guard, actorId.toString(QUuid::WithoutBraces), Permission::AdministerAccounts,
                              u"accounts.reset-password");
        !ok)
        return ok.error();
    return withKeys<void>(
        [&] { return m_inner.resetPassword(actorId, userName, newPassword); },
        [&]() -> Result<void> {
            auto account = m_inner.find(userName);
            if (!account || !account->has_value())
                return makeError(Error::Code::NotFound, QStringLiteral("no such account"));
            return m_keys->resetSlot({account->value().idString(), account->value().userName, newPassword});
        });
}

Result<Account> TransactionalAccountDirectory::lock(const QUuid &actorId, const QString &userName)
{
    if (auto ok = permitActor(m_guard, actorId.toString(QUuid::WithoutBraces), Permission::AdministerAccounts,
                              u"accounts.lock");
        !ok)
        return ok.error();
    return withKeys<Account>([&] { return m_inner.lock(actorId, userName); },
                             [&](const Account &changed) { return grantFor(changed); });
}

Result<Account> TransactionalAccountDirectory::unlock(const QUuid &actorId, const QString &userName)
{
    if (auto ok = permitActor(m_guard, actorId.toString(QUuid::WithoutBraces), Permission::AdministerAccounts,
                              u"accounts.unlock");
        !ok)
        return ok.error();
    return withKeys<Account>([&] { return m_inner.unlock(actorId, userName); },
                             [&](const Account &changed) { return grantFor(changed); });
}

Result<Account> TransactionalAccountDirectory::setRoles(const QUuid &actorId, const QString &userName,
                                                        const QList<Role> &roles)
{
    if (auto ok = permitActor(m_guard, actorId.toString(QUuid::WithoutBraces), Permission::AdministerAccounts,
                              u"accounts.set-roles");
        !ok)
        return ok.error();
    return withKeys<Account>([&] { return m_inner.setRoles(actorId, userName, roles); },
                             [&](const Account &changed) { return grantFor(changed); });
}

Result<QString> TransactionalAccountDirectory::issueEnrolmentCode(const QUuid &actorId,
                                                                  const QString &userName)
{
    if (auto ok = permitActor(m_guard, actorId.toString(QUuid::WithoutBraces), Permission::AdministerAccounts,
                              u"accounts.enrolment-code");
        !ok)
        return ok.error();
    return inOneTransaction(m_outbox, [&] { return m_inner.issueEnrolmentCode(actorId, userName); });
}

Result<TotpEnrolment> TransactionalAccountDirectory::enrollTotp(const QString &userName,
                                                                const SecureBytes &password,
                                                                const QString &enrolmentCode)
{
    return inOneTransaction(m_outbox, [&] { return m_inner.enrollTotp(userName, password, enrolmentCode); });
}

Result<Account> TransactionalAccountDirectory::confirmTotp(const QString &userName, const QString &code)
{
    return inOneTransaction(m_outbox, [&] { return m_inner.confirmTotp(userName, code); });
}

Result<Account> TransactionalAccountDirectory::resetTotp(const QUuid &actorId, const QString &userName)
{
    if (auto ok = permitActor(m_guard, actorId.toString(QUuid::WithoutBraces), Permission::AdministerAccounts,
                              u"accounts.reset-totp");
        !ok)
        return ok.error();
    return inOneTransaction(m_outbox, [&] { return m_inner.resetTotp(actorId, userName); });
}

Result<QList<Account>> TransactionalAccountDirectory::list()
{
    return m_inner.list();
}

Result<std::optional<Account>> TransactionalAccountDirectory::find(const QString &userName)
{
    return m_inner.find(userName);
}

Result<std::optional<Account>> TransactionalAccountDirectory::findById(const QUuid &id)
{
    return m_inner.findById(id);
}

} // namespace mdp::workspace
