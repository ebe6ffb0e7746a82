#pragma once

// Patients for the patient-page tests, made through the registry API in a real workspace: valid
// resident IDs, and a five-year breast-cancer history (the reference case of the standard, see the
// timeline tests' BreastCancerHistory.h) with generated reports and images attached through the
// vault. Everything is synthetic; nothing is written outside the workspace.

#include "BreastCancerHistory.h"
#include "TestDocuments.h"
#include "mdp/registry/Registry.h"
#include "mdp/registry/ResidentId.h"
#include "mdp/store/Vault.h"
#include "mdp/workspace/Workspace.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QPointer>
#include <QTimer>
#include <QtTest>

namespace mdp::shell::testing {

// A test that drives a modal dialog from a queued lambda hangs for ever when the lambda stops early
// (a failed QVERIFY returns from it) or when an unexpected box opens on top. The watchdog closes any
// modal window that stays up for longer than `patienceMs` and remembers that it had to; the test then
// fails on `fired()` instead of waiting for the ctest timeout.
class ModalWatchdog : public QObject
{
public:
    explicit ModalWatchdog(int patienceMs = 20'000)
        : m_patienceMs(patienceMs)
    {
        m_timer.setInterval(100);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] { check(); });
        m_timer.start();
    }

    bool fired() const { return m_fired; }

private:
    void check()
    {
        QWidget *modal = QApplication::activeModalWidget();
        if (modal != m_modal) {
            m_modal = modal;
            m_since.start();
            return;
        }
        if (modal && m_since.elapsed() > m_patienceMs) {
            m_fired = true;
            qWarning("ModalWatchdog: closing modal window '%s' left open by the test",
                     qPrintable(modal->objectName()));
            modal->close();
            m_since.start();
        }
    }

    int m_patienceMs;
    QTimer m_timer;
    QPointer<QWidget> m_modal;
    QElapsedTimer m_since;
    bool m_fired = false;
};

// An 18-character resident ID with the right check character.
inline QString residentId(const QString &region, QDate birth, int sequence)
{
    const QString first17 = region + birth.toString(QStringLiteral("yyyyMMdd")) +
                            QStringLiteral("%1").arg(sequence, 3, 10, QLatin1Char('0'));
    return first17 + registry::ResidentId::checkCharacter(first17);
}

inline registry::PatientDraft patientDraft(const QString &name, registry::Sex sex, QDate birth,
                                           const QString &nationalId = {}, bool verified = true)
{
    registry::PatientDraft d;
    d.name = registry::PersonName::fromFullName(name);
    d.sex = sex;
    d.birthDate = birth;
    if (!nationalId.isEmpty())
        d.identifiers << registry::PatientIdentifier{
            registry::IdentifierType::ResidentId, nationalId, {}, verified};
    return d;
}

inline registry::Patient createPatient(workspace::Workspace &ws, const QString &actor, const QString &name,
                                       registry::Sex sex, QDate birth, const QString &nationalId = {})
{
    auto p = ws.registry().createPatient(actor, patientDraft(name, sex, birth, nationalId));
    if (!p)
        qFatal("createPatient failed: %s", qPrintable(p.error().toString()));
    return p.value();
}

inline registry::Attachment attach(workspace::Workspace &ws, const QString &actor, const QUuid &eventId,
                                   const QByteArray &bytes, const QString &mediaType, const QString &fileName)
{
    auto blob = ws.storeFile(bytes);
    if (!blob)
        qFatal("vault put failed: %s", qPrintable(blob.error().toString()));
    auto a = ws.registry().attach(actor, eventId, {blob.value(), mediaType, fileName});
    if (!a)
        qFatal("attach failed: %s", qPrintable(a.error().toString()));
    return a.value();
}

struct RichHistory
{
    QUuid biopsyEvent;  // with a two-page pathology report (PDF)
    QUuid radiotherapy; // course with fractions, dose table, dose summary PDF and dose image
    QUuid diagnosisEvent;
    registry::Attachment pathologyReport;
    registry::Attachment doseImage;
    int events = 0;        // registry events created (fractions included)
    int timelineItems = 0; // what the timeline shows (fractions fold into their course)
};

inline registry::EventType registryType(timeline::EventType lane)
{
    using T = timeline::EventType;
    using R = registry::EventType;
    switch (lane) {
    case T::FirstVisit:
        return R::FirstVisit;
    case T::Diagnosis:
        return R::Diagnosis;
    case T::Pathology:
        return R::BiopsyPathology;
    case T::Surgery:
        return R::Surgery;
    case T::Radiotherapy:
        return R::RadiotherapyCourse;
    case T::Chemotherapy:
        return R::ChemotherapyCycle;
    case T::Immunotherapy:
        return R::ImmunotherapyCycle;
    case T::Imaging:
        return R::Imaging;
    case T::Lab:
        return R::Lab;
    case T::Toxicity:
        return R::Toxicity;
    case T::FollowUp:
        return R::FollowUp;
    case T::Death:
        return R::Death;
    }
    return R::FirstVisit;
}

inline QJsonArray doseMetrics()
{
    QJsonArray rows;
    auto row = [&rows](const QString &structure, const QString &metric, double value, const QString &unit,
                       const QString &constraint, bool met) {
        rows << QJsonObject{{QStringLiteral("structure"), structure},   {QStringLiteral("metric"), metric},
                            {QStringLiteral("value"), value},           {QStringLiteral("unit"), unit},
                            {QStringLiteral("constraint"), constraint}, {QStringLiteral("met"), met}};
    };
    row(QStringLiteral("心脏"), QStringLiteral("Dmean"), 3.1, QStringLiteral("Gy"), QStringLiteral("< 4 Gy"),
        true);
    row(QStringLiteral("左前降支"), QStringLiteral("Dmax"), 17.8, QStringLiteral("Gy"),
        QStringLiteral("< 20 Gy"), true);
    row(QStringLiteral("同侧肺"), QStringLiteral("V20"), 14.2, QStringLiteral("%"), QStringLiteral("< 30 %"),
        true);
    row(QStringLiteral("同侧肺"), QStringLiteral("V5"), 52.4, QStringLiteral("%"), QStringLiteral("< 50 %"),
        false);
    row(QStringLiteral("对侧乳腺"), QStringLiteral("Dmean"), 1.2, QStringLiteral("Gy"),
        QStringLiteral("< 3 Gy"), true);
    row(QStringLiteral("脊髓"), QStringLiteral("Dmax"), 6.4, QStringLiteral("Gy"), QStringLiteral("< 45 Gy"),
        true);
    row(QStringLiteral("PTV"), QStringLiteral("V95%"), 97.3, QStringLiteral("%"), QStringLiteral(">= 95 %"),
        true);
    return rows;
}

// A one-page radiotherapy dose summary: plan, prescription and the organ-at-risk table.
inline QByteArray doseSummaryPdf()
{
    using viewer::testing::cjkFont;
    return viewer::testing::writePdf(1, [](QPainter &p, int, QRectF paper) {
        const QColor navy(0x10, 0x26, 0x3b);
        const QColor muted(0x5f, 0x6b, 0x7a);
        const qreal left = 56;
        const qreal width = paper.width() - 112;
        p.setRenderHint(QPainter::Antialiasing);
        p.fillRect(QRectF(0, 0, paper.width(), 6), QColor(0xd9, 0x7a, 0x1f));
        p.setPen(navy);
        p.setFont(cjkFont(10, true));
        p.drawText(QRectF(left, 30, width, 16), Qt::AlignLeft, QStringLiteral("MDP 示范医院 · 放射治疗科"));
        p.setFont(cjkFont(20, true));
        p.drawText(QRectF(left, 64, width, 30), Qt::AlignHCenter, QStringLiteral("放疗剂量总结"));
        p.setPen(muted);
        p.setFont(cjkFont(9));
        p.drawText(QRectF(left, 96, width, 14), Qt::AlignHCenter,
                   QStringLiteral("RADIOTHERAPY DOSE SUMMARY"));
        p.setPen(QPen(navy, 1.2));
        p.drawLine(QPointF(left, 120), QPointF(left + width, 120));
        const QList<QPair<QString, QString>> facts{
            {QStringLiteral("计划名称"), QStringLiteral("L_BREAST_25FX")},
            {QStringLiteral("研究编号"), QStringLiteral("P-7F3K9Q")},
            {QStringLiteral("靶区"), QStringLiteral("左乳 + 区域淋巴结")},
            {QStringLiteral("技术 / 能量"), QStringLiteral("VMAT / 6 MV")},
            {QStringLiteral("处方"), QStringLiteral("50 Gy / 25 次，2 Gy/次")},
            {QStringLiteral("疗程"), QStringLiteral("2021-04-19 至 2021-05-22")},
        };
        qreal y = 136;
        for (const auto &[name, value] : facts) {
            p.setPen(muted);
            p.setFont(cjkFont(10));
            p.drawText(QRectF(left, y, 110, 16), Qt::AlignLeft, name);
            p.setPen(navy);
            p.drawText(QRectF(left + 110, y, width - 110, 16), Qt::AlignLeft, value);
            y += 22;
        }
        y += 14;
        p.setFont(cjkFont(12, true));
        p.drawText(QRectF(left, y, width, 20), Qt::AlignLeft, QStringLiteral("危及器官剂量"));
        y += 28;
        const qreal cols[] = {0, 150, 240, 330, 440};
        const QStringList header{QStringLiteral("结构"), QStringLiteral("指标"), QStringLiteral("计划值"),
                                 QStringLiteral("限值"), QStringLiteral("评估")};
        p.fillRect(QRectF(left, y - 4, width, 22), QColor(0xf1, 0xf4, 0xf7));
        p.setFont(cjkFont(10, true));
        for (int c = 0; c < header.size(); ++c)
            p.drawText(QRectF(left + 6 + cols[c], y, 140, 16), Qt::AlignLeft, header.at(c));
        y += 26;
        p.setFont(cjkFont(10));
        for (const QJsonValue &v : doseMetrics()) {
            const QJsonObject o = v.toObject();
            const bool met = o.value(QStringLiteral("met")).toBool();
            const QStringList cells{o.value(QStringLiteral("structure")).toString(),
                                    o.value(QStringLiteral("metric")).toString(),
                                    QString::number(o.value(QStringLiteral("value")).toDouble()) +
                                        QLatin1Char(' ') + o.value(QStringLiteral("unit")).toString(),
                                    o.value(QStringLiteral("constraint")).toString(),
                                    met ? QStringLiteral("达标") : QStringLiteral("未达标")};
            for (int c = 0; c < cells.size(); ++c) {
                p.setPen(c == 4 && !met ? QColor(0xc6, 0x28, 0x28) : navy);
                p.drawText(QRectF(left + 6 + cols[c], y, 140, 16), Qt::AlignLeft, cells.at(c));
            }
            p.setPen(QPen(QColor(0xdd, 0xe3, 0xea), 0.8));
            p.drawLine(QPointF(left, y + 20), QPointF(left + width, y + 20));
            y += 26;
        }
        p.setPen(muted);
        p.setFont(cjkFont(9));
        p.drawText(QRectF(left, paper.height() - 60, width, 14), Qt::AlignLeft,
                   QStringLiteral("物理师：（签名）    主管医师：（签名）    本报告为合成测试数据"));
    });
}

// The reference-case history on `patientId`, in Chinese or English titles.
inline RichHistory addBreastCancerHistory(workspace::Workspace &ws, const QString &actor,
                                          const QUuid &patientId, bool chinese)
{
    RichHistory out;
    registry::Registry &reg = ws.registry();
    for (const timeline::TimelineItem &item : timeline::testing::breastCancerHistory(chinese)) {
        registry::EventDraft d;
        d.type = registryType(item.type);
        d.start = registry::EventTime::fromDate(item.start.date());
        if (item.end)
            d.end = registry::EventTime::fromDate(item.end->date());
        d.title = item.title;
        if (item.type == timeline::EventType::Toxicity)
            d.payload.insert(QStringLiteral("grade"), int(item.severity));
        if (item.id == u"biopsy")
            d.payload = QJsonObject{{QStringLiteral("pathologyLabel"), QStringLiteral("浸润性导管癌")},
                                    {QStringLiteral("specimen"), QStringLiteral("左乳空芯针穿刺")},
                                    {QStringLiteral("grade"), 3},
                                    {QStringLiteral("erPercent"), 0},
                                    {QStringLiteral("prPercent"), 0},
                                    {QStringLiteral("molecularSubtype"), QStringLiteral("TNBC")}};
        if (item.id == u"diagnosis")
            d.payload = QJsonObject{{QStringLiteral("icd10"), QStringLiteral("C50.4")},
                                    {QStringLiteral("ctnm"), QStringLiteral("cT2N1M0")},
                                    {QStringLiteral("stageGroup"), QStringLiteral("IIB")},
                                    {QStringLiteral("molecularSubtype"), QStringLiteral("TNBC")}};
        if (item.id == u"rt-course") {
            d.payload =
                QJsonObject{{QStringLiteral("totalDoseGy"), 50},
                            {QStringLiteral("fractions"), 25},
                            {QStringLiteral("dosePerFractionGy"), 2},
                            {QStringLiteral("technique"), QStringLiteral("VMAT")},
                            {QStringLiteral("energy"), QStringLiteral("6 MV")},
                            {QStringLiteral("target"), chinese ? QStringLiteral("左乳+区域淋巴结")
                                                               : QStringLiteral("Left breast + nodes")},
                            {QStringLiteral("doseMetrics"), doseMetrics()}};
            d.annotation = chinese ? QStringLiteral("与帕博利珠单抗同步，第1周期同日开始。")
                                   : QStringLiteral("Concurrent with pembrolizumab from cycle 1.");
        }
        if (item.type == timeline::EventType::Immunotherapy)
            d.payload = QJsonObject{{QStringLiteral("drug"), QStringLiteral("Pembrolizumab")},
                                    {QStringLiteral("doseMg"), 200}};
        auto event = reg.addEvent(actor, patientId, d);
        if (!event)
            qFatal("addEvent failed: %s", qPrintable(event.error().toString()));
        ++out.events;
        ++out.timelineItems;
        if (item.id == u"biopsy") {
            out.biopsyEvent = event->id;
            out.pathologyReport =
                attach(ws, actor, event->id, viewer::testing::pathologyReportPdf(),
                       QStringLiteral("application/pdf"), QStringLiteral("pathology-2021-03-12.pdf"));
        }
        if (item.id == u"diagnosis")
            out.diagnosisEvent = event->id;
        if (item.id == u"rt-course") {
            out.radiotherapy = event->id;
            out.doseImage = attach(ws, actor, event->id,
                                   viewer::testing::encode(viewer::testing::doseDistributionImage(), "PNG"),
                                   QStringLiteral("image/png"), QStringLiteral("rt-dose-distribution.png"));
            attach(ws, actor, event->id, doseSummaryPdf(), QStringLiteral("application/pdf"),
                   QStringLiteral("rt-dose-summary.pdf"));
            // Each delivered fraction is an event of its own, drawn as a tick inside the course.
            int n = 0;
            for (const QDateTime &mark : item.marks) {
                registry::EventDraft f;
                f.type = registry::EventType::RadiotherapyFraction;
                f.start = registry::EventTime::fromInstant(QDateTime(mark.date(), QTime(0, 10), Qt::UTC));
                f.title = chinese ? QStringLiteral("放疗 第%1/25次 2 Gy").arg(++n)
                                  : QStringLiteral("Fraction %1/25, 2 Gy").arg(++n);
                f.payload = QJsonObject{{QStringLiteral("fraction"), n}, {QStringLiteral("doseGy"), 2}};
                if (!reg.addEvent(actor, patientId, f))
                    qFatal("addEvent (fraction) failed");
                ++out.events;
            }
        }
    }
    return out;
}

} // namespace mdp::shell::testing
