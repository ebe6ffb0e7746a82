#pragma once

#include "mdp/registry/DuplicateCandidate.h"

#include <QAbstractTableModel>
#include <QList>

namespace mdp::registry::ui {

// The registry's queue of pairs that may be one person (R-6.1.1b), by pseudonymous ID: names are
// only shown for the selected pair, so listing the queue reads no identities.
class PatientDuplicatesModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        PatientAColumn,
        PatientBColumn,
        ScoreColumn,
        ReasonsColumn,
        QueuedColumn,
        ColumnCount
    };
    enum ItemRole
    {
        CandidateIdRole = Qt::UserRole + 1
    };

    explicit PatientDuplicatesModel(QObject *parent = nullptr);

    void setCandidates(QList<registry::DuplicateCandidate> candidates);
    const registry::DuplicateCandidate *candidateAt(int row) const;
    int rowOf(qint64 candidateId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<registry::DuplicateCandidate> m_candidates;
};

} // namespace mdp::registry::ui
