#pragma once

#include "mdp/foundation/Clock.h"
#include "mdp/shell/Language.h"
#include "mdp/shell/MainWindow.h"
#include "mdp/shell/ShellSettings.h"
#include "mdp/workbench/Theme.h"
#include "mdp/workspace/DemoWorkspace.h"
#include "mdp/workstation/Features.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QMessageBox>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>
#include <QWidget>
#include <QtTest>

// The features' screen namespaces, so suites can name them before including their headers.
namespace mdp::registry::ui {}
namespace mdp::forms::ui {}
namespace mdp::notify::ui {}

namespace mdp::shell::testing {

// The look the program has: style, fonts, palette.
inline void applyTheme()
{
    workbench::Theme::apply(*qApp);
}

// Signs `account` in (after whoever was signed in, half a minute later on the test's clock) and
// shows its main window; null when the sign-in fails or the window never appears. `active` waits
// for keyboard focus as well, for suites that type.
inline std::unique_ptr<MainWindow> signedInWindow(workspace::Workspace &ws, ManualClock &clock,
                                                  const workspace::DemoAccount &account,
                                                  ShellSettings &settings, QSize size = QSize(1280, 800),
                                                  bool active = false)
{
    ws.logout();
    clock.advance(30'000);
    auto session = workspace::loginDemoAccount(ws, account);
    if (!session.ok()) {
        qWarning() << session.error().toString();
        return nullptr;
    }
    auto window = std::make_unique<MainWindow>(ws, session.value(), settings, workstation::features());
    window->resize(size);
    window->show();
    if (active) {
        window->activateWindow();
        if (!QTest::qWaitForWindowActive(window.get()))
            return nullptr;
    } else if (!QTest::qWaitForWindowExposed(window.get())) {
        return nullptr;
    }
    return window;
}

inline void useLanguage(const QString &code)
{
    QVERIFY(Language::install(*QCoreApplication::instance(), code));
}

// Saves what `widget` shows to <build>/screenshots/<name>.png for review.
inline void saveScreenshot(QWidget *widget, const QString &name)
{
    QDir dir(QStringLiteral(MDP_BINARY_DIR "/screenshots"));
    QVERIFY(dir.mkpath(QStringLiteral(".")));
    QCoreApplication::processEvents();
    const QPixmap pixmap = widget->grab();
    QVERIFY(!pixmap.isNull());
    QVERIFY(pixmap.save(dir.filePath(name + QStringLiteral(".png")), "PNG"));
}

// Answers the next modal message box with `button` (pages ask before locking or rotating).
inline void answerNextMessageBox(QMessageBox::StandardButton button)
{
    QTimer::singleShot(0, qApp, [button] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return answerNextMessageBox(button);
        box->button(button)->click();
    });
}

// A throw-away demo workspace with one account per role, and the main window of any of them: what
// the GUI suites of the features start from.
class DemoWorkstation
{
public:
    // Creates the workspace under a temporary folder; false (with a warning) when that fails.
    bool open(const QDateTime &start = QDateTime(QDate(2026, 3, 2), QTime(8, 0), Qt::UTC))
    {
        if (!m_root.isValid())
            return false;
        m_clock.set(start);
        m_qsettings = std::make_unique<QSettings>(m_root.filePath(QStringLiteral("settings.ini")),
                                                  QSettings::IniFormat);
        m_settings = std::make_unique<ShellSettings>(m_qsettings.get());
        auto demo = workspace::createDemoWorkspace(m_root.filePath(QStringLiteral("workspace")), m_clock);
        if (!demo.ok()) {
            qWarning() << demo.error().toString();
            return false;
        }
        m_workspace = std::move(demo->workspace);
        m_accounts = demo->accounts;
        return true;
    }
    void close()
    {
        if (m_workspace)
            m_workspace->logout();
        m_workspace.reset();
    }

    workspace::Workspace &workspace() { return *m_workspace; }
    ManualClock &clock() { return m_clock; }
    ShellSettings &settings() { return *m_settings; }
    QList<workspace::DemoAccount> &accounts() { return m_accounts; }
    const workspace::DemoAccount &account(const QString &role) const
    {
        for (const auto &a : m_accounts) {
            if (a.role == role)
                return a;
        }
        qFatal("no demo account for the role");
    }
    // Signs `role` in (a fresh TOTP step each time: codes are single-use) and opens its window.
    std::unique_ptr<MainWindow> windowFor(const QString &role)
    {
        return signedInWindow(*m_workspace, m_clock, account(role), *m_settings);
    }

private:
    QTemporaryDir m_root;
    ManualClock m_clock{QDateTime(QDate(2026, 3, 2), QTime(8, 0), Qt::UTC)};
    std::unique_ptr<workspace::Workspace> m_workspace;
    QList<workspace::DemoAccount> m_accounts;
    std::unique_ptr<QSettings> m_qsettings;
    std::unique_ptr<ShellSettings> m_settings;
};

template<typename T> T *findChildNamed(QObject *parent, const char *name)
{
    T *child = parent->findChild<T *>(QString::fromLatin1(name));
    if (!child)
        qWarning("child %s not found", name);
    return child;
}

} // namespace mdp::shell::testing
