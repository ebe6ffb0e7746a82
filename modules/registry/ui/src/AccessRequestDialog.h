#pragma once

#include "mdp/policy/Engine.h"

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace mdp::workspace {
class Workspace;
}

namespace mdp::registry::ui {

// The request entry a refusal offers (R-5.2d): what was refused and why, the scope to request, and the
// purpose the user states. Submitting records the request (Workspace::requestAccess); the access-
// request workflow takes it up from there.
class AccessRequestDialog : public QDialog
{
    Q_OBJECT

public:
    AccessRequestDialog(workspace::Workspace &workspace, const policy::Decision &refusal,
                        QWidget *parent = nullptr);

    QPlainTextEdit *purposeEdit() const { return m_purpose; }
    QPushButton *submitButton() const { return m_submit; }

private:
    void submit();

    workspace::Workspace &m_workspace;
    policy::NeededScope m_scope;
    QPlainTextEdit *m_purpose;
    QLabel *m_message;
    QPushButton *m_submit;
};

} // namespace mdp::registry::ui
