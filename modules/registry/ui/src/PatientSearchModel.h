#pragma once

#include "mdp/registry/PatientSearch.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QList>

namespace mdp::registry::ui {

// The hits of the patients page's search box, best first as the search ranked them. Names are only
// ever in the hits of callers who may see identity; the model shows what it is given.
class PatientSearchModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        PseudonymColumn,
        NameColumn,
        SexColumn,
        AgeColumn,
        BirthDateColumn,
        DiagnosisColumn,
        MatchColumn,
        ColumnCount
    };
    enum ItemRole
    {
        PatientIdRole = Qt::UserRole + 1, // QUuid
        PseudonymRole
    };

    explicit PatientSearchModel(QObject *parent = nullptr);

    // `today` gives the ages.
    void setHits(QList<registry::PatientHit> hits, QDate today);
    void clear();
    const registry::PatientHit *hitAt(int row) const;
    const QList<registry::PatientHit> &hits() const { return m_hits; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<registry::PatientHit> m_hits;
    QDate m_today;
};

} // namespace mdp::registry::ui
