#include "ReviewTaskModel.h"

#include "mdp/workbench/Theme.h"
#include "mdp/workbench/Widgets.h"

#include <QFont>
#include <QHash>

namespace mdp::forms::ui {

ReviewTaskModel::ReviewTaskModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void ReviewTaskModel::setRows(QList<ReviewRow> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

const ReviewRow *ReviewTaskModel::rowAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int ReviewTaskModel::rowOfRecord(const QUuid &recordId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).task.recordId == recordId)
            return row;
    }
    return -1;
}

void ReviewTaskModel::setUnread(const QUuid &recordId, bool unread)
{
    const int row = rowOfRecord(recordId);
    if (row < 0 || m_rows.at(row).unread == unread)
        return;
    m_rows[row].unread = unread;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int ReviewTaskModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ReviewTaskModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ReviewTaskModel::categoryText(const QString &category)
{
    static const QHash<QString, const char *> names{
        {QStringLiteral("baseline"), QT_TR_NOOP("Baseline")},
        {QStringLiteral("radiotherapy"), QT_TR_NOOP("Radiotherapy")},
        {QStringLiteral("immunotherapy"), QT_TR_NOOP("Immunotherapy")},
        {QStringLiteral("toxicity"), QT_TR_NOOP("Toxicity")},
        {QStringLiteral("response"), QT_TR_NOOP("Response")},
        {QStringLiteral("follow-up"), QT_TR_NOOP("Follow-up")},
    };
    const auto it = names.constFind(category);
    return it == names.constEnd() ? category : tr(it.value());
}

QVariant ReviewTaskModel::data(const QModelIndex &index, int role) const
{
    const ReviewRow *row = rowAt(index.row());
    if (!row || index.column() < 0 || index.column() >= ColumnCount)
        return {};
    const forms::ReviewTask &task = row->task;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case PseudonymColumn:
            return task.patientPseudonym;
        case FormColumn:
            return row->formTitle;
        case CategoryColumn:
            return categoryText(task.category);
        case ProjectColumn:
            return task.projectId.isEmpty() ? tr("(default)") : task.projectId;
        case SubmitterColumn:
            return row->submitterName;
        case SubmittedColumn:
            return workbench::formatDateTime(task.assignedAt);
        case DueColumn:
            return row->overdue ? tr("%1 (overdue)").arg(workbench::formatDateTime(task.dueAt))
                                : workbench::formatDateTime(task.dueAt);
        case SubmissionColumn:
            return task.submission;
        case ReviewerColumn:
            return row->reviewerName;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == DueColumn && row->overdue)
            return task.escalated ? tr("Overdue; escalated to the data managers")
                                  : tr("Overdue: the review period has passed");
        if (index.column() == SubmissionColumn)
            return task.submission > 1
                       ? tr("Resubmitted %n time(s) after rejection", nullptr, task.submission - 1)
                       : tr("First submission");
        return {};
    case Qt::ForegroundRole:
        if (index.column() == DueColumn && row->overdue)
            return workbench::Theme::bad();
        return {};
    case Qt::FontRole:
        if (row->unread || (index.column() == DueColumn && row->overdue)) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == SubmissionColumn)
            return int(Qt::AlignCenter);
        return {};
    case TaskIdRole:
        return task.id;
    case RecordIdRole:
        return task.recordId;
    case OverdueRole:
        return row->overdue;
    case UnreadRole:
        return row->unread;
    case CategoryRole:
        return task.category;
    case FormIdRole:
        return task.formId;
    case SortRole:
        switch (index.column()) {
        case SubmittedColumn:
            return task.assignedAt.toMSecsSinceEpoch();
        case DueColumn:
            return task.dueAt.toMSecsSinceEpoch();
        case SubmissionColumn:
            return task.submission;
        default:
            return data(index, Qt::DisplayRole).toString().toLower();
        }
    case SearchTextRole:
        return QStringList{task.patientPseudonym, row->formTitle,     task.formId,      task.category,
                           task.projectId,        row->submitterName, row->reviewerName}
            .join(u'\n');
    }
    return {};
}

QVariant ReviewTaskModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case PseudonymColumn:
        return tr("Patient");
    case FormColumn:
        return tr("Form");
    case CategoryColumn:
        return tr("Category");
    case ProjectColumn:
        return tr("Project");
    case SubmitterColumn:
        return tr("Submitted by");
    case SubmittedColumn:
        return tr("Submitted");
    case DueColumn:
        return tr("Due");
    case SubmissionColumn:
        return tr("Submission");
    case ReviewerColumn:
        return tr("Reviewer");
    }
    return {};
}

ReviewTaskFilterModel::ReviewTaskFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(ReviewTaskModel::SortRole);
}

void ReviewTaskFilterModel::setCategory(const QString &category)
{
    m_category = category;
    invalidateFilter();
}

void ReviewTaskFilterModel::setFormId(const QString &formId)
{
    m_formId = formId;
    invalidateFilter();
}

void ReviewTaskFilterModel::setOverdueOnly(bool overdueOnly)
{
    m_overdueOnly = overdueOnly;
    invalidateFilter();
}

void ReviewTaskFilterModel::setText(const QString &text)
{
    m_text = text.trimmed();
    invalidateFilter();
}

bool ReviewTaskFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_category.isEmpty() && index.data(ReviewTaskModel::CategoryRole).toString() != m_category)
        return false;
    if (!m_formId.isEmpty() && index.data(ReviewTaskModel::FormIdRole).toString() != m_formId)
        return false;
    if (m_overdueOnly && !index.data(ReviewTaskModel::OverdueRole).toBool())
        return false;
    if (!m_text.isEmpty() &&
        !index.data(ReviewTaskModel::SearchTextRole).toString().contains(m_text, Qt::CaseInsensitive))
        return false;
    return true;
}

} // namespace mdp::forms::ui
