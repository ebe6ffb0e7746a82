#include "mdp/accounts/ui/AccountTableModel.h"

#include "mdp/workbench/Theme.h"
#include "mdp/workbench/Widgets.h"

#include <QLocale>
#include <QStringList>

namespace mdp::accounts::ui {

AccountTableModel::AccountTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void AccountTableModel::setAccounts(QList<accounts::Account> accounts, const QDateTime &now)
{
    beginResetModel();
    m_accounts = std::move(accounts);
    m_now = now;
    endResetModel();
}

const accounts::Account *AccountTableModel::accountAt(int row) const
{
    return row >= 0 && row < m_accounts.size() ? &m_accounts.at(row) : nullptr;
}

int AccountTableModel::rowOf(const QString &userName) const
{
    for (int row = 0; row < m_accounts.size(); ++row) {
        if (m_accounts.at(row).userName == userName)
            return row;
    }
    return -1;
}

int AccountTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_accounts.size());
}

int AccountTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AccountTableModel::rolesText(const accounts::Account &account)
{
    QStringList names;
    for (accounts::Role role : account.roles)
        names << accounts::roleDisplayName(role);
    return names.join(tr(", "));
}

QString AccountTableModel::statusText(const accounts::Account &account, const QDateTime &now)
{
    if (account.locked)
        return tr("Locked by administrator");
    if (account.lockedUntil.isValid() && account.lockedUntil > now)
        return tr("Locked out until %1").arg(workbench::formatDateTime(account.lockedUntil));
    return tr("Active");
}

QVariant AccountTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const accounts::Account &account = m_accounts.at(index.row());
    const bool lockedNow = account.isLockedAt(m_now);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case UserNameColumn:
            return account.userName;
        case DisplayNameColumn:
            return account.displayName;
        case RoleColumn:
            return rolesText(account);
        case StatusColumn:
            return statusText(account, m_now);
        case SecondFactorColumn:
            if (account.totpEnrolled)
                return tr("Set up");
            return accounts::requiresSecondFactor(account.roles) ? tr("Not set up yet") : tr("Not required");
        case LastLoginColumn:
            return account.lastLogin.isValid() ? workbench::formatDateTime(account.lastLogin) : tr("Never");
        }
        break;
    case Qt::ForegroundRole:
        if (index.column() == StatusColumn && lockedNow)
            return workbench::Theme::bad();
        if (index.column() == SecondFactorColumn && !account.totpEnrolled &&
            accounts::requiresSecondFactor(account.roles))
            return workbench::Theme::warning();
        break;
    case Qt::ToolTipRole:
        if (index.column() == StatusColumn && account.failedAttempts > 0)
            return tr("%n failed sign-in(s) since the last success", nullptr, account.failedAttempts);
        break;
    case UserNameRole:
        return account.userName;
    case AccountIdRole:
        return account.idString();
    case LockedRole:
        return lockedNow;
    }
    return {};
}

QVariant AccountTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case UserNameColumn:
        return tr("User name");
    case DisplayNameColumn:
        return tr("Display name");
    case RoleColumn:
        return tr("Role");
    case StatusColumn:
        return tr("Status");
    case SecondFactorColumn:
        return tr("Two-step sign-in");
    case LastLoginColumn:
        return tr("Last sign-in");
    }
    return {};
}

} // namespace mdp::accounts::ui
