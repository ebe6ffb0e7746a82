#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;

namespace mdp::accounts {
struct TotpEnrolment;
}

namespace mdp::workbench {

// Shows a pending TOTP enrolment for manual entry into an authenticator app (no QR code library is
// available): the base32 secret in groups of four, the otpauth URI and the parameters, and a field
// for the first code. Holds the secret only while shown; clear() wipes it.
class TotpEnrolmentWidget : public QWidget
{
    Q_OBJECT
public:
    explicit TotpEnrolmentWidget(QWidget *parent = nullptr);

    void setEnrolment(const accounts::TotpEnrolment &enrolment);
    void clear();
    QString code() const;
    QLineEdit *codeEdit() const { return m_code; }

    // "JBSWY3DPEHPK3PXP" -> "JBSW Y3DP EHPK 3PXP".
    static QString groupSecret(const QString &secret);

Q_SIGNALS:
    void codeEntered();

private:
    QLabel *m_secret;
    QLineEdit *m_uri;
    QLabel *m_parameters;
    QLineEdit *m_code;
};

} // namespace mdp::workbench
