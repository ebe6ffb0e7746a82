#pragma once

#include "mdp/registry/TimelineEvent.h"

#include <QAbstractTableModel>
#include <QList>

namespace mdp::registry::ui {

// One event's structured record as a two-column table beside its files: kind, dates,
// title, the payload's fields, and lists of measurements (an organ-at-risk dose table, a lab panel)
// under a section heading each, one measurement per row.
class PatientEventFieldsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        FieldColumn,
        ValueColumn,
        ColumnCount
    };
    enum ItemRole
    {
        SectionRole = Qt::UserRole + 1, // bool: a heading row
        KeyRole                         // the payload key ("totalDoseGy"), empty for fixed rows
    };

    explicit PatientEventFieldsModel(QObject *parent = nullptr);

    void setEvent(const registry::TimelineEvent &event);
    void clear();
    // The value shown for a payload key (first row with that key); empty when absent.
    QString valueOf(const QString &key) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "2021-04-19" for dates, "2021-04-19 08:10" (local time) for instants.
    static QString timeText(const registry::EventTime &time);
    static QString periodText(const registry::EventTime &start, const registry::EventTime &end);

private:
    struct Row
    {
        QString field;
        QString value;
        QString key;
        bool section = false;
        bool alert = false; // a constraint not met, an abnormal flag
    };
    QList<Row> m_rows;
};

} // namespace mdp::registry::ui
