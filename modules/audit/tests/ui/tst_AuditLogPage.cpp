#include "ShellTestSupport.h"
#include "mdp/audit/ui/AuditEventTableModel.h"
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
using mdp::audit::ui::AuditEventTableModel;

// The audit log browser in the workstation: searching by user and by data, verifying the chain.
class tst_AuditLogPage : public QObject
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

    // trace by user over a time range and by data ID: reading the log is audited.
    void auditorTracesAUserAndTheReadingIsItselfAudited()
    {
        // dr.wang signs in and out once, so the log has their sign-in to find.
        QVERIFY(m_demo.windowFor(QStringLiteral("clinician")));
        auto window = m_demo.windowFor(QStringLiteral("auditor"));
        QVERIFY(window);
        QVERIFY(window->showPage(QStringLiteral("audit-log")));
        QWidget *page = window->pageWidget(QStringLiteral("audit-log"));
        auto *table = findChildNamed<QTableView>(page, "auditTable");
        auto *model = qobject_cast<AuditEventTableModel *>(table->model());
        QVERIFY(model);
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);

        const qint64 before = m_demo.workspace().info().auditEvents;
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
        QVERIFY(m_demo.workspace().info().auditEvents > before);
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
        auto window = m_demo.windowFor(QStringLiteral("auditor"));
        QVERIFY(window);
        window->showPage(QStringLiteral("audit-log"));
        QWidget *page = window->pageWidget(QStringLiteral("audit-log"));
        findChildNamed<QPushButton>(page, "auditVerifyButton")->click();
        auto *message = findChildNamed<QLabel>(page, "auditMessage");
        QTRY_VERIFY_WITH_TIMEOUT(message->text().startsWith(QStringLiteral("The chain is intact")), 20'000);
        QCOMPARE(message->property("severity").toString(), QStringLiteral("success"));
    }
};

QTEST_MAIN(tst_AuditLogPage)
#include "tst_AuditLogPage.moc"
