#pragma once

#include "mdp/accounts/AccountDirectory.h"
#include "mdp/accounts/Totp.h"
#include "mdp/foundation/Clock.h"

#include <chrono>
#include <memory>

namespace mdp::store {
class Database;
}

namespace mdp::accounts {

class AccountAuditSink;

// AccountDirectory over the workspace's encrypted database (tables from migrations/NNN_*.sql,
// module "accounts"). Not thread-safe, like the Database it uses.
class SqlCipherAccountDirectory final : public AccountDirectory
{
public:
    struct Options
    {
        // From the limit on, each failure locks the account out: the duration at the limit, doubled
        // for each failure after it (capped at a day), until a success or an administrator's unlock.
        int maxFailedAttempts = 5;
        std::chrono::seconds lockoutDuration = std::chrono::minutes(15);
        QString totpIssuer = QStringLiteral("MDP");
        TotpParameters totpParameters; // for new enrolments
        int totpWindow = Totp::kDefaultWindow;
        // How long an administrator's enrolment code stays valid.
        std::chrono::hours enrolmentCodeLifetime = std::chrono::hours(72);
        // TEST ONLY. PBKDF2 iterations for new password hashes instead of the production 600 000,
        // so unit tests stay fast. 0 (the default) means the production cost; production code
        // must never set this.
        int iterationsForTests = 0;
    };

    // Applies the accounts migrations. The database, clock and audit sink must outlive the directory.
    static Result<std::unique_ptr<SqlCipherAccountDirectory>>
    open(store::Database &database, const Clock &clock, AccountAuditSink &auditSink);
    static Result<std::unique_ptr<SqlCipherAccountDirectory>>
    open(store::Database &database, const Clock &clock, AccountAuditSink &auditSink, Options options);
    ~SqlCipherAccountDirectory() override;

    // PBKDF2 iterations used for new hashes (600 000 unless Options::iterationsForTests was set).
    int passwordIterations() const;

    // Marks the workspace's non-interactive service account (the custodian): it can never sign in,
    // change its password, enrol an authenticator, nor be locked, reset or given other roles.
    // Whether `code` is the account's current second-factor code, read without writing anything (the
    // read-only audit review of a workspace that failed its integrity check, where nothing may be
    // written). Locked for a locked account; an account with no authenticator passes only when its
    // roles need none. No replay protection and no lock-out counting: use only where the password
    // was checked by a key slot that counts failures.
    // `requireEnrolled`: an account without a confirmed authenticator fails whatever its roles say.
    static Result<bool> checkSecondFactorWithoutRecording(store::Database &database, const QUuid &accountId,
                                                          const QString &code, const Clock &clock,
                                                          bool requireEnrolled = false);
    void setServiceAccount(const QUuid &id);

    Result<Account> createAccount(const QUuid &actorId, const QString &userName, const QString &displayName,
                                  Role role, const SecureBytes &password) override;
    // Sign-in where the password was already proven by the account's key slot (the workspace
    // opened with it): everything authenticate() checks except the password hash, so signing in
    // costs one key derivation, not two. Only the workspace calls this, right after the slot opened.
    Result<Account> authenticateByKeySlot(const QString &userName, const QString &code);
    // Sign-in where the site's central server (mdp-grantd) checked the password and, where the role
    // needs one, the second factor (R-9.3 single sign-on): everything else authenticate() checks
    // (locks, lock-outs) still applies. Only the workspace calls this, right after the server said yes.
    Result<Account> authenticateBySiteServer(const QString &userName);
    Result<Account> authenticate(const QString &userName, const SecureBytes &password,
                                 const QString &code = {}) override;
    Result<void> logout(const QUuid &accountId) override;
    Result<void> changePassword(const QString &userName, const SecureBytes &oldPassword,
                                const SecureBytes &newPassword) override;
    Result<void> resetPassword(const QUuid &actorId, const QString &userName,
                               const SecureBytes &newPassword) override;
    Result<Account> lock(const QUuid &actorId, const QString &userName) override;
    Result<Account> unlock(const QUuid &actorId, const QString &userName) override;
    Result<Account> setRoles(const QUuid &actorId, const QString &userName,
                             const QList<Role> &roles) override;
    Result<QString> issueEnrolmentCode(const QUuid &actorId, const QString &userName) override;
    Result<TotpEnrolment> enrollTotp(const QString &userName, const SecureBytes &password,
                                     const QString &enrolmentCode) override;
    Result<Account> confirmTotp(const QString &userName, const QString &code) override;
    Result<Account> resetTotp(const QUuid &actorId, const QString &userName) override;
    Result<QList<Account>> list() override;
    Result<std::optional<Account>> find(const QString &userName) override;
    Result<std::optional<Account>> findById(const QUuid &id) override;

private:
    Result<Account> authenticateChecked(const QString &userName, const SecureBytes *password,
                                        const QString &totpCode, bool factorsAtServer = false);
    SqlCipherAccountDirectory(store::Database &database, const Clock &clock, AccountAuditSink &auditSink,
                              Options options);
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace mdp::accounts
