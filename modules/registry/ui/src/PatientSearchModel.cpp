#include "PatientSearchModel.h"

#include "PatientText.h"

#include <QFont>

namespace mdp::registry::ui {

PatientSearchModel::PatientSearchModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void PatientSearchModel::setHits(QList<registry::PatientHit> hits, QDate today)
{
    beginResetModel();
    m_hits = std::move(hits);
    m_today = today;
    endResetModel();
}

void PatientSearchModel::clear()
{
    if (m_hits.isEmpty())
        return;
    beginResetModel();
    m_hits.clear();
    endResetModel();
}

const registry::PatientHit *PatientSearchModel::hitAt(int row) const
{
    return row >= 0 && row < m_hits.size() ? &m_hits.at(row) : nullptr;
}

int PatientSearchModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_hits.size());
}

int PatientSearchModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PatientSearchModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const registry::PatientHit &hit = m_hits.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case PseudonymColumn:
            return hit.pseudonymId;
        case NameColumn:
            return hit.displayName;
        case SexColumn:
            return PatientText::sexName(hit.sex);
        case AgeColumn:
            return PatientText::ageText(hit.birthDate, m_today);
        case BirthDateColumn:
            return hit.birthDate.isValid() ? hit.birthDate.toString(Qt::ISODate) : QString();
        case DiagnosisColumn:
            return hit.diagnosis;
        case MatchColumn:
            return PatientText::matchedField(hit.matchedField);
        }
        break;
    case Qt::FontRole:
        if (index.column() == PseudonymColumn) {
            QFont font(QStringLiteral("Noto Sans Mono CJK SC"));
            font.setStyleHint(QFont::Monospace);
            return font;
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == DiagnosisColumn && !hit.diagnosis.isEmpty())
            return hit.diagnosis;
        if (index.column() == MatchColumn)
            return tr("Found by its %1").arg(PatientText::matchedField(hit.matchedField));
        break;
    case PatientIdRole:
        return hit.patientId;
    case PseudonymRole:
        return hit.pseudonymId;
    default:
        break;
    }
    return {};
}

QVariant PatientSearchModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case PseudonymColumn:
        return tr("Pseudonymous ID");
    case NameColumn:
        return tr("Name");
    case SexColumn:
        return tr("Sex");
    case AgeColumn:
        return tr("Age");
    case BirthDateColumn:
        return tr("Birth date");
    case DiagnosisColumn:
        return tr("Diagnosis");
    case MatchColumn:
        return tr("Matched on");
    }
    return {};
}

} // namespace mdp::registry::ui
