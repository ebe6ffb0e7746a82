#pragma once

// Signing accounts in to a workspace opened by account key slots, as a person does: at the first
// sign-in of a role that needs a second factor, the administrator's one-time enrolment code, then
// enrolling and confirming an authenticator; afterwards its current code. Shared by the suites that
// sign several roles in and out.

#include "TestWorkspace.h"

#include "mdp/accounts/AccountDirectory.h"
#include "mdp/accounts/Base32.h"
#include "mdp/accounts/Totp.h"
#include "mdp/foundation/Clock.h"
#include "mdp/workspace/Workspace.h"

#include <QHash>

namespace mdp::testsupport {

class AccountSignIns
{
public:
    explicit AccountSignIns(ManualClock &clock)
        : m_clock(clock)
    {}

    // The administrator's one-time code for `user`'s first sign-in.
    void setEnrolmentCode(const QString &user, const QString &code) { m_enrolmentCodes.insert(user, code); }
    bool hasAuthenticator(const QString &user) const { return m_totp.contains(user); }
    // The authenticator's code in the next 30-second step (a code is accepted once).
    QString nextCode(const QString &user)
    {
        m_clock.advance(30 * 1000);
        return accounts::Totp(SecureBytes(m_totp.value(user)), m_clock).currentCode();
    }

    Result<std::unique_ptr<workspace::Workspace>> open(const QString &path, const QString &user,
                                                       const char *password)
    {
        workspace::SignIn s;
        s.userName = user;
        s.password = secret(password);
        s.allowEnrolment = true;
        s.totpCode = hasAuthenticator(user) ? nextCode(user) : m_enrolmentCodes.value(user);
        auto ws = workspace::Workspace::open(path, s, m_clock);
        if (!ws || ws.value()->session())
            return ws;
        auto enrolment = ws.value()->accounts().enrollTotp(user, passwordBytes(password), s.totpCode);
        if (!enrolment)
            return enrolment.error();
        m_enrolmentCodes.remove(user);
        m_totp.insert(user, accounts::base32Decode(enrolment->secretBase32).value_or(QByteArray()));
        auto confirmed = ws.value()->accounts().confirmTotp(
            user, accounts::Totp(SecureBytes(m_totp.value(user)), m_clock).currentCode());
        if (!confirmed)
            return confirmed.error();
        auto session = ws.value()->login(user, secret(password), nextCode(user));
        if (!session)
            return session.error();
        return ws;
    }

private:
    ManualClock &m_clock;
    QHash<QString, QByteArray> m_totp;        // authenticator secrets by user
    QHash<QString, QString> m_enrolmentCodes; // the administrator's codes not yet used
};

} // namespace mdp::testsupport
