#pragma once

#include <QDialog>
#include <QPointer>
#include <QThread>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace mdp::workbench {
class SessionContext;
}

namespace mdp::notify::ui {

// The SMTP relay e-mail notices go through (R-6.2.3b), for system administrators: host, port,
// STARTTLS or implicit TLS (there is no plaintext choice), user and password, sender, an extra CA
// certificate, and a test message sent from a worker thread so the dialog stays responsive. The
// settings live in the encrypted workspace database; saving them is audited (host, port and
// security only, never the user name or password).
class NotificationMailDialog : public QDialog
{
    Q_OBJECT
public:
    explicit NotificationMailDialog(workbench::SessionContext &context, QWidget *parent = nullptr);
    ~NotificationMailDialog() override;

    // Validates and stores; false (with the reason shown) when the settings are refused.
    bool save();
    // Sends a test message to the address in the test field; the outcome arrives in the status line.
    bool sendTest();
    bool isTesting() const { return !m_testThread.isNull(); }
    QLabel *statusLabel() const { return m_status; }

private:
    void load();
    void updateButtons();

    workbench::SessionContext &m_context;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QComboBox *m_security;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QLineEdit *m_from;
    QLineEdit *m_caFile;
    QLineEdit *m_testTo;
    QPushButton *m_test;
    QPushButton *m_save;
    QLabel *m_status;
    bool m_hadPassword = false;
    QPointer<QThread> m_testThread;
};

} // namespace mdp::notify::ui
