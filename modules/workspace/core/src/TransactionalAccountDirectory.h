#pragma once

#include "mdp/accounts/AccountDirectory.h"

namespace mdp::workspace {

class AuditOutbox;

// The workspace's account directory: every change (accounts, roles, locks, passwords, sign-in
// counters, authenticators) runs in one transaction together with its audit events
// (inOneTransaction); lookups go straight through.
class TransactionalAccountDirectory final : public accounts::AccountDirectory
{
public:
    TransactionalAccountDirectory(accounts::AccountDirectory &inner, AuditOutbox &outbox);

    Result<accounts::Account> createAccount(const QUuid &actorId, const QString &userName,
                                            const QString &displayName, accounts::Role role,
                                            const QString &password) override;
    Result<accounts::Account> authenticate(const QString &userName, const QString &password,
                                           const QString &totpCode) override;
    Result<void> logout(const QUuid &accountId) override;
    Result<void> changePassword(const QString &userName, const QString &oldPassword,
                                const QString &newPassword) override;
    Result<void> resetPassword(const QUuid &actorId, const QString &userName,
                               const QString &newPassword) override;
    Result<accounts::Account> lock(const QUuid &actorId, const QString &userName) override;
    Result<accounts::Account> unlock(const QUuid &actorId, const QString &userName) override;
    Result<accounts::Account> setRoles(const QUuid &actorId, const QString &userName,
                                       const QList<accounts::Role> &roles) override;
    Result<accounts::TotpEnrolment> enrollTotp(const QString &userName, const QString &password) override;
    Result<accounts::Account> confirmTotp(const QString &userName, const QString &code) override;
    Result<accounts::Account> resetTotp(const QUuid &actorId, const QString &userName) override;
    Result<QList<accounts::Account>> list() override;
    Result<std::optional<accounts::Account>> find(const QString &userName) override;
    Result<std::optional<accounts::Account>> findById(const QUuid &id) override;

private:
    accounts::AccountDirectory &m_inner;
    AuditOutbox &m_outbox;
};

} // namespace mdp::workspace
