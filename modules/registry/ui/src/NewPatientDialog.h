#pragma once

#include "mdp/registry/DuplicateCheck.h"
#include "mdp/registry/Patient.h"

#include <QDialog>
#include <QUuid>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QFrame;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace mdp {
class Clock;
}
namespace mdp::registry {
class Registry;
}

namespace mdp::registry::ui {

// Registers a patient (R-6.1.1a-c): resident ID checked as it is typed (GB 11643: length, region,
// birth date, check character) with birth date and sex taken from it; on save the whole registry is
// searched first. A verified ID already on file stops the save and offers that record; a probable
// match (name or pinyin, birth date, sex) is shown for the operator to decide.
class NewPatientDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Outcome
    {
        None,
        Created,     // patientId() is the new record
        OpenExisting // patientId() is the record the operator chose instead
    };

    NewPatientDialog(registry::Registry &registry, QString actorId, const Clock &clock,
                     QWidget *parent = nullptr);

    Outcome outcome() const { return m_outcome; }
    QUuid patientId() const { return m_patientId; }
    QString pseudonymId() const { return m_pseudonym; }

    // The draft as entered (what Save checks and saves).
    registry::PatientDraft draft() const;
    // Save: checks for duplicates, then creates the record or shows what was found.
    void save();

private:
    void idChanged();
    void create();
    void showBlocking(const registry::DuplicateFound &found);
    void showProbable(const QList<registry::ProbableMatch> &matches);
    // R-6.1.1b: another patient holds the same (unverified) identifier: no second record silently;
    // the operator opens that one or registers a separate person saying why (audited).
    void showSameIdentifier(const registry::DuplicateFound &found);
    void hideDuplicates();
    void openExisting();
    void showProblem(const QString &text);

    registry::Registry &m_registry;
    QString m_actor;
    const Clock &m_clock;

    QLineEdit *m_nationalId;
    QLabel *m_idMessage;
    QCheckBox *m_verified;
    QLineEdit *m_name;
    QComboBox *m_sex;
    QDateEdit *m_birthDate;
    QLineEdit *m_phone;
    QLineEdit *m_address;
    QLabel *m_problem;
    QFrame *m_duplicatePanel;
    QLabel *m_duplicateMessage;
    QListWidget *m_matches;
    QPushButton *m_openExisting;
    QPushButton *m_createAnyway;
    QPushButton *m_cancelDuplicate;
    QLineEdit *m_separateReason;
    QDialogButtonBox *m_buttons;

    std::optional<registry::DuplicateFound> m_blocking;
    std::optional<registry::DuplicateFound> m_sameIdentifier;
    Outcome m_outcome = Outcome::None;
    QUuid m_patientId;
    QString m_pseudonym;
};

} // namespace mdp::registry::ui
