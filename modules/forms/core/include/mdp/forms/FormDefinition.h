#pragma once

#include "mdp/foundation/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace mdp::forms {

// Text shown to people in both interface languages. `text("zh_CN")` falls back to English and
// English falls back to Chinese, so a definition with one language still shows something.
struct LocalizedText
{
    QString zh;
    QString en;
    QString text(QStringView language) const;
    bool isEmpty() const { return zh.isEmpty() && en.isEmpty(); }
    bool operator==(const LocalizedText &) const = default;
};

enum class FieldType
{
    Text,
    Integer,
    Decimal,     // with `unit` and `decimals`
    Date,        // ISO 8601 "YYYY-MM-DD" in record values
    Choice,      // one of `options` (value is the option code)
    MultiChoice, // array of option codes
    Code,        // a coded value from `codeSystem` (value is the code string), limited to `allowedCodes`
    Group,       // repeating group: value is an array of objects with the `fields` of the group
    File,        // reference to a timeline attachment: value is the attachment's uuid string
};

// Stable ids used in JSON: "text", "integer", "decimal", "date", "choice", "multi-choice", "code",
// "group", "file".
QString fieldTypeId(FieldType type);
std::optional<FieldType> fieldTypeFromId(QStringView id);

struct ChoiceOption
{
    QString code;
    LocalizedText label;
    bool operator==(const ChoiceOption &) const = default;
};

// Data classification of a field: category (e.g. "identity", "clinical", "genomic",
// "imaging") and level 1-5. Consumed by the permission engine of a later issue.
struct Classification
{
    QString category = QStringLiteral("clinical");
    int level = 3;
    bool operator==(const Classification &) const = default;
};

struct FieldDefinition
{
    QString id; // unique within its form (groups: within the group); [A-Za-z][A-Za-z0-9_]*
    FieldType type = FieldType::Text;
    LocalizedText label;
    LocalizedText help;
    Classification classification;
    bool required = false;
    // Numbers: inclusive range. Dates: ISO strings in minDate/maxDate, or "today".
    std::optional<double> minimum;
    std::optional<double> maximum;
    QString minDate;
    QString maxDate;
    int decimals = 2;
    QString unit;    // shown beside decimals and integers ("Gy", "mg/m²", "%")
    QString pattern; // text: a regular expression the whole value must match
    LocalizedText patternHint;
    int maxLength = 0;           // text; 0 = no limit
    QList<ChoiceOption> options; // choice, multi-choice
    QString codeSystem;          // code: "ICD-10", "ICD-O-3", "CTCAE", ...
    QStringList allowedCodes;    // code: allowed values (empty: any non-empty code)
    // code: what each code means, in both languages ("8500/3" -> 浸润性导管癌 / Invasive ductal
    // carcinoma), so screens show meanings rather than bare codes; codes without one show as written.
    QMap<QString, LocalizedText> codeLabels;
    QString calculate;             // expression; the field is read-only and computed (R-6.2.1e)
    QString visibleIf;             // expression; hidden fields are not validated and are cleared
    QList<FieldDefinition> fields; // group: the fields of one row
    int minRows = 0;               // group
    int maxRows = 0;               // group; 0 = no limit
    // The label of a code of this field in `language` ("zh_CN", "en"): a choice option's label or a
    // coded value's label; the code itself when it has none.
    QString codeLabel(const QString &code, QStringView language) const;
    // Defaulted in the .cpp: in-class, `fields` (a list of this very type) makes it deleted.
    bool operator==(const FieldDefinition &) const;
};

struct SectionDefinition
{
    QString id;
    LocalizedText title;
    QList<FieldDefinition> fields;
    bool operator==(const SectionDefinition &) const = default;
};

enum class RuleSeverity
{
    Error,   // hard rule: blocks submit and every write
    Warning, // soft rule: shown, recorded, does not block
};

// A cross-field rule: `expression` must evaluate to true, otherwise `message` is shown beside each
// of `fields` (or at the top of the form when empty).
struct RuleDefinition
{
    QString id;
    QString expression;
    RuleSeverity severity = RuleSeverity::Error;
    LocalizedText message;
    QStringList fields;
    bool operator==(const RuleDefinition &) const = default;
};

// A versioned, declarative entry form (R-6.2.1d). Identified by (id, version); importing changed
// content under an existing id makes the next version, and records keep the version they were
// entered with.
struct FormDefinition
{
    QString id; // "breast-baseline"
    int version = 1;
    LocalizedText title;
    LocalizedText description;
    QString category;       // review routing: "baseline", "radiotherapy", ... (R-6.2.3a)
    QStringList eventTypes; // registry event type ids this form attaches to ("diagnosis", ...)
    QList<SectionDefinition> sections;
    QList<RuleDefinition> rules;

    // Parses and checks a definition: JSON shape, unique ids, known types, sane ranges, options for
    // choices, and every expression (calculate, visibleIf, rules) compiled against the declared
    // fields. The error names the JSON location ("sections[1].fields[3].calculate") and, for an
    // expression, the column of the problem ("... at column 17: unknown field 'dose'").
    static Result<FormDefinition> fromJson(const QByteArray &json);
    QJsonObject toJson() const;

    // The field with this id at the top level or inside a group ("cycles.dose").
    const FieldDefinition *field(QStringView path) const;
    // Top-level fields of all sections, in order.
    QList<const FieldDefinition *> fields() const;
    int fieldCount() const; // including group members
    // The label of `code` of the field at `path` (see FieldDefinition::codeLabel); the code itself for
    // an unknown field.
    QString codeLabel(QStringView path, const QString &code, QStringView language) const;

    bool operator==(const FormDefinition &) const = default;
};

} // namespace mdp::forms
