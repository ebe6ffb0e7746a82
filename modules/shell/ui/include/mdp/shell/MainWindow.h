#pragma once

#include "mdp/shell/Navigation.h"
#include "mdp/workspace/Workspace.h"

#include <QMainWindow>
#include <QMap>
#include <QUuid>

class QLabel;
class QListWidget;
class QStackedWidget;

namespace mdp::shell {

class IntegrityMonitor;
class NotificationBell;
class NotificationCenter;
class NotificationPanel;
class SessionContext;
class ShellSettings;

// The workstation after sign-in: a navigation rail with the pages the user's role may use, the
// pages, menus and a status bar with who is signed in, the workspace, its cipher, the audit event
// count and the integrity state. It does not own the workspace.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(workspace::Workspace &workspace, workspace::Session session, ShellSettings &settings,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    QList<Navigation::Page> pages() const { return m_pageOrder; }
    bool hasPage(Navigation::Page page) const { return m_pages.contains(page); }
    bool showPage(Navigation::Page page);
    Navigation::Page currentPage() const;
    QWidget *pageWidget(Navigation::Page page) const { return m_pages.value(page); }

    // Blocks until a background job (verification, password hashing) has finished; call before the
    // workspace is closed.
    void waitForIdle();
    void refreshStatus();

    // The review workflow's notices (R-6.2.3b, R-6.2.4e): the bell in the rail with the unread count,
    // the panel it opens, and what keeps the count current.
    NotificationBell *notificationBell() const { return m_bell; }
    NotificationPanel *notificationPanel() const { return m_noticePanel; }
    NotificationCenter *notificationCenter() const { return m_notices; }
    void showNotifications();

Q_SIGNALS:
    void lockRequested();
    void logoutRequested();
    void quitRequested();
    void settingsChanged();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    QWidget *buildRail();
    void buildStatusBar();
    void verifyFromMenu();
    void showAbout();
    void showSettings();
    void openNotice(const QUuid &recordId, bool reviewTask);

    workspace::Workspace &m_workspace;
    ShellSettings &m_settings;
    SessionContext *m_context;
    IntegrityMonitor *m_integrity;
    QListWidget *m_rail = nullptr;
    QStackedWidget *m_stack = nullptr;
    QMap<Navigation::Page, QWidget *> m_pages;
    QList<Navigation::Page> m_pageOrder;
    bool m_verifyFromMenu = false;
    NotificationCenter *m_notices = nullptr;
    NotificationBell *m_bell = nullptr;
    NotificationPanel *m_noticePanel = nullptr;

    QLabel *m_statusUser = nullptr;
    QLabel *m_statusWorkspace = nullptr;
    QLabel *m_statusCipher = nullptr;
    QLabel *m_statusAudit = nullptr;
    QLabel *m_statusIntegrityIcon = nullptr;
    QLabel *m_statusIntegrity = nullptr;
};

} // namespace mdp::shell
