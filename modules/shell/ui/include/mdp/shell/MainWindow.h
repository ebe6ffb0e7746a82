#pragma once

#include "mdp/workbench/Host.h"
#include "mdp/workspace/Workspace.h"

#include <QMainWindow>
#include <QMap>
#include <QStringList>

class QLabel;
class QListWidget;
class QStackedWidget;

namespace mdp::workspace {
class BackgroundServices;
}

namespace mdp::workbench {
class Contributions;
class SessionContext;
} // namespace mdp::workbench

namespace mdp::shell {

class IntegrityMonitor;
class ShellSettings;

// The workstation after sign-in: a navigation rail with the pages the features contribute and the
// signed-in account may see, their menus and indicators, a status bar with who is signed in, the
// workspace, its cipher, the audit event count, the integrity state and the features' status
// indicators, and the "Go to" search (Ctrl+K). It hosts; it includes no feature and does not own the
// workspace.
class MainWindow : public QMainWindow, public workbench::Host
{
    Q_OBJECT
public:
    MainWindow(workspace::Workspace &workspace, workspace::Session session, ShellSettings &settings,
               const workbench::Contributions &contributions, QWidget *parent = nullptr,
               workspace::BackgroundServices *services = nullptr);
    ~MainWindow() override;

    // Page ids in rail order ("overview", "patients", ...).
    QStringList pages() const { return m_pageOrder; }
    bool hasPage(const QString &id) const { return m_pages.contains(id); }
    QString currentPage() const;
    QWidget *pageWidget(const QString &id) const { return m_pages.value(id); }

    // workbench::Host
    workbench::SessionContext &context() override { return *m_context; }
    const workbench::Contributions &contributions() const override { return m_contributions; }
    QWidget *window() override { return this; }
    QWidget *page(const QString &id) const override { return m_pages.value(id); }
    bool showPage(const QString &id) override;
    bool open(const QString &kind, const QString &id, const QVariantMap &hints = {}) override;

    // Blocks until a background job (verification, password hashing) has finished; call before the
    // workspace is closed.
    void waitForIdle();
    void refreshStatus();
    // The "Go to" search over every search provider the account may use; opens the chosen hit.
    void showGoTo();

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
    void restoreGeometryForUser();
    void saveGeometryForUser();

    workspace::Workspace &m_workspace;
    ShellSettings &m_settings;
    const workbench::Contributions &m_contributions;
    workbench::SessionContext *m_context;
    IntegrityMonitor *m_integrity;
    QListWidget *m_rail = nullptr;
    QStackedWidget *m_stack = nullptr;
    QMap<QString, QWidget *> m_pages;
    QStringList m_pageOrder;
    QList<QWidget *> m_indicators;
    bool m_verifyFromMenu = false;

    QLabel *m_statusUser = nullptr;
    QLabel *m_statusWorkspace = nullptr;
    QLabel *m_statusCipher = nullptr;
    QLabel *m_statusAudit = nullptr;
    QLabel *m_statusIntegrityIcon = nullptr;
    QLabel *m_statusIntegrity = nullptr;
};

} // namespace mdp::shell
