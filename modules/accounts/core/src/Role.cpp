#include "mdp/accounts/Role.h"

#include <QCoreApplication>
#include <QStringList>

namespace mdp::accounts {

QList<Role> allRoles()
{
    return {Role::Clinician,   Role::Reviewer, Role::Researcher, Role::EthicsReviewer,
            Role::DataManager, Role::Auditor,  Role::SystemAdmin};
}

QString roleId(Role role)
{
    switch (role) {
    case Role::Clinician:
        return QStringLiteral("clinician");
    case Role::Reviewer:
        return QStringLiteral("reviewer");
    case Role::Researcher:
        return QStringLiteral("researcher");
    case Role::EthicsReviewer:
        return QStringLiteral("ethics-reviewer");
    case Role::DataManager:
        return QStringLiteral("data-manager");
    case Role::Auditor:
        return QStringLiteral("auditor");
    case Role::SystemAdmin:
        return QStringLiteral("system-admin");
    }
    return {};
}

std::optional<Role> roleFromId(QStringView id)
{
    const QList<Role> roles = allRoles();
    for (Role role : roles) {
        if (id == roleId(role))
            return role;
    }
    return std::nullopt;
}

QString roleDisplayName(Role role)
{
    // The context string is fixed so lupdate and the zh_CN catalogue can find these texts.
    switch (role) {
    case Role::Clinician:
        return QCoreApplication::translate("mdp::accounts::Role", "Clinician");
    case Role::Reviewer:
        return QCoreApplication::translate("mdp::accounts::Role", "Reviewer");
    case Role::Researcher:
        return QCoreApplication::translate("mdp::accounts::Role", "Researcher");
    case Role::EthicsReviewer:
        return QCoreApplication::translate("mdp::accounts::Role", "Ethics reviewer");
    case Role::DataManager:
        return QCoreApplication::translate("mdp::accounts::Role", "Data manager");
    case Role::Auditor:
        return QCoreApplication::translate("mdp::accounts::Role", "Auditor");
    case Role::SystemAdmin:
        return QCoreApplication::translate("mdp::accounts::Role", "System administrator");
    }
    return {};
}

bool requiresSecondFactor(Role role)
{
    switch (role) {
    case Role::Clinician:
    case Role::Reviewer:
    case Role::DataManager:
    case Role::Auditor:
    case Role::SystemAdmin:
        return true;
    case Role::Researcher:
    case Role::EthicsReviewer:
        return false;
    }
    return true; // an unknown role is treated as the stricter case
}

bool requiresSecondFactor(const QList<Role> &roles)
{
    for (Role role : roles) {
        if (requiresSecondFactor(role))
            return true;
    }
    return false;
}

QString roleIdList(const QList<Role> &roles)
{
    QStringList ids;
    ids.reserve(roles.size());
    for (Role role : roles)
        ids.append(roleId(role));
    return ids.join(QLatin1Char(','));
}

} // namespace mdp::accounts
