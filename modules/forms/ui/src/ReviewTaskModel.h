#pragma once

#include "mdp/forms/FormRecord.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>
#include <QSortFilterProxyModel>

namespace mdp::forms::ui {

// One open review task as the inbox shows it: the task plus the names it refers to, resolved once
// per refresh (form title in the interface language, submitter's and reviewer's display names).
struct ReviewRow
{
    forms::ReviewTask task;
    QString formTitle;
    QString submitterName;
    QString reviewerName;
    bool overdue = false; // due time passed at the refresh
    bool unread = false;  // the reviewer has an unread notice about it
    bool mine = false;    // assigned to the signed-in account
};

// The reviewer inbox (R-6.2.4a): patient pseudonym, form, category, project, submitter, submitted,
// due (overdue in red), submission number and, in the data manager's view of every open task, the
// reviewer. Unread tasks are bold.
class ReviewTaskModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    // A review category as people read it: the categories of the default templates by name in
    // the interface language, any other category as it was defined.
    static QString categoryText(const QString &category);

    enum Column
    {
        PseudonymColumn,
        FormColumn,
        CategoryColumn,
        ProjectColumn,
        SubmitterColumn,
        SubmittedColumn,
        DueColumn,
        SubmissionColumn,
        ReviewerColumn,
        ColumnCount
    };
    enum ItemRole
    {
        TaskIdRole = Qt::UserRole + 1, // qint64
        RecordIdRole,                  // QUuid
        OverdueRole,                   // bool
        UnreadRole,                    // bool
        SortRole,                      // what the column sorts by (times as msecs, numbers as int)
        CategoryRole,
        FormIdRole,
        SearchTextRole, // every shown text of the row, for the filter box
    };

    explicit ReviewTaskModel(QObject *parent = nullptr);

    void setRows(QList<ReviewRow> rows);
    const QList<ReviewRow> &rows() const { return m_rows; }
    const ReviewRow *rowAt(int row) const;
    int rowOfRecord(const QUuid &recordId) const;
    void setUnread(const QUuid &recordId, bool unread);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<ReviewRow> m_rows;
};

// The inbox's filters: category, form, overdue only and free text over every shown column.
class ReviewTaskFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit ReviewTaskFilterModel(QObject *parent = nullptr);

    void setCategory(const QString &category);
    void setFormId(const QString &formId);
    void setOverdueOnly(bool overdueOnly);
    void setText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_category;
    QString m_formId;
    bool m_overdueOnly = false;
    QString m_text;
};

} // namespace mdp::forms::ui
