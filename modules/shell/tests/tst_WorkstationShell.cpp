#include "ShellTestSupport.h"
#include "mdp/accounts/AccountDirectory.h"
#include "mdp/shell/FirstRunWizard.h"
#include "mdp/shell/LoginDialog.h"
#include "mdp/shell/MainWindow.h"
#include "mdp/shell/ShellSettings.h"
#include "mdp/shell/WorkstationShell.h"
#include "mdp/workspace/Workspace.h"
#include "mdp/workstation/Features.h"

#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

using namespace mdp;
using namespace mdp::shell;
using namespace mdp::shell::testing;

namespace {
const QString kPassphrase = QStringLiteral("Shell flow passphrase 2026");
const QString kAdminPassword = QStringLiteral("Guanli#Shell2026");
const QString kResearcherPassword = QStringLiteral("Keyan#Shell2026");

SecureBytes secret(const QString &text)
{
    QByteArray utf8 = text.toUtf8();
    return SecureBytes::takeFrom(utf8);
}
} // namespace

class tst_WorkstationShell : public QObject
{
    Q_OBJECT

    QTemporaryDir m_root;
    QString m_directory;
    std::unique_ptr<QSettings> m_qsettings;
    std::unique_ptr<ShellSettings> m_settings;

    void signIn(LoginDialog *dialog, const QString &passphrase)
    {
        if (!dialog->isUnlocked())
            findChildNamed<QLineEdit>(dialog, "passphraseEdit")->setText(passphrase);
        findChildNamed<QLineEdit>(dialog, "userEdit")->setText(QStringLiteral("res.wu"));
        findChildNamed<QLineEdit>(dialog, "passwordEdit")->setText(kResearcherPassword);
        findChildNamed<QPushButton>(dialog, "submitButton")->click();
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
        m_directory = m_root.filePath(QStringLiteral("workspace"));
        workspace::CreateOptions options;
        options.directory = m_directory;
        options.passphrase = secret(kPassphrase);
        options.adminName = QStringLiteral("admin");
        options.adminDisplayName = QStringLiteral("Admin");
        options.adminPassword = secret(kAdminPassword);
        auto created = workspace::Workspace::create(options);
        QVERIFY(created.ok());
        QVERIFY(created.value()->beginCustodianSession().ok()); // setting up, on the passphrase's authority
        auto &directory = created.value()->accounts();
        const QUuid admin = directory.find(QStringLiteral("admin")).value()->id;
        QVERIFY(directory
                    .createAccount(admin, QStringLiteral("res.wu"), QStringLiteral("Wu Lei"),
                                   accounts::Role::Researcher, passwordBytes(kResearcherPassword.toUtf8()))
                    .ok());
    }

    void withoutAWorkspaceTheWizardOpens()
    {
        WorkstationShell shell(*m_settings, workstation::features());
        shell.start(m_root.filePath(QStringLiteral("not-yet")));
        auto *wizard = qobject_cast<FirstRunWizard *>(shell.currentWindow());
        QVERIFY(wizard);
        QVERIFY(wizard->isVisible());
        QSignalSpy finished(&shell, &WorkstationShell::finished);
        wizard->reject();
        QTRY_COMPARE(finished.size(), 1);
    }

    void unlockSignInLockAndLogOut()
    {
        m_settings->setAutoLockMinutes(7);
        WorkstationShell shell(*m_settings, workstation::features());
        shell.start(m_directory);
        auto *login = qobject_cast<LoginDialog *>(shell.currentWindow());
        QVERIFY(login);
        QVERIFY(!login->isUnlocked());
        QVERIFY(!shell.workspace());

        signIn(login, kPassphrase);
        QTRY_VERIFY_WITH_TIMEOUT(shell.mainWindow(), 20'000);
        QVERIFY(shell.workspace());
        QCOMPARE(shell.workspace()->session()->userName, QStringLiteral("res.wu"));
        QCOMPARE(m_settings->lastWorkspace(), QDir::cleanPath(m_directory));
        QVERIFY(shell.isIdleLockArmed());
        QCOMPARE(shell.idleLockIntervalMs(), 7 * 60'000);

        // Lock: the keys leave memory; the passphrase is needed again.
        shell.lock();
        QVERIFY(!shell.mainWindow());
        QVERIFY(!shell.workspace());
        QVERIFY(!shell.isIdleLockArmed());
        login = qobject_cast<LoginDialog *>(shell.currentWindow());
        QVERIFY(login);
        QVERIFY(!login->isUnlocked());
        QCOMPARE(login->message(), QStringLiteral("The workspace was locked."));
        saveScreenshot(login, QStringLiteral("shell-locked-en"));

        signIn(login, kPassphrase);
        QTRY_VERIFY_WITH_TIMEOUT(shell.mainWindow(), 20'000);

        // Log out: the workspace stays unlocked for the next person.
        findChildNamed<QAction>(shell.mainWindow(), "logoutAction")->trigger();
        login = qobject_cast<LoginDialog *>(shell.currentWindow());
        QVERIFY(login);
        QVERIFY(login->isUnlocked());
        QCOMPARE(login->message(), QStringLiteral("You have signed out."));
        signIn(login, {});
        QTRY_VERIFY_WITH_TIMEOUT(shell.mainWindow(), 20'000);

        QSignalSpy finished(&shell, &WorkstationShell::finished);
        findChildNamed<QAction>(shell.mainWindow(), "quitAction")->trigger();
        QCOMPARE(finished.size(), 1);
        QVERIFY(!shell.workspace());
    }

    // Issue 9: on a workspace opened by account, the lock screen asks only the person's own password
    // (their name is filled in) and no workspace passphrase exists.
    void lockingAnAccountWorkspaceAsksOnlyTheOwnPassword()
    {
        const QString directory = m_root.filePath(QStringLiteral("accounts"));
        {
            workspace::CreateOptions options;
            options.directory = directory;
            options.adminName = QStringLiteral("admin");
            options.adminPassword = secret(kAdminPassword);
            auto created = workspace::Workspace::create(options);
            QVERIFY(created.ok());
            // The researcher is made on the recovery key's authority.
            const SecureBytes recoveryKey = created.value()->takeRecoveryKey();
            created.value().reset();
            auto custodian = workspace::Workspace::openWithRecoveryKey(directory, recoveryKey);
            QVERIFY(custodian.ok());
            auto &accounts = custodian.value()->accounts();
            const QUuid admin = custodian.value()->custodianId();
            QVERIFY(accounts
                        .createAccount(admin, QStringLiteral("res.wu"), QStringLiteral("Wu Lei"),
                                       accounts::Role::Researcher,
                                       passwordBytes(kResearcherPassword.toUtf8()))
                        .ok());
        }
        WorkstationShell shell(*m_settings, workstation::features());
        shell.start(directory);
        auto *login = qobject_cast<LoginDialog *>(shell.currentWindow());
        QVERIFY(login);
        QVERIFY(!findChildNamed<QLineEdit>(login, "passphraseEdit")->isVisible());
        signIn(login, {});
        QTRY_VERIFY_WITH_TIMEOUT(shell.mainWindow(), 20'000);
        QCOMPARE(shell.workspace()->session()->userName, QStringLiteral("res.wu"));

        shell.lock();
        QVERIFY(!shell.workspace());
        login = qobject_cast<LoginDialog *>(shell.currentWindow());
        QVERIFY(login);
        QVERIFY(!findChildNamed<QLineEdit>(login, "passphraseEdit")->isVisible());
        QCOMPARE(findChildNamed<QLineEdit>(login, "userEdit")->text(), QStringLiteral("res.wu"));
        QCOMPARE(login->focusWidget(), findChildNamed<QLineEdit>(login, "passwordEdit"));
        saveScreenshot(login, QStringLiteral("shell-locked-accounts-en"));
        findChildNamed<QLineEdit>(login, "passwordEdit")->setText(kResearcherPassword);
        findChildNamed<QPushButton>(login, "submitButton")->click();
        QTRY_VERIFY_WITH_TIMEOUT(shell.mainWindow(), 20'000);
        QCOMPARE(shell.workspace()->session()->userName, QStringLiteral("res.wu"));
        QSignalSpy finished(&shell, &WorkstationShell::finished);
        findChildNamed<QAction>(shell.mainWindow(), "quitAction")->trigger();
        QCOMPARE(finished.size(), 1);
    }

    // Issue 9: the policy bounds auto-lock; a settings file asking for "never" (0) or for hours is
    // read as the nearest bound, so the lock is always armed.
    void autoLockCannotBeTurnedOff()
    {
        m_qsettings->setValue(QStringLiteral("security/autoLockMinutes"), 0);
        QCOMPARE(m_settings->autoLockMinutes(), ShellSettings::minAutoLockMinutes);
        m_qsettings->setValue(QStringLiteral("security/autoLockMinutes"), 600);
        QCOMPARE(m_settings->autoLockMinutes(), ShellSettings::maxAutoLockMinutes);
        m_qsettings->setValue(QStringLiteral("security/autoLockMinutes"), 0);
        WorkstationShell shell(*m_settings, workstation::features());
        shell.start(m_directory);
        auto *login = qobject_cast<LoginDialog *>(shell.currentWindow());
        QVERIFY(login);
        signIn(login, kPassphrase);
        QTRY_VERIFY_WITH_TIMEOUT(shell.mainWindow(), 20'000);
        QVERIFY(shell.isIdleLockArmed());
        QCOMPARE(shell.idleLockIntervalMs(), ShellSettings::minAutoLockMinutes * 60'000);
        shell.quit();
        m_settings->setAutoLockMinutes(ShellSettings::defaultAutoLockMinutes);
    }

    void screenshotOptionSavesTheFirstWindowAndFinishes()
    {
        const QString path = m_root.filePath(QStringLiteral("shot.png"));
        WorkstationShell shell(*m_settings, workstation::features());
        shell.setScreenshotPath(path);
        QSignalSpy finished(&shell, &WorkstationShell::finished);
        shell.start(m_directory);
        QVERIFY(finished.wait(10'000));
        QCOMPARE(finished.first().first().toInt(), 0);
        QImage image(path);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() >= 800);
    }
};

QTEST_MAIN(tst_WorkstationShell)
#include "tst_WorkstationShell.moc"
