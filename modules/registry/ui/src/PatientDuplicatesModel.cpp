#include "PatientDuplicatesModel.h"

#include "PatientText.h"
#include "mdp/workbench/Widgets.h"

#include <QFont>
#include <QLocale>

namespace mdp::registry::ui {

PatientDuplicatesModel::PatientDuplicatesModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void PatientDuplicatesModel::setCandidates(QList<registry::DuplicateCandidate> candidates)
{
    beginResetModel();
    m_candidates = std::move(candidates);
    // Most likely pairs first.
    std::stable_sort(m_candidates.begin(), m_candidates.end(),
                     [](const auto &a, const auto &b) { return a.score > b.score; });
    endResetModel();
}

const registry::DuplicateCandidate *PatientDuplicatesModel::candidateAt(int row) const
{
    return row >= 0 && row < m_candidates.size() ? &m_candidates.at(row) : nullptr;
}

int PatientDuplicatesModel::rowOf(qint64 candidateId) const
{
    for (int row = 0; row < m_candidates.size(); ++row) {
        if (m_candidates.at(row).id == candidateId)
            return row;
    }
    return -1;
}

int PatientDuplicatesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_candidates.size());
}

int PatientDuplicatesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PatientDuplicatesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const registry::DuplicateCandidate &c = m_candidates.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case PatientAColumn:
            return c.pseudonymA;
        case PatientBColumn:
            return c.pseudonymB;
        case ScoreColumn:
            return QLocale().toString(qRound(c.score * 100)) + QLatin1Char('%');
        case ReasonsColumn:
            return PatientText::duplicateReasons(c.reasons);
        case QueuedColumn:
            return workbench::formatDateTime(c.created);
        }
        break;
    case Qt::FontRole:
        if (index.column() == PatientAColumn || index.column() == PatientBColumn) {
            QFont font(QStringLiteral("Noto Sans Mono CJK SC"));
            font.setStyleHint(QFont::Monospace);
            return font;
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == ScoreColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case CandidateIdRole:
        return c.id;
    default:
        break;
    }
    return {};
}

QVariant PatientDuplicatesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case PatientAColumn:
        return tr("Patient A");
    case PatientBColumn:
        return tr("Patient B");
    case ScoreColumn:
        return tr("Likelihood");
    case ReasonsColumn:
        return tr("Why");
    case QueuedColumn:
        return tr("Queued");
    }
    return {};
}

} // namespace mdp::registry::ui
