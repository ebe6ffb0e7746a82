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
// Values are null, bool, number (double), string or date. Arithmetic with null gives null and a
// comparison with null is false, so a rule over an empty field does not fire; "required" is a
// property of the field, not of rules.
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
    // Field paths the expression reads.
    QStringList references() const;

    // `lookup` answers a field path with its JSON value (undefined/null when empty); `today` is the
    // date "today()" answers (injected so tests do not depend on the clock). An evaluation error
    // (type mismatch, division by zero) gives an Error naming the column.
    using Lookup = std::function<QJsonValue(const QString &path)>;
    Result<QVariant> evaluate(const Lookup &lookup, QDate today) const;

private:
    struct Node;
    std::shared_ptr<const Node> m_root;
    QString m_source;
    QStringList m_references;
};

} // namespace mdp::forms
