#pragma once

#include "mdp/foundation/Clock.h"
#include "mdp/foundation/Error.h"
#include "mdp/workspace/Workspace.h"

#include <QDialog>
#include <QPointer>

#include <memory>
#include <optional>

class QFormLayout;
class QFrame;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QThread;

namespace mdp::workbench {
class TotpEnrolmentWidget;
}

namespace mdp::shell {

// Unlocks the workspace with its passphrase (unless it is already open) and signs a user in with
// name, password and, where the account has one, a verification code (one answer when any of them
// is wrong); walks through authenticator enrolment when the code given is an administrator's
// enrolment code, and explains wrong passphrases, wrong credentials, lock-outs and a
// rolled-back database. Unlocking and password checks run off the GUI thread.
class LoginDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Step
    {
        Credentials,
        Enrolment
    };

    // Workspace still locked: asks for the passphrase first.
    explicit LoginDialog(const QString &directory, const Clock &clock = SystemClock::instance(),
                         QWidget *parent = nullptr);
    // Workspace already unlocked (after a log-out): asks only for the user.
    explicit LoginDialog(std::unique_ptr<workspace::Workspace> workspace, QWidget *parent = nullptr);
    ~LoginDialog() override;

    void setUserName(const QString &userName);
    // Fills the verification code, e.g. the first administrator's enrolment code right after the
    // workspace was created.
    void setVerificationCode(const QString &code);
    void setMessage(const QString &text); // an information line shown on open, e.g. "locked after 10 minutes"

    bool isBusy() const { return m_busy; }
    bool isUnlocked() const { return m_workspace != nullptr; }
    Step step() const { return m_step; }
    QString message() const;

    std::unique_ptr<workspace::Workspace> takeWorkspace();
    // Set when the dialog ended by opening a workspace that failed its integrity checks read-only for
    // an audit reader (issue 9 part 4) instead of signing in.
    std::unique_ptr<workspace::AuditReview> takeAuditReview();
    std::optional<workspace::Session> session() const { return m_session; }

    void reject() override;

Q_SIGNALS:
    void busyChanged(bool busy);
    // Each submission that finished without signing in (tests wait for it).
    void attemptFailed();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void build();
    void submit();
    void unlock();
    void signIn();
    void startEnrolment();
    void confirmEnrolment();
    void showOpenFailure(const Error &error);
    void openAuditReview();
    void showLoginFailure(const Error &error);
    void showBadCredentials();
    void showError(const QString &text, QLineEdit *focus);
    void setBusy(bool busy, const QString &status = {});
    void setStep(Step step);
    void updateTitle();

    QString m_directory;
    const Clock *m_clock;
    std::unique_ptr<workspace::Workspace> m_workspace;
    std::optional<workspace::Session> m_session;
    std::unique_ptr<workspace::AuditReview> m_openedReview;
    Step m_step = Step::Credentials;
    bool m_busy = false;
    // The workspace is opened by each account's own password (no workspace passphrase): signing in
    // is unlocking.
    bool m_accountSlots = false;
    QPointer<QThread> m_worker;

    QLabel *m_title = nullptr;
    QLabel *m_location = nullptr;
    QFormLayout *m_form = nullptr;
    QLineEdit *m_passphrase = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_password = nullptr;
    QLineEdit *m_totp = nullptr;
    QFrame *m_enrolmentCard = nullptr;
    workbench::TotpEnrolmentWidget *m_enrolment = nullptr;
    QLabel *m_capsLock = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_status = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_submit = nullptr;
    QPushButton *m_quit = nullptr;
    QPushButton *m_otherUser = nullptr;
    QPushButton *m_review = nullptr; // shown when the workspace failed its integrity checks
};

} // namespace mdp::shell
