#pragma once

#include "mdp/registry/MergeRecord.h"
#include "mdp/registry/Patient.h"
#include "mdp/registry/PatientSearch.h"

#include <QDialog>
#include <QUuid>

#include <optional>

class QButtonGroup;
class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QRadioButton;
class QWidget;

namespace mdp::registry {
class Registry;
}

namespace mdp::registry::ui {

class PatientSearchController;

// Merges two records of one person (R-6.1.1b/d): both side by side, the operator picks the record
// that survives and gives a reason; the registry moves events, files and identifiers and keeps the
// lineage so the merge can be undone. Opened on a pair from the duplicate queue, or on one patient
// with a search for the other.
class PatientMergeDialog : public QDialog
{
    Q_OBJECT
public:
    PatientMergeDialog(registry::Registry &registry, registry::PatientSearch &search,
                       registry::SearchFilter filter, QString actorId, QWidget *parent = nullptr);

    // The pair is fixed (duplicate queue).
    void setPair(const QUuid &a, const QUuid &b);
    // The other record is searched for; `current` survives unless the operator says otherwise.
    void setCurrent(const QUuid &current);

    // The search for the other record (also what typing in the search box does).
    void searchOther(const QString &text);
    bool chooseOther(const QUuid &patientId);
    void setSurvivor(const QUuid &patientId);
    void setReason(const QString &reason);

    std::optional<registry::MergeRecord> record() const { return m_record; }
    QCheckBox *overrideBox() const { return m_override; }
    // Runs the merge; on success the dialog is accepted.
    void merge();

private:
    void showPatient(int side, const std::optional<registry::Patient> &patient);
    void showHits(const QList<registry::PatientHit> &hits);
    void updateButtons();

    registry::Registry &m_registry;
    registry::PatientSearch &m_search;
    registry::SearchFilter m_filter;
    QString m_actor;
    std::optional<registry::Patient> m_a;
    std::optional<registry::Patient> m_b;
    std::optional<registry::MergeRecord> m_record;

    PatientSearchController *m_controller;
    QWidget *m_searchRow;
    QLineEdit *m_searchEdit;
    QListWidget *m_searchResults;
    QLabel *m_cards[2];
    QRadioButton *m_keep[2];
    QButtonGroup *m_keepGroup;
    QLineEdit *m_reason;
    // Shown when the service refuses two records with different verified resident IDs: a data
    // manager may merge them anyway, the reason above going into the lineage and the audit log.
    QCheckBox *m_override;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace mdp::registry::ui
