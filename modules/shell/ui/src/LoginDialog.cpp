#include "mdp/shell/LoginDialog.h"

#include "mdp/workspace/AuditReview.h"

#include "mdp/accounts/AccountDirectory.h"
#include "mdp/workbench/Background.h"
#include "mdp/workbench/Theme.h"
#include "mdp/workbench/TotpEnrolmentWidget.h"
#include "mdp/workbench/Widgets.h"

#include <QDir>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QRegularExpressionValidator>
#include <QThread>
#include <QVBoxLayout>

namespace mdp::shell {

namespace {

using OpenResult = std::shared_ptr<Result<std::unique_ptr<workspace::Workspace>>>;

QString localTime(const QDateTime &utc)
{
    return workbench::formatDateTime(utc);
}

} // namespace

LoginDialog::LoginDialog(const QString &directory, const Clock &clock, QWidget *parent)
    : QDialog(parent)
    , m_directory(directory)
    , m_clock(&clock)
{
    build();
}

LoginDialog::LoginDialog(std::unique_ptr<workspace::Workspace> workspace, QWidget *parent)
    : QDialog(parent)
    , m_directory(workspace->directory())
    , m_clock(&workspace->clock())
    , m_workspace(std::move(workspace))
{
    build();
}

LoginDialog::~LoginDialog()
{
    // A worker still running uses the workspace this dialog owns.
    if (m_worker && m_worker->isRunning())
        m_worker->wait();
    workbench::wipePassword(m_password);
    workbench::wipePassword(m_passphrase);
}

void LoginDialog::build()
{
    setObjectName(QStringLiteral("loginDialog"));
    setWindowTitle(tr("MDP – Sign in"));
    setMinimumSize(820, 500);

    auto *outer = new QHBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->setSpacing(0);

    auto *brand = new QFrame(this);
    brand->setObjectName(QStringLiteral("brandPanel"));
    brand->setFixedWidth(270);
    auto *brandLayout = new QVBoxLayout(brand);
    brandLayout->setContentsMargins(30, 36, 30, 28);
    brandLayout->setSpacing(6);
    auto *logo = new QLabel(brand);
    logo->setPixmap(workbench::Theme::appIcon().pixmap(64, 64));
    brandLayout->addWidget(logo);
    brandLayout->addSpacing(14);
    brandLayout->addWidget(workbench::makeLabel(QStringLiteral("MDP"), QStringLiteral("brandTitle"), brand));
    brandLayout->addWidget(
        workbench::makeLabel(tr("Clinical research workstation"), QStringLiteral("brandSubtitle"), brand));
    brandLayout->addStretch();
    brandLayout->addWidget(
        workbench::makeLabel(tr("Data stay encrypted on this workstation. Every sign-in is "
                                "recorded in the tamper-evident audit log."),
                             QStringLiteral("brandNote"), brand));
    brandLayout->addSpacing(10);
    brandLayout->addWidget(
        workbench::makeLabel(tr("Implements JH/CAA 008-2025"), QStringLiteral("brandNote"), brand));
    outer->addWidget(brand);

    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(40, 36, 40, 28);
    layout->setSpacing(10);
    m_title = workbench::makeLabel(QString(), QStringLiteral("pageTitle"), content);
    m_location = workbench::makeLabel(QString(), QStringLiteral("muted"), content);
    m_location->setObjectName(QStringLiteral("muted"));
    layout->addWidget(m_title);
    layout->addWidget(m_location);
    layout->addSpacing(12);

    m_passphrase = new QLineEdit(content);
    m_user = new QLineEdit(content);
    m_password = new QLineEdit(content);
    m_totp = new QLineEdit(content);
    m_passphrase->setObjectName(QStringLiteral("passphraseEdit"));
    m_user->setObjectName(QStringLiteral("userEdit"));
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_totp->setObjectName(QStringLiteral("totpEdit"));
    for (QLineEdit *edit : {m_passphrase, m_password}) {
        workbench::preparePasswordEdit(edit);
        edit->installEventFilter(this);
    }
    m_user->setInputMethodHints(Qt::ImhNoAutoUppercase | Qt::ImhNoPredictiveText);
    // The authenticator's code, or at the first sign-in the administrator's enrolment code
    // (XXXX-XXXX-XXXX-XXXX). Left empty where the account has no second factor.
    m_totp->setPlaceholderText(tr("Authenticator code or enrolment code"));
    m_totp->setMaxLength(24);
    m_totp->setInputMethodHints(Qt::ImhNoAutoUppercase | Qt::ImhNoPredictiveText | Qt::ImhSensitiveData);
    m_totp->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9A-Za-z -]{0,24}")), m_totp));

    m_form = new QFormLayout;
    m_form->setHorizontalSpacing(16);
    m_form->setVerticalSpacing(12);
    m_form->setLabelAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_form->addRow(tr("Workspace passphrase"), m_passphrase);
    m_form->addRow(tr("User name"), m_user);
    m_form->addRow(tr("Password"), m_password);
    m_form->addRow(tr("Verification code"), m_totp);
    layout->addLayout(m_form);

    m_enrolmentCard = workbench::makeCard(content);
    auto *enrolmentLayout = workbench::cardLayout(m_enrolmentCard, tr("Set up your authenticator"));
    m_enrolment = new workbench::TotpEnrolmentWidget(m_enrolmentCard);
    enrolmentLayout->addWidget(m_enrolment);
    m_enrolmentCard->hide();
    layout->addWidget(m_enrolmentCard);

    m_capsLock = workbench::makeLabel(tr("Caps Lock is on."), QStringLiteral("capsLockHint"), content);
    m_capsLock->hide();
    layout->addWidget(m_capsLock);
    m_message = workbench::makeMessageLabel(content);
    layout->addWidget(m_message);
    layout->addStretch();

    m_status = workbench::makeLabel(QString(), QStringLiteral("muted"), content);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->hide();
    m_progress = new QProgressBar(content);
    m_progress->setRange(0, 0);
    m_progress->setTextVisible(false);
    m_progress->hide();
    layout->addWidget(m_status);
    layout->addWidget(m_progress);

    auto *buttons = new QHBoxLayout;
    m_quit = new QPushButton(tr("Quit"), content);
    m_quit->setObjectName(QStringLiteral("quitButton"));
    m_quit->setAutoDefault(false);
    m_submit = workbench::makeAccentButton(QString(), content);
    m_submit->setObjectName(QStringLiteral("submitButton"));
    m_submit->setDefault(true);
    m_submit->setMinimumWidth(140);
    m_otherUser = new QPushButton(tr("Use another account"), content);
    m_otherUser->setObjectName(QStringLiteral("otherUserButton"));
    m_otherUser->setAutoDefault(false);
    m_otherUser->setFlat(true);
    m_review = new QPushButton(tr("Open read-only for audit…"), content);
    m_review->setObjectName(QStringLiteral("reviewButton"));
    m_review->setAutoDefault(false);
    m_review->setToolTip(
        tr("For an auditor or a system administrator: read the audit trail of this workspace "
           "to find out what happened. Nothing can be changed."));
    m_review->hide();
    buttons->addWidget(m_quit);
    buttons->addStretch();
    buttons->addWidget(m_review);
    buttons->addWidget(m_otherUser);
    buttons->addWidget(m_submit);
    layout->addLayout(buttons);
    outer->addWidget(content, 1);

    connect(m_submit, &QPushButton::clicked, this, &LoginDialog::submit);
    connect(m_quit, &QPushButton::clicked, this, &LoginDialog::reject);
    connect(m_review, &QPushButton::clicked, this, &LoginDialog::openAuditReview);
    connect(m_enrolment, &workbench::TotpEnrolmentWidget::codeEntered, this, &LoginDialog::submit);
    connect(m_otherUser, &QPushButton::clicked, this, [this] {
        setStep(Step::Credentials);
        workbench::wipePassword(m_password);
        workbench::showMessage(m_message, workbench::Severity::None, {});
        m_user->setFocus();
        m_user->selectAll();
    });

    m_location->setText(tr("Workspace: %1").arg(QDir::toNativeSeparators(m_directory)));
    if (m_workspace) {
        m_accountSlots = m_workspace->unlockMode() == workspace::UnlockMode::AccountSlots;
    } else {
        const auto kind = workspace::Workspace::rootKind(m_directory);
        m_accountSlots = kind.ok() && kind.value() == QStringLiteral("accounts");
    }
    setStep(Step::Credentials);
    (isUnlocked() || m_accountSlots ? m_user : m_passphrase)->setFocus();
}

void LoginDialog::updateTitle()
{
    m_form->setRowVisible(m_passphrase, !isUnlocked() && !m_accountSlots);
    if (!isUnlocked() && m_accountSlots) {
        m_title->setText(m_step == Step::Enrolment ? tr("Set up two-step sign-in") : tr("Sign in"));
        m_submit->setText(m_step == Step::Enrolment ? tr("Confirm code") : tr("Sign in"));
    } else if (!isUnlocked()) {
        m_title->setText(tr("Unlock workspace"));
        m_submit->setText(tr("Unlock and sign in"));
    } else if (m_step == Step::Enrolment) {
        m_title->setText(tr("Set up two-step sign-in"));
        m_submit->setText(tr("Confirm code"));
    } else {
        m_title->setText(tr("Sign in"));
        m_submit->setText(tr("Sign in"));
    }
}

void LoginDialog::setStep(Step step)
{
    m_step = step;
    m_form->setRowVisible(m_totp, step == Step::Credentials);
    m_enrolmentCard->setVisible(step == Step::Enrolment);
    m_otherUser->setVisible(step != Step::Credentials);
    m_user->setReadOnly(step != Step::Credentials);
    m_password->setReadOnly(step != Step::Credentials);
    if (step != Step::Enrolment)
        m_enrolment->clear();
    if (step != Step::Credentials)
        m_totp->clear();
    updateTitle();
}

void LoginDialog::setUserName(const QString &userName)
{
    m_user->setText(userName);
    if (isUnlocked() || m_accountSlots)
        m_password->setFocus();
}

void LoginDialog::setVerificationCode(const QString &code)
{
    m_totp->setText(code);
}

void LoginDialog::setMessage(const QString &text)
{
    workbench::showMessage(m_message, workbench::Severity::Info, text);
}

QString LoginDialog::message() const
{
    return m_message->isVisible() ? m_message->text() : QString();
}

std::unique_ptr<workspace::Workspace> LoginDialog::takeWorkspace()
{
    return std::move(m_workspace);
}

void LoginDialog::reject()
{
    if (m_busy)
        return;
    QDialog::reject();
}

void LoginDialog::setBusy(bool busy, const QString &status)
{
    m_busy = busy;
    for (QWidget *w : {static_cast<QWidget *>(m_passphrase), static_cast<QWidget *>(m_user),
                       static_cast<QWidget *>(m_password), static_cast<QWidget *>(m_totp),
                       static_cast<QWidget *>(m_enrolment), static_cast<QWidget *>(m_submit),
                       static_cast<QWidget *>(m_quit), static_cast<QWidget *>(m_otherUser),
                       static_cast<QWidget *>(m_review)})
        w->setEnabled(!busy);
    m_status->setText(status);
    m_status->setVisible(busy);
    m_progress->setVisible(busy);
    if (busy)
        workbench::showMessage(m_message, workbench::Severity::None, {});
    Q_EMIT busyChanged(busy);
}

void LoginDialog::showError(const QString &text, QLineEdit *focus)
{
    workbench::showMessage(m_message, workbench::Severity::Error, text);
    if (focus) {
        focus->setFocus();
        focus->selectAll();
    }
    Q_EMIT attemptFailed();
}

void LoginDialog::submit()
{
    if (m_busy)
        return;
    if (!isUnlocked()) {
        if (!m_accountSlots && m_passphrase->text().isEmpty())
            return showError(tr("Enter the workspace passphrase."), m_passphrase);
        if (m_user->text().trimmed().isEmpty() || m_password->text().isEmpty())
            return showError(tr("Enter your user name and password."),
                             m_user->text().trimmed().isEmpty() ? m_user : m_password);
        unlock();
        return;
    }
    switch (m_step) {
    case Step::Credentials:
        if (m_user->text().trimmed().isEmpty() || m_password->text().isEmpty())
            return showError(tr("Enter your user name and password."),
                             m_user->text().trimmed().isEmpty() ? m_user : m_password);
        signIn();
        break;
    case Step::Enrolment:
        if (m_enrolment->code().isEmpty())
            return showError(tr("Enter the code your authenticator app shows."), m_enrolment->codeEdit());
        confirmEnrolment();
        break;
    }
}

void LoginDialog::unlock()
{
    setBusy(true, m_accountSlots ? tr("Signing in…") : tr("Unlocking the workspace…"));
    const QString directory = m_directory;
    const Clock *clock = m_clock;
    SecureBytes passphrase = m_accountSlots ? SecureBytes() : workbench::takePassword(m_passphrase);
    std::optional<workspace::SignIn> credentials;
    if (m_accountSlots) {
        credentials.emplace();
        credentials->userName = m_user->text().trimmed();
        credentials->password = workbench::copyPassword(m_password);
        credentials->totpCode = m_totp->text().trimmed();
        credentials->allowEnrolment = true;
    }
    // Each stage of the unlock is named while the bar runs; the patient search index is built
    // afterwards in the background (the Patients page shows how far). Posted to this dialog,
    // which outlives its worker.
    auto progress = [this](const workspace::OpenProgress &p) {
        QMetaObject::invokeMethod(
            this,
            [this, p] {
                if (!m_busy)
                    return;
                switch (p.stage) {
                case workspace::OpenStage::Waiting:
                    m_status->setText(tr("Waiting for another program that has this workspace open (%1)…")
                                          .arg(p.waitingFor));
                    break;
                case workspace::OpenStage::Keys:
                    m_status->setText(m_accountSlots ? tr("Signing in…") : tr("Unlocking the workspace…"));
                    break;
                case workspace::OpenStage::AuditLog:
                    // A percentage only comes when the whole log is read (its index is being built).
                    // Signing in to an account says no more than "signing in" until the answer: the
                    // stages after the password would tell a right one from a wrong one (issue 9).
                    if (p.percent >= 0)
                        m_status->setText(
                            tr("Indexing the audit log (once, after an update)… %1%").arg(p.percent));
                    else if (!m_accountSlots)
                        m_status->setText(tr("Checking the audit log…"));
                    break;
                case workspace::OpenStage::Database:
                    if (!m_accountSlots)
                        m_status->setText(tr("Opening the database…"));
                    break;
                }
            },
            Qt::QueuedConnection);
    };
    m_worker = workbench::runInBackground<OpenResult>(
        this,
        [directory, clock, passphrase = std::move(passphrase), credentials = std::move(credentials),
         progress]() mutable {
            auto result = std::make_shared<Result<std::unique_ptr<workspace::Workspace>>>(
                credentials ? workspace::Workspace::open(directory, *credentials, *clock, progress)
                            : workspace::Workspace::open(directory, passphrase, *clock, progress));
            passphrase.clear();
            if (credentials)
                credentials->password.clear();
            return result;
        },
        [this](OpenResult &result) {
            setBusy(false);
            if (!result->ok())
                return showOpenFailure(result->error());
            m_workspace = std::move(result->value());
            workbench::wipePassword(m_passphrase);
            updateTitle();
            if (!m_accountSlots)
                return signIn();
            // Signing in opened the workspace: signed in, or to enrol the second factor first.
            if (const auto session = m_workspace->session()) {
                m_session = *session;
                workbench::wipePassword(m_password);
                accept();
                return;
            }
            startEnrolment();
        });
}

void LoginDialog::signIn()
{
    setBusy(true, tr("Checking your credentials…"));
    workspace::Workspace *ws = m_workspace.get();
    const QString user = m_user->text().trimmed();
    SecureBytes password = workbench::copyPassword(m_password);
    const QString code = m_totp->text().trimmed();
    m_worker = workbench::runInBackground<Result<workspace::Session>>(
        this,
        [ws, user, code, password = std::move(password)]() mutable {
            Result<workspace::Session> result = ws->login(user, password, code);
            password.clear();
            return result;
        },
        [this](Result<workspace::Session> &result) {
            setBusy(false);
            if (!result.ok())
                return showLoginFailure(result.error());
            m_session = result.value();
            workbench::wipePassword(m_password);
            accept();
        });
}

void LoginDialog::showOpenFailure(const Error &error)
{
    if (m_accountSlots) {
        // Single sign-on: what the site server decided, or that it could not be asked.
        if (error.code == Error::Code::Locked && error.message.startsWith(u"The site server")) {
            setStep(Step::Credentials);
            return showError(tr("The site server has locked this account. Ask a system administrator of the "
                                "site to unlock it."),
                             nullptr);
        }
        if (error.code == Error::Code::Io && error.message.contains(u"offline period")) {
            static const QRegularExpression hours(QStringLiteral("offline period of (\\d+) hours"));
            const QString period = hours.match(error.message).captured(1);
            setStep(Step::Credentials);
            return showError(tr("The site server cannot be reached and the offline period of %1 hours since "
                                "this account last signed in here through it has passed. Sign in again when "
                                "the server is back.")
                                 .arg(period),
                             nullptr);
        }
        if (error.message.startsWith(u"The site server accepted")) {
            setStep(Step::Credentials);
            if (error.code == Error::Code::NotFound)
                return showError(tr("The site server accepted this account, but this workstation cannot open "
                                    "for it yet: an account that already signs in here must sign in once "
                                    "through the server first."),
                                 nullptr);
            return showError(tr("The site server accepted this account, but the site keys it carries do not "
                                "open this workstation's workspace. Ask a system administrator."),
                             nullptr);
        }
        if (error.message.startsWith(u"The site server refused")) {
            setStep(Step::Credentials);
            return showError(tr("The site server refused the sign-in: %1")
                                 .arg(error.message.section(QStringLiteral(": "), 1)),
                             nullptr);
        }
        // The sign-in and the unlock are one step: the account's answers come from here.
        switch (error.code) {
        case Error::Code::WrongPassphrase:
            return showBadCredentials();
        case Error::Code::Locked:
            setStep(Step::Credentials);
            if (error.message.contains(QStringLiteral("try again after")))
                return showError(tr("Too many wrong passwords for this account. Wait a little and try again; "
                                    "each further failure doubles the wait."),
                                 nullptr);
            return showError(tr("This account is locked. Ask a system administrator to unlock it."), nullptr);
        case Error::Code::Unauthenticated:
        case Error::Code::InvalidArgument:
        case Error::Code::PermissionDenied:
            return showLoginFailure(error);
        default:
            break;
        }
    }
    // An integrity failure: nobody works in it, an audit reader may look (issue 9 part 4).
    m_review->setVisible(m_accountSlots &&
                         (error.code == Error::Code::RolledBack || error.code == Error::Code::Tampered ||
                          error.code == Error::Code::Corrupt));
    const QString reviewHint =
        m_review->isVisible() ? QStringLiteral("\n\n") +
                                    tr("An auditor or a system administrator can open it read-only to find "
                                       "out what happened: enter your credentials and choose “Open "
                                       "read-only for audit…”.")
                              : QString();
    switch (error.code) {
    case Error::Code::WrongPassphrase:
        return showError(tr("The workspace passphrase is wrong. Nothing was changed; try again."),
                         m_passphrase);
    case Error::Code::RolledBack:
        return showError(tr("The database is older than the last state recorded in the audit log: an earlier "
                            "copy appears to have been put back. Do not enter data; contact your system "
                            "administrator.") +
                             reviewHint,
                         nullptr);
    case Error::Code::Corrupt:
    case Error::Code::Tampered:
        return showError(tr("The workspace is damaged or was altered outside MDP (%1). Contact your system "
                            "administrator.")
                                 .arg(error.message) +
                             reviewHint,
                         nullptr);
    case Error::Code::NotFound:
        return showError(tr("No workspace was found in this folder."), nullptr);
    default:
        return showError(tr("The workspace could not be opened: %1").arg(error.message), nullptr);
    }
}

void LoginDialog::openAuditReview()
{
    if (m_busy)
        return;
    workspace::SignIn credentials;
    credentials.userName = m_user->text().trimmed();
    credentials.password = workbench::copyPassword(m_password);
    credentials.totpCode = m_totp->text().trimmed();
    if (credentials.userName.isEmpty() || credentials.password.isEmpty())
        return showError(tr("Enter your user name and password (and the verification code) first."),
                         credentials.userName.isEmpty() ? m_user : m_password);
    setBusy(true, tr("Checking the workspace read-only…"));
    const QString directory = m_directory;
    const Clock *clock = m_clock;
    using ReviewResult = std::shared_ptr<Result<std::unique_ptr<workspace::AuditReview>>>;
    m_worker = workbench::runInBackground<ReviewResult>(
        this,
        [directory, clock, credentials = std::move(credentials)]() mutable {
            auto result = std::make_shared<Result<std::unique_ptr<workspace::AuditReview>>>(
                workspace::AuditReview::open(directory, credentials, *clock));
            credentials.password.clear();
            return result;
        },
        [this](ReviewResult &result) {
            setBusy(false);
            if (!result->ok()) {
                if (result->error().code == Error::Code::PermissionDenied)
                    return showError(tr("Only an auditor or a system administrator may open this workspace "
                                        "read-only."),
                                     nullptr);
                return showLoginFailure(result->error());
            }
            m_openedReview = std::move(result->value());
            workbench::wipePassword(m_password);
            accept();
        });
}

std::unique_ptr<workspace::AuditReview> LoginDialog::takeAuditReview()
{
    return std::move(m_openedReview);
}

void LoginDialog::showLoginFailure(const Error &error)
{
    switch (accounts::loginFailureOf(error)) {
    case accounts::LoginFailure::BadCredentials:
        return showBadCredentials();
    case accounts::LoginFailure::Locked: {
        if (!m_workspace) {
            setStep(Step::Credentials);
            return showError(tr("This account is locked. Ask a system administrator to unlock it."), nullptr);
        }
        auto account = m_workspace->accounts().find(m_user->text().trimmed());
        const QDateTime now = m_workspace->clock().now();
        setStep(Step::Credentials);
        if (account.ok() && account.value() && !account.value()->locked &&
            account.value()->lockedUntil.isValid() && account.value()->lockedUntil > now) {
            return showError(tr("Too many failed sign-ins. The account is locked until %1.")
                                 .arg(localTime(account.value()->lockedUntil)),
                             nullptr);
        }
        return showError(tr("This account is locked. Ask a system administrator to unlock it."), nullptr);
    }
    case accounts::LoginFailure::SecondFactorEnrolmentRequired:
        startEnrolment();
        return;
    case accounts::LoginFailure::Other:
        break;
    }
    showError(tr("Sign-in failed: %1").arg(error.message), nullptr);
}

// One answer whether the name, the password or the code was wrong (issue 9 part 8): the directory
// does not say which, so neither does the dialog.
void LoginDialog::showBadCredentials()
{
    m_totp->clear();
    showError(tr("The user name, password or verification code is wrong. If your account uses an "
                 "authenticator app, enter its current code; at your first sign-in, the enrolment code "
                 "from your administrator."),
              m_password);
}

void LoginDialog::startEnrolment()
{
    setBusy(true, tr("Preparing your authenticator key…"));
    workspace::Workspace *ws = m_workspace.get();
    const QString user = m_user->text().trimmed();
    SecureBytes password = workbench::copyPassword(m_password);
    const QString enrolmentCode = m_totp->text().trimmed();
    m_worker = workbench::runInBackground<Result<accounts::TotpEnrolment>>(
        this,
        [ws, user, password = std::move(password), enrolmentCode]() mutable {
            auto result = ws->accounts().enrollTotp(user, password, enrolmentCode);
            password.clear();
            return result;
        },
        [this](Result<accounts::TotpEnrolment> &result) {
            setBusy(false);
            if (!result.ok())
                return showLoginFailure(result.error());
            setStep(Step::Enrolment);
            m_enrolment->setEnrolment(result.value());
            workbench::showMessage(
                m_message, workbench::Severity::Info,
                tr("Your role requires two-step sign-in and no authenticator is set up yet for "
                   "this account."));
            m_enrolment->codeEdit()->setFocus();
            Q_EMIT attemptFailed();
        });
}

void LoginDialog::confirmEnrolment()
{
    setBusy(true, tr("Checking the code…"));
    workspace::Workspace *ws = m_workspace.get();
    const QString user = m_user->text().trimmed();
    const QString code = m_enrolment->code();
    m_worker = workbench::runInBackground<Result<accounts::Account>>(
        this, [ws, user, code] { return ws->accounts().confirmTotp(user, code); },
        [this](Result<accounts::Account> &result) {
            setBusy(false);
            if (!result.ok())
                return showError(tr("The code was not accepted. Check that the device's clock is right and "
                                    "enter the current code."),
                                 m_enrolment->codeEdit());
            setStep(Step::Credentials);
            workbench::showMessage(
                m_message, workbench::Severity::Success,
                tr("Authenticator set up. Wait for the next code (each code works once) and enter "
                   "it to sign in."));
            m_totp->setFocus();
            Q_EMIT attemptFailed();
        });
}

bool LoginDialog::eventFilter(QObject *watched, QEvent *event)
{
    // No portable Caps Lock query exists; a letter whose case disagrees with Shift tells.
    if (event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        const QString text = key->text();
        if (text.size() == 1 && text.at(0).isLetter() && text.at(0).toUpper() != text.at(0).toLower()) {
            const bool shift = key->modifiers().testFlag(Qt::ShiftModifier);
            const bool capsOn = text.at(0).isUpper() != shift;
            m_capsLock->setVisible(capsOn);
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace mdp::shell
