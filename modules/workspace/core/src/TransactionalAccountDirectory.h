#pragma once

#include "mdp/accounts/AccountDirectory.h"

namespace mdp::crypto {
class KeyHierarchy;
} // namespace mdp::crypto

namespace mdp::workspace {

class AuditOutbox;
class Authorizer;

// The key scopes an account's slot is granted: none while it is locked; today every active role
// needs the root (issue 9 part 2 narrows this per role).
QStringList keyScopesFor(const accounts::Account &account);

// The workspace's account directory: every change (accounts, roles, locks, passwords, sign-in
// counters, authenticators) runs in one transaction together with its audit events
// (inOneTransaction); lookups go straight through. Where the workspace is opened through account
// key slots (`keys` given), the keyring follows every change in the same step: a new account gets
// its slot, a password change or reset re-seals it, and locking or unlocking takes back or grants
// its keys (taking back rotates the root). A keyring change that fails undoes the account change.
// With `guard` (the workspace's session), administrative calls need Permission::AdministerAccounts
// and their actor must be the signed-in account, and a logout is one's own; sign-in, one's own
// password and authenticator prove themselves, and the staff list and look-ups by name (what sign-in
// needs; no patient data) stay open.
class TransactionalAccountDirectory final : public accounts::AccountDirectory
{
public:
    TransactionalAccountDirectory(accounts::AccountDirectory &inner, AuditOutbox &outbox,
                                  crypto::KeyHierarchy *keys = nullptr, const Authorizer *guard = nullptr);

    Result<accounts::Account> createAccount(const QUuid &actorId, const QString &userName,
                                            const QString &displayName, accounts::Role role,
                                            const SecureBytes &password) override;
    Result<accounts::Account> authenticate(const QString &userName, const SecureBytes &password,
                                           const QString &totpCode) override;
    Result<void> logout(const QUuid &accountId) override;
    Result<void> changePassword(const QString &userName, const SecureBytes &oldPassword,
                                const SecureBytes &newPassword) override;
    Result<void> resetPassword(const QUuid &actorId, const QString &userName,
                               const SecureBytes &newPassword) override;
    Result<accounts::Account> lock(const QUuid &actorId, const QString &userName) override;
    Result<accounts::Account> unlock(const QUuid &actorId, const QString &userName) override;
    Result<accounts::Account> setRoles(const QUuid &actorId, const QString &userName,
                                       const QList<accounts::Role> &roles) override;
    Result<QString> issueEnrolmentCode(const QUuid &actorId, const QString &userName) override;
    Result<accounts::TotpEnrolment> enrollTotp(const QString &userName, const SecureBytes &password,
                                               const QString &enrolmentCode) override;
    Result<accounts::Account> confirmTotp(const QString &userName, const QString &code) override;
    Result<accounts::Account> resetTotp(const QUuid &actorId, const QString &userName) override;
    Result<QList<accounts::Account>> list() override;
    Result<std::optional<accounts::Account>> find(const QString &userName) override;
    Result<std::optional<accounts::Account>> findById(const QUuid &id) override;

    // single sign-on: the local mirror of a site account the site's server has just confirmed
    // (password and second factor). Created when missing, its roles set to the server's, its key slot
    // sealed under this password (new, or re-sealed when `slotOpens` is false) and granted the scopes
    // its roles allow that this session holds. `actorId` is the workstation's custodian: the server's
    // word, not an administrator's act here, is what authorises it; the caller records that.
    struct SiteMirror
    {
        accounts::Account account;
        bool created = false;
        bool rolesChanged = false;
        bool slotChanged = false;
    };
    Result<SiteMirror> mirrorSiteAccount(const QUuid &actorId, const QString &userName,
                                         const QString &displayName, const QList<accounts::Role> &roles,
                                         const SecureBytes &password, bool slotOpens);

private:
    template<typename T, typename Inner, typename After> Result<T> withKeys(Inner &&inner, After &&after);
    Result<void> grantFor(const accounts::Account &account);

    accounts::AccountDirectory &m_inner;
    AuditOutbox &m_outbox;
    crypto::KeyHierarchy *m_keys = nullptr;
    const Authorizer *m_guard = nullptr;
};

} // namespace mdp::workspace
