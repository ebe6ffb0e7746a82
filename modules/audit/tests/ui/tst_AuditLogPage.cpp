#include "AuditReportsDialog.h"
#include "ShellTestSupport.h"
#include "mdp/audit/AuditReport.h"
#include "mdp/audit/ui/AuditEventTableModel.h"
#include "mdp/shell/MainWindow.h"
#include "mdp/store/Database.h"
#include "mdp/workspace/AuditReports.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QJsonArray>
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

    // Issue 13: the quarterly report, generated from the trail, signed, kept with its history
    // and saved as PDF; the history checks each signature again.
    void quarterlyReportIsGeneratedSignedKeptAndSavedAsPdf()
    {
        auto window = m_demo.windowFor(QStringLiteral("auditor"));
        QVERIFY(window);
        const QString quarter = mdp::audit::quarterOf(m_demo.workspace().clock().now());
        mdp::audit::ui::AuditReportsDialog dialog(m_demo.workspace(), window.get());
        const int before = dialog.reportCount();
        QVERIFY(dialog.generate(quarter));
        QCOMPARE(dialog.reportCount(), before + 1);
        const QString html = dialog.shownHtml();
        QVERIFY2(html.contains(QStringLiteral("Audit report %1").arg(quarter)), qPrintable(html.left(400)));
        QVERIFY(html.contains(QStringLiteral("Failed sign-ins")));
        QVERIFY(html.contains(QStringLiteral("Recommendations")));
        QVERIFY(html.contains(QStringLiteral("signature verified")));
        QTemporaryDir out;
        const QString pdf = out.filePath(QStringLiteral("report.pdf"));
        QVERIFY(dialog.savePdf(pdf));
        QFile file(pdf);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.startsWith("%PDF"));
        QVERIFY(bytes.size() > 10000);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        saveScreenshot(&dialog, QStringLiteral("audit-report-en"));

        mdp::workspace::AuditReports reports(m_demo.workspace());
        auto history = reports.history();
        QVERIFY(history);
        QCOMPARE(history->first().period, quarter);
        QVERIFY(history->first().signatureHolds);
        QVERIFY(history->first().document.value(u"findings").toArray().size() >= 6);
        useLanguage(QStringLiteral("zh_CN"));
        mdp::audit::ui::AuditReportsDialog zh(m_demo.workspace(), window.get());
        zh.show();
        QVERIFY(QTest::qWaitForWindowExposed(&zh));
        QVERIFY(zh.shownHtml().contains(QStringLiteral("审计报告")));
        saveScreenshot(&zh, QStringLiteral("audit-report-zh_CN"));
        useLanguage(QStringLiteral("en"));

        // A kept report altered afterwards no longer holds.
        QVERIFY(m_demo.workspace().database().execute(
            QStringLiteral("UPDATE audit_reports SET period = '2019Q1' WHERE id = ?1"),
            {history->first().id}));
        auto altered = reports.history();
        QVERIFY(altered);
        QVERIFY(!altered->first().signatureHolds);
    }
};

QTEST_MAIN(tst_AuditLogPage)
#include "tst_AuditLogPage.moc"
