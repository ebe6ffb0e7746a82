#include "ShellTestSupport.h"
#include "mdp/accounts/AccountDirectory.h"
#include "mdp/accounts/ui/AccountTableModel.h"
#include "mdp/audit/AuditLog.h"
#include "mdp/audit/ui/AuditEventTableModel.h"
#include "mdp/crypto/KeyHierarchy.h"
#include "mdp/crypto/ui/KeyTableModel.h"
#include "mdp/registry/Registry.h"
#include "mdp/shell/AboutDialog.h"
#include "mdp/shell/MainWindow.h"
#include "mdp/shell/SettingsDialog.h"
#include "mdp/shell/ShellSettings.h"
#include "mdp/workbench/Contributions.h"
#include "mdp/workbench/SessionContext.h"
#include "mdp/workbench/SettingsPane.h"
#include "mdp/workspace/DemoWorkspace.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QSpinBox>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <QtEndian>
#include <QtTest>

using namespace mdp;
using namespace mdp::shell;
using namespace mdp::shell::testing;
using mdp::accounts::ui::AccountTableModel;
using mdp::audit::ui::AuditEventTableModel;
using mdp::crypto::ui::KeyTableModel;

namespace {
// What the rail shows for a page: the host's overview or the contributing feature's title.
QString pageTitle(const QString &id)
{
    if (id == u"overview")
        return QCoreApplication::translate("mdp::shell::MainWindow", "Overview");
    const workbench::PageContribution *page = workstation::features().page(id);
    return page ? page->title() : QString();
}
} // namespace

class tst_MainWindow : public QObject
{
    Q_OBJECT

    QTemporaryDir m_root;
    ManualClock m_clock{QDateTime(QDate(2026, 3, 2), QTime(8, 0), Qt::UTC)};
    std::unique_ptr<workspace::Workspace> m_workspace;
    QList<workspace::DemoAccount> m_accounts;
    std::unique_ptr<QSettings> m_qsettings;
    std::unique_ptr<ShellSettings> m_settings;

    const workspace::DemoAccount &account(const QString &role) const
    {
        for (const auto &a : m_accounts) {
            if (a.role == role)
                return a;
        }
        qFatal("no demo account for the role");
    }

    // Signs `role` in (a fresh TOTP step each time, codes are single-use) and opens the window.
    std::unique_ptr<MainWindow> windowFor(const QString &role)
    {
        return signedInWindow(*m_workspace, m_clock, account(role), *m_settings);
    }

    QStringList railTexts(MainWindow &window)
    {
        QStringList texts;
        auto *rail = findChildNamed<QListWidget>(&window, "navigationRail");
        for (int i = 0; i < rail->count(); ++i)
            texts << rail->item(i)->text();
        return texts;
    }

private Q_SLOTS:
    void initTestCase()
    {
        applyTheme();
        useLanguage(QStringLiteral("en"));
        QVERIFY(m_root.isValid());
        m_qsettings = std::make_unique<QSettings>(m_root.filePath(QStringLiteral("settings.ini")),
                                                  QSettings::IniFormat);
        m_settings = std::make_unique<ShellSettings>(m_qsettings.get());
        auto demo = workspace::createDemoWorkspace(m_root.filePath(QStringLiteral("workspace")), m_clock);
        QVERIFY2(demo.ok(), qPrintable(demo.ok() ? QString() : demo.error().toString()));
        m_workspace = std::move(demo->workspace);
        m_accounts = demo->accounts;
    }

    void cleanupTestCase()
    {
        if (m_workspace)
            m_workspace->logout();
    }

    // only auditors and administrators reach the log; only administrators reach
    // accounts and keys. R-6.2.4a: reviewers and data managers reach the review inbox.
    void navigationShowsOnlyThePagesTheRoleMayUse_data()
    {
        QTest::addColumn<QString>("role");
        QTest::addColumn<QStringList>("pages");
        const QStringList basic{QStringLiteral("overview"), QStringLiteral("patients"),
                                QStringLiteral("access"), QStringLiteral("my-account")};
        QTest::newRow("clinician") << QStringLiteral("clinician")
                                   << QStringList{QStringLiteral("overview"), QStringLiteral("patients"),
                                                  QStringLiteral("classification"), QStringLiteral("access"),
                                                  QStringLiteral("my-account")};
        QTest::newRow("reviewer") << QStringLiteral("reviewer")
                                  << QStringList{QStringLiteral("overview"), QStringLiteral("patients"),
                                                 QStringLiteral("reviews"), QStringLiteral("access"),
                                                 QStringLiteral("my-account")};
        QTest::newRow("researcher") << QStringLiteral("researcher") << basic;
        QTest::newRow("ethics-reviewer") << QStringLiteral("ethics-reviewer") << basic;
        QTest::newRow("data-manager")
            << QStringLiteral("data-manager")
            << QStringList{QStringLiteral("overview"),       QStringLiteral("patients"),
                           QStringLiteral("reviews"),        QStringLiteral("forms"),
                           QStringLiteral("classification"), QStringLiteral("access"),
                           QStringLiteral("my-account")};
        QTest::newRow("auditor") << QStringLiteral("auditor")
                                 << QStringList{QStringLiteral("overview"), QStringLiteral("audit-log"),
                                                QStringLiteral("permission-audit"),
                                                QStringLiteral("my-account")};
        QTest::newRow("system-admin")
            << QStringLiteral("system-admin")
            << QStringList{QStringLiteral("overview"),  QStringLiteral("patients"),
                           QStringLiteral("forms"),     QStringLiteral("audit-log"),
                           QStringLiteral("accounts"),  QStringLiteral("classification"),
                           QStringLiteral("keys"),      QStringLiteral("server"),
                           QStringLiteral("access"),    QStringLiteral("permission-audit"),
                           QStringLiteral("my-account")};
    }

    void navigationShowsOnlyThePagesTheRoleMayUse()
    {
        QFETCH(QString, role);
        QFETCH(QStringList, pages);
        auto window = windowFor(role);
        QVERIFY(window);
        QCOMPARE(window->pages(), pages);
        QStringList expected;
        for (const QString &page : pages)
            expected << pageTitle(page);
        QCOMPARE(railTexts(*window), expected);
        // The widgets of forbidden pages are never built.
        QCOMPARE(window->findChild<QWidget *>(QStringLiteral("accounts-page")) != nullptr,
                 pages.contains(QStringLiteral("accounts")));
        QCOMPARE(window->findChild<QWidget *>(QStringLiteral("audit-log-page")) != nullptr,
                 pages.contains(QStringLiteral("audit-log")));
        QCOMPARE(window->showPage(QStringLiteral("keys")), pages.contains(QStringLiteral("keys")));
        QCOMPARE(window->findChild<QWidget *>(QStringLiteral("reviews-page")) != nullptr,
                 pages.contains(QStringLiteral("reviews")));
        // Everyone who signs in has the bell; its badge is empty on a fresh workspace.
        auto *bell = window->findChild<QAbstractButton *>(QStringLiteral("notificationBell"));
        QVERIFY(bell);
        QVERIFY(bell->isVisible());
    }

    void statusBarNamesUserRoleWorkspaceCipherAndAuditCount()
    {
        auto window = windowFor(QStringLiteral("clinician"));
        QVERIFY(window);
        const auto info = m_workspace->info();
        QVERIFY(
            findChildNamed<QLabel>(window.get(), "statusUser")->text().contains(QStringLiteral("dr.wang")));
        QVERIFY(
            findChildNamed<QLabel>(window.get(), "statusUser")->text().contains(QStringLiteral("Clinician")));
        QVERIFY(findChildNamed<QLabel>(window.get(), "statusWorkspace")->text().contains(info.directory));
        QCOMPARE(findChildNamed<QLabel>(window.get(), "statusCipher")->text(),
                 QStringLiteral("Encryption: SM4"));
        QCOMPARE(findChildNamed<QLabel>(window.get(), "statusAudit")->text(),
                 QStringLiteral("Audit events: %1").arg(QLocale().toString(info.auditEvents)));
        QCOMPARE(findChildNamed<QLabel>(window.get(), "statusIntegrity")->text(),
                 QStringLiteral("Integrity not yet verified"));
        // What features contribute to the status bar sits there (the link to the central server).
        auto *sync = window->statusBar()->findChild<QWidget *>(QStringLiteral("syncIndicator"));
        QVERIFY(sync);
        QCOMPARE(findChildNamed<QLabel>(sync, "syncText")->text(), QStringLiteral("Not configured"));
        saveScreenshot(window.get(), QStringLiteral("main-clinician-overview-en"));
    }

    void verifyNowReportsAnIntactWorkspaceOffTheGuiThread()
    {
        auto window = windowFor(QStringLiteral("researcher"));
        QVERIFY(window);
        auto *verify = findChildNamed<QPushButton>(window.get(), "verifyButton");
        verify->click();
        QVERIFY(!verify->isEnabled()); // running on a worker; the window keeps painting
        QTRY_COMPARE_WITH_TIMEOUT(findChildNamed<QLabel>(window.get(), "integrityHeadline")->text(),
                                  QStringLiteral("Intact"), 20'000);
        QVERIFY(verify->isEnabled());
        QVERIFY(findChildNamed<QLabel>(window.get(), "statusIntegrity")
                    ->text()
                    .startsWith(QStringLiteral("Integrity verified")));
        saveScreenshot(window.get(), QStringLiteral("main-researcher-overview-verified-en"));
    }

    void fileMenuAsksTheShellToLockLogOutAndQuit()
    {
        auto window = windowFor(QStringLiteral("reviewer"));
        QVERIFY(window);
        QSignalSpy lock(window.get(), &MainWindow::lockRequested);
        QSignalSpy logout(window.get(), &MainWindow::logoutRequested);
        QSignalSpy quit(window.get(), &MainWindow::quitRequested);
        auto *lockAction = findChildNamed<QAction>(window.get(), "lockAction");
        QCOMPARE(lockAction->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_L));
        lockAction->trigger();
        findChildNamed<QAction>(window.get(), "logoutAction")->trigger();
        QCOMPARE(findChildNamed<QAction>(window.get(), "quitAction")->shortcut(),
                 QKeySequence(Qt::CTRL | Qt::Key_Q));
        window->close();
        QCOMPARE(lock.size(), 1);
        QCOMPARE(logout.size(), 1);
        QCOMPARE(quit.size(), 1);
        QVERIFY(window->isVisible()); // closing only asks; the shell decides
    }

    void settingsAreStoredAndAboutNamesTheLibraries()
    {
        SettingsDialog settings(*m_settings);
        settings.show();
        QVERIFY(QTest::qWaitForWindowExposed(&settings));
        auto *language = findChildNamed<QComboBox>(&settings, "languageCombo");
        language->setCurrentIndex(language->findData(int(LanguageChoice::Chinese)));
        findChildNamed<QSpinBox>(&settings, "autoLockSpin")->setValue(25);
        saveScreenshot(&settings, QStringLiteral("dialog-settings-en"));
        settings.accept();
        QCOMPARE(m_settings->language(), LanguageChoice::Chinese);
        QCOMPARE(m_settings->autoLockMinutes(), 25);
        m_settings->setLanguage(LanguageChoice::System);

        const auto info = m_workspace->info();
        AboutDialog about(info);
        about.show();
        QVERIFY(QTest::qWaitForWindowExposed(&about));
        QStringList texts;
        for (QLabel *label : about.findChildren<QLabel *>())
            texts << label->text();
        const QString all = texts.join(u'\n');
        QVERIFY(all.contains(QStringLiteral("JH/CAA 008-2025")));
        QVERIFY(all.contains(info.sqlcipherVersion));
        QVERIFY(all.contains(info.libgcryptVersion));
        QVERIFY(all.contains(info.opensslVersion));
        QVERIFY(all.contains(AboutDialog::version()));
        saveScreenshot(&about, QStringLiteral("dialog-about-en"));
    }

    // Features contribute settings panes for the roles they concern: administrators configure the
    // mail relay in Settings; an untouched pane saves nothing, a wrong value keeps the dialog open.
    void settingsShowTheFeaturesPanesByRole()
    {
        auto clinician = windowFor(QStringLiteral("clinician"));
        QVERIFY(clinician);
        {
            SettingsDialog dialog(*m_settings, clinician.get(), clinician.get());
            QVERIFY(dialog.panes().isEmpty());
            QVERIFY(!dialog.findChild<QTabWidget *>(QStringLiteral("settingsTabs")));
        }
        clinician.reset();
        auto admin = windowFor(QStringLiteral("system-admin"));
        QVERIFY(admin);
        SettingsDialog dialog(*m_settings, admin.get(), admin.get());
        QCOMPARE(dialog.panes().size(), 1);
        QCOMPARE(dialog.panes().constFirst()->objectName(), QStringLiteral("mail-relay-settings"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        saveScreenshot(&dialog, QStringLiteral("dialog-settings-admin-en"));
        dialog.accept(); // nothing touched: nothing saved, the dialog closes
        QCOMPARE(dialog.result(), int(QDialog::Accepted));

        SettingsDialog again(*m_settings, admin.get(), admin.get());
        again.show();
        auto *host = again.findChild<QLineEdit *>(QStringLiteral("mailHostEdit"));
        QVERIFY(host);
        QTest::keyClicks(host, QStringLiteral("not a host name"));
        again.accept();
        QVERIFY(again.isVisible()); // refused: the pane says why and stays
        QCOMPARE(qobject_cast<QTabWidget *>(again.findChild<QTabWidget *>(QStringLiteral("settingsTabs")))
                     ->currentWidget(),
                 again.panes().constFirst());
    }

    // Tried as a new user would: the first start fills the screen; afterwards each account gets
    // its window back where it left it, and another account's choice does not move it.
    void firstStartFillsTheScreenAndEachAccountGetsItsGeometryBack()
    {
        QString clinicianId;
        {
            m_workspace->logout();
            m_clock.advance(30'000);
            auto session = workspace::loginDemoAccount(*m_workspace, account(QStringLiteral("clinician")));
            QVERIFY(session.ok());
            clinicianId = session->accountId;
            m_settings->setWindowGeometry(clinicianId, {});
            MainWindow window(*m_workspace, session.value(), *m_settings, workstation::features());
            const QRect available = QGuiApplication::primaryScreen()->availableGeometry();
            QVERIFY(window.isMaximized() || window.geometry().size() == available.size());
            QVERIFY(window.width() >= available.width() - 1 || window.isMaximized());
            window.showNormal();
            window.setGeometry(QRect(40, 50, 1300, 820));
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
        } // closing saves it
        QVERIFY(!m_settings->windowGeometry(clinicianId).isEmpty());
        {
            m_workspace->logout();
            m_clock.advance(30'000);
            auto session = workspace::loginDemoAccount(*m_workspace, account(QStringLiteral("clinician")));
            QVERIFY(session.ok());
            MainWindow window(*m_workspace, session.value(), *m_settings, workstation::features());
            QCOMPARE(window.size(), QSize(1300, 820));
        }
        {
            m_workspace->logout();
            m_clock.advance(30'000);
            auto session = workspace::loginDemoAccount(*m_workspace, account(QStringLiteral("auditor")));
            QVERIFY(session.ok());
            m_settings->setWindowGeometry(session->accountId, {});
            MainWindow window(*m_workspace, session.value(), *m_settings, workstation::features());
            QVERIFY(window.size() != QSize(1300, 820));
        }
    }

    // "Go to" (Ctrl+K) asks the patients' search provider and opens the chosen patient.
    void goToFindsAPatientAndOpensTheirPage()
    {
        auto window = windowFor(QStringLiteral("clinician"));
        QVERIFY(window);
        registry::PatientDraft draft;
        draft.name = registry::PersonName::fromFullName(QStringLiteral("欧阳晓燕"));
        draft.sex = registry::Sex::Female;
        draft.birthDate = QDate(1971, 4, 2);
        auto patient = m_workspace->registry().createPatient(window->context().session().accountId, draft);
        QVERIFY2(patient.ok(), qPrintable(patient.ok() ? QString() : patient.error().toString()));
        QTimer::singleShot(0, window.get(), [&] {
            auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            auto *query = dialog->findChild<QLineEdit *>(QStringLiteral("goToQuery"));
            auto *results = dialog->findChild<QListWidget *>(QStringLiteral("goToResults"));
            QVERIFY(query && results);
            QTest::keyClicks(query, QStringLiteral("ouyang"));
            QTRY_VERIFY(results->count() > 0);
            QVERIFY(results->item(0)->text().contains(patient->pseudonymId));
            QTest::keyClick(query, Qt::Key_Return);
        });
        auto *goTo = window->findChild<QAction *>(QStringLiteral("goToAction"));
        QVERIFY(goTo);
        QCOMPARE(goTo->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_K));
        goTo->trigger();
        QCOMPARE(window->currentPage(), QStringLiteral("patients"));
        auto *page = window->pageWidget(QStringLiteral("patients"));
        QVERIFY(page);
        QTRY_VERIFY(page->findChild<QLabel *>(QStringLiteral("patientPseudonym")) &&
                    page->findChild<QLabel *>(QStringLiteral("patientPseudonym"))->text() ==
                        patient->pseudonymId);
    }

    void chineseWindowsAreCaptured()
    {
        useLanguage(QStringLiteral("zh_CN"));
        auto admin = windowFor(QStringLiteral("system-admin"));
        QVERIFY(admin);
        QCOMPARE(railTexts(*admin).first(), QStringLiteral("概览"));
        for (const QString &page : admin->pages()) {
            admin->showPage(page);
            QCoreApplication::processEvents();
            saveScreenshot(admin.get(), QStringLiteral("main-admin-%1-zh_CN").arg(page));
        }
        admin.reset();
        auto auditor = windowFor(QStringLiteral("auditor"));
        QVERIFY(auditor);
        auditor->showPage(QStringLiteral("audit-log"));
        QWidget *page = auditor->pageWidget(QStringLiteral("audit-log"));
        auto *user = findChildNamed<QComboBox>(page, "auditUserCombo");
        user->setCurrentIndex(user->findData(QStringLiteral("admin.sun")));
        findChildNamed<QPushButton>(page, "auditSearchButton")->click();
        saveScreenshot(auditor.get(), QStringLiteral("main-auditor-audit-log-zh_CN"));
        auditor.reset();
        auto clinician = windowFor(QStringLiteral("clinician"));
        QVERIFY(clinician);
        saveScreenshot(clinician.get(), QStringLiteral("main-clinician-overview-zh_CN"));
        AboutDialog about(m_workspace->info());
        about.show();
        QVERIFY(QTest::qWaitForWindowExposed(&about));
        saveScreenshot(&about, QStringLiteral("dialog-about-zh_CN"));
        SettingsDialog settings(*m_settings);
        settings.show();
        QVERIFY(QTest::qWaitForWindowExposed(&settings));
        saveScreenshot(&settings, QStringLiteral("dialog-settings-zh_CN"));
        useLanguage(QStringLiteral("en"));
    }

    // R-7.4.1 (issue 9 part 5): opening checks only what is new in the audit log; the whole history is
    // checked in the background after sign-in (the status bar and the overview say so) and recorded.
    void theWholeAuditHistoryIsCheckedInTheBackground()
    {
        const qint64 before = m_workspace->auditLog().size();
        m_workspace->startAuditHistoryCheck();
        auto window = windowFor(QStringLiteral("researcher"));
        QVERIFY(window);
        QTRY_VERIFY_WITH_TIMEOUT(findChildNamed<QLabel>(window.get(), "statusIntegrity")
                                     ->text()
                                     .startsWith(QStringLiteral("Audit history verified")),
                                 20'000);
        QCOMPARE(findChildNamed<QLabel>(window.get(), "integrityHeadline")->text(),
                 QStringLiteral("Audit history intact"));
        QVERIFY(m_workspace->auditHistoryState().ok);
        QVERIFY(m_workspace->auditHistoryState().events >= before);
        saveScreenshot(window.get(), QStringLiteral("main-researcher-overview-history-verified-en"));
        window.reset();
        useLanguage(QStringLiteral("zh_CN"));
        auto chinese = windowFor(QStringLiteral("researcher"));
        QVERIFY(chinese);
        QTRY_COMPARE(findChildNamed<QLabel>(chinese.get(), "integrityHeadline")->text(),
                     QStringLiteral("审计历史完好"));
        saveScreenshot(chinese.get(), QStringLiteral("main-researcher-overview-history-verified-zh_CN"));
        chinese.reset();
        useLanguage(QStringLiteral("en"));
    }

    // a changed old audit record is not read at open (constant time), so the background check is
    // what finds it: the window shows an integrity problem naming the event.
    void aChangedOldAuditRecordIsShownAsAnIntegrityProblem()
    {
        const QString dir = m_root.filePath(QStringLiteral("tampered"));
        const SecureBytes passphrase(QByteArrayLiteral("tampered-demo-passphrase-2026"));
        QList<workspace::DemoAccount> accounts;
        {
            auto demo = workspace::createDemoWorkspace(dir, m_clock, {}, passphrase);
            QVERIFY(demo.ok());
            accounts = demo->accounts;
            for (int i = 0; i < 300; ++i) {
                audit::AuditEvent e;
                e.type = QStringLiteral("data.query");
                e.action = audit::AuditAction::Read;
                e.detail.insert(QStringLiteral("i"), i);
                QVERIFY(demo->workspace->record(e));
            }
        }
        QFile log(QDir(dir).filePath(QStringLiteral("audit/audit.log")));
        QVERIFY(log.open(QIODevice::ReadWrite));
        const QByteArray bytes = log.readAll();
        // A record opening does not read: not among the newest (what the index has not seen) nor
        // among the 63 at most that the Merkle root at the database's anchor is re-hashed from.
        QList<qint64> frames;
        for (qint64 at = 44; at + 4 <= bytes.size();
             at += 4 + qFromBigEndian<quint32>(bytes.constData() + at))
            frames << at;
        QVERIFY(frames.size() > 300);
        const qint64 middle = 150;
        const qint64 flip = frames.at(middle) + 4 + 8 + 12 + 5;
        log.seek(flip);
        log.putChar(char(bytes.at(flip) ^ 0x01));
        log.close();
        auto ws = workspace::Workspace::open(dir, passphrase, m_clock);
        QVERIFY2(ws.ok(), qPrintable(ws.ok() ? QString() : ws.error().toString()));
        ws.value()->startAuditHistoryCheck();
        const workspace::DemoAccount *researcher = nullptr;
        for (const auto &a : std::as_const(accounts)) {
            if (a.role == QStringLiteral("researcher"))
                researcher = &a;
        }
        QVERIFY(researcher);
        auto window = signedInWindow(*ws.value(), m_clock, *researcher, *m_settings);
        QVERIFY(window);
        QTRY_COMPARE_WITH_TIMEOUT(findChildNamed<QLabel>(window.get(), "statusIntegrity")->text(),
                                  QStringLiteral("Integrity problem"), 20'000);
        QCOMPARE(findChildNamed<QLabel>(window.get(), "integrityHeadline")->text(),
                 QStringLiteral("Problem found"));
        QVERIFY2(findChildNamed<QLabel>(window.get(), "integrityDetail")
                     ->text()
                     .contains(QStringLiteral("event %1 ").arg(middle)),
                 qPrintable(findChildNamed<QLabel>(window.get(), "integrityDetail")->text()));
        QCOMPARE(ws.value()->auditHistoryState().ok, false);
        saveScreenshot(window.get(), QStringLiteral("main-researcher-overview-history-problem-en"));
        window.reset();
        ws.value()->logout();
    }
};

QTEST_MAIN(tst_MainWindow)
#include "tst_MainWindow.moc"
