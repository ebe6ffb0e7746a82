#pragma once

#include "mdp/timeline/TimelineItem.h"

#include <QList>

namespace mdp::timeline::testing {

// A synthetic five-year history after the reference case of the standard (Appendix A): left breast
// cancer, triple negative, cT2N1M0; neoadjuvant radiotherapy (50 Gy in 25 fractions) with
// immunotherapy every three weeks, breast-conserving surgery, adjuvant immunotherapy and
// capecitabine, toxicities of several grades, follow-ups to March 2026. No real patient.
inline QList<TimelineItem> breastCancerHistory(bool chinese)
{
    QList<TimelineItem> items;
    auto day = [](int y, int m, int d) { return QDateTime(QDate(y, m, d), QTime(0, 0), Qt::UTC); };
    auto add = [&](const char *id, EventType type, QDateTime start, const QString &en, const QString &zh,
                   Severity severity = Severity::None, bool files = false) -> TimelineItem & {
        TimelineItem item;
        item.id = QString::fromLatin1(id);
        item.type = type;
        item.start = start;
        item.title = chinese ? zh : en;
        item.severity = severity;
        item.hasAttachments = files;
        items.append(item);
        return items.last();
    };
    using E = EventType;
    add("first-visit", E::FirstVisit, day(2021, 3, 8), QStringLiteral("Left breast lump, 3 cm"),
        QStringLiteral("左乳肿块 3 cm"));
    add("mammo", E::Imaging, day(2021, 3, 9), QStringLiteral("Mammography + US, BI-RADS 5"),
        QStringLiteral("乳腺X线+超声 BI-RADS 5"), Severity::None, true);
    add("biopsy", E::Pathology, day(2021, 3, 12), QStringLiteral("Core biopsy: IDC, grade 3, TNBC"),
        QStringLiteral("穿刺活检：浸润性导管癌 3级 三阴性"), Severity::None, true);
    add("mri-baseline", E::Imaging, day(2021, 3, 15), QStringLiteral("Breast MRI"), QStringLiteral("乳腺MRI"),
        Severity::None, true);
    add("pet", E::Imaging, day(2021, 3, 17), QStringLiteral("PET-CT staging"), QStringLiteral("PET-CT 分期"),
        Severity::None, true);
    add("diagnosis", E::Diagnosis, day(2021, 3, 18), QStringLiteral("Breast cancer cT2N1M0, stage IIB, TNBC"),
        QStringLiteral("乳腺癌 cT2N1M0 IIB期 三阴性"));
    add("sim-ct", E::Radiotherapy, day(2021, 4, 12), QStringLiteral("CT simulation"),
        QStringLiteral("CT 模拟定位"));

    TimelineItem &course =
        add("rt-course", E::Radiotherapy, day(2021, 4, 19), QStringLiteral("Radiotherapy 50 Gy / 25 fx"),
            QStringLiteral("放疗 50 Gy/25次"), Severity::None, true);
    course.end = day(2021, 5, 22);
    for (QDate d(2021, 4, 19); course.marks.size() < 25; d = d.addDays(1)) {
        if (d.dayOfWeek() <= 5)
            course.marks.append(QDateTime(d, QTime(0, 0), Qt::UTC));
    }

    // Pembrolizumab every three weeks: 6 neoadjuvant cycles, 11 adjuvant after surgery.
    QDate cycle(2021, 4, 6);
    for (int c = 1; c <= 17; ++c) {
        if (c == 7)
            cycle = QDate(2021, 8, 2);
        const QByteArray id = QByteArray("io-c") + QByteArray::number(c);
        add(id.constData(), E::Immunotherapy, QDateTime(cycle, QTime(0, 0), Qt::UTC),
            QStringLiteral("Pembrolizumab C%1").arg(c), QStringLiteral("帕博利珠单抗 第%1周期").arg(c));
        const QByteArray lab = QByteArray("lab-c") + QByteArray::number(c);
        add(lab.constData(), E::Lab, QDateTime(cycle.addDays(-1), QTime(0, 0), Qt::UTC),
            QStringLiteral("Blood count, liver, thyroid"), QStringLiteral("血常规 肝功能 甲功"));
        cycle = cycle.addDays(21);
    }
    for (int c = 1; c <= 6; ++c) {
        const QByteArray id = QByteArray("cape-c") + QByteArray::number(c);
        add(id.constData(), E::Chemotherapy, day(2021, 8, 16).addDays(21 * (c - 1)),
            QStringLiteral("Capecitabine C%1").arg(c), QStringLiteral("卡培他滨 第%1周期").arg(c));
    }

    add("mri-mid", E::Imaging, day(2021, 6, 7), QStringLiteral("MRI: partial response"),
        QStringLiteral("MRI：部分缓解"), Severity::None, true);
    TimelineItem &surgery = add("surgery", E::Surgery, day(2021, 7, 5), QStringLiteral("Lumpectomy + SLNB"),
                                QStringLiteral("保乳手术+前哨淋巴结活检"), Severity::None, true);
    surgery.end = day(2021, 7, 8); // admission to discharge
    add("pathology-surgical", E::Pathology, day(2021, 7, 12), QStringLiteral("ypT1a ypN0, RCB-I"),
        QStringLiteral("ypT1a ypN0 RCB-I"), Severity::None, true);

    add("tox-derm-1", E::Toxicity, day(2021, 5, 3), QStringLiteral("Radiation dermatitis G1"),
        QStringLiteral("放射性皮炎 1级"), Severity::Mild);
    add("tox-derm-2", E::Toxicity, day(2021, 5, 24), QStringLiteral("Radiation dermatitis G2"),
        QStringLiteral("放射性皮炎 2级"), Severity::Moderate);
    add("tox-thyroid", E::Toxicity, day(2021, 6, 28), QStringLiteral("Hypothyroidism G2 (irAE)"),
        QStringLiteral("甲状腺功能减退 2级（免疫相关）"), Severity::Moderate);
    add("tox-hfs", E::Toxicity, day(2021, 9, 27), QStringLiteral("Hand-foot syndrome G1"),
        QStringLiteral("手足综合征 1级"), Severity::Mild);
    add("tox-alt", E::Toxicity, day(2022, 1, 10), QStringLiteral("ALT increased G3"),
        QStringLiteral("谷丙转氨酶升高 3级"), Severity::Severe);
    add("tox-fatigue", E::Toxicity, day(2021, 11, 1), QStringLiteral("Fatigue G1"),
        QStringLiteral("乏力 1级"), Severity::Mild);

    const QList<QDate> followUps{{2022, 3, 14}, {2022, 6, 13},  {2022, 9, 13}, {2022, 12, 12},
                                 {2023, 3, 13}, {2023, 6, 12},  {2023, 9, 11}, {2023, 12, 11},
                                 {2024, 6, 17}, {2024, 12, 16}, {2025, 6, 16}, {2025, 12, 15}};
    for (int i = 0; i < followUps.size(); ++i) {
        const QByteArray id = QByteArray("fu-") + QByteArray::number(i + 1);
        add(id.constData(), E::FollowUp, QDateTime(followUps[i], QTime(0, 0), Qt::UTC),
            QStringLiteral("Follow-up: no evidence of disease"), QStringLiteral("随访：无疾病证据"));
        const QByteArray lab = QByteArray("lab-fu-") + QByteArray::number(i + 1);
        add(lab.constData(), E::Lab, QDateTime(followUps[i].addDays(-3), QTime(0, 0), Qt::UTC),
            QStringLiteral("Blood count, CA 15-3"), QStringLiteral("血常规 CA15-3"));
    }
    for (int y = 2022; y <= 2025; ++y) {
        const QByteArray id = QByteArray("mammo-") + QByteArray::number(y);
        add(id.constData(), E::Imaging, day(y, 9, 5), QStringLiteral("Annual mammography"),
            QStringLiteral("年度乳腺X线"), Severity::None, true);
    }
    add("ct-2023", E::Imaging, day(2023, 3, 6), QStringLiteral("CT chest/abdomen"),
        QStringLiteral("胸腹部CT"), Severity::None, true);
    add("fu-2026", E::FollowUp, day(2026, 2, 23), QStringLiteral("5-year review: disease-free"),
        QStringLiteral("5年复查：无病生存"));
    return items;
}

} // namespace mdp::timeline::testing
