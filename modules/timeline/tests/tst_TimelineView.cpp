#include "BreastCancerHistory.h"
#include "mdp/foundation/Clock.h"
#include "mdp/timeline/TimeScale.h"
#include "mdp/timeline/TimelineBenchmarks.h"
#include "mdp/timeline/TimelineLanguage.h"
#include "mdp/timeline/TimelineModel.h"
#include "mdp/timeline/TimelineView.h"
#include "mdp/workbench/Language.h"
#include "mdp/workbench/Theme.h"

#include <QApplication>
#include <QCursor>
#include <QDir>
#include <QFrame>
#include <QHelpEvent>
#include <QLabel>
#include <QPainter>
#include <QScreen>
#include <QSignalSpy>
#include <QToolTip>
#include <QVBoxLayout>
#include <QWheelEvent>
#include <QtTest>

#include <cmath>

using namespace mdp;
using namespace mdp::timeline;
using namespace mdp::timeline::ui;
using mdp::timeline::testing::breastCancerHistory;

namespace {

QDateTime day(int y, int m, int d)
{
    return QDateTime(QDate(y, m, d), QTime(0, 0), Qt::UTC);
}

void useLanguage(const QString &code)
{
    QVERIFY(workbench::Language::install(*qApp, code));
    QVERIFY(TimelineLanguage::install(*qApp, code));
}

void sendWheel(QWidget *w, QPointF pos, int delta, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QWheelEvent wheel(pos, w->mapToGlobal(pos), QPoint(), QPoint(0, delta), Qt::NoButton, modifiers,
                      Qt::NoScrollPhase, false);
    QApplication::sendEvent(w, &wheel);
}

} // namespace

class tst_TimelineView : public QObject
{
    Q_OBJECT

    ManualClock m_clock{QDateTime(QDate(2026, 3, 2), QTime(8, 0), Qt::UTC)};

    std::unique_ptr<TimelineView> makeView(bool chinese = false, QSize size = QSize(1200, 520))
    {
        auto view = std::make_unique<TimelineView>();
        view->setClock(&m_clock);
        view->setItems(breastCancerHistory(chinese));
        view->resize(size);
        view->show();
        if (!QTest::qWaitForWindowExposed(view.get()))
            return nullptr;
        view->setFocus();
        return view;
    }

    // A page around the view as the patient page will show it: heading, then the timeline in a card.
    std::unique_ptr<QWidget> makePage(TimelineView *&view, const QString &title, const QString &subtitle)
    {
        auto page = std::make_unique<QWidget>();
        page->setObjectName(QStringLiteral("page"));
        page->setStyleSheet(QStringLiteral("QWidget#page { background: #f4f6f9; }"));
        auto *layout = new QVBoxLayout(page.get());
        layout->setContentsMargins(32, 26, 32, 28);
        layout->setSpacing(4);
        auto *heading = new QLabel(title, page.get());
        heading->setObjectName(QStringLiteral("pageTitle"));
        auto *sub = new QLabel(subtitle, page.get());
        sub->setObjectName(QStringLiteral("pageSubtitle"));
        layout->addWidget(heading);
        layout->addWidget(sub);
        layout->addSpacing(14);
        auto *card = new QFrame(page.get());
        card->setObjectName(QStringLiteral("card"));
        auto *cardLayout = new QVBoxLayout(card);
        cardLayout->setContentsMargins(1, 1, 1, 1);
        view = new TimelineView(card);
        view->setClock(&m_clock);
        cardLayout->addWidget(view);
        layout->addWidget(card, 1);
        return page;
    }

    void save(QWidget *widget, const QString &name)
    {
        QDir dir(QStringLiteral(MDP_BINARY_DIR "/screenshots"));
        QVERIFY(dir.mkpath(QStringLiteral(".")));
        QCoreApplication::processEvents();
        const QPixmap pixmap = widget->grab();
        QVERIFY(!pixmap.isNull());
        QVERIFY(pixmap.save(dir.filePath(name + QStringLiteral(".png")), "PNG"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        workbench::Theme::apply(*qApp);
        useLanguage(QStringLiteral("en"));
    }

    void emptyTimelineShowsAHintAndIgnoresKeys()
    {
        TimelineView view;
        view.setClock(&m_clock);
        view.resize(800, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy activated(&view, &TimelineView::eventActivated);
        for (Qt::Key key : {Qt::Key_Right, Qt::Key_Left, Qt::Key_Up, Qt::Key_Down, Qt::Key_Home, Qt::Key_End,
                            Qt::Key_Return, Qt::Key_T, Qt::Key_Plus, Qt::Key_0})
            QTest::keyClick(&view, key);
        QVERIFY(view.selectedId().isEmpty());
        QCOMPARE(activated.count(), 0);
        QVERIFY(view.visibleMarks().isEmpty());
        QVERIFY(view.itemRect(QStringLiteral("missing")).isEmpty());
        QImage image(view.size(), QImage::Format_ARGB32_Premultiplied);
        QPainter painter(&image);
        view.renderTimeline(painter);
        painter.end();
        // Something was drawn: the hint text is darker than the white background somewhere.
        bool inked = false;
        for (int y = 0; y < image.height() && !inked; ++y) {
            for (int x = int(view.timeAreaLeft()); x < image.width() && !inked; ++x)
                inked = qGray(image.pixel(x, y)) < 160;
        }
        QVERIFY(inked);
    }

    // R-6.1.2a-d: time is the navigation axis: Left/Right walk the history in time order.
    void leftAndRightStepThroughEventsInTimeOrder()
    {
        auto view = makeView();
        QVERIFY(view);
        QSignalSpy selection(view.get(), &TimelineView::selectionChanged);
        QTest::keyClick(view.get(), Qt::Key_Home);
        QCOMPARE(view->selectedId(), QStringLiteral("first-visit"));
        QTest::keyClick(view.get(), Qt::Key_Right);
        QCOMPARE(view->selectedId(), QStringLiteral("mammo"));
        QTest::keyClick(view.get(), Qt::Key_Right);
        QCOMPARE(view->selectedId(), QStringLiteral("biopsy"));
        QTest::keyClick(view.get(), Qt::Key_Right);
        QTest::keyClick(view.get(), Qt::Key_Right);
        QCOMPARE(view->selectedId(), QStringLiteral("pet"));
        QTest::keyClick(view.get(), Qt::Key_Left);
        QCOMPARE(view->selectedId(), QStringLiteral("mri-baseline"));
        QTest::keyClick(view.get(), Qt::Key_End);
        QCOMPARE(view->selectedId(), QStringLiteral("fu-2026"));
        QTest::keyClick(view.get(), Qt::Key_Right); // stays on the last
        QCOMPARE(view->selectedId(), QStringLiteral("fu-2026"));
        QCOMPARE(selection.count(), 7);
        QCOMPARE(selection.last().at(0).toString(), QStringLiteral("fu-2026"));
    }

    void keyboardSelectionIsScrolledIntoView()
    {
        auto view = makeView();
        QVERIFY(view);
        view->zoomToRange(day(2021, 3, 1), day(2021, 4, 1));
        QTest::keyClick(view.get(), Qt::Key_End);
        const double x = view->xForTime(day(2026, 2, 23));
        QVERIFY(x >= view->timeAreaLeft() && x <= view->width());
        QVERIFY(!view->itemRect(QStringLiteral("fu-2026")).isEmpty());
    }

    // R-6.4.2a-c: Up/Down change lane to the event nearest in time, without drifting.
    void upAndDownMoveToTheNearestEventInTheNeighbouringLane()
    {
        auto view = makeView();
        QVERIFY(view);
        view->setSelectedId(QStringLiteral("surgery")); // 2021-07-05
        QTest::keyClick(view.get(), Qt::Key_Down);
        QCOMPARE(view->selectedId(), QStringLiteral("rt-course")); // starts 04-19, nearer than the simulation
        QTest::keyClick(view.get(), Qt::Key_Down);
        QCOMPARE(view->selectedId(), QStringLiteral("cape-c1")); // 08-16 is the chemotherapy nearest to 07-05
        QTest::keyClick(view.get(), Qt::Key_Down);
        QCOMPARE(view->selectedId(), QStringLiteral("io-c5")); // 06-29 (not c7, the one nearest to 08-16)
        QTest::keyClick(view.get(), Qt::Key_Up);
        QTest::keyClick(view.get(), Qt::Key_Up);
        QTest::keyClick(view.get(), Qt::Key_Up);
        QCOMPARE(view->selectedId(), QStringLiteral("surgery"));
        QTest::keyClick(view.get(), Qt::Key_Up);
        QCOMPARE(view->selectedId(), QStringLiteral("pathology-surgical"));
    }

    // R-6.4.2a-c: Enter on the selection opens it.
    void enterActivatesTheSelection()
    {
        auto view = makeView();
        QVERIFY(view);
        QSignalSpy activated(view.get(), &TimelineView::eventActivated);
        QTest::keyClick(view.get(), Qt::Key_Return);
        QCOMPARE(activated.count(), 0); // nothing selected yet
        view->setSelectedId(QStringLiteral("biopsy"));
        QTest::keyClick(view.get(), Qt::Key_Return);
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.at(0).at(0).toString(), QStringLiteral("biopsy"));
    }

    // R-6.4.2a-c: clicking an event opens it: the view names it by id.
    void clickOnAnEventEmitsEventActivatedWithItsId()
    {
        auto view = makeView();
        QVERIFY(view);
        view->zoomToRange(day(2021, 6, 20), day(2021, 8, 20));
        QSignalSpy activated(view.get(), &TimelineView::eventActivated);

        const QRectF surgery = view->itemRect(QStringLiteral("surgery"));
        QVERIFY(!surgery.isEmpty());
        QTest::mouseClick(view.get(), Qt::LeftButton, Qt::NoModifier, surgery.center().toPoint());
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.at(0).at(0).toString(), QStringLiteral("surgery"));
        QCOMPARE(view->selectedId(), QStringLiteral("surgery"));

        const QRectF cycle = view->itemRect(QStringLiteral("io-c7"));
        QVERIFY(!cycle.isEmpty());
        QTest::mouseClick(view.get(), Qt::LeftButton, Qt::NoModifier, cycle.center().toPoint());
        QCOMPARE(activated.count(), 2);
        QCOMPARE(activated.at(1).at(0).toString(), QStringLiteral("io-c7"));

        // Empty space selects nothing and opens nothing.
        const int y = int(view->laneCenterY(EventType::Surgery));
        QTest::mouseClick(view.get(), Qt::LeftButton, Qt::NoModifier,
                          QPoint(int(view->xForTime(day(2021, 8, 10))), y));
        QCOMPARE(activated.count(), 2);
        // Nor does the lane gutter.
        QTest::mouseClick(view.get(), Qt::LeftButton, Qt::NoModifier, QPoint(20, y));
        QCOMPARE(activated.count(), 2);
    }

    void clickOnABarActivatesTheSpan()
    {
        auto view = makeView();
        QVERIFY(view);
        view->zoomToRange(day(2021, 4, 1), day(2021, 6, 1));
        QSignalSpy activated(view.get(), &TimelineView::eventActivated);
        const QRectF bar = view->itemRect(QStringLiteral("rt-course"));
        QVERIFY(bar.width() > 100);
        QTest::mouseClick(view.get(), Qt::LeftButton, Qt::NoModifier,
                          QPoint(int(bar.left() + bar.width() * 0.6), int(bar.center().y())));
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.at(0).at(0).toString(), QStringLiteral("rt-course"));
    }

    // R-6.4.2a-c: wheel zoom keeps the time under the pointer fixed.
    void wheelZoomKeepsTheTimeUnderTheCursor()
    {
        auto view = makeView();
        QVERIFY(view);
        const QPointF pos(view->timeAreaLeft() + 317, view->laneCenterY(EventType::Imaging));
        const QDateTime before = view->timeAt(pos.x());
        const double mpp = view->scale().msPerPixel();
        sendWheel(view.get(), pos, 120);
        QVERIFY(view->scale().msPerPixel() < mpp * 0.9);
        QVERIFY(std::abs(view->timeAt(pos.x()).msecsTo(before)) <= 1);
        const double zoomedIn = view->scale().msPerPixel();
        sendWheel(view.get(), pos, -240, Qt::ControlModifier);
        QVERIFY(view->scale().msPerPixel() > zoomedIn * 1.4);
        QVERIFY(std::abs(view->timeAt(pos.x()).msecsTo(before)) <= 1);
        // Shift+wheel pans instead.
        const double mppNow = view->scale().msPerPixel();
        sendWheel(view.get(), pos, 120, Qt::ShiftModifier);
        QCOMPARE(view->scale().msPerPixel(), mppNow);
        QVERIFY(view->timeAt(pos.x()) < before);
    }

    void dragPansWithoutActivating()
    {
        auto view = makeView();
        QVERIFY(view);
        view->zoomToRange(day(2021, 3, 1), day(2021, 12, 31));
        QSignalSpy activated(view.get(), &TimelineView::eventActivated);
        const QRectF start = view->itemRect(QStringLiteral("surgery"));
        QVERIFY(!start.isEmpty());
        const QPoint from = start.center().toPoint();
        const QDateTime grabbed = view->timeAt(from.x());
        QTest::mousePress(view.get(), Qt::LeftButton, Qt::NoModifier, from);
        QTest::mouseMove(view.get(), from + QPoint(60, 0));
        QTest::mouseMove(view.get(), from + QPoint(150, 3));
        QTest::mouseRelease(view.get(), Qt::LeftButton, Qt::NoModifier, from + QPoint(150, 3));
        QVERIFY(std::abs(view->timeAt(from.x() + 150).msecsTo(grabbed)) <= view->scale().msPerPixel());
        QCOMPARE(activated.count(), 0);
    }

    // R-6.4.2a-c: dense periods become count bubbles that open up when double-clicked.
    void doubleClickOnAClusterZoomsIntoIt()
    {
        auto view = makeView();
        QVERIFY(view);
        view->zoomToFit();
        TimelineView::VisibleMark bubble;
        for (const auto &mark : view->visibleMarks()) {
            if (mark.kind == TimelineMark::Kind::Cluster && mark.type == EventType::Immunotherapy &&
                mark.count > bubble.count)
                bubble = mark;
        }
        QVERIFY2(bubble.count >= 3, "the immunotherapy cycles should cluster at the five-year view");
        const double mpp = view->scale().msPerPixel();
        QSignalSpy activated(view.get(), &TimelineView::eventActivated);
        QTest::mouseDClick(view.get(), Qt::LeftButton, Qt::NoModifier, bubble.rect.center().toPoint());
        QVERIFY(view->scale().msPerPixel() < mpp / 2);
        QCOMPARE(activated.count(), 0); // a bubble is not an event

        // Its members now show on their own (or in smaller bubbles), all in view.
        int members = 0;
        int marks = 0;
        for (const auto &mark : view->visibleMarks()) {
            if (mark.type == EventType::Immunotherapy) {
                members += mark.count;
                ++marks;
            }
        }
        QVERIFY(members >= bubble.count);
        QVERIFY(marks > 1);
    }

    void plusMinusZoomAndTJumpsToToday()
    {
        auto view = makeView();
        QVERIFY(view);
        const double mpp = view->scale().msPerPixel();
        QTest::keyClick(view.get(), Qt::Key_Plus);
        QVERIFY(std::abs(view->scale().msPerPixel() - mpp / 1.5) < 1e-6 * mpp);
        QTest::keyClick(view.get(), Qt::Key_Minus);
        QTest::keyClick(view.get(), Qt::Key_Minus);
        QVERIFY(view->scale().msPerPixel() > mpp);
        view->zoomToRange(day(2021, 4, 1), day(2021, 5, 1));
        QTest::keyClick(view.get(), Qt::Key_T);
        const double todayX = view->xForTime(QDateTime(QDate(2026, 3, 2), QTime(8, 0), Qt::UTC));
        const double centre = view->timeAreaLeft() + (view->width() - view->timeAreaLeft()) / 2.0;
        QVERIFY2(std::abs(todayX - centre) < 1.5, qPrintable(QString::number(todayX - centre)));
    }

    // R-6.4.2a-c: zoom from decades down to days.
    void axisGoesFromDecadesDownToDays()
    {
        auto view = makeView();
        QVERIFY(view);
        view->zoomToRange(day(2021, 4, 19), day(2021, 4, 30));
        QCOMPARE(view->tickLevel(), TickLevel::Days);
        view->zoomToRange(day(2021, 3, 1), day(2021, 7, 1));
        QCOMPARE(view->tickLevel(), TickLevel::Weeks);
        view->zoomToFit();
        QVERIFY(int(view->tickLevel()) >= int(TickLevel::Months));
        for (int i = 0; i < 60; ++i)
            QTest::keyClick(view.get(), Qt::Key_Minus);
        QCOMPARE(view->tickLevel(), TickLevel::Decades);
        QVERIFY(!view->scale().canZoomOut());
    }

    void tooltipNamesTheEventAndItsDates()
    {
        auto view = makeView();
        QVERIFY(view);
        view->zoomToRange(day(2021, 4, 1), day(2021, 6, 1));
        const QRectF bar = view->itemRect(QStringLiteral("rt-course"));
        const QPoint pos(int(bar.left() + 40), int(bar.center().y()));
        QHelpEvent help(QEvent::ToolTip, pos, view->mapToGlobal(pos));
        QApplication::sendEvent(view.get(), &help);
        QTRY_VERIFY(QToolTip::isVisible());
        const QString text = QToolTip::text();
        QVERIFY2(text.contains(QStringLiteral("Radiotherapy 50 Gy / 25 fx")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("2021-04-19")));
        QVERIFY(text.contains(QStringLiteral("2021-05-22")));
        QVERIFY(text.contains(QStringLiteral("25 fractions")));
        QToolTip::hideText();
    }

    void accessibleNameAndDescriptionFollowTheSelection()
    {
        auto view = makeView();
        QVERIFY(view);
        QCOMPARE(view->accessibleName(), QStringLiteral("Patient timeline"));
        view->setSelectedId(QStringLiteral("diagnosis"));
        QVERIFY(view->accessibleDescription().contains(QStringLiteral("Breast cancer cT2N1M0")));
        QVERIFY(view->accessibleDescription().contains(QStringLiteral("Diagnosis")));
        QVERIFY(view->accessibleDescription().contains(QStringLiteral("2021-03-18")));
    }

    // R-6.4.2a-c: the timeline follows the interface language while it is shown.
    void switchingLanguageRelabelsTheTimeline()
    {
        auto view = makeView();
        QVERIFY(view);
        view->zoomToRange(day(2021, 4, 1), day(2021, 6, 1));
        useLanguage(QStringLiteral("zh_CN"));
        QTRY_COMPARE(view->accessibleName(), QStringLiteral("患者时间轴")); // LanguageChange is posted
        const QRectF bar = view->itemRect(QStringLiteral("rt-course"));
        const QPoint pos(int(bar.left() + 40), int(bar.center().y()));
        QHelpEvent help(QEvent::ToolTip, pos, view->mapToGlobal(pos));
        QApplication::sendEvent(view.get(), &help);
        QTRY_VERIFY(QToolTip::isVisible());
        QVERIFY2(QToolTip::text().contains(QStringLiteral("放疗")), qPrintable(QToolTip::text()));
        QVERIFY(QToolTip::text().contains(QStringLiteral("（33 天）")));
        QToolTip::hideText();
        useLanguage(QStringLiteral("en"));
        QTRY_COMPARE(view->accessibleName(), QStringLiteral("Patient timeline"));
    }

    void screenshots_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
    }

    // R-6.4.2a-c: the patient page's timeline, for review.
    void screenshots()
    {
        QFETCH(QString, language);
        useLanguage(language);
        const bool zh = language == u"zh_CN";
        TimelineView *view = nullptr;
        auto page = makePage(
            view, zh ? QStringLiteral("生命周期时间轴") : QStringLiteral("Lifecycle timeline"),
            zh ? QStringLiteral("P-7Q3K9M · 女，46岁 · 左乳浸润性导管癌 cT2N1M0 三阴性 · 新辅助放疗+免疫治疗")
               : QStringLiteral("P-7Q3K9M · female, 46 · left breast IDC cT2N1M0, triple negative · "
                                "neoadjuvant radiotherapy + immunotherapy"));
        view->setItems(breastCancerHistory(zh));
        // The pointer rests outside the page so no hover highlight lands in the pictures.
        QCursor::setPos(QGuiApplication::primaryScreen()->geometry().bottomRight());
        page->resize(1280, 640);
        page->show();
        QVERIFY(QTest::qWaitForWindowExposed(page.get()));
        const QString suffix = QStringLiteral("-") + language;

        save(page.get(), QStringLiteral("timeline-history") + suffix);

        view->zoomToRange(day(2021, 2, 20), day(2022, 2, 10));
        view->setSelectedId(QStringLiteral("surgery"));
        save(page.get(), QStringLiteral("timeline-treatment-year") + suffix);

        view->setSelectedId(QString());
        view->zoomToRange(day(2021, 4, 8), day(2021, 6, 2));
        view->setSelectedId(QStringLiteral("tox-derm-2"));
        save(page.get(), QStringLiteral("timeline-radiotherapy") + suffix);

        view->setSelectedId(QString());
        view->zoomToRange(day(2021, 4, 14), day(2021, 4, 28));
        view->setSelectedId(QStringLiteral("io-c2"));
        save(page.get(), QStringLiteral("timeline-days") + suffix);

        view->setSelectedId(QString());
        view->setItems(syntheticTimelineItems(10000, 7));
        save(page.get(), QStringLiteral("timeline-10000-events") + suffix);
        useLanguage(QStringLiteral("en"));
    }
};

QTEST_MAIN(tst_TimelineView)
#include "tst_TimelineView.moc"
