#include "mdp/shell/WorkstationShell.h"

#include "mdp/accounts/Role.h"
#include "mdp/shell/FirstRunWizard.h"
#include "mdp/shell/LoginDialog.h"
#include "mdp/shell/MainWindow.h"
#include "mdp/shell/ShellSettings.h"
#include "mdp/workbench/Contributions.h"
#include "mdp/workspace/AuditReview.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QInputDialog>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QScreen>

namespace mdp::shell {

Q_LOGGING_CATEGORY(lcShell, "mdp.shell")

WorkstationShell::WorkstationShell(ShellSettings &settings, const workbench::Contributions &contributions,
                                   QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_contributions(contributions)
{
    m_idle.setSingleShot(true);
    connect(&m_idle, &QTimer::timeout, this, [this] {
        const int minutes = m_settings.autoLockMinutes();
        lock(tr("Locked after %n minute(s) without activity.", nullptr, minutes));
    });
    qApp->installEventFilter(this);
}

WorkstationShell::~WorkstationShell()
{
    qApp->removeEventFilter(this);
    closeMain();
    delete m_wizard;
    delete m_login;
}

void WorkstationShell::setScreenshotPath(const QString &path)
{
    m_screenshot = path;
}

void WorkstationShell::setInitialPage(const QString &pageId)
{
    m_initialPage = pageId;
}

MainWindow *WorkstationShell::mainWindow() const
{
    return m_main;
}

QWidget *WorkstationShell::currentWindow() const
{
    if (m_main)
        return m_main;
    if (m_login)
        return m_login;
    return m_wizard;
}

void WorkstationShell::start(const QString &directory)
{
    m_directory = directory;
    if (m_directory.isEmpty())
        m_directory = m_settings.lastWorkspace();
    if (m_directory.isEmpty())
        m_directory = workspace::Workspace::defaultDirectory();
    m_directory = QDir::cleanPath(QFileInfo(m_directory).absoluteFilePath());
    if (workspace::Workspace::exists(m_directory))
        showLogin();
    else
        showWizard(m_directory);
}

void WorkstationShell::startDemo(workspace::DemoWorkspace demo, const QString &roleId)
{
    m_demo = true;
    m_workspace = std::move(demo.workspace);
    m_demoAccounts = demo.accounts;
    m_directory = m_workspace->directory();
    for (const workspace::DemoAccount &account : std::as_const(m_demoAccounts)) {
        if (account.role != roleId)
            continue;
        auto session = workspace::loginDemoAccount(*m_workspace, account);
        if (session.ok()) {
            showMain(session.value());
            return;
        }
        qCWarning(lcShell) << "demo sign-in failed:" << session.error().toString();
        break;
    }
    showDemoChooser(tr("The demo account for this role could not sign in."));
}

void WorkstationShell::showWizard(const QString &directory)
{
    m_wizard = new FirstRunWizard(directory);
    connect(m_wizard, &QWizard::finished, this, [this](int result) {
        FirstRunWizard *wizard = m_wizard;
        m_wizard = nullptr;
        wizard->deleteLater();
        m_workspace = wizard->takeWorkspace();
        if (result != QDialog::Accepted || !m_workspace) {
            // Created but closed before finishing: the workspace is usable; ask to sign in.
            if (m_workspace) {
                m_directory = m_workspace->directory();
                m_settings.setLastWorkspace(m_directory);
                showLogin({}, wizard->adminName(), wizard->adminEnrolmentCode());
                return;
            }
            Q_EMIT finished(0);
            return;
        }
        m_directory = m_workspace->directory();
        m_settings.setLastWorkspace(m_directory);
        showLogin({}, wizard->adminName(), wizard->adminEnrolmentCode());
    });
    m_wizard->show();
    windowShown(m_wizard);
}

void WorkstationShell::showLogin(const QString &message, const QString &userName,
                                 const QString &verificationCode)
{
    if (m_demo) {
        showDemoChooser(message);
        return;
    }
    m_login = m_workspace ? new LoginDialog(std::move(m_workspace)) : new LoginDialog(m_directory);
    if (!userName.isEmpty())
        m_login->setUserName(userName);
    if (!verificationCode.isEmpty())
        m_login->setVerificationCode(verificationCode);
    if (!message.isEmpty())
        m_login->setMessage(message);
    connect(m_login, &QDialog::finished, this, [this](int result) {
        LoginDialog *dialog = m_login;
        m_login = nullptr;
        dialog->deleteLater();
        m_workspace = dialog->takeWorkspace();
        if (auto review = dialog->takeAuditReview();
            review && result == QDialog::Accepted && m_contributions.auditReviewWindow()) {
            // A workspace that failed its integrity checks, read-only for an audit reader; back to
            // the sign-in window when it is closed.
            QWidget *window = m_contributions.auditReviewWindow()(std::move(review), nullptr);
            connect(window, &QObject::destroyed, this, [this] { showLogin({}, {}, {}); });
            window->show();
            windowShown(window);
            return;
        }
        if (result != QDialog::Accepted || !dialog->session()) {
            m_workspace.reset();
            Q_EMIT finished(0);
            return;
        }
        m_settings.setLastWorkspace(m_directory);
        showMain(*dialog->session());
    });
    m_login->show();
    windowShown(m_login);
}

void WorkstationShell::showDemoChooser(const QString &message)
{
    QStringList labels;
    for (const workspace::DemoAccount &account : std::as_const(m_demoAccounts)) {
        const auto role = accounts::roleFromId(account.role);
        labels << tr("%1 – %2").arg(role ? accounts::roleDisplayName(*role) : account.role,
                                    account.displayName);
    }
    bool ok = false;
    const QString text = message.isEmpty()
                             ? tr("Sign in to the demo workspace as:")
                             : message + QStringLiteral("\n\n") + tr("Sign in to the demo workspace as:");
    const QString chosen = QInputDialog::getItem(nullptr, tr("MDP demo"), text, labels, 0, false, &ok);
    if (!ok) {
        quit();
        return;
    }
    const workspace::DemoAccount &account = m_demoAccounts.at(labels.indexOf(chosen));
    auto session = workspace::loginDemoAccount(*m_workspace, account);
    if (!session.ok()) {
        showDemoChooser(tr("Sign-in failed: %1").arg(session.error().message));
        return;
    }
    showMain(session.value());
}

void WorkstationShell::showMain(workspace::Session session)
{
    // While the workspace is unlocked, overdue reviews escalate and notices go by e-mail whether or
    // not a window is open (R-6.2.3b/c): on a worker with its own database connection.
    if (!m_services) {
        if (auto started = workspace::BackgroundServices::start(*m_workspace))
            m_services = started.value();
        else
            qCWarning(lcShell) << "background services not started:" << started.error().message;
    }
    // Opening checked only what is new in the audit log; the whole history is checked meanwhile.
    m_workspace->startAuditHistoryCheck();
    m_main =
        new MainWindow(*m_workspace, std::move(session), m_settings, m_contributions, nullptr, m_services);
    connect(m_main, &MainWindow::lockRequested, this, [this] { lock(); });
    connect(m_main, &MainWindow::logoutRequested, this, &WorkstationShell::logout);
    connect(m_main, &MainWindow::quitRequested, this, &WorkstationShell::quit);
    connect(m_main, &MainWindow::settingsChanged, this, &WorkstationShell::restartIdleTimer);
    if (!m_initialPage.isEmpty())
        m_main->showPage(m_initialPage);
    m_initialPage.clear();
    m_main->show();
    restartIdleTimer();
    windowShown(m_main);
}

void WorkstationShell::closeMain()
{
    m_idle.stop();
    if (!m_main)
        return;
    m_main->waitForIdle();
    m_main->hide();
    delete m_main;
    m_main = nullptr;
}

void WorkstationShell::lock(const QString &reason)
{
    if (!m_main)
        return;
    closeMain();
    QString userName;
    if (m_workspace) {
        if (const auto session = m_workspace->session())
            userName = session->userName;
        m_workspace->logout();
    }
    if (!m_demo) {
        // Closing the workspace drops every key from memory; the account's own password (or, on a
        // machine-unlock workspace, the passphrase) is needed again.
        m_workspace.reset();
    }
    showLogin(reason.isEmpty() ? tr("The workspace was locked.") : reason, userName);
}

void WorkstationShell::logout()
{
    if (!m_main)
        return;
    closeMain();
    if (m_workspace)
        m_workspace->logout();
    showLogin(tr("You have signed out."));
}

void WorkstationShell::quit()
{
    closeMain();
    if (m_workspace) {
        m_workspace->logout();
        m_workspace.reset();
    }
    Q_EMIT finished(0);
}

void WorkstationShell::restartIdleTimer()
{
    const int minutes = m_settings.autoLockMinutes();
    if (!m_main || minutes <= 0) {
        m_idle.stop();
        return;
    }
    m_idle.start(minutes * 60'000);
}

bool WorkstationShell::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
        if (m_idle.isActive())
            m_idle.start();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

void WorkstationShell::windowShown(QWidget *window)
{
    if (m_screenshot.isEmpty())
        return;
    const QString path = m_screenshot;
    m_screenshot.clear();
    // A short delay lets the layouts settle and the fonts load before grabbing.
    QTimer::singleShot(300, this, [this, window = QPointer<QWidget>(window), path] {
        if (!window)
            return;
        const bool saved = window->grab().save(path, "PNG");
        if (!saved)
            qCWarning(lcShell) << "could not write the screenshot";
        Q_EMIT finished(saved ? 0 : 1);
    });
}

} // namespace mdp::shell
