#include "HistoryBuilder.h"

#include "SyntheticPopulation.h"
#include "mdp/cohort/CohortRandom.h"

#include <QJsonArray>

#include <QTimeZone>

#include <algorithm>
#include <array>
#include <cmath>

namespace mdp::cohort {

using registry::EventTime;
using registry::EventType;

namespace {

constexpr int kCycleDays = 21;

struct PdOneAgent
{
    const char *label;
    const char *id;
    int doseMg;
};

// PD-1 inhibitors given every three weeks at flat doses.
const PdOneAgent kAgents[] = {
    {"帕博利珠单抗", "pembrolizumab", 200}, {"卡瑞利珠单抗", "camrelizumab", 200},
    {"特瑞普利单抗", "toripalimab", 240},   {"信迪利单抗", "sintilimab", 200},
    {"替雷利珠单抗", "tislelizumab", 200},
};

struct RtScheme
{
    double totalGy;
    int fractions;
    const char *label;
    // Organ-at-risk constraints for the scheme
    double heartMeanMax;
    double lungV20Max;
    double cordMax;
};

const RtScheme kSchemes[] = {
    {50.0, 25, "50 Gy/25 次", 5.0, 30.0, 45.0},
    {40.05, 15, "40.05 Gy/15 次", 4.0, 25.0, 38.0},
    {25.0, 5, "25 Gy/5 次", 3.0, 15.0, 22.0},
    {24.0, 3, "24 Gy/3 次", 3.0, 10.0, 18.0},
};

// "50", "2.5", "40.05": as few decimals as the value needs, at most two.
QString gy(double v)
{
    QString text = QString::number(v, 'f', 2);
    while (text.endsWith(QLatin1Char('0')))
        text.chop(1);
    if (text.endsWith(QLatin1Char('.')))
        text.chop(1);
    return text;
}

double round1(double v)
{
    return std::round(v * 10.0) / 10.0;
}

QDate nextWeekday(QDate d)
{
    while (d.dayOfWeek() > 5)
        d = d.addDays(1);
    return d;
}

QString ypT(int residualMm)
{
    if (residualMm <= 0)
        return QStringLiteral("ypT0");
    if (residualMm <= 5)
        return QStringLiteral("ypT1a");
    if (residualMm <= 10)
        return QStringLiteral("ypT1b");
    if (residualMm <= 20)
        return QStringLiteral("ypT1c");
    if (residualMm <= 50)
        return QStringLiteral("ypT2");
    return QStringLiteral("ypT3");
}

QString ypN(int positive)
{
    if (positive == 0)
        return QStringLiteral("ypN0");
    if (positive <= 3)
        return QStringLiteral("ypN1a");
    if (positive <= 9)
        return QStringLiteral("ypN2a");
    return QStringLiteral("ypN3a");
}

QJsonObject labValue(const char *code, const char *name, double value, const char *unit, double low,
                     double high, int decimals)
{
    const double v = std::round(value * std::pow(10.0, decimals)) / std::pow(10.0, decimals);
    QString flag;
    if (v < low)
        flag = QStringLiteral("L");
    else if (v > high)
        flag = QStringLiteral("H");
    return QJsonObject{{QStringLiteral("code"), QString::fromLatin1(code)},
                       {QStringLiteral("name"), QString::fromUtf8(name)},
                       {QStringLiteral("value"), v},
                       {QStringLiteral("unit"), QString::fromUtf8(unit)},
                       {QStringLiteral("reference"),
                        QStringLiteral("%1-%2").arg(QString::number(low), QString::number(high))},
                       {QStringLiteral("flag"), flag}};
}

} // namespace

HistoryBuilder::HistoryBuilder(CohortRandom &random, HistoryContext context)
    : m_random(random)
    , m_context(std::move(context))
    , m_hospital(QStringLiteral("MDP 示例医院"))
{}

int HistoryBuilder::ageOn(QDate date) const
{
    const QDate b = m_context.birthDate;
    int age = date.year() - b.year();
    if (date.month() < b.month() || (date.month() == b.month() && date.day() < b.day()))
        --age;
    return age;
}

QString HistoryBuilder::side() const
{
    return m_context.tumour.laterality == QStringLiteral("left") ? QStringLiteral("左")
                                                                 : QStringLiteral("右");
}

SyntheticEvent *HistoryBuilder::add(EventType type, QDate start, QDate end, const QString &title,
                                    QJsonObject payload)
{
    if (!start.isValid() || start > m_context.asOf)
        return nullptr;
    if (m_deathDate.isValid() && start > m_deathDate)
        return nullptr;
    if (m_deathDate.isValid() && end.isValid() && end > m_deathDate)
        end = m_deathDate;
    SyntheticEvent e;
    e.draft.type = type;
    e.draft.start = EventTime::fromDate(start);
    if (end.isValid() && end <= m_context.asOf)
        e.draft.end = EventTime::fromDate(end);
    else if (end.isValid())
        payload.insert(QStringLiteral("ongoing"), true);
    e.draft.title = title;
    e.draft.payload = std::move(payload);
    m_events.append(std::move(e));
    return &m_events.last();
}

QJsonObject HistoryBuilder::labPanel(QDate date, bool thyroid, bool markers)
{
    // Counts fall after each chemotherapy cycle and recover; the draw covers that spread.
    const bool onTherapy = !m_cycles.isEmpty() && date > m_cycles.first().date;
    QJsonArray results;
    results << labValue("WBC", "白细胞", m_random.normal(onTherapy ? 4.6 : 6.2, 1.4), "10^9/L", 3.5, 9.5, 2)
            << labValue("NEUT", "中性粒细胞", m_random.normal(onTherapy ? 2.6 : 3.8, 1.0), "10^9/L", 1.8, 6.3,
                        2)
            << labValue("HGB", "血红蛋白", m_random.normal(onTherapy ? 112 : 128, 10), "g/L", 115, 150, 0)
            << labValue("PLT", "血小板", m_random.normal(onTherapy ? 190 : 240, 50), "10^9/L", 125, 350, 0)
            << labValue("ALT", "丙氨酸氨基转移酶", std::abs(m_random.normal(24, 12)) + 6, "U/L", 7, 40, 0)
            << labValue("AST", "天门冬氨酸氨基转移酶", std::abs(m_random.normal(23, 8)) + 8, "U/L", 13, 35, 0)
            << labValue("CREA", "肌酐", m_random.normal(58, 9), "μmol/L", 41, 73, 0);
    QStringList panels{QStringLiteral("血常规"), QStringLiteral("肝肾功能")};
    if (thyroid) {
        const bool hypo = m_hypothyroidFrom.isValid() && date >= m_hypothyroidFrom;
        results << labValue("TSH", "促甲状腺激素",
                            hypo ? m_random.uniformReal(6.0, 18.0) : m_random.uniformReal(0.6, 3.8), "mIU/L",
                            0.27, 4.2, 2)
                << labValue("FT4", "游离甲状腺素",
                            hypo ? m_random.uniformReal(7.0, 11.5) : m_random.uniformReal(12.5, 20.5),
                            "pmol/L", 12, 22, 1);
        panels << QStringLiteral("甲状腺功能");
    }
    if (markers) {
        results << labValue("CEA", "癌胚抗原", std::abs(m_random.normal(2.5, 2.0)), "ng/mL", 0, 5, 2)
                << labValue("CA153", "糖类抗原15-3", std::abs(m_random.normal(16, 9)), "U/mL", 0, 25, 1);
        panels << QStringLiteral("肿瘤标志物");
    }
    return QJsonObject{{QStringLiteral("panels"), QJsonArray::fromStringList(panels)},
                       {QStringLiteral("results"), results}};
}

PathologyReportData HistoryBuilder::reportBase(QDate received, QDate reported)
{
    PathologyReportData r;
    r.hospital = m_hospital;
    r.reportNumber = QStringLiteral("BL%1%2")
                         .arg(reported.toString(QStringLiteral("yyMMdd")))
                         .arg(m_random.uniform(0, 9999), 4, 10, QLatin1Char('0'));
    r.patientName = m_context.patientName;
    r.sexLabel = QStringLiteral("女");
    r.ageYears = ageOn(received);
    r.medicalRecordNumber = m_context.medicalRecordNumber;
    r.received = received;
    r.reported = reported;
    r.pathologist = SyntheticPopulation::staffName(m_random);
    r.reviewer = SyntheticPopulation::staffName(m_random);
    return r;
}

QList<SyntheticEvent> HistoryBuilder::build()
{
    m_heightCm = std::clamp(m_random.normal(158, 5.5), 145.0, 175.0);
    m_weightKg = std::clamp(m_random.normal(58, 8), 42.0, 90.0);
    m_bsa = std::sqrt(m_heightCm * m_weightKg / 3600.0); // Mosteller
    workUp();
    neoadjuvant();
    toxicities();
    surgery();
    planOutcome();
    adjuvant();
    followUp();
    // Time order (a date counts as the start of its day, before that day's instants); events of one
    // day keep the order in which the course produced them.
    std::stable_sort(m_events.begin(), m_events.end(), [](const SyntheticEvent &a, const SyntheticEvent &b) {
        return a.draft.start.toDateTime() < b.draft.start.toDateTime();
    });
    return m_events;
}

void HistoryBuilder::workUp()
{
    const TumourProfile &t = m_context.tumour;
    const QDate visit = m_context.firstVisit;
    const int months = m_random.uniform(1, 6);
    const bool premenopausal = ageOn(visit) < 50;
    add(EventType::FirstVisit, visit, {}, QStringLiteral("初诊 乳腺外科门诊: 发现%1乳肿物").arg(side()),
        QJsonObject{
            {QStringLiteral("department"), QStringLiteral("乳腺外科")},
            {QStringLiteral("chiefComplaint"), QStringLiteral("发现%1乳肿物%2月").arg(side()).arg(months)},
            {QStringLiteral("ecog"), m_random.chance(0.85) ? 0 : 1},
            {QStringLiteral("heightCm"), round1(m_heightCm)},
            {QStringLiteral("weightKg"), round1(m_weightKg)},
            {QStringLiteral("bsaM2"), std::round(m_bsa * 100) / 100},
            {QStringLiteral("menopausalStatus"),
             premenopausal ? QStringLiteral("premenopausal") : QStringLiteral("postmenopausal")},
            {QStringLiteral("ageYears"), ageOn(visit)}});

    const QString breast = side() + QStringLiteral("乳");
    // Baseline imaging: ultrasound the same day, mammography and MRI within days.
    const QString biradsUs = t.sizeMm > 25 ? QStringLiteral("5") : QStringLiteral("4C");
    if (SyntheticEvent *us =
            add(EventType::Imaging, visit, {},
                QStringLiteral("乳腺超声 %1 %2 mm BI-RADS %3").arg(breast).arg(t.sizeMm).arg(biradsUs),
                QJsonObject{{QStringLiteral("modality"), QStringLiteral("US")},
                            {QStringLiteral("bodyPart"), breast},
                            {QStringLiteral("phase"), QStringLiteral("baseline")},
                            {QStringLiteral("sizeMm"), t.sizeMm},
                            {QStringLiteral("biRads"), biradsUs},
                            {QStringLiteral("findings"),
                             QStringLiteral("%1%2低回声肿物, 形态不规则, 边缘成角, 后方回声衰减")
                                 .arg(breast, t.quadrantLabel)},
                            {QStringLiteral("axillaryNodes"),
                             t.cN == QStringLiteral("cN0")
                                 ? QStringLiteral("未见明显肿大淋巴结")
                                 : QStringLiteral("同侧腋窝多发肿大淋巴结, 皮髓质分界不清")}})) {
        SyntheticDocument image;
        image.kind = SyntheticDocument::Kind::Image;
        image.imageKind = ImageKind::BreastUltrasound;
        image.imageSeed = CohortRandom::mix(m_context.seed, 1);
        image.lesionMm = t.sizeMm;
        image.left = t.laterality == QStringLiteral("left");
        image.fileName = QStringLiteral("ultrasound-%1.png").arg(visit.toString(Qt::ISODate));
        us->documents << image;
    }
    const QDate mammo = visit.addDays(m_random.uniform(1, 3));
    add(EventType::Imaging, mammo, {}, QStringLiteral("乳腺X线摄影 %1 BI-RADS %2").arg(breast, biradsUs),
        QJsonObject{{QStringLiteral("modality"), QStringLiteral("MG")},
                    {QStringLiteral("bodyPart"), breast},
                    {QStringLiteral("phase"), QStringLiteral("baseline")},
                    {QStringLiteral("biRads"), biradsUs},
                    {QStringLiteral("findings"), m_random.chance(0.35)
                                                     ? QStringLiteral("高密度肿块伴细小多形性钙化")
                                                     : QStringLiteral("不规则高密度肿块, 边缘毛刺")}});
    m_biopsy = visit.addDays(m_random.uniform(2, 7));
    const QDate reported = m_biopsy.addDays(m_random.uniform(3, 6));
    const QDate mri = visit.addDays(m_random.uniform(3, 10));
    const int mriSize = std::max(10, t.sizeMm + m_random.uniform(-3, 6));
    add(EventType::Imaging, mri, {},
        QStringLiteral("乳腺增强MRI %1 %2 mm BI-RADS 6").arg(breast).arg(mriSize),
        QJsonObject{{QStringLiteral("modality"), QStringLiteral("MR")},
                    {QStringLiteral("bodyPart"), breast},
                    {QStringLiteral("phase"), QStringLiteral("baseline")},
                    {QStringLiteral("sizeMm"), mriSize},
                    {QStringLiteral("biRads"), QStringLiteral("6")},
                    {QStringLiteral("findings"),
                     QStringLiteral("%1%2不规则肿块, 增强早期明显强化, 时间-信号曲线呈流出型")
                         .arg(breast, t.quadrantLabel)}});
    const QDate ct = visit.addDays(m_random.uniform(3, 10));
    add(EventType::Imaging, ct, {}, QStringLiteral("胸部CT 分期检查"),
        QJsonObject{{QStringLiteral("modality"), QStringLiteral("CT")},
                    {QStringLiteral("bodyPart"), QStringLiteral("胸部")},
                    {QStringLiteral("phase"), QStringLiteral("staging")},
                    {QStringLiteral("findings"), t.cM == QStringLiteral("cM1")
                                                     ? QStringLiteral("双肺散在小结节, 考虑转移")
                                                     : QStringLiteral("双肺未见明确转移征象")}});
    QDate lastStaging = std::max({mri, ct, reported});
    if (t.stageGroup.startsWith(QStringLiteral("III")) || t.cM == QStringLiteral("cM1")) {
        const QDate bone = visit.addDays(m_random.uniform(5, 12));
        add(EventType::Imaging, bone, {}, QStringLiteral("全身骨显像"),
            QJsonObject{{QStringLiteral("modality"), QStringLiteral("NM")},
                        {QStringLiteral("bodyPart"), QStringLiteral("全身")},
                        {QStringLiteral("phase"), QStringLiteral("staging")},
                        {QStringLiteral("findings"), QStringLiteral("全身骨骼未见明确转移性病变")}});
        lastStaging = std::max(lastStaging, bone);
    }

    // Core-needle biopsy: the report (and so the diagnosis) comes a few days later.
    QJsonObject pathology{{QStringLiteral("specimen"), QStringLiteral("core-needle-biopsy")},
                          {QStringLiteral("guidance"), QStringLiteral("ultrasound")},
                          {QStringLiteral("pathologyType"), t.pathologyId},
                          {QStringLiteral("pathologyLabel"), t.pathologyLabel},
                          {QStringLiteral("icdO3"), t.icdO3Morphology},
                          {QStringLiteral("grade"), t.grade},
                          {QStringLiteral("erPercent"), t.erPercent},
                          {QStringLiteral("prPercent"), t.prPercent},
                          {QStringLiteral("her2Ihc"), t.her2Ihc},
                          {QStringLiteral("ki67Percent"), t.ki67Percent},
                          {QStringLiteral("tilsPercent"), t.tilsPercent},
                          {QStringLiteral("reported"), reported.toString(Qt::ISODate)}};
    if (t.her2Ihc == QStringLiteral("2+"))
        pathology.insert(QStringLiteral("her2Fish"),
                         t.her2FishAmplified ? QStringLiteral("amplified") : QStringLiteral("not-amplified"));
    if (SyntheticEvent *biopsy =
            add(EventType::BiopsyPathology, m_biopsy, reported,
                QStringLiteral("空芯针穿刺活检病理: %1").arg(t.pathologyLabel), pathology)) {
        SyntheticDocument doc;
        doc.kind = SyntheticDocument::Kind::PathologyReport;
        doc.fileName = QStringLiteral("pathology-biopsy-%1.pdf").arg(reported.toString(Qt::ISODate));
        PathologyReportData &r = doc.pathology = reportBase(m_biopsy, reported);
        r.specimen = QStringLiteral("%1%2肿物空芯针穿刺组织").arg(breast, t.quadrantLabel);
        r.grossDescription = QStringLiteral("灰白色条索状组织%1条, 长0.8-1.6 cm, 直径0.1 cm, 全部取材。")
                                 .arg(m_random.uniform(3, 6));
        r.diagnosis = QStringLiteral("(%1)%2, 组织学分级 %3 级").arg(breast, t.pathologyLabel).arg(t.grade);
        auto intensity = [](int percent) {
            return percent == 0    ? QStringLiteral("阴性")
                   : percent >= 50 ? QStringLiteral("强阳性")
                                   : QStringLiteral("中等阳性");
        };
        r.markers << MarkerResult{QStringLiteral("ER"),
                                  QStringLiteral("%1%, %2").arg(t.erPercent).arg(intensity(t.erPercent))}
                  << MarkerResult{QStringLiteral("PR"),
                                  QStringLiteral("%1%, %2").arg(t.prPercent).arg(intensity(t.prPercent))}
                  << MarkerResult{QStringLiteral("HER2"), QStringLiteral("(%1)").arg(t.her2Ihc)}
                  << MarkerResult{QStringLiteral("Ki-67"), QStringLiteral("约%1%").arg(t.ki67Percent)};
        if (t.her2Ihc == QStringLiteral("2+"))
            r.markers << MarkerResult{QStringLiteral("HER2 FISH"), t.her2FishAmplified
                                                                       ? QStringLiteral("扩增")
                                                                       : QStringLiteral("未扩增")};
        if (t.subtype == MolecularSubtype::TripleNegative)
            r.markers << MarkerResult{QStringLiteral("CK5/6"), QStringLiteral("(+)")}
                      << MarkerResult{QStringLiteral("EGFR"), QStringLiteral("(+)")}
                      << MarkerResult{QStringLiteral("AR"), QStringLiteral("(-)")};
        r.markers << MarkerResult{QStringLiteral("PD-L1 (22C3)"),
                                  QStringLiteral("CPS %1").arg(m_random.uniform(0, 40))};
        r.findings << QStringLiteral("间质肿瘤浸润淋巴细胞 (sTILs) 约 %1%").arg(t.tilsPercent)
                   << QStringLiteral("分子分型提示: %1").arg(molecularSubtypeLabel(t.subtype));
        biopsy->documents << doc;
    }

    // Diagnosis after the multidisciplinary review of pathology and staging.
    m_diagnosis = lastStaging.addDays(m_random.uniform(0, 3));
    add(EventType::Diagnosis, m_diagnosis, {},
        QStringLiteral("诊断: %1乳%2 %3 %4期 %5")
            .arg(side(), t.pathologyLabel, t.ctnm(), t.stageGroup, molecularSubtypeLabel(t.subtype)),
        QJsonObject{{QStringLiteral("kind"), QStringLiteral("initial")},
                    {QStringLiteral("icd10"), t.icd10},
                    {QStringLiteral("laterality"), t.laterality},
                    {QStringLiteral("quadrant"), t.quadrantLabel},
                    {QStringLiteral("pathologyType"), t.pathologyId},
                    {QStringLiteral("pathologyLabel"), t.pathologyLabel},
                    {QStringLiteral("cT"), t.cT},
                    {QStringLiteral("cN"), t.cN},
                    {QStringLiteral("cM"), t.cM},
                    {QStringLiteral("ctnm"), t.ctnm()},
                    {QStringLiteral("stageGroup"), t.stageGroup},
                    {QStringLiteral("molecularSubtype"), molecularSubtypeId(t.subtype)},
                    {QStringLiteral("erPercent"), t.erPercent},
                    {QStringLiteral("prPercent"), t.prPercent},
                    {QStringLiteral("her2Ihc"), t.her2Ihc},
                    {QStringLiteral("her2Positive"), t.isHer2Positive()},
                    {QStringLiteral("ki67Percent"), t.ki67Percent},
                    {QStringLiteral("grade"), t.grade},
                    {QStringLiteral("ageAtDiagnosis"), ageOn(m_diagnosis)},
                    {QStringLiteral("mdt"), true}});
    add(EventType::Lab, m_diagnosis.addDays(m_random.uniform(0, 2)), {}, QStringLiteral("基线实验室检查"),
        labPanel(m_diagnosis, true, true));
}

void HistoryBuilder::neoadjuvant()
{
    const TumourProfile &t = m_context.tumour;
    const PdOneAgent &agent = kAgents[m_random.weighted({0.34, 0.2, 0.16, 0.15, 0.15})];
    m_ioAgent = QString::fromUtf8(agent.label);
    m_ioDoseMg = agent.doseMg;
    const QString agentId = QString::fromLatin1(agent.id);
    const int cycles = QList<int>{4, 5, 6, 7, 8}.at(m_random.weighted({0.2, 0.08, 0.4, 0.07, 0.25}));

    // Chemotherapy backbone by subtype.
    enum class Backbone
    {
        NabPaclitaxelCarboplatin,
        Tcbhp,
        Ect
    } backbone = Backbone::Ect;
    if (t.subtype == MolecularSubtype::TripleNegative) {
        backbone = Backbone::NabPaclitaxelCarboplatin;
        m_regimen = QStringLiteral("白蛋白紫杉醇+卡铂");
    } else if (t.isHer2Positive()) {
        backbone = Backbone::Tcbhp;
        m_regimen = QStringLiteral("TCbHP");
    } else {
        m_regimen = QStringLiteral("EC-T");
    }

    // A grade >= 2 immune-related pneumonitis or grade 3 hepatitis stops immunotherapy early.
    const bool severeIrae = m_random.chance(0.06);
    const int stopAfter = severeIrae ? m_random.uniform(2, std::max(2, cycles - 1)) : cycles;

    QDate date = m_diagnosis.addDays(m_random.uniform(5, 14));
    for (int i = 0; i < cycles; ++i) {
        if (i > 0) {
            date = date.addDays(kCycleDays);
            if (m_random.chance(0.08))
                date = date.addDays(m_random.uniform(3, 7)); // delayed for counts or holidays
        }
        m_cycles << Cycle{date, i < stopAfter};
    }
    const int carboplatinMg = int(std::round(5.0 * (m_random.normal(100, 12) + 25) / 10.0) * 10);

    for (int i = 0; i < m_cycles.size(); ++i) {
        const Cycle &c = m_cycles.at(i);
        const int n = i + 1;
        if (c.immunotherapy) {
            add(EventType::ImmunotherapyCycle, c.date, {},
                QStringLiteral("新辅助免疫治疗 第%1周期 %2 %3 mg").arg(n).arg(m_ioAgent).arg(m_ioDoseMg),
                QJsonObject{{QStringLiteral("phase"), QStringLiteral("neoadjuvant")},
                            {QStringLiteral("cycle"), n},
                            {QStringLiteral("plannedCycles"), cycles},
                            {QStringLiteral("agent"), agentId},
                            {QStringLiteral("agentLabel"), m_ioAgent},
                            {QStringLiteral("target"), QStringLiteral("PD-1")},
                            {QStringLiteral("doseMg"), m_ioDoseMg},
                            {QStringLiteral("route"), QStringLiteral("iv")},
                            {QStringLiteral("intervalDays"), kCycleDays}});
        }
        QJsonArray drugs;
        QString title;
        switch (backbone) {
        case Backbone::NabPaclitaxelCarboplatin:
            drugs << QJsonObject{{QStringLiteral("drug"), QStringLiteral("白蛋白结合型紫杉醇")},
                                 {QStringLiteral("dosePerM2"), 125},
                                 {QStringLiteral("doseMg"), int(std::round(125 * m_bsa))},
                                 {QStringLiteral("days"), QJsonArray{1, 8}}}
                  << QJsonObject{{QStringLiteral("drug"), QStringLiteral("卡铂")},
                                 {QStringLiteral("auc"), 5},
                                 {QStringLiteral("doseMg"), carboplatinMg},
                                 {QStringLiteral("days"), QJsonArray{1}}};
            title = QStringLiteral("新辅助化疗 第%1周期 白蛋白紫杉醇+卡铂").arg(n);
            break;
        case Backbone::Tcbhp:
            drugs << QJsonObject{{QStringLiteral("drug"), QStringLiteral("多西他赛")},
                                 {QStringLiteral("dosePerM2"), 75},
                                 {QStringLiteral("doseMg"), int(std::round(75 * m_bsa))}}
                  << QJsonObject{{QStringLiteral("drug"), QStringLiteral("卡铂")},
                                 {QStringLiteral("auc"), 6},
                                 {QStringLiteral("doseMg"), int(carboplatinMg * 6 / 5)}}
                  << QJsonObject{{QStringLiteral("drug"), QStringLiteral("曲妥珠单抗")},
                                 {QStringLiteral("dosePerKg"), i == 0 ? 8 : 6},
                                 {QStringLiteral("doseMg"), int(std::round((i == 0 ? 8 : 6) * m_weightKg))}}
                  << QJsonObject{{QStringLiteral("drug"), QStringLiteral("帕妥珠单抗")},
                                 {QStringLiteral("doseMg"), i == 0 ? 840 : 420}};
            title = QStringLiteral("新辅助化疗+靶向 第%1周期 TCbHP").arg(n);
            break;
        case Backbone::Ect:
            if (i < (cycles + 1) / 2) {
                drugs << QJsonObject{{QStringLiteral("drug"), QStringLiteral("表柔比星")},
                                     {QStringLiteral("dosePerM2"), 90},
                                     {QStringLiteral("doseMg"), int(std::round(90 * m_bsa))}}
                      << QJsonObject{{QStringLiteral("drug"), QStringLiteral("环磷酰胺")},
                                     {QStringLiteral("dosePerM2"), 600},
                                     {QStringLiteral("doseMg"), int(std::round(600 * m_bsa))}};
                title = QStringLiteral("新辅助化疗 第%1周期 EC").arg(n);
            } else {
                drugs << QJsonObject{{QStringLiteral("drug"), QStringLiteral("多西他赛")},
                                     {QStringLiteral("dosePerM2"), 100},
                                     {QStringLiteral("doseMg"), int(std::round(100 * m_bsa))}};
                title = QStringLiteral("新辅助化疗 第%1周期 T").arg(n);
            }
            break;
        }
        add(EventType::ChemotherapyCycle, c.date, {}, title,
            QJsonObject{{QStringLiteral("phase"), QStringLiteral("neoadjuvant")},
                        {QStringLiteral("category"), QStringLiteral("chemotherapy")},
                        {QStringLiteral("regimen"), m_regimen},
                        {QStringLiteral("cycle"), n},
                        {QStringLiteral("plannedCycles"), cycles},
                        {QStringLiteral("bsaM2"), std::round(m_bsa * 100) / 100},
                        {QStringLiteral("drugs"), drugs},
                        {QStringLiteral("intervalDays"), kCycleDays}});
        if (n % 2 == 1 && n > 1)
            add(EventType::Lab, c.date.addDays(-1), {}, QStringLiteral("第%1周期前实验室检查").arg(n),
                labPanel(c.date.addDays(-1), n >= 3, false));
    }

    // Radiotherapy timing is one of the study's questions: with the first cycle, after the second,
    // or after the last, before surgery.
    const int timing = m_random.weighted({0.4, 0.35, 0.25});
    QDate rtStart;
    if (timing == 0) {
        m_rtTiming = QStringLiteral("concurrent-cycle-1");
        rtStart = m_cycles.first().date.addDays(m_random.uniform(1, 4));
    } else if (timing == 1 && m_cycles.size() > 2) {
        m_rtTiming = QStringLiteral("after-cycle-2");
        rtStart = m_cycles.at(1).date.addDays(m_random.uniform(7, 10));
    } else {
        m_rtTiming = QStringLiteral("after-systemic-therapy");
        rtStart = m_cycles.last().date.addDays(m_random.uniform(14, 21));
    }
    radiotherapy(nextWeekday(rtStart));

    // Response assessment after two cycles (ultrasound) and before surgery (MRI).
    const int baseline = t.sizeMm;
    const double pcrChance = [&] {
        switch (t.subtype) {
        case MolecularSubtype::TripleNegative:
            return 0.6;
        case MolecularSubtype::Her2Enriched:
            return 0.62;
        case MolecularSubtype::LuminalBHer2Positive:
            return 0.45;
        case MolecularSubtype::LuminalBHer2Negative:
            return 0.2;
        case MolecularSubtype::LuminalA:
            return 0.08;
        }
        return 0.3;
    }();
    m_pcr = m_random.chance(pcrChance);
    const bool progression = !m_pcr && m_random.chance(0.03);
    m_residualMm = m_pcr         ? 0
                   : progression ? int(baseline * m_random.uniformReal(1.1, 1.3))
                                 : std::max(2, int(baseline * m_random.uniformReal(0.1, 0.75)));
    const QString breast = side() + QStringLiteral("乳");
    if (m_cycles.size() > 2) {
        const int mid =
            progression ? int(baseline * 1.05) : int(std::round(baseline * m_random.uniformReal(0.45, 0.85)));
        const QDate d = m_cycles.at(2).date.addDays(-m_random.uniform(1, 3));
        const double change = 100.0 * (mid - baseline) / baseline;
        const QString response = change <= -30 ? QStringLiteral("PR") : QStringLiteral("SD");
        add(EventType::Imaging, d, {}, QStringLiteral("疗效评估 乳腺超声 %1 mm (%2)").arg(mid).arg(response),
            QJsonObject{{QStringLiteral("modality"), QStringLiteral("US")},
                        {QStringLiteral("bodyPart"), breast},
                        {QStringLiteral("phase"), QStringLiteral("response-assessment")},
                        {QStringLiteral("sizeMm"), mid},
                        {QStringLiteral("changePercent"), round1(change)},
                        {QStringLiteral("recist"), response}});
    }
    m_neoadjuvantEnd = std::max(m_cycles.last().date.addDays(kCycleDays), m_rtEnd);
    const int mriSize = m_pcr ? (m_random.chance(0.7) ? 0 : m_random.uniform(3, 8)) : m_residualMm;
    const QString recist = mriSize == 0                                     ? QStringLiteral("CR")
                           : progression                                    ? QStringLiteral("PD")
                           : 100.0 * (mriSize - baseline) / baseline <= -30 ? QStringLiteral("PR")
                                                                            : QStringLiteral("SD");
    add(EventType::Imaging, m_neoadjuvantEnd.addDays(m_random.uniform(0, 6)), {},
        QStringLiteral("术前评估 乳腺增强MRI %1 mm (%2)").arg(mriSize).arg(recist),
        QJsonObject{{QStringLiteral("modality"), QStringLiteral("MR")},
                    {QStringLiteral("bodyPart"), breast},
                    {QStringLiteral("phase"), QStringLiteral("preoperative")},
                    {QStringLiteral("sizeMm"), mriSize},
                    {QStringLiteral("recist"), recist}});
    add(EventType::Lab, m_neoadjuvantEnd.addDays(m_random.uniform(0, 6)), {},
        QStringLiteral("术前实验室检查"), labPanel(m_neoadjuvantEnd, true, true));
}

void HistoryBuilder::radiotherapy(QDate start)
{
    const TumourProfile &t = m_context.tumour;
    const bool left = t.laterality == QStringLiteral("left");
    const RtScheme &s = kSchemes[m_random.weighted({0.3, 0.25, 0.3, 0.15})];
    const double perFraction = s.totalGy / s.fractions;
    // Conventional and moderate hypofractionation daily on weekdays; 3 x 8 Gy every other day.
    QList<QDate> fractionDates;
    QDate d = start;
    while (fractionDates.size() < s.fractions) {
        d = nextWeekday(d);
        fractionDates << d;
        d = d.addDays(s.fractions == 3 ? 2 : 1);
    }
    m_rtStart = fractionDates.first();
    m_rtEnd = fractionDates.last();
    const bool nodes = t.cN != QStringLiteral("cN0");
    const bool wholeBreast = s.fractions >= 15;
    const QString target =
        wholeBreast ? side() + (nodes ? QStringLiteral("乳/胸壁 + 区域淋巴结") : QStringLiteral("全乳"))
                    : side() + QStringLiteral("乳原发肿瘤 (GTV+5 mm)");
    const QString technique =
        QList<QString>{QStringLiteral("VMAT"), QStringLiteral("IMRT"), QStringLiteral("3D-CRT")}.at(
            m_random.weighted({0.5, 0.38, 0.12}));
    const double scale = s.totalGy / 50.0;
    auto metric = [&](const QString &structure, const QString &name, double value, const QString &unit,
                      const QString &op, double limit) {
        const bool met = op == QStringLiteral("<") ? value < limit : value >= limit;
        return DoseMetric{
            structure, name, round1(value), unit, QStringLiteral("%1 %2 %3").arg(op, gy(limit), unit), met};
    };
    QList<DoseMetric> metrics;
    const double heart = (left ? m_random.uniformReal(1.8, 5.4) : m_random.uniformReal(0.6, 2.2)) * scale *
                         (wholeBreast ? 1.0 : 0.8);
    metrics << metric(QStringLiteral("心脏"), QStringLiteral("Dmean"), heart, QStringLiteral("Gy"),
                      QStringLiteral("<"), s.heartMeanMax);
    if (left)
        metrics << metric(QStringLiteral("左前降支"), QStringLiteral("Dmax"),
                          m_random.uniformReal(4, 22) * scale, QStringLiteral("Gy"), QStringLiteral("<"),
                          std::round(20 * scale + 2));
    const double v20 = wholeBreast ? m_random.uniformReal(nodes ? 14 : 8, nodes ? 31 : 22)
                                   : m_random.uniformReal(1, s.lungV20Max * 1.05);
    metrics << metric(QStringLiteral("同侧肺"), QStringLiteral("V20"), v20, QStringLiteral("%"),
                      QStringLiteral("<"), s.lungV20Max)
            << metric(QStringLiteral("同侧肺"), QStringLiteral("V5"),
                      std::min(95.0, v20 * m_random.uniformReal(1.7, 2.4)), QStringLiteral("%"),
                      QStringLiteral("<"), 50)
            << metric(QStringLiteral("对侧乳腺"), QStringLiteral("Dmean"),
                      m_random.uniformReal(0.3, 2.4) * scale, QStringLiteral("Gy"), QStringLiteral("<"), 3)
            << metric(QStringLiteral("脊髓"), QStringLiteral("Dmax"),
                      m_random.uniformReal(0.2, 0.8) * s.cordMax, QStringLiteral("Gy"), QStringLiteral("<"),
                      s.cordMax)
            << metric(QStringLiteral("PTV"), QStringLiteral("V95%"), m_random.uniformReal(94.6, 99.6),
                      QStringLiteral("%"), QStringLiteral(">="), 95)
            << metric(QStringLiteral("PTV"), QStringLiteral("D2%"),
                      s.totalGy * m_random.uniformReal(1.03, 1.074), QStringLiteral("Gy"),
                      QStringLiteral("<"), round1(s.totalGy * 1.07));
    QJsonArray oar;
    for (const DoseMetric &m : std::as_const(metrics))
        oar << QJsonObject{{QStringLiteral("structure"), m.structure},   {QStringLiteral("metric"), m.metric},
                           {QStringLiteral("value"), m.value},           {QStringLiteral("unit"), m.unit},
                           {QStringLiteral("constraint"), m.constraint}, {QStringLiteral("met"), m.met}};
    QJsonObject payload{{QStringLiteral("phase"), QStringLiteral("neoadjuvant")},
                        {QStringLiteral("timing"), m_rtTiming},
                        {QStringLiteral("scheme"), QString::fromUtf8(s.label)},
                        {QStringLiteral("totalDoseGy"), s.totalGy},
                        {QStringLiteral("fractions"), s.fractions},
                        {QStringLiteral("dosePerFractionGy"), std::round(perFraction * 100) / 100},
                        {QStringLiteral("technique"), technique},
                        {QStringLiteral("energy"), QStringLiteral("6 MV")},
                        {QStringLiteral("target"), target},
                        {QStringLiteral("laterality"), t.laterality},
                        {QStringLiteral("doseMetrics"), oar}};
    int delivered = 0;
    for (const QDate &f : std::as_const(fractionDates))
        delivered += f <= m_context.asOf ? 1 : 0;
    payload.insert(QStringLiteral("fractionsDelivered"), delivered);
    SyntheticEvent *course = add(
        EventType::RadiotherapyCourse, m_rtStart, m_rtEnd,
        QStringLiteral("新辅助放疗 %1 %2 (%3)").arg(QString::fromUtf8(s.label), technique, target), payload);
    if (!course)
        return;
    SyntheticDocument summary;
    summary.kind = SyntheticDocument::Kind::DoseSummary;
    summary.fileName = QStringLiteral("rt-dose-summary-%1.pdf").arg(m_rtStart.toString(Qt::ISODate));
    DoseSummaryData &ds = summary.dose;
    ds.hospital = m_hospital;
    ds.patientName = m_context.patientName;
    ds.medicalRecordNumber = m_context.medicalRecordNumber;
    ds.planName = QStringLiteral("%1_BREAST_%2FX")
                      .arg(left ? QStringLiteral("L") : QStringLiteral("R"))
                      .arg(s.fractions);
    ds.target = target;
    ds.technique = technique;
    ds.energy = QStringLiteral("6 MV");
    ds.totalDoseGy = s.totalGy;
    ds.fractions = s.fractions;
    ds.dosePerFractionGy = std::round(perFraction * 100) / 100;
    ds.start = m_rtStart;
    ds.end = m_rtEnd;
    ds.metrics = metrics;
    ds.physician = SyntheticPopulation::staffName(m_random);
    ds.physicist = SyntheticPopulation::staffName(m_random);
    SyntheticDocument picture;
    picture.kind = SyntheticDocument::Kind::Image;
    picture.imageKind = ImageKind::DoseDistribution;
    picture.imageSeed = CohortRandom::mix(m_context.seed, 2);
    picture.lesionMm = t.sizeMm;
    picture.left = left;
    picture.fileName = QStringLiteral("rt-dose-distribution-%1.png").arg(m_rtStart.toString(Qt::ISODate));
    course->documents << summary << picture;

    if (!m_context.fractionDetail)
        return;
    for (int i = 0; i < fractionDates.size(); ++i) {
        const QDate f = fractionDates.at(i);
        if (f > m_context.asOf)
            break;
        // Delivered in the morning, China Standard Time (UTC+8).
        const QDateTime at(f, QTime(8 + m_random.uniform(0, 8), m_random.uniform(0, 59)),
                           QTimeZone(8 * 3600));
        SyntheticEvent e;
        e.draft.type = EventType::RadiotherapyFraction;
        e.draft.start = EventTime::fromInstant(at);
        e.draft.end = EventTime::fromInstant(at.addSecs(60 * m_random.uniform(6, 15)));
        e.draft.title =
            QStringLiteral("放疗 第%1/%2次 %3 Gy").arg(i + 1).arg(s.fractions).arg(gy(perFraction));
        e.draft.payload = QJsonObject{{QStringLiteral("fraction"), i + 1},
                                      {QStringLiteral("fractions"), s.fractions},
                                      {QStringLiteral("doseGy"), std::round(perFraction * 100) / 100},
                                      {QStringLiteral("technique"), technique},
                                      {QStringLiteral("imageGuidance"), QStringLiteral("CBCT")}};
        m_events << e;
    }
}

void HistoryBuilder::toxicities()
{
    struct Toxicity
    {
        const char *term;
        const char *termZh;
        const char *attribution;
        bool immune;
        double chance;
        std::array<double, 4> grades; // weights of grade 1, 2, 3, 4
    };
    const bool taxane = m_regimen != QStringLiteral("EC-T") || m_cycles.size() > 2;
    const Toxicity list[] = {
        {"Neutrophil count decreased",
         "中性粒细胞计数降低",
         "chemotherapy",
         false,
         0.5,
         {0.3, 0.35, 0.25, 0.1}},
        {"Anemia", "贫血", "chemotherapy", false, 0.3, {0.6, 0.35, 0.05}},
        {"Nausea", "恶心", "chemotherapy", false, 0.35, {0.7, 0.28, 0.02}},
        {"Fatigue", "疲乏", "chemotherapy", false, 0.4, {0.7, 0.28, 0.02}},
        {"Peripheral sensory neuropathy",
         "周围感觉神经病变",
         "chemotherapy",
         false,
         taxane ? 0.3 : 0.0,
         {0.7, 0.27, 0.03}},
        {"Dermatitis radiation", "放射性皮炎", "radiotherapy", false, 0.8, {0.62, 0.32, 0.06}},
        {"Hypothyroidism", "甲状腺功能减退", "immunotherapy", true, 0.18, {0.45, 0.55}},
        {"Hyperthyroidism", "甲状腺功能亢进", "immunotherapy", true, 0.07, {0.8, 0.2}},
        {"Alanine aminotransferase increased",
         "丙氨酸氨基转移酶升高",
         "immunotherapy",
         true,
         0.2,
         {0.65, 0.25, 0.1}},
        {"Rash maculo-papular", "斑丘疹", "immunotherapy", true, 0.15, {0.6, 0.35, 0.05}},
        {"Pneumonitis", "肺炎", "immunotherapy+radiotherapy", true, 0.05, {0.4, 0.45, 0.15}},
        {"Adrenal insufficiency", "肾上腺皮质功能不全", "immunotherapy", true, 0.01, {0.0, 0.8, 0.2}},
    };
    const int n = int(m_cycles.size());
    for (const Toxicity &tox : list) {
        if (!m_random.chance(tox.chance))
            continue;
        const int grade = m_random.weightedOf(tox.grades) + 1;
        const QString term = QString::fromLatin1(tox.term);
        QDate onset;
        QDate resolved;
        if (term == QStringLiteral("Dermatitis radiation")) {
            onset = m_rtEnd.addDays(m_random.uniform(-4, 10));
            if (onset < m_rtStart)
                onset = m_rtStart;
            resolved = onset.addDays(m_random.uniform(14, 35));
        } else if (tox.immune) {
            const int k = m_random.uniform(std::min(2, n - 1), n - 1);
            onset = m_cycles.at(k).date.addDays(m_random.uniform(7, 18));
            if (term == QStringLiteral("Hypothyroidism")) {
                m_hypothyroidFrom = onset; // replacement therapy; stays open
            } else {
                resolved = onset.addDays(m_random.uniform(14, 60));
            }
        } else {
            const int k = m_random.uniform(0, n - 1);
            onset = m_cycles.at(k).date.addDays(m_random.uniform(term == QStringLiteral("Nausea") ? 1 : 6,
                                                                 term == QStringLiteral("Nausea") ? 3 : 12));
            resolved = onset.addDays(m_random.uniform(3, 14));
        }
        QString action = QStringLiteral("none");
        if (tox.immune && grade >= 2)
            action = grade >= 3 ? QStringLiteral("immunotherapy-discontinued-steroids")
                                : QStringLiteral("immunotherapy-withheld");
        else if (grade >= 3)
            action = QStringLiteral("dose-delayed-or-reduced");
        if (term == QStringLiteral("Hypothyroidism"))
            action = QStringLiteral("levothyroxine");
        const QString termZh = QString::fromUtf8(tox.termZh);
        add(EventType::Toxicity, onset, resolved, QStringLiteral("毒性: %1 %2级").arg(termZh).arg(grade),
            QJsonObject{{QStringLiteral("term"), term},
                        {QStringLiteral("termZh"), termZh},
                        {QStringLiteral("ctcaeVersion"), QStringLiteral("5.0")},
                        {QStringLiteral("grade"), grade},
                        {QStringLiteral("attribution"), QString::fromLatin1(tox.attribution)},
                        {QStringLiteral("immuneRelated"), tox.immune},
                        {QStringLiteral("serious"), grade >= 3},
                        {QStringLiteral("action"), action}});
    }
}

void HistoryBuilder::surgery()
{
    const TumourProfile &t = m_context.tumour;
    // After the last cycle has had its three weeks and radiotherapy its recovery time.
    m_surgery = std::max(m_cycles.last().date.addDays(kCycleDays + m_random.uniform(7, 21)),
                         m_rtEnd.addDays(m_random.uniform(14, 42)));
    const bool conserving = (t.cT == QStringLiteral("cT1c") || t.cT == QStringLiteral("cT2")) &&
                            m_residualMm < 30 && m_random.chance(m_pcr ? 0.6 : 0.4);
    const bool nodeNegative = t.cN == QStringLiteral("cN0");
    const bool slnb = nodeNegative || (m_pcr && m_random.chance(0.3));
    QString procedure =
        conserving ? side() + QStringLiteral("乳保乳手术") : side() + QStringLiteral("乳全切术");
    procedure += slnb ? QStringLiteral(" + 前哨淋巴结活检") : QStringLiteral(" + 腋窝淋巴结清扫");
    const bool reconstruction = !conserving && ageOn(m_surgery) < 50 && m_random.chance(0.25);
    if (reconstruction)
        procedure += QStringLiteral(" + 假体乳房重建");
    if (!add(EventType::Surgery, m_surgery, m_surgery.addDays(m_random.uniform(3, 7)),
             QStringLiteral("手术: %1").arg(procedure),
             QJsonObject{{QStringLiteral("procedure"), procedure},
                         {QStringLiteral("breast"),
                          conserving ? QStringLiteral("breast-conserving") : QStringLiteral("mastectomy")},
                         {QStringLiteral("axilla"), slnb ? QStringLiteral("SLNB") : QStringLiteral("ALND")},
                         {QStringLiteral("reconstruction"), reconstruction},
                         {QStringLiteral("laterality"), t.laterality},
                         {QStringLiteral("daysAfterNeoadjuvant"), int(m_neoadjuvantEnd.daysTo(m_surgery))}}))
        return;

    const int examined = slnb ? m_random.uniform(2, 5) : m_random.uniform(12, 24);
    int positive = 0;
    if (!m_pcr && !nodeNegative)
        positive = std::min(examined, m_random.weighted({0.35, 0.35, 0.2, 0.1}) * 3 + m_random.uniform(0, 2));
    else if (!m_pcr)
        positive = m_random.chance(0.15) ? 1 : 0;
    double rcbIndex = 0;
    if (m_pcr) {
        m_rcb = QStringLiteral("RCB-0");
    } else {
        const bool luminal =
            t.subtype == MolecularSubtype::LuminalA || t.subtype == MolecularSubtype::LuminalBHer2Negative;
        const int c = m_random.weighted(luminal ? std::initializer_list<double>{0.2, 0.55, 0.25}
                                                : std::initializer_list<double>{0.4, 0.45, 0.15});
        static const char *const classes[] = {"RCB-I", "RCB-II", "RCB-III"};
        m_rcb = QString::fromLatin1(classes[c]);
        rcbIndex = c == 0   ? m_random.uniformReal(0.2, 1.36)
                   : c == 1 ? m_random.uniformReal(1.37, 3.28)
                            : m_random.uniformReal(3.29, 4.8);
    }
    const QString ypt = m_pcr && m_random.chance(0.12) ? QStringLiteral("ypTis") : ypT(m_residualMm);
    const QString ypn = ypN(positive);
    const QDate reported = m_surgery.addDays(m_random.uniform(5, 10));
    const QString yptn = ypt + ypn.mid(2);
    QJsonObject payload{{QStringLiteral("specimen"), QStringLiteral("surgical")},
                        {QStringLiteral("pCR"), m_pcr},
                        {QStringLiteral("ypT"), ypt},
                        {QStringLiteral("ypN"), ypn},
                        {QStringLiteral("residualTumourMm"), m_residualMm},
                        {QStringLiteral("nodesExamined"), examined},
                        {QStringLiteral("nodesPositive"), positive},
                        {QStringLiteral("rcbClass"), m_rcb},
                        {QStringLiteral("rcbIndex"), std::round(rcbIndex * 100) / 100},
                        {QStringLiteral("margins"), QStringLiteral("negative")},
                        {QStringLiteral("reported"), reported.toString(Qt::ISODate)}};
    SyntheticEvent *path = add(EventType::BiopsyPathology, m_surgery.addDays(1), reported,
                               QStringLiteral("术后病理: %1, %2 (%3)")
                                   .arg(yptn, m_pcr ? QStringLiteral("pCR") : QStringLiteral("非pCR"), m_rcb),
                               payload);
    if (!path)
        return;
    SyntheticDocument doc;
    doc.kind = SyntheticDocument::Kind::PathologyReport;
    doc.fileName = QStringLiteral("pathology-surgical-%1.pdf").arg(reported.toString(Qt::ISODate));
    PathologyReportData &r = doc.pathology = reportBase(m_surgery, reported);
    r.specimen = conserving ? side() + QStringLiteral("乳保乳手术标本及腋窝淋巴结")
                            : side() + QStringLiteral("乳全切标本及腋窝淋巴结");
    r.grossDescription =
        QStringLiteral("%1, 大小 %2 x %3 x %4 cm; 原瘤床区见灰白质韧区 %5 cm, 切缘距瘤床最近 %6 cm。")
            .arg(conserving ? QStringLiteral("乳腺组织一块") : QStringLiteral("全乳切除标本"))
            .arg(conserving ? m_random.uniform(5, 9) : m_random.uniform(16, 24))
            .arg(conserving ? m_random.uniform(4, 7) : m_random.uniform(12, 18))
            .arg(conserving ? m_random.uniform(2, 4) : m_random.uniform(3, 5))
            .arg(QString::number(std::max(m_residualMm, 8) / 10.0, 'f', 1))
            .arg(QString::number(m_random.uniform(3, 15) / 10.0, 'f', 1));
    if (m_pcr)
        r.diagnosis = QStringLiteral("(%1乳) 新辅助治疗后, 瘤床区未见浸润性癌残留%2, 符合病理完全缓解 (pCR)")
                          .arg(side(), ypt == QStringLiteral("ypTis") ? QStringLiteral(" (见少量导管原位癌)")
                                                                      : QString());
    else
        r.diagnosis = QStringLiteral("(%1乳) 新辅助治疗后残留%2, 残余浸润灶最大径约 %3 mm")
                          .arg(side(), t.pathologyLabel)
                          .arg(m_residualMm);
    r.findings << QStringLiteral("淋巴结: %1/%2 转移").arg(positive).arg(examined)
               << QStringLiteral("切缘: 阴性") << QStringLiteral("ypTNM: %1").arg(yptn)
               << QStringLiteral("残余肿瘤负荷 (RCB): %1%2")
                      .arg(m_rcb, m_pcr ? QString() : QStringLiteral(", RCB指数 %1").arg(rcbIndex, 0, 'f', 2))
               << QStringLiteral("Miller-Payne 分级: %1")
                      .arg(m_pcr ? 5
                                 : std::clamp(5 - int(m_residualMm * 4 / std::max(1, t.sizeMm)) - 1, 1, 4));
    if (!m_pcr)
        r.markers << MarkerResult{QStringLiteral("ER"), QStringLiteral("%1%").arg(t.erPercent)}
                  << MarkerResult{QStringLiteral("PR"), QStringLiteral("%1%").arg(t.prPercent)}
                  << MarkerResult{QStringLiteral("HER2"), QStringLiteral("(%1)").arg(t.her2Ihc)}
                  << MarkerResult{QStringLiteral("Ki-67"),
                                  QStringLiteral("约%1%").arg(std::max(2, t.ki67Percent / 2))};
    path->documents << doc;
}

void HistoryBuilder::adjuvant()
{
    const TumourProfile &t = m_context.tumour;
    const QDate start = m_surgery.addDays(m_random.uniform(21, 42));
    auto cycleEvent = [&](int n, int total, QDate d, const QString &title, const QString &category,
                          const QString &regimen) {
        add(EventType::ChemotherapyCycle, d, {}, title,
            QJsonObject{{QStringLiteral("phase"), QStringLiteral("adjuvant")},
                        {QStringLiteral("category"), category},
                        {QStringLiteral("regimen"), regimen},
                        {QStringLiteral("cycle"), n},
                        {QStringLiteral("plannedCycles"), total},
                        {QStringLiteral("intervalDays"), kCycleDays}});
    };
    int adjuvantCycles = 0;
    if (t.isHer2Positive()) {
        // Anti-HER2 therapy completes a year; residual disease switches to T-DM1.
        const int total = m_pcr ? std::max(1, 17 - int(m_cycles.size())) : 14;
        const QString regimen = m_pcr ? QStringLiteral("HP") : QStringLiteral("T-DM1");
        for (int i = 0; i < total; ++i)
            cycleEvent(i + 1, total, start.addDays(i * kCycleDays),
                       QStringLiteral("辅助抗HER2治疗 第%1周期 %2").arg(i + 1).arg(regimen),
                       QStringLiteral("anti-her2"), regimen);
        adjuvantCycles = total;
    }
    if (t.subtype == MolecularSubtype::TripleNegative && !m_pcr) {
        const int total = m_random.uniform(6, 8);
        for (int i = 0; i < total; ++i)
            cycleEvent(i + 1, total, start.addDays(i * kCycleDays),
                       QStringLiteral("辅助化疗 第%1周期 卡培他滨").arg(i + 1),
                       QStringLiteral("chemotherapy"), QStringLiteral("capecitabine"));
        adjuvantCycles = std::max(adjuvantCycles, total);
    }
    const bool ioStopped = !m_cycles.isEmpty() && !m_cycles.last().immunotherapy;
    if (t.subtype == MolecularSubtype::TripleNegative && !ioStopped && m_random.chance(0.7)) {
        for (int i = 0; i < 9; ++i)
            add(EventType::ImmunotherapyCycle, start.addDays(i * kCycleDays), {},
                QStringLiteral("辅助免疫治疗 第%1周期 %2 %3 mg").arg(i + 1).arg(m_ioAgent).arg(m_ioDoseMg),
                QJsonObject{{QStringLiteral("phase"), QStringLiteral("adjuvant")},
                            {QStringLiteral("cycle"), i + 1},
                            {QStringLiteral("plannedCycles"), 9},
                            {QStringLiteral("agentLabel"), m_ioAgent},
                            {QStringLiteral("target"), QStringLiteral("PD-1")},
                            {QStringLiteral("doseMg"), m_ioDoseMg},
                            {QStringLiteral("intervalDays"), kCycleDays}});
    }
    if (t.isHormoneReceptorPositive()) {
        const bool premenopausal = ageOn(m_surgery) < 50;
        const QString drug = premenopausal ? QStringLiteral("他莫昔芬 20 mg 每日")
                                           : (m_random.chance(0.6) ? QStringLiteral("来曲唑 2.5 mg 每日")
                                                                   : QStringLiteral("阿那曲唑 1 mg 每日"));
        const QDate from =
            adjuvantCycles > 0 && !t.isHer2Positive() ? start.addDays(adjuvantCycles * kCycleDays) : start;
        add(EventType::ChemotherapyCycle, from, from.addYears(5),
            QStringLiteral("辅助内分泌治疗 %1").arg(drug),
            QJsonObject{{QStringLiteral("phase"), QStringLiteral("adjuvant")},
                        {QStringLiteral("category"), QStringLiteral("endocrine")},
                        {QStringLiteral("regimen"), drug},
                        {QStringLiteral("plannedYears"), 5}});
    }
}

void HistoryBuilder::planOutcome()
{
    const TumourProfile &t = m_context.tumour;
    // Recurrence risk by response and subtype; time to recurrence 6 to 48 months.
    double risk = m_pcr ? 0.06 : 0.18;
    if (t.subtype == MolecularSubtype::TripleNegative)
        risk *= m_pcr ? 1.3 : 1.9;
    if (m_rcb == QStringLiteral("RCB-III"))
        risk *= 1.6;
    if (m_random.chance(risk)) {
        m_recurrence = m_surgery.addMonths(m_random.uniform(6, 48));
        m_distant = m_random.chance(0.7);
    }
    if (t.cM == QStringLiteral("cM1")) {
        m_recurrence = m_surgery.addMonths(m_random.uniform(8, 30));
        m_distant = true;
    }
    // Deaths are rare: mostly after distant metastasis, seldom from other causes.
    if (m_recurrence.isValid() && m_distant && m_random.chance(0.45))
        m_deathDate = m_recurrence.addMonths(m_random.uniform(6, 36));
    else if (m_random.chance(0.004))
        m_deathDate = m_surgery.addMonths(m_random.uniform(6, 60));
    if (m_deathDate.isValid() && m_deathDate > m_context.asOf)
        m_deathDate = QDate();
}

void HistoryBuilder::followUp()
{
    const QDate recurrence = m_recurrence;
    const bool distant = m_distant;
    const QDate death = m_deathDate;
    const bool lost = m_random.chance(0.04);
    const int lostAfter = lost ? m_random.uniform(3, 12) : 1000;

    if (recurrence.isValid() && recurrence <= m_context.asOf && (!death.isValid() || recurrence < death)) {
        static const char *const sites[] = {"骨", "肺", "肝", "脑", "胸壁"};
        const QString site = distant ? QString::fromUtf8(sites[m_random.weighted({0.4, 0.3, 0.2, 0.1})])
                                     : QString::fromUtf8(sites[4]);
        add(EventType::Imaging, recurrence.addDays(-m_random.uniform(3, 10)), {},
            QStringLiteral("复查影像 提示%1%2")
                .arg(site, distant ? QStringLiteral("转移") : QStringLiteral("局部复发")),
            QJsonObject{{QStringLiteral("modality"), distant ? QStringLiteral("CT") : QStringLiteral("US")},
                        {QStringLiteral("phase"), QStringLiteral("surveillance")},
                        {QStringLiteral("findings"), QStringLiteral("%1新发病灶").arg(site)}});
        add(EventType::Diagnosis, recurrence, {},
            QStringLiteral("诊断: %1")
                .arg(distant ? QStringLiteral("乳腺癌%1转移").arg(site)
                             : QStringLiteral("乳腺癌胸壁局部复发")),
            QJsonObject{
                {QStringLiteral("kind"),
                 distant ? QStringLiteral("distant-metastasis") : QStringLiteral("local-recurrence")},
                {QStringLiteral("site"), site},
                {QStringLiteral("icd10"), distant ? QStringLiteral("C79.9") : QStringLiteral("C50.9")},
                {QStringLiteral("monthsAfterSurgery"), int(m_surgery.daysTo(recurrence) / 30)}});
    }

    // Every 3 months for two years, then every 6 months up to five years.
    int visits = 0;
    for (int months = 3; months <= 60; months += months < 24 ? 3 : 6) {
        const QDate d = m_surgery.addMonths(months).addDays(m_random.uniform(-10, 10));
        if (d > m_context.asOf || (death.isValid() && d >= death) || visits >= lostAfter)
            break;
        ++visits;
        const bool afterRecurrence = recurrence.isValid() && d >= recurrence;
        const QString status = afterRecurrence ? (distant ? QStringLiteral("distant-metastasis")
                                                          : QStringLiteral("local-recurrence"))
                                               : QStringLiteral("NED");
        const QString statusZh = afterRecurrence ? QStringLiteral("带瘤生存") : QStringLiteral("无疾病证据");
        add(EventType::FollowUp, d, {}, QStringLiteral("随访 术后%1个月: %2").arg(months).arg(statusZh),
            QJsonObject{{QStringLiteral("monthsAfterSurgery"), months},
                        {QStringLiteral("status"), status},
                        {QStringLiteral("statusZh"), statusZh},
                        {QStringLiteral("ecog"),
                         afterRecurrence ? m_random.uniform(1, 2) : m_random.weighted({0.8, 0.2})},
                        {QStringLiteral("contact"),
                         m_random.chance(0.85) ? QStringLiteral("clinic") : QStringLiteral("telephone")}});
        if (months % 12 == 0 && !afterRecurrence) {
            add(EventType::Imaging, d.addDays(m_random.uniform(-5, 0)), {},
                QStringLiteral("年度复查 乳腺超声+X线摄影"),
                QJsonObject{{QStringLiteral("modality"), QStringLiteral("US")},
                            {QStringLiteral("phase"), QStringLiteral("surveillance")},
                            {QStringLiteral("findings"), QStringLiteral("未见复发征象")}});
        }
        if (months % 6 == 0)
            add(EventType::Lab, d, {}, QStringLiteral("随访实验室检查"), labPanel(d, months <= 12, true));
    }
    if (death.isValid()) {
        const bool cancer = recurrence.isValid() && distant;
        add(EventType::Death, death, {},
            QStringLiteral("死亡: %1")
                .arg(cancer ? QStringLiteral("乳腺癌进展") : QStringLiteral("非肿瘤原因")),
            QJsonObject{{QStringLiteral("cause"),
                         cancer ? QStringLiteral("breast-cancer-progression") : QStringLiteral("other")},
                        {QStringLiteral("icd10"), cancer ? QStringLiteral("C50.9") : QStringLiteral("R99")}});
    }
}

} // namespace mdp::cohort
