#include "mdp/policy/Classification.h"

#include <QCoreApplication>

#include <algorithm>

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

// Field ids are written every way ("patient_name", "patientName", "PATIENT-NAME", "rt.dose2"): they are
// cut into lower-case words at separators, case changes and digits before keywords are matched.
QStringList words(const QString &text)
{
    QStringList out;
    QString current;
    const auto flush = [&] {
        if (!current.isEmpty())
            out << current;
        current.clear();
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.unicode() >= 0x80 || !c.isLetter()) {
            flush();
            continue;
        }
        const bool startsWord =
            c.isUpper() && !current.isEmpty() &&
            (text.at(i - 1).isLower() || (i + 1 < text.size() && text.at(i + 1).isLower()));
        if (startsWord)
            flush();
        current.append(c.toLower());
    }
    flush();
    return out;
}

// A Latin keyword is one or more words ("national id"); it matches consecutive words of the text, the
// last one as a prefix ("diagnos" matches "diagnosis"; "order" does not match "border"). A Chinese
// keyword matches anywhere in the text.
bool matchesWords(const QStringList &text, const QStringList &keyword)
{
    if (keyword.isEmpty())
        return false;
    for (qsizetype i = 0; i + keyword.size() <= text.size(); ++i) {
        bool all = true;
        for (qsizetype j = 0; all && j < keyword.size(); ++j) {
            const bool last = j + 1 == keyword.size();
            all = last ? text.at(i + j).startsWith(keyword.at(j)) : text.at(i + j) == keyword.at(j);
        }
        if (all)
            return true;
    }
    return false;
}

bool mentions(const ClassificationSubject &subject, const QStringList &keywords)
{
    const QStringList idWords = words(subject.id);
    const QStringList labelWords = words(subject.label);
    for (const QString &keyword : keywords) {
        if (keyword.isEmpty())
            continue;
        if (keyword.front().unicode() >= 0x80) {
            if (subject.label.contains(keyword) || subject.id.contains(keyword))
                return true;
            continue;
        }
        const QStringList kw = words(keyword);
        if (matchesWords(idWords, kw) || matchesWords(labelWords, kw))
            return true;
    }
    return false;
}

// A number or code that names a person's record ("病理号", "examNo", "cardId"): identifying, whatever
// the words before it say.
bool namesANumber(const ClassificationSubject &subject)
{
    const QStringList idWords = words(subject.id);
    if (!idWords.isEmpty()) {
        const QString &last = idWords.last();
        if (last == u"no" || last == u"num" || last == u"id" || last == u"ids")
            return true;
    }
    static const QStringList suffixes{QStringLiteral("号"),   QStringLiteral("号码"), QStringLiteral("编号"),
                                      QStringLiteral("卡号"), QStringLiteral("账号"), QStringLiteral("ID"),
                                      QStringLiteral("No."),  QStringLiteral("No")};
    const QString label = subject.label.trimmed();
    for (const QString &suffix : suffixes) {
        if (label.endsWith(suffix))
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
    const auto L = [](std::initializer_list<const char *> words) {
        QStringList list;
        for (const char *w : words)
            list << QString::fromUtf8(w);
        return list;
    };
    static const QList<ClassificationRule> rules{
        // Personal attributes (7.1.1 a): what identifies a person alone is level 4 (7.1.2 d).
        rule("biometric",
             L({"fingerprint", "voiceprint", "iris", "face image", "facial", "指纹", "声纹", "虹膜", "面部",
                "照片", "人脸"}),
             Category::PersonalAttributes, "biometric", 5),
        rule("resident-id",
             L({"national id", "nationalid", "resident id", "citizen", "id card", "idcard", "id number",
                "passport", "ssn", "身份证", "身份号码", "证件", "护照", "社保", "健康卡", "医保卡", "医保号",
                "工作证"}),
             Category::PersonalAttributes, "identity", 4),
        rule("record-number",
             L({"mrn", "medical record", "admission number", "accession", "patient id", "patientid", "病案号",
                "病历号", "住院号", "门诊号", "就诊卡", "影像号", "病理号", "检查号", "登记号", "患者ID",
                "患者编号"}),
             Category::PersonalAttributes, "identity", 4),
        rule("contact",
             L({"phone", "telephone", "mobile", "email", "e mail", "mail", "wechat", "qq", "fax", "account",
                "电话", "手机", "邮箱", "微信", "QQ", "传真", "账号", "联系方式"}),
             Category::PersonalAttributes, "communication", 4),
        rule("name", L({"name", "fullname", "surname", "姓名", "名字", "联系人", "家属"}),
             Category::PersonalAttributes, "demographic", 4),
        rule("address",
             L({"address", "addr", "postcode", "zip", "住址", "地址", "户籍", "邮编", "邮政编码", "籍贯"}),
             Category::PersonalAttributes, "demographic", 4),
        rule("birth-date", L({"birth", "dob", "date of birth", "出生"}), Category::PersonalAttributes,
             "demographic", 3),
        rule("demographic", L({"ethnic", "nationality", "occupation", "民族", "国籍", "职业", "婚姻"}),
             Category::PersonalAttributes, "demographic", 3),
        rule("sex", L({"sex", "gender", "性别"}), Category::PersonalAttributes, "demographic", 2),
        // Health status (7.1.1 b).
        rule("genetic",
             L({"genetic", "genotyp", "genom", "brca", "sequenc", "mutation", "基因", "测序", "突变"}),
             Category::HealthStatus, "genetic", 4, {QStringLiteral("genomic")}),
        rule("family-history", L({"family", "家族史"}), Category::HealthStatus, "family-history", 3),
        rule("complaint", L({"complaint", "主诉"}), Category::HealthStatus, "complaint", 3),
        rule("history", L({"history", "diagnos", "病史", "诊断", "stage", "分期", "tnm", "patholog", "病理"}),
             Category::HealthStatus, "history", 3),
        rule("examination", L({"exam", "vital", "weight", "height", "体格检查", "体重", "身高", "ecog"}),
             Category::HealthStatus, "examination", 3),
        rule("lifestyle", L({"smok", "alcohol", "吸烟", "饮酒"}), Category::HealthStatus, "lifestyle", 3),
        // Medical application (7.1.1 c).
        rule("consent", L({"consent", "知情同意"}), Category::MedicalApplication, "consent", 3),
        rule("surgery", L({"surgery", "operation", "手术"}), Category::MedicalApplication, "surgery", 3),
        rule("medication", L({"drug", "dose", "medication", "regimen", "cycle", "用药", "剂量", "方案"}),
             Category::MedicalApplication, "medication", 3),
        rule("order", L({"order", "医嘱"}), Category::MedicalApplication, "order", 3),
        rule("nursing", L({"nursing", "护理"}), Category::MedicalApplication, "nursing", 3),
        rule("report", L({"report", "imaging", "laboratory", "报告", "检验", "检查"}),
             Category::MedicalApplication, "report", 3, {QStringLiteral("imaging")}, {K::Field}),
        // Documents and images carry the patient's name and numbers in their text, headers and pixels
        // until they are de-identified: level 4.
        rule("image-series", {}, Category::MedicalApplication, "report", 4, {}, {K::ImageSeries}),
        rule("document", {}, Category::MedicalApplication, "record", 4, {}, {K::Document}),
        // Payment (7.1.1 d).
        rule("insurance", L({"insurance", "医保", "保险"}), Category::Payment, "insurance", 3),
        rule("payment", L({"cost", "fee", "payment", "费用", "收费"}), Category::Payment, "transaction", 3),
        // Derived values (scores, counts, model outputs) describe health, never a person directly.
        rule("derived", {}, Category::HealthStatus, {}, 2, {}, {K::DerivedValue}),
    };
    return rules;
}

Classification classify(const ClassificationSubject &subject, const QList<ClassificationRule> &rules)
{
    using K = ClassificationSubject::Kind;
    const Classification declared = fromDeclared(subject);
    // Classification only raises: never below the level the designer declared, nor below the floor of
    // a declared identity or genomic field.
    const auto floored = [&](Classification result) {
        const bool hasDeclared = subject.declaredLevel >= kMinLevel && subject.declaredLevel <= kMaxLevel;
        if (hasDeclared || subject.declaredCategory == u"identity" || subject.declaredCategory == u"genomic")
            result.level = std::max(result.level, declared.level);
        if (subject.declaredCategory == u"identity" && result.category != Category::PersonalAttributes) {
            result.category = Category::PersonalAttributes;
            result.subKind = QStringLiteral("identity");
        }
        return result;
    };
    // An identifier of any type, and a field that names a record number, identifies a person.
    // (A calculated field is a derived value: copying a record number still makes it one.)
    if (subject.kind == K::Identifier ||
        ((subject.kind == K::Field || subject.kind == K::DerivedValue) && namesANumber(subject))) {
        for (const ClassificationRule &candidate : rules) {
            if (candidate.result.category == Category::PersonalAttributes &&
                candidate.result.level >= kIdentifyingLevel && mentions(subject, candidate.keywords))
                return floored(candidate.result);
        }
        return floored({Category::PersonalAttributes, QStringLiteral("identity"), kIdentifyingLevel,
                        QStringLiteral("identifier")});
    }
    for (const ClassificationRule &candidate : rules) {
        if (!candidate.kinds.isEmpty() && !candidate.kinds.contains(subject.kind))
            continue;
        const bool always = candidate.keywords.isEmpty() && candidate.declaredCategories.isEmpty();
        if (!always && !mentions(subject, candidate.keywords) &&
            !candidate.declaredCategories.contains(subject.declaredCategory))
            continue;
        return floored(candidate.result);
    }
    return declared;
}

int classificationFloor(const ClassificationSubject &subject, const Classification &byRule)
{
    // Only a declaration that raises protection binds: every field carries a declared level (3 when
    // the designer wrote none), and a clinical field may be lowered.
    int floor =
        subject.declaredLevel >= kIdentifyingLevel ? std::min(subject.declaredLevel, kMaxLevel) : kMinLevel;
    if (byRule.level >= kIdentifyingLevel)
        floor = std::max(floor, byRule.level);
    return floor;
}

Classification resolveClassification(const std::optional<Classification> &decided,
                                     const ClassificationSubject &subject, const Classification &byRule)
{
    if (!decided)
        return byRule;
    Classification out = *decided;
    out.level = std::clamp(std::max(out.level, classificationFloor(subject, byRule)), kMinLevel, kMaxLevel);
    return out;
}

} // namespace mdp::policy
