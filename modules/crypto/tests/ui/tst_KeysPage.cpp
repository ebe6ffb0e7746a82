#include "ShellTestSupport.h"
#include "mdp/crypto/KeyHierarchy.h"
#include "mdp/crypto/ui/KeyTableModel.h"
#include "mdp/registry/Registry.h"
#include "mdp/shell/MainWindow.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace mdp;
using namespace mdp::shell;
using namespace mdp::shell::testing;
using mdp::crypto::ui::KeyTableModel;

// The key hierarchy's page in the workstation (R-7.4.3: key lifecycle).
class tst_KeysPage : public QObject
{
    Q_OBJECT

    DemoWorkstation m_demo;

private Q_SLOTS:
    void initTestCase()
    {
        applyTheme();
        useLanguage(QStringLiteral("en"));
        QVERIFY(m_demo.open());
    }

    void cleanupTestCase() { m_demo.close(); }

    // key lifecycle (rotation) from the workstation.
    void administratorRotatesAKeyEncryptionKey()
    {
        auto window = m_demo.windowFor(QStringLiteral("system-admin"));
        QVERIFY(window);
        QVERIFY(window->showPage(QStringLiteral("keys")));
        QWidget *page = window->pageWidget(QStringLiteral("keys"));
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
        const auto keys = m_demo.workspace().keyList();
        QVERIFY(keys.ok());
        for (const crypto::KeyInfo &key : keys.value()) {
            if (key.kind == crypto::KeyInfo::Kind::KeyEncryptionKey &&
                key.purpose == crypto::KeyPurpose::database() && key.state == crypto::KeyState::Active)
                versionAfter = std::max(versionAfter, key.version);
        }
        QCOMPARE(versionAfter, versionBefore + 1);
    }

    // R-7.4.3 (issue 9 part 6): renewing a data key from the workstation, with progress; the old
    // key is destroyed and the page says so.
    void administratorRenewsDataKeys()
    {
        auto window = m_demo.windowFor(QStringLiteral("system-admin"));
        QVERIFY(window);
        QVERIFY(window->showPage(QStringLiteral("keys")));
        QWidget *page = window->pageWidget(QStringLiteral("keys"));
        auto *table = findChildNamed<QTableView>(page, "keysTable");
        auto *model = qobject_cast<KeyTableModel *>(table->model());
        auto *renew = findChildNamed<QPushButton>(page, "renewButton");
        auto *message = findChildNamed<QLabel>(page, "messageLabel");
        auto selectDataKey = [&](const QString &purpose) {
            for (int row = 0; row < model->rowCount(); ++row) {
                const crypto::KeyInfo *key = model->keyAt(row);
                if (key->kind == crypto::KeyInfo::Kind::DataKey && key->purpose == purpose &&
                    key->state == crypto::KeyState::Active) {
                    table->selectRow(row);
                    return true;
                }
            }
            return false;
        };
        auto states = [&] {
            QMap<QString, crypto::KeyState> out;
            const auto keys = m_demo.workspace().keyList();
            for (const crypto::KeyInfo &key : keys.value())
                if (key.kind == crypto::KeyInfo::Kind::DataKey)
                    out.insert(key.name, key.state);
            return out;
        };
        // The audit key is not one the page renews.
        QVERIFY(selectDataKey(crypto::KeyPurpose::audit()));
        QVERIFY(!renew->isEnabled());

        QVERIFY(selectDataKey(crypto::KeyPurpose::vault()));
        QVERIFY(renew->isEnabled());
        answerNextMessageBox(QMessageBox::Yes);
        renew->click();
        QTRY_VERIFY_WITH_TIMEOUT(message->property("severity").toString() == QStringLiteral("success"),
                                 60'000);
        QVERIFY2(message->text().contains(QStringLiteral("vault")), qPrintable(message->text()));
        saveScreenshot(window.get(), QStringLiteral("main-admin-keys-renewed-en"));
        QCOMPARE(states().value(QStringLiteral("vault")), crypto::KeyState::Destroyed);
        QCOMPARE(states().value(QStringLiteral("vault:2")), crypto::KeyState::Active);

        QVERIFY(selectDataKey(crypto::KeyPurpose::database()));
        answerNextMessageBox(QMessageBox::Yes);
        renew->click();
        QTRY_VERIFY_WITH_TIMEOUT(message->property("severity").toString() == QStringLiteral("success") &&
                                     message->text().contains(QStringLiteral("database")),
                                 60'000);
        QCOMPARE(states().value(QStringLiteral("database:2")), crypto::KeyState::Active);
        // The workstation carries on: the patient list still reads.
        QVERIFY(window->showPage(QStringLiteral("patients")));
        QVERIFY(m_demo.workspace().registry().patients(m_demo.workspace().session()->accountId, {}).ok());
    }

    // Issue 9 part 2: an accounts keyring lists its role-scoped identity key and the KEKs under it,
    // named in the interface's language.
    void roleScopedKeysAreNamedInChinese()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        ManualClock clock(QDateTime(QDate(2026, 12, 6), QTime(9, 0), Qt::UTC));
        crypto::KeyHierarchyOptions options;
        options.slotKdf = {3, 19456, 1};
        SecureBytes recovery;
        auto keys = crypto::KeyHierarchy::createWithSlots(
            dir.filePath(QStringLiteral("keyring.json")),
            {QStringLiteral("0b7c7f6e-0000-4000-8000-000000000001"), QStringLiteral("admin"),
             SecureBytes(QByteArrayView("admin-password-1"))},
            recovery, clock, nullptr, options);
        QVERIFY(keys.ok());
        for (const QString &purpose :
             {crypto::KeyPurpose::database(), crypto::KeyPurpose::vault(), crypto::KeyPurpose::identity()})
            QVERIFY(keys.value()->ensureDataKey(purpose, purpose).ok());
        useLanguage(QStringLiteral("zh_CN"));
        KeyTableModel model;
        model.setKeys(keys.value()->keys());
        QTableView view;
        view.setModel(&model);
        view.resize(1100, 420);
        view.resizeColumnsToContents();
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QStringList kinds, purposes;
        for (int row = 0; row < model.rowCount(); ++row) {
            kinds << model.index(row, KeyTableModel::KindColumn).data().toString();
            purposes << model.index(row, KeyTableModel::PurposeColumn).data().toString();
        }
        saveScreenshot(&view, QStringLiteral("keys-role-scoped-zh_CN"));
        useLanguage(QStringLiteral("en"));
        QVERIFY2(kinds.contains(QStringLiteral("角色范围密钥")), qPrintable(kinds.join(u',')));
        QVERIFY2(purposes.contains(QStringLiteral("患者身份信息")), qPrintable(purposes.join(u',')));
    }
};

QTEST_MAIN(tst_KeysPage)
#include "tst_KeysPage.moc"
