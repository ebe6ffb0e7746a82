#pragma once

#include "mdp/accounts/Role.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QUuid>

namespace mdp::accounts {

// One person's account as the directory reports it. Carries no secrets: the password hash and the
// TOTP secret never leave the directory.
struct Account
{
    QUuid id;
    QString userName; // unique, compared case-insensitively (NFKC, case-folded)
    QString displayName;
    QList<Role> roles;         // never empty; the first is the primary role
    bool locked = false;       // locked by an administrator until unlocked
    int failedAttempts = 0;    // consecutive failed sign-ins since the last success
    QDateTime lockedUntil;     // automatic lock-out end (UTC); invalid when none was set
    bool totpEnrolled = false; // a TOTP authenticator was confirmed
    QDateTime created;
    QDateTime updated;
    QDateTime passwordChanged;
    QDateTime lastLogin; // invalid before the first successful sign-in

    Role primaryRole() const { return roles.isEmpty() ? Role::Researcher : roles.constFirst(); }
    bool hasRole(Role role) const { return roles.contains(role); }
    // True when any role reaches level-4 data, or a TOTP authenticator is enrolled anyway.
    bool requiresSecondFactor() const;
    // Locked by an administrator, or locked out at `now`.
    bool isLockedAt(const QDateTime &now) const;
    // The id as audit records and other modules carry it: lower-case, without braces.
    QString idString() const { return id.toString(QUuid::WithoutBraces); }
};

} // namespace mdp::accounts
