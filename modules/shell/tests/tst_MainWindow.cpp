#include "ShellTestSupport.h"
#include "mdp/accounts/AccountDirectory.h"
#include "mdp/crypto/KeyHierarchy.h"
#include "mdp/shell/AboutDialog.h"
#include "mdp/shell/AccountTableModel.h"
#include "mdp/shell/AuditEventTableModel.h"
#include "mdp/shell/KeyTableModel.h"
#include "mdp/shell/MainWindow.h"
#include "mdp/shell/SettingsDialog.h"
#include "mdp/shell/ShellSettings.h"
#include "mdp/workspace/DemoWorkspace.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace mdp;
using namespace mdp::shell;
using namespace mdp::shell::testing;
using Page = Navigation::Page;

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
        QTest::addColumn<QList<Page>>("pages");
        const QList<Page> basic{Page::Overview, Page::Patients, Page::MyAccount};
        QTest::newRow("clinician") << QStringLiteral("clinician") << basic;
        QTest::newRow("reviewer") << QStringLiteral("reviewer")
                                  << QList<Page>{Page::Overview, Page::Patients, Page::Reviews,
                                                 Page::MyAccount};
        QTest::newRow("researcher") << QStringLiteral("researcher") << basic;
        QTest::newRow("ethics-reviewer") << QStringLiteral("ethics-reviewer") << basic;
        QTest::newRow("data-manager")
            << QStringLiteral("data-manager")
            << QList<Page>{Page::Overview, Page::Patients, Page::Reviews, Page::Forms, Page::MyAccount};
        QTest::newRow("auditor") << QStringLiteral("auditor")
                                 << QList<Page>{Page::Overview, Page::AuditLog, Page::MyAccount};
        QTest::newRow("system-admin")
            << QStringLiteral("system-admin")
            << QList<Page>{Page::Overview, Page::Patients, Page::Forms,    Page::AuditLog,
                           Page::Accounts, Page::Keys,     Page::MyAccount};
    }

    void navigationShowsOnlyThePagesTheRoleMayUse()
    {
        QFETCH(QString, role);
        QFETCH(QList<Page>, pages);
        auto window = windowFor(role);
        QVERIFY(window);
        QCOMPARE(window->pages(), pages);
        QStringList expected;
        for (Page page : pages)
            expected << Navigation::title(page);
        QCOMPARE(railTexts(*window), expected);
        // The widgets of forbidden pages are never built.
        QCOMPARE(window->findChild<QWidget *>(QStringLiteral("accounts-page")) != nullptr,
                 pages.contains(Page::Accounts));
        QCOMPARE(window->findChild<QWidget *>(QStringLiteral("audit-log-page")) != nullptr,
                 pages.contains(Page::AuditLog));
        QCOMPARE(window->showPage(Page::Keys), pages.contains(Page::Keys));
        QCOMPARE(window->findChild<QWidget *>(QStringLiteral("reviews-page")) != nullptr,
                 pages.contains(Page::Reviews));
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

    // trace by user over a time range and by data ID: reading the log is audited.
    void auditorTracesAUserAndTheReadingIsItselfAudited()
    {
        auto window = windowFor(QStringLiteral("auditor"));
        QVERIFY(window);
        QVERIFY(window->showPage(Page::AuditLog));
        QWidget *page = window->pageWidget(Page::AuditLog);
        auto *table = findChildNamed<QTableView>(page, "auditTable");
        auto *model = qobject_cast<AuditEventTableModel *>(table->model());
        QVERIFY(model);
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);

        const qint64 before = m_workspace->info().auditEvents;
        auto *user = findChildNamed<QComboBox>(page, "auditUserCombo");
        user->setCurrentIndex(user->findData(QStringLiteral("dr.wang")));
        QVERIFY(user->currentIndex() >= 0);
        findChildNamed<QPushButton>(page, "auditSearchButton")->click();
        QVERIFY(model->rowCount() > 0);
        bool sawLogin = false;
        for (int row = 0; row < model->rowCount(); ++row) {
            QCOMPARE(model->rowAt(row)->userName, QStringLiteral("dr.wang"));
            sawLogin = sawLogin || model->rowAt(row)->event.type.contains(QStringLiteral("login"));
        }
        QVERIFY(sawLogin);
        QVERIFY(m_workspace->info().auditEvents > before);
        QVERIFY(!findChildNamed<QPlainTextEdit>(page, "auditDetail")->toPlainText().isEmpty());
        saveScreenshot(window.get(), QStringLiteral("main-auditor-audit-log-en"));

        // A period that ended before anything happened finds nothing.
        auto *from = findChildNamed<QDateTimeEdit>(page, "auditFromEdit");
        auto *to = findChildNamed<QDateTimeEdit>(page, "auditToEdit");
        from->setDateTime(QDateTime(QDate(2020, 1, 1), QTime(0, 0)));
        to->setDateTime(QDateTime(QDate(2020, 1, 2), QTime(0, 0)));
        findChildNamed<QPushButton>(page, "auditSearchButton")->click();
        QCOMPARE(model->rowCount(), 0);
        QCOMPARE(findChildNamed<QLabel>(page, "auditMessage")->text(), QStringLiteral("No events match."));

        // By data ID: the auditor's own queries name no data, but the log itself has entries for keys.
        findChildNamed<QPushButton>(page, "auditByDataButton")->click();
        findChildNamed<QLineEdit>(page, "auditDataIdEdit")->setText(QStringLiteral("no-such-datum"));
        findChildNamed<QPushButton>(page, "auditSearchButton")->click();
        QCOMPARE(model->rowCount(), 0);
    }

    void auditorVerifiesTheChain()
    {
        auto window = windowFor(QStringLiteral("auditor"));
        QVERIFY(window);
        window->showPage(Page::AuditLog);
        QWidget *page = window->pageWidget(Page::AuditLog);
        findChildNamed<QPushButton>(page, "auditVerifyButton")->click();
        auto *message = findChildNamed<QLabel>(page, "auditMessage");
        QTRY_VERIFY_WITH_TIMEOUT(message->text().startsWith(QStringLiteral("The chain is intact")), 20'000);
        QCOMPARE(message->property("severity").toString(), QStringLiteral("success"));
    }

    void administratorLocksAndUnlocksAnAccount()
    {
        auto window = windowFor(QStringLiteral("system-admin"));
        QVERIFY(window);
        QVERIFY(window->showPage(Page::Accounts));
        QWidget *page = window->pageWidget(Page::Accounts);
        auto *table = findChildNamed<QTableView>(page, "accountsTable");
        QAbstractItemModelTester tester(table->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto select = [table](const QString &userName) {
            for (int row = 0; row < table->model()->rowCount(); ++row) {
                if (table->model()->index(row, 0).data(AccountTableModel::UserNameRole).toString() ==
                    userName) {
                    table->selectRow(row);
                    return true;
                }
            }
            return false;
        };
        QVERIFY(select(QStringLiteral("res.zhang")));
        auto *lock = findChildNamed<QPushButton>(page, "lockAccountButton");
        QCOMPARE(lock->text(), QStringLiteral("Lock"));
        answerNextMessageBox(QMessageBox::Yes);
        lock->click();
        QVERIFY(m_workspace->accounts().find(QStringLiteral("res.zhang")).value()->locked);
        QCOMPARE(lock->text(), QStringLiteral("Unlock"));
        saveScreenshot(window.get(), QStringLiteral("main-admin-accounts-en"));
        lock->click();
        QVERIFY(!m_workspace->accounts().find(QStringLiteral("res.zhang")).value()->locked);

        // The administrator cannot lock themself out.
        QVERIFY(select(QStringLiteral("admin.sun")));
        QVERIFY(!lock->isEnabled());
    }

    void administratorAddsAnAccountThroughTheDialog()
    {
        auto window = windowFor(QStringLiteral("system-admin"));
        QVERIFY(window);
        window->showPage(Page::Accounts);
        QWidget *page = window->pageWidget(Page::Accounts);
        QTimer::singleShot(0, this, [] {
            QWidget *dialog = QApplication::activeModalWidget();
            QVERIFY(dialog);
            findChildNamed<QLineEdit>(dialog, "userNameEdit")->setText(QStringLiteral("dr.zhou"));
            findChildNamed<QLineEdit>(dialog, "displayNameEdit")->setText(QStringLiteral("周医生"));
            auto *role = findChildNamed<QComboBox>(dialog, "roleCombo");
            role->setCurrentIndex(role->findData(int(accounts::Role::Reviewer)));
            findChildNamed<QLineEdit>(dialog, "passwordEdit")->setText(QStringLiteral("short"));
            auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
            QVERIFY(!ok->isEnabled()); // the password policy refuses it
            findChildNamed<QLineEdit>(dialog, "passwordEdit")->setText(QStringLiteral("Shenhe#Zhou2026"));
            findChildNamed<QLineEdit>(dialog, "confirmEdit")->setText(QStringLiteral("Shenhe#Zhou2026"));
            QVERIFY(ok->isEnabled());
            saveScreenshot(dialog, QStringLiteral("dialog-add-account-en"));
            ok->click();
        });
        findChildNamed<QPushButton>(page, "addAccountButton")->click();
        // The account is stored off the GUI thread; the workspace may only be read once that job is
        // done (two threads on one database connection is a misuse SQLite refuses).
        QTRY_VERIFY_WITH_TIMEOUT(
            (window->waitForIdle(),
             m_workspace->accounts().find(QStringLiteral("dr.zhou")).value().has_value()),
            20'000);
        const auto created = *m_workspace->accounts().find(QStringLiteral("dr.zhou")).value();
        QCOMPARE(created.primaryRole(), accounts::Role::Reviewer);
        QTRY_VERIFY(findChildNamed<QLabel>(page, "messageLabel")->text().contains(QStringLiteral("dr.zhou")));
    }

    // key lifecycle (rotation) from the workstation.
    void administratorRotatesAKeyEncryptionKey()
    {
        auto window = windowFor(QStringLiteral("system-admin"));
        QVERIFY(window);
        QVERIFY(window->showPage(Page::Keys));
        QWidget *page = window->pageWidget(Page::Keys);
        auto *table = findChildNamed<QTableView>(page, "keysTable");
        auto *model = qobject_cast<KeyTableModel *>(table->model());
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model->rowCount() > 1);
        int kekRow = -1;
        int versionBefore = 0;
        for (int row = 0; row < model->rowCount(); ++row) {
            const crypto::KeyInfo *key = model->keyAt(row);
            if (key->kind == crypto::KeyInfo::Kind::KeyEncryptionKey &&
                key->purpose == crypto::KeyPurpose::database() && key->state == crypto::KeyState::Active) {
                kekRow = row;
                versionBefore = key->version;
            }
        }
        QVERIFY(kekRow >= 0);
        saveScreenshot(window.get(), QStringLiteral("main-admin-keys-en"));
        table->selectRow(kekRow);
        auto *rotate = findChildNamed<QPushButton>(page, "rotateButton");
        QVERIFY(rotate->isEnabled());
        answerNextMessageBox(QMessageBox::Yes);
        rotate->click();
        QTRY_VERIFY_WITH_TIMEOUT(
            findChildNamed<QLabel>(page, "messageLabel")->property("severity").toString() ==
                QStringLiteral("success"),
            20'000);
        int versionAfter = 0;
        for (const crypto::KeyInfo &key : m_workspace->keys().keys()) {
            if (key.kind == crypto::KeyInfo::Kind::KeyEncryptionKey &&
                key.purpose == crypto::KeyPurpose::database() && key.state == crypto::KeyState::Active)
                versionAfter = std::max(versionAfter, key.version);
        }
        QCOMPARE(versionAfter, versionBefore + 1);
    }

    void everyoneChangesTheirOwnPassword()
    {
        auto window = windowFor(QStringLiteral("ethics-reviewer"));
        QVERIFY(window);
        QVERIFY(window->showPage(Page::MyAccount));
        QWidget *page = window->pageWidget(Page::MyAccount);
        const QString old = account(QStringLiteral("ethics-reviewer")).password;
        findChildNamed<QLineEdit>(page, "oldPasswordEdit")->setText(old);
        findChildNamed<QLineEdit>(page, "newPasswordEdit")->setText(QStringLiteral("Lunli#Chen2026x"));
        auto *change = findChildNamed<QPushButton>(page, "changePasswordButton");
        QVERIFY(!change->isEnabled()); // not confirmed yet
        findChildNamed<QLineEdit>(page, "confirmPasswordEdit")->setText(QStringLiteral("Lunli#Chen2026x"));
        QVERIFY(change->isEnabled());
        change->click();
        QTRY_COMPARE_WITH_TIMEOUT(findChildNamed<QLabel>(page, "messageLabel")->text(),
                                  QStringLiteral("Your password was changed."), 20'000);
        QVERIFY(findChildNamed<QLineEdit>(page, "oldPasswordEdit")->text().isEmpty());
        saveScreenshot(window.get(), QStringLiteral("main-ethics-my-account-en"));
        auto signedIn = m_workspace->accounts().authenticate(QStringLiteral("eth.chen"),
                                                             QStringLiteral("Lunli#Chen2026x"));
        QVERIFY(signedIn.ok());
        for (auto &a : m_accounts) {
            if (a.role == u"ethics-reviewer")
                a.password = QStringLiteral("Lunli#Chen2026x");
        }
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

    void chineseWindowsAreCaptured()
    {
        useLanguage(QStringLiteral("zh_CN"));
        auto admin = windowFor(QStringLiteral("system-admin"));
        QVERIFY(admin);
        QCOMPARE(railTexts(*admin).first(), QStringLiteral("概览"));
        for (Page page : admin->pages()) {
            admin->showPage(page);
            QCoreApplication::processEvents();
            saveScreenshot(admin.get(),
                           QStringLiteral("main-admin-%1-zh_CN").arg(Navigation::objectName(page)));
        }
        admin.reset();
        auto auditor = windowFor(QStringLiteral("auditor"));
        QVERIFY(auditor);
        auditor->showPage(Page::AuditLog);
        QWidget *page = auditor->pageWidget(Page::AuditLog);
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
};

QTEST_MAIN(tst_MainWindow)
#include "tst_MainWindow.moc"
