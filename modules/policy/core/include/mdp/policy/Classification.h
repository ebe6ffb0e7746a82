#pragma once

#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace mdp::policy {

// The data categories of R-7.1.1 (GB/T 39725-2020, WS/T 671-2020 as the standard cites them).
enum class Category
{
    PersonalAttributes, // a) demographic, identity, communication, biometric
    HealthStatus,       // b) complaint, history, family history, examination, genetic, lifestyle
    MedicalApplication, // c) record, order, report, medication, surgery, nursing, consent
    Payment,            // d) transaction, insurance
    HealthResources,    // e) staff, plans, capacity
    PublicHealth,       // f)
};

// Every category, in the standard's order.
QList<Category> allCategories();
// Stable identifiers stored in policies, databases and audit records ("personal-attributes",
// "health-status", "medical-application", "payment", "health-resources", "public-health").
QString categoryId(Category category);
std::optional<Category> categoryFromId(QStringView id);
// Name shown to people, translated through the "mdp::policy::Classification" context.
QString categoryDisplayName(Category category);

// The sub-kinds 7.1.1 lists under each category, as stable ids ("demographic", "identity", ...).
QList<QString> subKinds(Category category);
QString subKindDisplayName(QStringView subKind);

// The five security levels of.
constexpr int kMinLevel = 1;
constexpr int kMaxLevel = 5;
// The level from which a datum identifies a person directly (R-7.1.2 d): names, resident IDs, phones.
constexpr int kIdentifyingLevel = 4;
QString levelDisplayName(int level); // "第 4 级：限制访问" / "Level 4: restricted"

struct Classification
{
    Category category = Category::HealthStatus;
    QString subKind; // one of subKinds(category), or empty
    int level = 3;
    QString ruleId; // the rule that assigned it, or "manual" when a data manager decided

    bool operator==(const Classification &) const = default;
};

// What is being classified: a form field, an identifier type, a document, an image series, a derived
// value. `id` is the field's id ("cycles.dose"), `label` what people read, `declaredCategory` and
// `declaredLevel` what the form designer wrote (forms::FieldDefinition's "identity", "clinical",
// "genomic", "imaging"), 0 when none.
struct ClassificationSubject
{
    enum class Kind
    {
        Field,
        Identifier,
        Document,
        ImageSeries,
        DerivedValue,
    };
    Kind kind = Kind::Field;
    QString id;
    QString label;
    QString declaredCategory;
    int declaredLevel = 0;
};

// A default rule: keywords matched (case-insensitive) in the subject's id or label, or its declared
// category, give a classification. Rules are tried in order; the first that matches decides.
struct ClassificationRule
{
    QString id;
    QList<ClassificationSubject::Kind> kinds; // empty: any kind
    QStringList keywords;                     // any of them in the id or label
    QStringList declaredCategories;           // or one of these declared categories
    Classification result;
};

// The rules of step c) of the classification flow: national ID, name, phone, address are
// personal attributes at level 4; biometrics level 5; diagnosis, history, examination are health
// status at level 3; orders, reports, medication, surgery, consent are medical application at level
// 3; costs and insurance are payment at level 3; ...
const QList<ClassificationRule> &defaultClassificationRules();

// Step c) and d): the first matching rule's classification; when none matches, the declared
// category's mapping at the declared level (clinical -> health status, identity -> personal
// attributes, imaging -> medical application, genomic -> health status/genetic), else health status
// level 3. A declared level above the rule's is kept: classification only ever raises a level.
Classification classify(const ClassificationSubject &subject,
                        const QList<ClassificationRule> &rules = defaultClassificationRules());

// Step d): the lowest level a data manager's decision may give `subject`: what identifies a person
// directly or is otherwise restricted (a rule or the form's declaration gave it level 4 or 5) keeps
// that level; anything else may go down to level 1.
int classificationFloor(const ClassificationSubject &subject, const Classification &byRule);
// The classification in force: a data manager's decision (raised to the floor when below it), else
// the rules'.
Classification resolveClassification(const std::optional<Classification> &decided,
                                     const ClassificationSubject &subject, const Classification &byRule);

} // namespace mdp::policy
