#include "mdp/policy/Classification.h"

#include <QCoreApplication>

namespace mdp::policy {

namespace {

struct CategoryText
{
    Category category;
    const char *id;
    const char *name;
    QList<QString> subKinds;
};

const QList<CategoryText> &categoryTexts()
{
    static const QList<CategoryText> texts{
        {Category::PersonalAttributes,
         "personal-attributes",
         QT_TRANSLATE_NOOP("mdp::policy::Classification", "Personal attributes"),
         {QStringLiteral("demographic"), QStringLiteral("identity"), QStringLiteral("communication"),
          QStringLiteral("biometric")}},
        {Category::HealthStatus,
         "health-status",
         QT_TRANSLATE_NOOP("mdp::policy::Classification", "Health status"),
         {QStringLiteral("complaint"), QStringLiteral("history"), QStringLiteral("family-history"),
          QStringLiteral("examination"), QStringLiteral("genetic"), QStringLiteral("lifestyle")}},
        {Category::MedicalApplication,
         "medical-application",
         QT_TRANSLATE_NOOP("mdp::policy::Classification", "Medical application"),
         {QStringLiteral("record"), QStringLiteral("order"), QStringLiteral("report"),
          QStringLiteral("medication"), QStringLiteral("surgery"), QStringLiteral("nursing"),
          QStringLiteral("consent")}},
        {Category::Payment,
         "payment",
         QT_TRANSLATE_NOOP("mdp::policy::Classification", "Payment"),
         {QStringLiteral("transaction"), QStringLiteral("insurance")}},
        {Category::HealthResources,
         "health-resources",
         QT_TRANSLATE_NOOP("mdp::policy::Classification", "Health resources"),
         {}},
        {Category::PublicHealth,
         "public-health",
         QT_TRANSLATE_NOOP("mdp::policy::Classification", "Public health"),
         {}},
    };
    return texts;
}

const CategoryText &textOf(Category category)
{
    return categoryTexts().at(static_cast<int>(category));
}

struct SubKindText
{
    const char *id;
    const char *name;
};

constexpr SubKindText kSubKindNames[] = {
    {"demographic", QT_TRANSLATE_NOOP("mdp::policy::Classification", "Demographics")},
    {"identity", QT_TRANSLATE_NOOP("mdp::policy::Classification", "Personal identity")},
    {"communication", QT_TRANSLATE_NOOP("mdp::policy::Classification", "Communication")},
    {"biometric", QT_TRANSLATE_NOOP("mdp::policy::Classification", "Biometrics")},
    {"complaint", QT_TRANSLATE_NOOP("mdp::policy::Classification", "Chief complaint")},
    {"history", QT_TRANSLATE_NOOP("mdp::policy::Classification", "Medical history")},
    {"family-history", QT_TRANSLATE_NOOP("mdp::policy::Classification", "Family history")},
    {"examination", QT_TRANSLATE_NOOP("mdp::policy::Classification", "Physical examination")},
    {"genetic", QT_TRANSLATE_NOOP("mdp::policy::Classification", "Genetic and molecular")},
    {"lifestyle", QT_TRANSLATE_NOOP("mdp::policy::Classification", "Lifestyle")},
    {"record", QT_TRANSLATE_NOOP("mdp::policy::Classification", "Medical record")},
    {"order", QT_TRANSLATE_NOOP("mdp::policy::Classification", "Orders")},
    {"report", QT_TRANSLATE_NOOP("mdp::policy::Classification", "Test and examination reports")},
    {"medication", QT_TRANSLATE_NOOP("mdp::policy::Classification", "Medication")},
    {"surgery", QT_TRANSLATE_NOOP("mdp::policy::Classification", "Surgery")},
    {"nursing", QT_TRANSLATE_NOOP("mdp::policy::Classification", "Nursing")},
    {"consent", QT_TRANSLATE_NOOP("mdp::policy::Classification", "Informed consent")},
    {"transaction", QT_TRANSLATE_NOOP("mdp::policy::Classification", "Transactions")},
    {"insurance", QT_TRANSLATE_NOOP("mdp::policy::Classification", "Insurance")},
};

ClassificationRule rule(const char *id, QStringList keywords, Category category, const char *subKind,
                        int level, QStringList declared = {}, QList<ClassificationSubject::Kind> kinds = {})
{
    return {QString::fromLatin1(id), std::move(kinds), std::move(keywords), std::move(declared),
            Classification{category, QString::fromLatin1(subKind), level, QString::fromLatin1(id)}};
}

// A Latin keyword matches at the start of a word ("diagnos" in "primary_diagnosis", "order" not in
// "border"); a Chinese keyword matches anywhere.
bool contains(const QString &text, const QString &keyword)
{
    const bool latin = keyword.front().unicode() < 0x80;
    qsizetype from = 0;
    while (true) {
        const qsizetype at = text.indexOf(keyword, from, Qt::CaseInsensitive);
        if (at < 0)
            return false;
        if (!latin || at == 0 || !text.at(at - 1).isLetter())
            return true;
        from = at + 1;
    }
}

bool mentions(const ClassificationSubject &subject, const QStringList &keywords)
{
    for (const QString &keyword : keywords) {
        if (contains(subject.id, keyword) || contains(subject.label, keyword))
            return true;
    }
    return false;
}

Classification fromDeclared(const ClassificationSubject &subject)
{
    const int level =
        subject.declaredLevel >= kMinLevel && subject.declaredLevel <= kMaxLevel ? subject.declaredLevel : 3;
    const QString declared = subject.declaredCategory;
    if (declared == u"identity")
        return {Category::PersonalAttributes, QStringLiteral("identity"), std::max(level, kIdentifyingLevel),
                QStringLiteral("declared-identity")};
    if (declared == u"genomic")
        return {Category::HealthStatus, QStringLiteral("genetic"), std::max(level, 4),
                QStringLiteral("declared-genomic")};
    if (declared == u"clinical")
        return {Category::HealthStatus, {}, level, QStringLiteral("declared-clinical")};
    if (declared == u"imaging")
        return {Category::MedicalApplication, QStringLiteral("report"), level,
                QStringLiteral("declared-imaging")};
    if (const auto category = categoryFromId(declared))
        return {*category, {}, level, QStringLiteral("declared-category")};
    return {Category::HealthStatus, {}, level, QStringLiteral("default")};
}

} // namespace

QList<Category> allCategories()
{
    QList<Category> all;
    for (const auto &text : categoryTexts())
        all << text.category;
    return all;
}

QString categoryId(Category category)
{
    return QString::fromLatin1(textOf(category).id);
}

std::optional<Category> categoryFromId(QStringView id)
{
    for (const auto &text : categoryTexts()) {
        if (id == QLatin1StringView(text.id))
            return text.category;
    }
    return std::nullopt;
}

QString categoryDisplayName(Category category)
{
    return QCoreApplication::translate("mdp::policy::Classification", textOf(category).name);
}

QList<QString> subKinds(Category category)
{
    return textOf(category).subKinds;
}

QString subKindDisplayName(QStringView subKind)
{
    for (const auto &text : kSubKindNames) {
        if (subKind == QLatin1StringView(text.id))
            return QCoreApplication::translate("mdp::policy::Classification", text.name);
    }
    return subKind.toString();
}

QString levelDisplayName(int level)
{
    switch (level) {
    case 1:
        return QCoreApplication::translate("mdp::policy::Classification", "Level 1: public");
    case 2:
        return QCoreApplication::translate("mdp::policy::Classification", "Level 2: internal, de-identified");
    case 3:
        return QCoreApplication::translate("mdp::policy::Classification", "Level 3: controlled");
    case 4:
        return QCoreApplication::translate("mdp::policy::Classification", "Level 4: restricted");
    case 5:
        return QCoreApplication::translate("mdp::policy::Classification", "Level 5: strictly restricted");
    default:
        return QCoreApplication::translate("mdp::policy::Classification", "Unclassified");
    }
}

const QList<ClassificationRule> &defaultClassificationRules()
{
    using K = ClassificationSubject::Kind;
    static const QList<ClassificationRule> rules{
        // Personal attributes (7.1.1 a): what identifies a person alone is level 4 (7.1.2 d).
        rule("biometric",
             {QStringLiteral("fingerprint"), QStringLiteral("voiceprint"), QStringLiteral("iris"),
              QStringLiteral("face-image"), QStringLiteral("指纹"), QStringLiteral("声纹"),
              QStringLiteral("虹膜"), QStringLiteral("面部")},
             Category::PersonalAttributes, "biometric", 5),
        rule("resident-id",
             {QStringLiteral("national-id"), QStringLiteral("nationalid"), QStringLiteral("resident-id"),
              QStringLiteral("residentid"), QStringLiteral("id-card"), QStringLiteral("passport"),
              QStringLiteral("身份证"), QStringLiteral("护照"), QStringLiteral("社保卡"),
              QStringLiteral("健康卡"), QStringLiteral("医保卡")},
             Category::PersonalAttributes, "identity", 4),
        rule("record-number",
             {QStringLiteral("mrn"), QStringLiteral("medical-record-number"),
              QStringLiteral("admission-number"), QStringLiteral("accession"), QStringLiteral("病案号"),
              QStringLiteral("住院号"), QStringLiteral("门诊号")},
             Category::PersonalAttributes, "identity", 4),
        rule("contact",
             {QStringLiteral("phone"), QStringLiteral("mobile"), QStringLiteral("email"),
              QStringLiteral("e-mail"), QStringLiteral("wechat"), QStringLiteral("电话"),
              QStringLiteral("手机"), QStringLiteral("邮箱"), QStringLiteral("微信"),
              QStringLiteral("联系方式")},
             Category::PersonalAttributes, "communication", 4),
        rule("name",
             {QStringLiteral("patient-name"), QStringLiteral("full-name"), QStringLiteral("fullname"),
              QStringLiteral("contact-name"), QStringLiteral("姓名"), QStringLiteral("联系人")},
             Category::PersonalAttributes, "demographic", 4),
        rule("address",
             {QStringLiteral("address"), QStringLiteral("住址"), QStringLiteral("地址"),
              QStringLiteral("户籍")},
             Category::PersonalAttributes, "demographic", 4),
        rule("birth-date", {QStringLiteral("birth"), QStringLiteral("出生")}, Category::PersonalAttributes,
             "demographic", 3),
        rule("demographic",
             {QStringLiteral("ethnic"), QStringLiteral("nationality"), QStringLiteral("occupation"),
              QStringLiteral("民族"), QStringLiteral("国籍"), QStringLiteral("职业"), QStringLiteral("婚姻")},
             Category::PersonalAttributes, "demographic", 3),
        rule("sex", {QStringLiteral("sex"), QStringLiteral("gender"), QStringLiteral("性别")},
             Category::PersonalAttributes, "demographic", 2),
        // Health status (7.1.1 b).
        rule("genetic",
             {QStringLiteral("gene"), QStringLiteral("genom"), QStringLiteral("brca"),
              QStringLiteral("sequenc"), QStringLiteral("mutation"), QStringLiteral("基因"),
              QStringLiteral("测序"), QStringLiteral("突变")},
             Category::HealthStatus, "genetic", 4, {QStringLiteral("genomic")}),
        rule("family-history", {QStringLiteral("family"), QStringLiteral("家族史")}, Category::HealthStatus,
             "family-history", 3),
        rule("complaint", {QStringLiteral("complaint"), QStringLiteral("主诉")}, Category::HealthStatus,
             "complaint", 3),
        rule("history",
             {QStringLiteral("history"), QStringLiteral("diagnos"), QStringLiteral("病史"),
              QStringLiteral("诊断"), QStringLiteral("stage"), QStringLiteral("分期"), QStringLiteral("tnm"),
              QStringLiteral("patholog"), QStringLiteral("病理")},
             Category::HealthStatus, "history", 3),
        rule("examination",
             {QStringLiteral("exam"), QStringLiteral("vital"), QStringLiteral("weight"),
              QStringLiteral("height"), QStringLiteral("体格检查"), QStringLiteral("体重"),
              QStringLiteral("身高"), QStringLiteral("ecog")},
             Category::HealthStatus, "examination", 3),
        rule("lifestyle",
             {QStringLiteral("smok"), QStringLiteral("alcohol"), QStringLiteral("吸烟"),
              QStringLiteral("饮酒")},
             Category::HealthStatus, "lifestyle", 3),
        // Medical application (7.1.1 c).
        rule("consent", {QStringLiteral("consent"), QStringLiteral("知情同意")}, Category::MedicalApplication,
             "consent", 3),
        rule("surgery", {QStringLiteral("surgery"), QStringLiteral("operation"), QStringLiteral("手术")},
             Category::MedicalApplication, "surgery", 3),
        rule("medication",
             {QStringLiteral("drug"), QStringLiteral("dose"), QStringLiteral("medication"),
              QStringLiteral("regimen"), QStringLiteral("cycle"), QStringLiteral("用药"),
              QStringLiteral("剂量"), QStringLiteral("方案")},
             Category::MedicalApplication, "medication", 3),
        rule("order", {QStringLiteral("order"), QStringLiteral("医嘱")}, Category::MedicalApplication,
             "order", 3),
        rule("nursing", {QStringLiteral("nursing"), QStringLiteral("护理")}, Category::MedicalApplication,
             "nursing", 3),
        rule("report",
             {QStringLiteral("report"), QStringLiteral("imaging"), QStringLiteral("laboratory"),
              QStringLiteral("报告"), QStringLiteral("检验"), QStringLiteral("检查")},
             Category::MedicalApplication, "report", 3, {QStringLiteral("imaging")},
             {K::Field, K::Document, K::ImageSeries}),
        rule("image-series", {}, Category::MedicalApplication, "report", 3, {}, {K::ImageSeries}),
        rule("document", {}, Category::MedicalApplication, "record", 3, {}, {K::Document}),
        // Payment (7.1.1 d).
        rule("insurance", {QStringLiteral("insurance"), QStringLiteral("医保"), QStringLiteral("保险")},
             Category::Payment, "insurance", 3),
        rule("payment",
             {QStringLiteral("cost"), QStringLiteral("fee"), QStringLiteral("payment"),
              QStringLiteral("费用"), QStringLiteral("收费")},
             Category::Payment, "transaction", 3),
        // Derived values (scores, counts, model outputs) describe health, never a person directly.
        rule("derived", {}, Category::HealthStatus, {}, 2, {}, {K::DerivedValue}),
    };
    return rules;
}

Classification classify(const ClassificationSubject &subject, const QList<ClassificationRule> &rules)
{
    for (const ClassificationRule &candidate : rules) {
        if (!candidate.kinds.isEmpty() && !candidate.kinds.contains(subject.kind))
            continue;
        const bool always = candidate.keywords.isEmpty() && candidate.declaredCategories.isEmpty();
        if (!always && !mentions(subject, candidate.keywords) &&
            !candidate.declaredCategories.contains(subject.declaredCategory))
            continue;
        Classification result = candidate.result;
        if (subject.declaredLevel > result.level && subject.declaredLevel <= kMaxLevel)
            result.level = subject.declaredLevel;
        return result;
    }
    return fromDeclared(subject);
}

} // namespace mdp::policy
