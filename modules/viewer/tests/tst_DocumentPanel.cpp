#include "ImageView.h"
#include "TestDocuments.h"

#include "mdp/foundation/Clock.h"
#include "mdp/viewer/DocumentPanel.h"
#include "mdp/viewer/DocumentViewAudit.h"
#include "mdp/viewer/DocumentViewer.h"
#include "mdp/viewer/ViewerLanguage.h"
#include "mdp/workbench/Theme.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <QtTest>

#include <memory>

using namespace mdp;
using namespace mdp::viewer;
using namespace mdp::viewer::ui;
using namespace mdp::viewer::testing;

namespace {

class CountingAudit : public DocumentViewAudit
{
public:
    Result<void> recordDocumentShown(const DocumentViewEvent &) override
    {
        ++shown;
        return {};
    }
    void recordDocumentFailed(const DocumentViewEvent &, const QString &) override { ++failed; }
    int shown = 0;
    int failed = 0;
};

} // namespace

class tst_DocumentPanel : public QObject
{
    Q_OBJECT

    ManualClock m_clock{QDateTime(QDate(2026, 3, 2), QTime(8, 0), Qt::UTC)};
    CountingAudit m_audit;

    std::unique_ptr<DocumentPanel> makePanel(QAbstractItemModel *model, QSize size = QSize(1300, 720))
    {
        auto panel = std::make_unique<DocumentPanel>();
        panel->viewer()->setViewer({QStringLiteral("Li Wei"), QStringLiteral("liwei")});
        panel->viewer()->setAudit(&m_audit);
        panel->viewer()->setClock(&m_clock);
        panel->setTableTitle(QStringLiteral("Organ-at-risk doses"));
        panel->setTableCaption(
            QStringLiteral("Plan RT-1 · 50 Gy in 25 fractions · left breast and chest wall"));
        panel->setTableModel(model);
        panel->resize(size);
        panel->show();
        if (!QTest::qWaitForWindowExposed(panel.get()))
            return nullptr;
        return panel;
    }

private Q_SLOTS:
    void initTestCase()
    {
        workbench::Theme::apply(*qApp);
        QVERIFY(ViewerLanguage::install(*qApp, QStringLiteral("en")));
    }

    void init() { m_audit = CountingAudit(); }

    // R-6.4.3a-c: the structured table and the image are shown together, side by side, split
    // by a movable handle.
    void tableAndDocumentAreShownSideBySide()
    {
        auto *model = doseTableModel(this);
        QAbstractItemModelTester tester(model);
        auto panel = makePanel(model);
        QVERIFY(panel);
        QVERIFY(panel->viewer()
                    ->showDocument({QStringLiteral("dose"), encode(doseDistributionImage(), "png"),
                                    QStringLiteral("image/png"), QStringLiteral("dose.png")})
                    .ok());

        QTableView *table = panel->tableView();
        QCOMPARE(table->model(), model);
        QVERIFY(table->isVisible());
        QVERIFY(panel->viewer()->isVisible());
        QCOMPARE(panel->splitter()->count(), 2);
        QCOMPARE(panel->splitter()->orientation(), Qt::Horizontal);
        const QRect tableArea(table->mapTo(panel.get(), QPoint(0, 0)), table->size());
        const QRect viewerArea(panel->viewer()->mapTo(panel.get(), QPoint(0, 0)), panel->viewer()->size());
        QVERIFY(tableArea.right() < viewerArea.left()); // beside, not on top of each other
        QVERIFY(std::abs(tableArea.top() - viewerArea.top()) < 80);
        QVERIFY(table->visualRect(model->index(0, 0)).isValid());
        QCOMPARE(table->model()->index(0, 0).data().toString(), QStringLiteral("Heart"));

        // Moving the handle gives one side more room.
        const QList<int> sizes = panel->splitter()->sizes();
        panel->splitter()->setSizes({sizes.at(0) + 150, sizes.at(1) - 150});
        QCoreApplication::processEvents();
        QVERIFY(panel->tableView()->width() > tableArea.width() + 100);
    }

    // R-6.4.3c: the image beside the table zooms.
    void imageBesideTheTableZooms()
    {
        auto panel = makePanel(doseTableModel(this));
        QVERIFY(panel);
        QVERIFY(panel->viewer()
                    ->showDocument({QStringLiteral("dose"), encode(doseDistributionImage(), "png"),
                                    QStringLiteral("image/png"), QString()})
                    .ok());
        const double fitted = panel->viewer()->zoomFactor();
        auto *view = panel->viewer()->findChild<ImageView *>(QStringLiteral("viewerImageView"));
        QVERIFY(view);
        QTest::keyClick(view, Qt::Key_Plus, Qt::ControlModifier);
        QVERIFY(panel->viewer()->zoomFactor() > fitted);
        QCOMPARE(m_audit.shown, 1);
    }

    // R-6.4.4b: the table's values do not leave through the clipboard either (QTableView copies
    // the current cell on Ctrl+C by default).
    void tableDoesNotCopyToTheClipboard()
    {
        auto panel = makePanel(doseTableModel(this));
        QVERIFY(panel);
        panel->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(panel.get()));
        QClipboard *clipboard = QGuiApplication::clipboard();
        clipboard->setText(QStringLiteral("sentinel"));
        QTRY_COMPARE(clipboard->text(), QStringLiteral("sentinel"));
        QTableView *table = panel->tableView();
        table->setFocus();
        table->setCurrentIndex(table->model()->index(0, 2));
        QTest::keyClick(table, Qt::Key_C, Qt::ControlModifier);
        QTest::keyClick(table, Qt::Key_Insert, Qt::ControlModifier);
        QCoreApplication::processEvents();
        QCOMPARE(clipboard->text(), QStringLiteral("sentinel"));
        QCOMPARE(table->contextMenuPolicy(), Qt::NoContextMenu);
        QVERIFY(!table->dragEnabled());
    }

    void screenshotOfThePanelWithADoseTable()
    {
        auto page = std::make_unique<QWidget>();
        page->setObjectName(QStringLiteral("page"));
        page->setStyleSheet(QStringLiteral("QWidget#page { background: #f4f6f9; }"));
        auto *layout = new QVBoxLayout(page.get());
        layout->setContentsMargins(32, 26, 32, 28);
        layout->setSpacing(4);
        auto *heading = new QLabel(QStringLiteral("Radiotherapy course · RT-1"), page.get());
        heading->setObjectName(QStringLiteral("pageTitle"));
        auto *sub =
            new QLabel(QStringLiteral("2021-04-19 to 2021-05-21 · left breast and chest wall · 50 Gy / 25 fx "
                                      "· P-7F3K9Q"),
                       page.get());
        sub->setObjectName(QStringLiteral("pageSubtitle"));
        layout->addWidget(heading);
        layout->addWidget(sub);
        layout->addSpacing(14);
        auto *panel = new DocumentPanel(page.get());
        panel->viewer()->setViewer({QStringLiteral("Li Wei"), QStringLiteral("liwei")});
        panel->viewer()->setAudit(&m_audit);
        panel->viewer()->setClock(&m_clock);
        panel->setTableTitle(QStringLiteral("Organ-at-risk doses"));
        panel->setTableCaption(QStringLiteral("Plan RT-1 · approved 2021-04-15 · constraints per RTOG 1304"));
        panel->setTableModel(doseTableModel(page.get()));
        layout->addWidget(panel, 1);
        page->resize(1480, 860);
        page->show();
        QVERIFY(QTest::qWaitForWindowExposed(page.get()));
        panel->splitter()->setSizes({600, 820});
        QVERIFY(panel->viewer()
                    ->showDocument({QStringLiteral("dose"), encode(doseDistributionImage(), "png"),
                                    QStringLiteral("image/png"), QStringLiteral("RT-1_dose_axial_z125.png")})
                    .ok());
        QDir dir(QStringLiteral(MDP_BINARY_DIR "/screenshots"));
        QVERIFY(dir.mkpath(QStringLiteral(".")));
        QCoreApplication::processEvents();
        QVERIFY(page->grab().save(dir.filePath(QStringLiteral("viewer-panel-dose-table.png")), "PNG"));
    }
};

QTEST_MAIN(tst_DocumentPanel)
#include "tst_DocumentPanel.moc"
