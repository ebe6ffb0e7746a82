#pragma once

#include "mdp/forms/FormDefinition.h"
#include "mdp/forms/FormRecord.h"
#include "mdp/forms/FormStore.h"
#include "mdp/forms/ui/FormView.h"
#include "mdp/foundation/Result.h"

#include <QDialog>
#include <QHash>
#include <QUuid>

#include <optional>

class QLabel;
class QPushButton;

namespace mdp::workbench {
class SessionContext;
}

namespace mdp::forms::ui {

// One form record in a dialog (R-6.2.1d-f, R-6.2.2a-d): the entry form with live checks, its status
// and formal version, and what the signed-in account may do next: save a draft (Ctrl+S), submit it
// for review (Ctrl+Enter), withdraw a submission, start an amendment of an approved record (with a
// reason), and see every version with field-level differences. Every write goes through the form
// store as the signed-in account; a refusal (a conflict, a failing rule, a missing permission) is
// shown in the dialog with each failing field named.
class FormRecordDialog : public QDialog
{
    Q_OBJECT
public:
    // An existing record.
    FormRecordDialog(workbench::SessionContext &context, const QUuid &recordId, QWidget *parent = nullptr);
    // A new record of the latest version of `record.formId` (created on the first save or submit).
    FormRecordDialog(workbench::SessionContext &context, const forms::NewRecord &record,
                     QWidget *parent = nullptr);
    ~FormRecordDialog() override;

    bool isLoaded() const { return m_definition.has_value(); }
    const std::optional<forms::FormRecord> &record() const { return m_record; }
    forms::ui::FormView *formView() const { return m_view; }
    QLabel *messageLabel() const { return m_message; }
    QLabel *statusLabel() const { return m_status; }
    bool isEditable() const { return m_editable; }
    // Unsaved changes in the form.
    bool isDirty() const;
    void setAttachments(const QList<forms::ui::AttachmentChoice> &attachments);

    bool saveDraft();
    bool submit();
    bool withdraw();
    bool amend(const QString &reason);
    void showHistory();
    bool reload();

    QPushButton *saveButton() const { return m_save; }
    QPushButton *submitButton() const { return m_submit; }
    QPushButton *withdrawButton() const { return m_withdraw; }
    QPushButton *amendButton() const { return m_amend; }
    QPushButton *historyButton() const { return m_history; }

Q_SIGNALS:
    // A write was committed (the patient page refreshes its list).
    void recordChanged(const QUuid &recordId);

public Q_SLOTS:
    void reject() override;

private:
    void build();
    bool loadDefinition(const QString &formId, int version);
    void showRecord();
    void updateState();
    bool applyResult(const Result<forms::FormRecord> &result, const QString &success);
    void showError(const Error &error);
    void showMessage(int severity, const QString &text);
    QString userName(const QString &accountId);
    bool mayEnter() const;
    void amendFromDialog();

    workbench::SessionContext &m_context;
    QString m_actor;
    QString m_language;
    std::optional<forms::FormDefinition> m_definition;
    std::optional<forms::FormRecord> m_record;
    forms::NewRecord m_new;
    QHash<QString, QString> m_userNames;
    bool m_editable = false;

    QLabel *m_title = nullptr;
    QLabel *m_subtitle = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_formal = nullptr;
    QLabel *m_banner = nullptr;
    QLabel *m_message = nullptr;
    forms::ui::FormView *m_view = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_submit = nullptr;
    QPushButton *m_withdraw = nullptr;
    QPushButton *m_amend = nullptr;
    QPushButton *m_history = nullptr;
    QPushButton *m_reload = nullptr;
    QPushButton *m_close = nullptr;
};

} // namespace mdp::forms::ui
