#pragma once

#include "mdp/workspace/BackgroundServices.h"

#include "mdp/workspace/DemoWorkspace.h"
#include "mdp/workspace/Workspace.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>
#include <optional>

namespace mdp::workbench {
class Contributions;
}

namespace mdp::shell {

class FirstRunWizard;
class LoginDialog;
class MainWindow;
class ShellSettings;

// The flow of the workstation: first-run wizard or unlock, sign-in, the main window; lock (by menu,
// Ctrl+L or after the idle time), log out and quit. Owns the open workspace; the windows only use it.
class WorkstationShell : public QObject
{
    Q_OBJECT
public:
    // `contributions` are the features the main window hosts; they must outlive the shell.
    WorkstationShell(ShellSettings &settings, const workbench::Contributions &contributions,
                     QObject *parent = nullptr);
    ~WorkstationShell() override;

    // Grab the first window to `path` (PNG) once it is shown and laid out, then finish.
    void setScreenshotPath(const QString &path);
    // Page the main window opens on, when the role may see it.
    void setInitialPage(const QString &pageId);

    // The wizard when `directory` (default: the last used, else Workspace::defaultDirectory()) holds no
    // workspace, the unlock dialog otherwise.
    void start(const QString &directory = {});
    // Demo mode: signs in as the demo account of `roleId` and shows the main window directly. Lock and
    // log out lead to a choice of demo account, since the throw-away workspace cannot be unlocked again.
    void startDemo(workspace::DemoWorkspace demo, const QString &roleId);

    MainWindow *mainWindow() const;
    workspace::Workspace *workspace() const { return m_workspace.get(); }
    QWidget *currentWindow() const;

    // The idle lock: armed while the main window is shown, from ShellSettings::autoLockMinutes().
    bool isIdleLockArmed() const { return m_idle.isActive(); }
    int idleLockIntervalMs() const { return m_idle.interval(); }

    // Locks now as the idle timer would: signs out, closes the workspace, asks for the passphrase.
    void lock(const QString &reason = {});
    void logout();
    void quit();

Q_SIGNALS:
    // The application should exit with this status.
    void finished(int exitCode);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void showWizard(const QString &directory);
    void showLogin(const QString &message = {}, const QString &userName = {},
                   const QString &verificationCode = {});
    void showDemoChooser(const QString &message);
    void showMain(workspace::Session session);
    void closeMain();
    void restartIdleTimer();
    void windowShown(QWidget *window);

    ShellSettings &m_settings;
    const workbench::Contributions &m_contributions;
    QString m_directory;
    std::unique_ptr<workspace::Workspace> m_workspace;
    QList<workspace::DemoAccount> m_demoAccounts;
    bool m_demo = false;
    QPointer<FirstRunWizard> m_wizard;
    QPointer<LoginDialog> m_login;
    QPointer<MainWindow> m_main;
    // Escalation and e-mail of an unlocked workspace, off the GUI thread; owned by the workspace.
    QPointer<workspace::BackgroundServices> m_services;
    QTimer m_idle;
    QString m_screenshot;
    QString m_initialPage;
};

} // namespace mdp::shell
