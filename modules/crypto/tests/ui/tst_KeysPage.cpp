#include "ShellTestSupport.h"
#include "mdp/crypto/KeyHierarchy.h"
#include "mdp/crypto/ui/KeyTableModel.h"
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
};

QTEST_MAIN(tst_KeysPage)
#include "tst_KeysPage.moc"
