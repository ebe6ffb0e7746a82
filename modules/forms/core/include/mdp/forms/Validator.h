#pragma once

#include "mdp/forms/FormDefinition.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <memory>

namespace mdp::forms {

struct ValidationIssue
{
    QString fieldPath; // "totalDoseGy", "cycles[2].dose"; empty for a form-level rule
    RuleSeverity severity = RuleSeverity::Error;
    QString ruleId;    // "required", "range", "pattern", "type", "options", "rows" or a rule's id
    LocalizedText message;
    bool operator==(const ValidationIssue &) const = default;
};

struct ValidationResult
{
    QList<ValidationIssue> issues;
    bool hasErrors() const;
    bool hasWarnings() const;
    // Paths of fields with an error, each once, in form order.
    QStringList failingFields() const;
    QList<ValidationIssue> issuesFor(QStringView fieldPath) const;
    // One line per error, in English, naming every failing field: for CLI and Error messages.
    QString errorSummary() const;
};

// Checks record values against a definition (R-6.2.1f, R-6.1.3b). Expressions are compiled once
// per Validator, so one instance serves every keystroke of an entry session.
class Validator
{
public:
    enum class Mode
    {
        Draft,  // format, type, range, pattern, options and hard rules whose fields are present;
                // missing required fields are not errors (a draft is unfinished by definition)
        Submit, // everything, including required fields and row counts
    };

    explicit Validator(FormDefinition definition);
    ~Validator();
    Validator(Validator &&) noexcept;
    Validator &operator=(Validator &&) noexcept;

    const FormDefinition &definition() const;

    // Unknown keys in `values` are errors (ruleId "unknown"): nothing undeclared reaches the store.
    ValidationResult validate(const QJsonObject &values, Mode mode, QDate today) const;
    // `values` with every calculated field (re)computed and hidden fields removed.
    QJsonObject withCalculated(const QJsonObject &values, QDate today) const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace mdp::forms
