#include "mdp/timeline/TimelineBenchmarks.h"

#include "TimelineRenderer.h"
#include "mdp/timeline/Lanes.h"

#include <QElapsedTimer>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QImage>
#include <QJsonArray>
#include <QPainter>
#include <QRandomGenerator>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace mdp::timeline::ui {

namespace {

const QDateTime kHistoryStart(QDate(2016, 1, 4), QTime(0, 0), Qt::UTC);
constexpr int kHistoryDays = 3650;

struct Weighted
{
    EventType type;
    int weight;
    const char *title;
};

// Shares of a heavily documented oncology history; labs and imaging dominate as in real records.
const Weighted kMix[] = {
    {EventType::Lab, 34, "Blood count"},
    {EventType::Imaging, 12, "Imaging"},
    {EventType::FollowUp, 10, "Follow-up visit"},
    {EventType::Toxicity, 9, "Toxicity"},
    {EventType::Chemotherapy, 8, "Chemotherapy cycle"},
    {EventType::Immunotherapy, 8, "Immunotherapy cycle"},
    {EventType::Pathology, 6, "Pathology report"},
    {EventType::Radiotherapy, 4, "Radiotherapy course"},
    {EventType::Surgery, 3, "Surgery"},
    {EventType::Diagnosis, 3, "Diagnosis"},
    {EventType::FirstVisit, 3, "Clinic visit"},
};

struct FrameStats
{
    double mean = 0;
    double p50 = 0;
    double p95 = 0;
    double max = 0;
};

FrameStats stats(QList<double> ms)
{
    FrameStats s;
    if (ms.isEmpty())
        return s;
    std::sort(ms.begin(), ms.end());
    s.mean = std::accumulate(ms.cbegin(), ms.cend(), 0.0) / double(ms.size());
    s.p50 = ms.at(ms.size() / 2);
    s.p95 = ms.at(std::min<qsizetype>(ms.size() - 1, qsizetype(std::ceil(0.95 * double(ms.size()))) - 1));
    s.max = ms.last();
    return s;
}

struct View
{
    double startMs;
    double msPerPixel;
};

QFont benchmarkFont()
{
    // The workstation's font when installed, so text costs what it costs on screen.
    QFont font = QGuiApplication::font();
    const QStringList installed = QFontDatabase::families();
    for (const QString &family : {QStringLiteral("Noto Sans CJK SC"), QStringLiteral("Noto Sans")}) {
        if (installed.contains(family)) {
            font.setFamilies({family});
            break;
        }
    }
    font.setPointSizeF(10);
    return font;
}

} // namespace

QList<TimelineItem> syntheticTimelineItems(int events, quint32 seed)
{
    QRandomGenerator rng(seed);
    const int totalWeight = std::accumulate(std::begin(kMix), std::end(kMix), 0,
                                            [](int sum, const Weighted &w) { return sum + w.weight; });
    // Treatment bursts: most events fall into a few dense periods, the rest spread over the decade.
    const int bursts[] = {120, 900, 1900, 2800};
    QList<TimelineItem> items;
    items.reserve(events);
    for (int i = 0; i < events; ++i) {
        int pick = int(rng.bounded(totalWeight));
        const Weighted *kind = std::begin(kMix);
        while (pick >= kind->weight) {
            pick -= kind->weight;
            ++kind;
        }
        int day = 0;
        if (rng.bounded(100) < 60)
            day = bursts[rng.bounded(4)] + int(rng.bounded(240));
        else
            day = int(rng.bounded(kHistoryDays));
        TimelineItem item;
        item.id = QStringLiteral("bench-%1").arg(i);
        item.type = kind->type;
        item.start = kHistoryStart.addDays(day);
        item.title = QStringLiteral("%1 %2").arg(QLatin1String(kind->title)).arg(i % 97 + 1);
        item.hasAttachments = rng.bounded(5) == 0;
        if (kind->type == EventType::Toxicity)
            item.severity = static_cast<Severity>(1 + rng.bounded(4));
        if (kind->type == EventType::Radiotherapy) {
            item.end = item.start.addDays(33);
            for (int f = 0; f < 25; ++f)
                item.marks.append(item.start.addDays(f / 5 * 7 + f % 5));
        }
        items.append(item);
    }
    TimelineItem death;
    death.id = QStringLiteral("bench-death");
    death.type = EventType::Death;
    death.start = kHistoryStart.addDays(kHistoryDays);
    death.title = QStringLiteral("Death");
    if (events > 0)
        items.last() = death;
    return items;
}

QList<BenchLine> runTimelineBenchmarks(int events)
{
    QList<BenchLine> lines;
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return lines;
    events = std::max(events, 10);
    const QSize size(1600, 640);
    QImage image(size, QImage::Format_ARGB32_Premultiplied);

    TimelineRenderer renderer;
    renderer.setFont(benchmarkFont());
    renderer.setLocale(QLocale(QLocale::English, QLocale::UnitedStates));
    renderer.setSize(size);
    renderer.setItems(syntheticTimelineItems(events, 20260301));
    renderer.setToday(double(kHistoryStart.addDays(kHistoryDays + 30).toMSecsSinceEpoch()));
    renderer.zoomToFit();
    TimeScale &scale = renderer.scale();

    // The views: the whole decade, then 2 years, a quarter, 3 weeks and 4 days around a dense
    // period, each panned over 30 frames; then one zoom sweep from the decade to days.
    QList<View> views;
    const double fitMpp = scale.msPerPixel();
    const double dense = double(kHistoryStart.addDays(1900 + 60).toMSecsSinceEpoch());
    const double width = scale.width();
    const QList<double> spansDays{0, 730, 91, 21, 4};
    QJsonArray levels;
    for (double days : spansDays) {
        if (days == 0) {
            scale.setMsPerPixel(fitMpp);
            scale.centerOn(0.5 * (renderer.model().firstMs() + renderer.model().lastMs()));
        } else {
            scale.setMsPerPixel(days * TimeScale::kMsPerDay / width);
            scale.centerOn(dense);
        }
        levels.append(days == 0 ? QStringLiteral("all") : QStringLiteral("%1d").arg(days));
        for (int f = 0; f < 30; ++f) {
            views.append(View{scale.startMs(), scale.msPerPixel()});
            scale.panBy(f < 15 ? -23 : 31);
        }
    }
    scale.setMsPerPixel(fitMpp);
    scale.centerOn(dense);
    while (scale.canZoomIn()) {
        views.append(View{scale.startMs(), scale.msPerPixel()});
        scale.zoomAround(width / 2, 1.2);
    }

    auto apply = [&](const View &v) {
        scale.setMsPerPixel(v.msPerPixel);
        scale.setStartMs(v.startMs);
    };

    // Warm-up: sprites, tick labels and title widths are measured on first use.
    for (int i = 0; i < 10; ++i) {
        apply(views.at(i * 7 % views.size()));
        QPainter painter(&image);
        renderer.paint(painter);
    }
    renderer.setSelected(renderer.model().count() / 2);

    QList<double> timeline;
    QElapsedTimer timer;
    for (const View &v : std::as_const(views)) {
        apply(v);
        timer.start();
        QPainter painter(&image);
        renderer.paint(painter);
        painter.end();
        timeline.append(double(timer.nsecsElapsed()) / 1e6);
    }

    // Baseline: the same frames, every event as an antialiased rectangle, nothing culled or merged.
    const TimelineModel &model = renderer.model();
    QList<QColor> colours;
    for (int lane = 0; lane < kEventTypeCount; ++lane)
        colours.append(QColor::fromRgb(QRgb(Lanes::colour(static_cast<EventType>(lane)))));
    QList<double> naive;
    for (const View &v : std::as_const(views)) {
        apply(v);
        timer.start();
        image.fill(Qt::white);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        for (int i = 0; i < model.count(); ++i) {
            const int lane = model.laneOf(i);
            const double x = renderer.xOf(model.startMs(i));
            const double w = std::max(2.0, (model.endMs(i) - model.startMs(i)) / v.msPerPixel);
            const double y = renderer.laneCenterY(lane) - 7;
            painter.fillRect(QRectF(x, y, w, 14), colours.at(lane));
        }
        painter.end();
        naive.append(double(timer.nsecsElapsed()) / 1e6);
    }

    const FrameStats ours = stats(timeline);
    const FrameStats base = stats(naive);
    const QString baselineName =
        QStringLiteral("naive QPainter: every event as a plain rectangle, no culling, no clustering");
    auto frameLine = [&](const QString &caseName, double value, double baselineValue) {
        BenchLine line;
        line.bench = QStringLiteral("registry");
        line.caseName = caseName;
        line.unit = QStringLiteral("ms");
        line.value = value;
        line.baseline = baselineName;
        line.baselineValue = baselineValue;
        line.higherIsBetter = false;
        line.extra.insert(QStringLiteral("goal_ms"), 16);
        line.extra.insert(QStringLiteral("events"), model.count());
        line.extra.insert(QStringLiteral("frames"), int(views.size()));
        line.extra.insert(QStringLiteral("image"),
                          QStringLiteral("%1x%2").arg(size.width()).arg(size.height()));
        line.extra.insert(QStringLiteral("views"), levels);
        line.extra.insert(QStringLiteral("p50_ms"), ours.p50);
        line.extra.insert(QStringLiteral("max_ms"), ours.max);
        line.extra.insert(QStringLiteral("baseline_max_ms"), base.max);
        return line;
    };
    lines << frameLine(QStringLiteral("timeline-frame-mean"), ours.mean, base.mean);
    lines << frameLine(QStringLiteral("timeline-frame-p95"), ours.p95, base.p95);

    // One clustering pass per zoom step against sorting the same start times once.
    TimelineClustering clustering;
    QList<double> clusterUs;
    double mpp = fitMpp;
    clustering.update(model, mpp * 1.01);
    for (int i = 0; i < 60; ++i) {
        timer.start();
        clustering.update(model, mpp);
        clusterUs.append(double(timer.nsecsElapsed()) / 1e3);
        mpp = std::max(TimeScale::kMinMsPerPixel, mpp / 1.15);
        if (mpp == TimeScale::kMinMsPerPixel)
            mpp = fitMpp;
    }
    QList<double> sortUs;
    QList<double> starts(model.count());
    for (int i = 0; i < 15; ++i) {
        for (int k = 0; k < model.count(); ++k)
            starts[k] = model.startMs((k * 7919) % model.count());
        timer.start();
        std::sort(starts.begin(), starts.end());
        sortUs.append(double(timer.nsecsElapsed()) / 1e3);
    }
    BenchLine cluster;
    cluster.bench = QStringLiteral("registry");
    cluster.caseName = QStringLiteral("timeline-cluster");
    cluster.unit = QStringLiteral("us");
    cluster.value = stats(clusterUs).p50;
    cluster.baseline = QStringLiteral("std::sort of the same start times");
    cluster.baselineValue = stats(sortUs).p50;
    cluster.higherIsBetter = false;
    cluster.extra.insert(QStringLiteral("events"), model.count());
    cluster.extra.insert(QStringLiteral("goal_us"), 1000);
    cluster.extra.insert(QStringLiteral("p95_us"), stats(clusterUs).p95);
    lines << cluster;
    return lines;
}

} // namespace mdp::timeline::ui
