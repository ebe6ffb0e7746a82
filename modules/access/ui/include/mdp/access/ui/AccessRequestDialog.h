#pragma once

#include "mdp/policy/Engine.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace mdp::workspace {
class AccessDesk;
}

namespace mdp::access::ui {

// The access request (issue 12; R-5.2e-f, R-6.3.1, R-7.2.2), offered where access was refused: what
// was refused and why, then the request to the site server: the purpose (a detailed academic-use
// statement), the scope (project, ceiling, the data refused, patients by pseudonym or a cohort in
// words, counts only or an export), the duration, and the data-sharing agreement accepted. Without a
// session at the server the account signs in there first (its password, and its code when it has
// one). The server numbers the request; the number is shown, and the request is followed on the
// My access page.
class AccessRequestDialog : public QDialog
{
    Q_OBJECT

public:
    AccessRequestDialog(workspace::AccessDesk &desk, const policy::Decision &refusal,
                        QWidget *parent = nullptr);

    // The number the server gave the request once it was sent.
    QString number() const { return m_number; }

    QLineEdit *projectEdit() const { return m_project; }
    QSpinBox *levelBox() const { return m_level; }
    QLineEdit *patientsEdit() const { return m_patients; }
    QLineEdit *cohortEdit() const { return m_cohort; }
    QSpinBox *daysBox() const { return m_days; }
    QPlainTextEdit *purposeEdit() const { return m_purpose; }
    QCheckBox *agreementBox() const { return m_agree; }
    QLineEdit *passwordEdit() const { return m_password; }
    QLineEdit *codeEdit() const { return m_code; }
    QPushButton *submitButton() const { return m_submit; }
    QLabel *messageLabel() const { return m_message; }

private:
    void submit();

    workspace::AccessDesk &m_desk;
    policy::NeededScope m_needed;
    QLineEdit *m_project = nullptr;
    QSpinBox *m_level = nullptr;
    QLineEdit *m_patients = nullptr;
    QLineEdit *m_cohort = nullptr;
    QCheckBox *m_countsOnly = nullptr;
    QCheckBox *m_export = nullptr;
    QSpinBox *m_days = nullptr;
    QPlainTextEdit *m_purpose = nullptr;
    QCheckBox *m_agree = nullptr;
    QLineEdit *m_password = nullptr;
    QLineEdit *m_code = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_submit = nullptr;
    QString m_number;
};

} // namespace mdp::access::ui
