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
    QString fieldPath; // "totalDoseGy", "cycles[2].dose" (rows count from 0); empty for a form-level rule
    RuleSeverity severity = RuleSeverity::Error;
    // Built-in checks: "required", "range", "pattern", "type", "options" (also codes not allowed),
    // "rows", "length" (maxLength), "decimals", "unknown" (undeclared key), "calculate" (a warning:
    // a calculated field could not be computed), "definition" (the definition does not compile);
    // otherwise the id of the form rule.
    QString ruleId;
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
// per Validator, so one instance serves every keystroke of an entry session (about 0.1 ms for a
// 200-field record here; see FormsBenchmarks.h); validate() is const and safe to call from several
// threads at once.
//
// The values checked are the values as they would be stored (withCalculated()): calculated fields
// are recomputed (a value typed into one is replaced, not refused), then fields whose visibleIf is
// not true are emptied and not checked, then calculations are redone without them. Each message
// comes in Chinese and English. A form rule fails only when it evaluates to false (see
// Expression.h), its issue goes to each of its `fields`; a rule reading group members outside
// count()/sum()/increasing() is checked per row and its issues name the row ("cycles[2].dose").
// A rule that cannot be evaluated (e.g. division by zero) is reported at its own severity.
// A calculation giving yes/no fills a choice that offers the codes "yes" and "no".
// A definition that does not compile (only possible when built by hand, not through fromJson)
// refuses every value with one "definition" error.
class Validator
{
public:
    enum class Mode
    {
        Draft,  // format, type, range, pattern, options, maxRows, and the rules whose fields are
                // all present (rules reading an empty field are skipped); missing required fields
                // and minRows are not errors (a draft is unfinished by definition)
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
