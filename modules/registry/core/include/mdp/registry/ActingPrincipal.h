#pragma once

#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace mdp::registry {

// Who is acting, as the signed-in session knows it. Decisions that need a role (overriding a merge
// refusal) take it from here, never from an account id a caller passes.
struct ActingPrincipal
{
    QString accountId;
    QStringList roles; // role ids held now ("data-manager", ...)

    bool hasRole(const QString &role) const { return roles.contains(role); }
};

// Nothing when nobody is signed in.
using PrincipalProvider = std::function<std::optional<ActingPrincipal>()>;

} // namespace mdp::registry
