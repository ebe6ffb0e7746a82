// The data classification page (issue 10; ): a clinician requests a level for a
// field, a data manager accepts it and puts it in force as the next signed policy version, all
// through the page's own buttons and dialogs; the researcher has no such page.
#include "ShellTestSupport.h"

#include "ClassificationDialog.h"
#include "ClassificationPage.h"
#include "mdp/shell/MainWindow.h"
#include "mdp/workspace/DataPolicies.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableView>
#include <QtTest>

using namespace mdp;
using namespace mdp::shell;
using namespace mdp::shell::testing;
using mdp::policy::ui::ClassificationDialog;
using mdp::policy::ui::ClassificationPage;

namespace {

// Fills the next classification dialog: the level, the reason, then OK.
void answerClassificationDialog(int level, const QString &text)
{
    QTimer::singleShot(0, qApp, [level, text] {
        auto *dialog = qobject_cast<ClassificationDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return answerClassificationDialog(level, text);
        auto *levels = dialog->findChild<QComboBox *>(QStringLiteral("levelBox"));
        levels->setCurrentIndex(levels->findData(level));
        dialog->findChild<QPlainTextEdit *>(QStringLiteral("reasonEdit"))->setPlainText(text);
        saveScreenshot(dialog, QStringLiteral("classification-dialog"));
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    });
}

void answerInputDialog(const QString &text)
{
    QTimer::singleShot(0, qApp, [text] {
        auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return answerInputDialog(text);
        dialog->setTextValue(text);
        dialog->accept();
    });
}

} // namespace

class tst_ClassificationPage : public QObject
{
    Q_OBJECT

    DemoWorkstation m_demo;

    static ClassificationPage *pageOf(MainWindow &window)
    {
        if (!window.showPage(QStringLiteral("classification")))
            return nullptr;
        return qobject_cast<ClassificationPage *>(window.pageWidget(QStringLiteral("classification")));
    }

    // A clinical field of the demo's forms at level 3 by the default rules.
    static QString clinicalField(workspace::Workspace &ws)
    {
        auto items = ws.policies().items();
        if (!items)
            return {};
        for (const auto &i : items.value())
            if (i.key.startsWith(u"form:") && i.inForce.level == 3 && i.floor == 1 && !i.decided)
                return i.key;
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        applyTheme();
        useLanguage(QStringLiteral("en"));
        QVERIFY(m_demo.open());
    }

    void cleanupTestCase() { m_demo.close(); }

    // a): the clinician asks from the page; review and putting in force are not offered.
    void aClinicianRequestsALevel()
    {
        auto window = m_demo.windowFor(QStringLiteral("clinician"));
        QVERIFY(window);
        ClassificationPage *page = pageOf(*window);
        QVERIFY(page);
        QVERIFY(page->itemsModel()->rowCount() > 10);
        QVERIFY(!findChildNamed<QPushButton>(page, "putInForceButton")->isVisible());
        QVERIFY(!findChildNamed<QPushButton>(page, "acceptButton")->isVisible());
        QVERIFY(!findChildNamed<QPushButton>(page, "installButton")->isVisible());

        const QString key = clinicalField(m_demo.workspace());
        QVERIFY(!key.isEmpty());
        auto *table = findChildNamed<QTableView>(page, "itemsTable");
        const int row = page->rowOf(key);
        QVERIFY(row >= 0);
        table->selectRow(row);
        answerClassificationDialog(4, QStringLiteral("rare presentation; treat as restricted"));
        findChildNamed<QPushButton>(page, "requestButton")->click();
        QTRY_COMPARE(findChildNamed<QLabel>(page, "messageLabel")->property("severity").toString(),
                     QStringLiteral("success"));
        QCOMPARE(page->requestsModel()->rowCount(), 1);
        auto requests = m_demo.workspace().policies().requests(true);
        QVERIFY(requests);
        QCOMPARE(requests->size(), 1);
        QCOMPARE(requests->first().key, key);
        QCOMPARE(requests->first().proposed.level, 4);
    }

    // b)-e): the data manager accepts and puts it in force; the page shows the new version.
    void aDataManagerAcceptsAndPutsItInForce()
    {
        auto window = m_demo.windowFor(QStringLiteral("data-manager"));
        QVERIFY(window);
        window->resize(1280, 800);
        ClassificationPage *page = pageOf(*window);
        QVERIFY(page);
        QCOMPARE(page->requestsModel()->rowCount(), 1);
        auto *requests = findChildNamed<QTableView>(page, "requestsTable");
        requests->selectRow(0);
        auto *accept = findChildNamed<QPushButton>(page, "acceptButton");
        QVERIFY(accept->isEnabled());
        saveScreenshot(window.get(), QStringLiteral("classification-dm-en"));
        answerClassificationDialog(4, QStringLiteral("agreed: small subgroup"));
        accept->click();
        QTRY_COMPARE(findChildNamed<QLabel>(page, "messageLabel")->property("severity").toString(),
                     QStringLiteral("success"));
        answerInputDialog(QStringLiteral("first review round"));
        findChildNamed<QPushButton>(page, "putInForceButton")->click();
        QTRY_VERIFY(
            findChildNamed<QLabel>(page, "policyLabel")->text().contains(QStringLiteral("version 2")));
        QCOMPARE(m_demo.workspace().policies().inForce().version, 2);
        QCOMPARE(page->requestsModel()->rowCount(), 0);
        auto items = m_demo.workspace().policies().items();
        QVERIFY(items);
        int decided = 0;
        for (const auto &i : items.value())
            decided += i.decided ? 1 : 0;
        QCOMPARE(decided, 1);
        saveScreenshot(window.get(), QStringLiteral("classification-dm-after-en"));

        useLanguage(QStringLiteral("zh_CN"));
        auto zh = m_demo.windowFor(QStringLiteral("data-manager"));
        zh->resize(1280, 800);
        QVERIFY(pageOf(*zh));
        saveScreenshot(zh.get(), QStringLiteral("classification-dm-zh_CN"));
        useLanguage(QStringLiteral("en"));
    }

    void aResearcherHasNoClassificationPage()
    {
        auto window = m_demo.windowFor(QStringLiteral("researcher"));
        QVERIFY(window);
        QVERIFY(!window->showPage(QStringLiteral("classification")));
    }
};

QTEST_MAIN(tst_ClassificationPage)
#include "tst_ClassificationPage.moc"
