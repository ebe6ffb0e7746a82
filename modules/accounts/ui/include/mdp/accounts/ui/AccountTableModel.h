#pragma once

#include "mdp/accounts/Account.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>

namespace mdp::accounts::ui {

// The account list of the Accounts page. Shows what the directory reports; holds no secrets.
class AccountTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        UserNameColumn,
        DisplayNameColumn,
        RoleColumn,
        StatusColumn,
        SecondFactorColumn,
        LastLoginColumn,
        ColumnCount
    };
    enum ItemRole
    {
        UserNameRole = Qt::UserRole + 1,
        AccountIdRole,
        LockedRole
    };

    explicit AccountTableModel(QObject *parent = nullptr);

    // `now` decides whether a lock-out is still running.
    void setAccounts(QList<accounts::Account> accounts, const QDateTime &now);
    const accounts::Account *accountAt(int row) const;
    int rowOf(const QString &userName) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString statusText(const accounts::Account &account, const QDateTime &now);
    static QString rolesText(const accounts::Account &account);

private:
    QList<accounts::Account> m_accounts;
    QDateTime m_now;
};

} // namespace mdp::accounts::ui
