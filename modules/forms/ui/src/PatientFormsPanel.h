#pragma once

#include "mdp/forms/FormDefinition.h"
#include "mdp/forms/FormRecord.h"
#include "mdp/forms/ui/FormView.h"
#include "mdp/registry/Patient.h"
#include "mdp/registry/TimelineEvent.h"
#include "mdp/workbench/EventPanel.h"

#include <QList>
#include <QWidget>

#include <optional>

class QLabel;
class QListWidget;
class QMenu;
class QToolButton;

namespace mdp::workbench {
class SessionContext;
}

namespace mdp::forms::ui {

class FormRecordDialog;

// The "Forms" strip of a timeline event's detail (R-6.2.1d, R-6.2.2a-d): the form records linked to
// the event, each with its status (draft, pending, rejected with the reviewer's reason, approved with
// its formal version), a "New record" menu offering the forms made for the event's type, and a
// double-click that opens the record.
class PatientFormsPanel : public workbench::EventPanel
{
    Q_OBJECT
public:
    PatientFormsPanel(workbench::SessionContext &context, bool identityVisible, QWidget *parent = nullptr);

    void setEvent(const registry::Patient &patient, const registry::TimelineEvent &event,
                  bool mayEdit) override;
    void clear() override;
    void reload();

    const QList<forms::FormRecord> &records() const { return m_records; }
    // Forms offered by "New record" for the event's type.
    const QList<forms::FormDefinition> &offered() const { return m_offered; }
    QListWidget *recordList() const { return m_list; }
    QToolButton *newButton() const { return m_new; }

    // The record dialogs the panel opens (openRecord/newRecord run them modally; tests drive the
    // created ones directly).
    FormRecordDialog *createRecordDialog(int row);
    FormRecordDialog *createNewDialog(const QString &formId);
    void openRecord(int row);
    void newRecord(const QString &formId);

    static QString statusText(const forms::FormRecord &record);

Q_SIGNALS:
    void recordsChanged();

private:
    QList<forms::ui::AttachmentChoice> attachmentChoices() const;
    void runDialog(FormRecordDialog *dialog);

    workbench::SessionContext &m_context;
    bool m_identityVisible;
    bool m_mayEdit = false;
    std::optional<registry::Patient> m_patient;
    std::optional<registry::TimelineEvent> m_event;
    QList<forms::FormRecord> m_records;
    QList<forms::FormDefinition> m_definitions;
    QList<forms::FormDefinition> m_offered;
    QLabel *m_empty;
    QListWidget *m_list;
    QToolButton *m_new;
    QMenu *m_menu;
};

} // namespace mdp::forms::ui
