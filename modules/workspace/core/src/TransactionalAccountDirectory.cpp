#include "TransactionalAccountDirectory.h"

#include "OneTransaction.h"

namespace mdp::workspace {

using namespace accounts;

TransactionalAccountDirectory::TransactionalAccountDirectory(AccountDirectory &inner, AuditOutbox &outbox)
    : m_inner(inner)
    , m_outbox(outbox)
{}

Result<Account> TransactionalAccountDirectory::createAccount(const QUuid &actorId, const QString &userName,
                                                             const QString &displayName, Role role,
                                                             const QString &password)
{
    return inOneTransaction(
        m_outbox, [&] { return m_inner.createAccount(actorId, userName, displayName, role, password); });
}

Result<Account> TransactionalAccountDirectory::authenticate(const QString &userName, const QString &password,
                                                            const QString &totpCode)
{
    return inOneTransaction(m_outbox, [&] { return m_inner.authenticate(userName, password, totpCode); });
}

Result<void> TransactionalAccountDirectory::logout(const QUuid &accountId)
{
    return m_inner.logout(accountId);
}

Result<void> TransactionalAccountDirectory::changePassword(const QString &userName,
                                                           const QString &oldPassword,
                                                           const QString &newPassword)
{
    return inOneTransaction(m_outbox,
                            [&] { return m_inner.changePassword(userName, oldPassword, newPassword); });
}

Result<void> TransactionalAccountDirectory::resetPassword(const QUuid &actorId, const QString &userName,
                                                          const QString &newPassword)
{
    return inOneTransaction(m_outbox, [&] { return m_inner.resetPassword(actorId, userName, newPassword); });
}

Result<Account> TransactionalAccountDirectory::lock(const QUuid &actorId, const QString &userName)
{
    return inOneTransaction(m_outbox, [&] { return m_inner.lock(actorId, userName); });
}

Result<Account> TransactionalAccountDirectory::unlock(const QUuid &actorId, const QString &userName)
{
    return inOneTransaction(m_outbox, [&] { return m_inner.unlock(actorId, userName); });
}

Result<Account> TransactionalAccountDirectory::setRoles(const QUuid &actorId, const QString &userName,
                                                        const QList<Role> &roles)
{
    return inOneTransaction(m_outbox, [&] { return m_inner.setRoles(actorId, userName, roles); });
}

Result<TotpEnrolment> TransactionalAccountDirectory::enrollTotp(const QString &userName,
                                                                const QString &password)
{
    return inOneTransaction(m_outbox, [&] { return m_inner.enrollTotp(userName, password); });
}

Result<Account> TransactionalAccountDirectory::confirmTotp(const QString &userName, const QString &code)
{
    return inOneTransaction(m_outbox, [&] { return m_inner.confirmTotp(userName, code); });
}

Result<Account> TransactionalAccountDirectory::resetTotp(const QUuid &actorId, const QString &userName)
{
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
