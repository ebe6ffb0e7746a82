#pragma once

#include "mdp/foundation/Clock.h"
#include "mdp/shell/Language.h"
#include "mdp/shell/MainWindow.h"
#include "mdp/shell/ShellSettings.h"
#include "mdp/shell/Theme.h"
#include "mdp/workspace/DemoWorkspace.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QMessageBox>
#include <QTimer>
#include <QWidget>
#include <QtTest>

namespace mdp::shell::testing {

// The look the program has: style, fonts, palette.
inline void applyTheme()
{
    Theme::apply(*qApp);
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
    auto window = std::make_unique<MainWindow>(ws, session.value(), settings);
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

template<typename T> T *findChildNamed(QObject *parent, const char *name)
{
    T *child = parent->findChild<T *>(QString::fromLatin1(name));
    if (!child)
        qWarning("child %s not found", name);
    return child;
}

} // namespace mdp::shell::testing
