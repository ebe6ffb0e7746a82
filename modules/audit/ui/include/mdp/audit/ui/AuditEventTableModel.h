#pragma once

#include "mdp/workspace/AuditQueries.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace mdp::audit::ui {

// Audit events found by a query of the Audit log page, newest last as the log holds them.
class AuditEventTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        SequenceColumn,
        TimeColumn,
        TypeColumn,
        UserColumn,
        OutcomeColumn,
        DataColumn,
        DetailColumn,
        ColumnCount
    };
    enum ItemRole
    {
        SequenceRole = Qt::UserRole + 1,
        EventJsonRole,
        FailedRole
    };

    explicit AuditEventTableModel(QObject *parent = nullptr);

    void setRows(QList<workspace::AuditRow> rows);
    // User names by account id, so "account:<id>" entities read as "account:<user name>".
    void setAccountNames(QHash<QString, QString> names);
    void clear();
    const workspace::AuditRow *rowAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "Sign-in" for "account.login" and so on; the dotted name itself when unknown.
    static QString typeText(const QString &type);
    static QString outcomeText(audit::AuditOutcome outcome);
    QString entitiesText(const QList<audit::AuditEntity> &entities) const;
    static QString detailText(const audit::AuditEvent &event);

private:
    QList<workspace::AuditRow> m_rows;
    QHash<QString, QString> m_accountNames;
};

} // namespace mdp::audit::ui
