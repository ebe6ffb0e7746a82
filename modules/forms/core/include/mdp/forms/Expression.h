#pragma once

#include "mdp/foundation/Result.h"

#include <QDate>
#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <functional>
#include <memory>

namespace mdp::forms {

// The small expression language of validation rules and calculated fields (R-6.2.1e-f):
//   literals      12  2.5  'text'  true  false  null  date('2024-03-01')  today()
//   fields        totalDoseGy   cycles.dose (inside a group row: the row's field)
//   operators     + - * /  = != < <= > >=  and or not  ( )
//   functions     abs(x) round(x, n) min(a, b) max(a, b) if(c, a, b) empty(x) present(x)
//                 days(from, to) (days between two dates)  count(group)  sum(group.field)
//                 len(text)  matches(text, 'regex')  contains(list, value)
//                 increasing(group.field) (non-empty values strictly increase row by row)
// Values are null, bool, number (double), string or date (lists for multi-choice values). An empty
// text or list is null. Arithmetic with null gives null and a comparison with null gives null
// (unknown); `and`/`or` follow three-valued logic (false and null = false, true or null = true,
// otherwise null) and if(null, a, b) is null. A rule fires only when it evaluates to false, so a rule
// over an empty field does not fire; "required" is a property of the field, not of rules. Test for
// emptiness with empty()/present(), never "= null".
// Dates: record values hold ISO strings "YYYY-MM-DD"; they act as dates wherever a date is expected
// (compared with a date, date ± days, date - date = days, days(), min/max). Text is in single or
// double quotes with backslash escapes; "==" and "<>" are accepted for "=" and "!=".
//
// Groups (repeating rows). count(), sum() and increasing() take a field path, not an expression:
// count(cycles) is the number of rows, count(cycles.dose) the rows with a dose, sum(cycles.dose) the
// sum of the doses present. Anywhere else "cycles.dose" means the dose of the current row: inside a
// group member's calculate/visibleIf the current row is the member's own row (there the bare name
// "dose" means the same, and shadows a top-level field of the same id), and a form rule that reads
// members outside count()/sum()/increasing() is a row rule, checked once per row of that group
// (rowReferences() lists those paths). Expression itself is context-free: the caller's Lookup binds
// "cycles.dose" and bare member names to the row it is evaluating, and answers "cycles" with the
// whole array for the aggregates.
class Expression
{
public:
    // Parses `source`; `knownFields` (dotted paths for group members) makes an unknown name an error.
    // The error message says where: "at column 17: unknown field 'dose'".
    static Result<Expression> parse(const QString &source, const QStringList &knownFields = {});

    Expression();
    ~Expression();
    Expression(const Expression &);
    Expression &operator=(const Expression &);
    Expression(Expression &&) noexcept;
    Expression &operator=(Expression &&) noexcept;

    QString source() const;
    // Field paths the expression reads, as written, each once in order of appearance (aggregates
    // contribute their argument: "cycles" for count(cycles), "cycles.dose" for sum(cycles.dose)).
    QStringList references() const;
    // Dotted group-member paths read outside count()/sum()/increasing(): they bind to a row.
    QStringList rowReferences() const;
    bool isNull() const; // default-constructed (never parsed)

    // `lookup` answers a field path with its JSON value (undefined/null when empty); `today` is the
    // date "today()" answers (injected so tests do not depend on the clock). An evaluation error
    // (type mismatch, division by zero) gives an Error naming the column.
    using Lookup = std::function<QJsonValue(const QString &path)>;
    Result<QVariant> evaluate(const Lookup &lookup, QDate today) const;

    struct Node; // the parsed tree; defined in Expression.cpp

private:
    std::shared_ptr<const Node> m_root;
    QString m_source;
    QStringList m_references;
    QStringList m_rowReferences;
};

} // namespace mdp::forms
