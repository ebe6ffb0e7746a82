#pragma once

#include "mdp/registry/MergeRecord.h"

#include <QDialog>
#include <QHash>
#include <QList>
#include <QUuid>

#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace mdp::registry {
class Registry;
}

namespace mdp::registry::ui {

// A patient's merge lineage (R-6.1.1d): every merge in which the record was kept or merged, who did
// it and why, and whether it was undone; a merge still in force can be undone here with a reason.
class PatientLineageDialog : public QDialog
{
    Q_OBJECT
public:
    PatientLineageDialog(registry::Registry &registry, QString actorId, QUuid patientId,
                         QHash<QString, QString> userNames, QWidget *parent = nullptr);

    int mergeCount() const { return int(m_records.size()); }
    bool selectMerge(const QUuid &mergeId);
    void setReason(const QString &reason);
    // Undoes the selected merge; true when the registry did.
    bool unmergeSelected();
    std::optional<registry::MergeRecord> undone() const { return m_undone; }

private:
    void reload();
    void updateButtons();

    registry::Registry &m_registry;
    QString m_actor;
    QUuid m_patient;
    QHash<QString, QString> m_userNames;
    QList<registry::MergeRecord> m_records;
    std::optional<registry::MergeRecord> m_undone;
    QTableWidget *m_table;
    QLineEdit *m_reason;
    QPushButton *m_unmerge;
    QLabel *m_message;
};

} // namespace mdp::registry::ui
