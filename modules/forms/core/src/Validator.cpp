#include "mdp/forms/Validator.h"

#include "FormScope.h"
#include "FormsLogging.h"
#include "mdp/forms/Expression.h"

#include <QHash>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QUuid>

#include <algorithm>
#include <cmath>
#include <limits>

namespace mdp::forms {

// --- ValidationResult ----------------------------------------------------------------------------

bool ValidationResult::hasErrors() const
{
    return std::any_of(issues.cbegin(), issues.cend(),
                       [](const ValidationIssue &i) { return i.severity == RuleSeverity::Error; });
}

bool ValidationResult::hasWarnings() const
{
    return std::any_of(issues.cbegin(), issues.cend(),
                       [](const ValidationIssue &i) { return i.severity == RuleSeverity::Warning; });
}

QStringList ValidationResult::failingFields() const
{
    QStringList out;
    for (const ValidationIssue &i : issues) {
        if (i.severity == RuleSeverity::Error && !i.fieldPath.isEmpty() && !out.contains(i.fieldPath))
            out.append(i.fieldPath);
    }
    return out;
}

QList<ValidationIssue> ValidationResult::issuesFor(QStringView fieldPath) const
{
    QList<ValidationIssue> out;
    for (const ValidationIssue &i : issues) {
        if (i.fieldPath == fieldPath)
            out.append(i);
    }
    return out;
}

QString ValidationResult::errorSummary() const
{
    QStringList lines;
    for (const ValidationIssue &i : issues) {
        if (i.severity != RuleSeverity::Error)
            continue;
        lines.append(QStringLiteral("%1: %2 [%3]")
                         .arg(i.fieldPath.isEmpty() ? QStringLiteral("form") : i.fieldPath,
                              i.message.text(u"en"), i.ruleId));
    }
    return lines.join(u'\n');
}

// --- messages --------------------------------------------------------------------------------------

namespace {

LocalizedText msg(QString zh, QString en)
{
    return LocalizedText{std::move(zh), std::move(en)};
}

QString num(double v)
{
    return QString::number(v, 'g', 12);
}

QString withUnit(double v, const QString &unit)
{
    if (unit.isEmpty())
        return num(v);
    if (unit == u"%" || unit == u"°")
        return num(v) + unit;
    return num(v) + u' ' + unit;
}

LocalizedText typeMessage(FieldType t)
{
    switch (t) {
    case FieldType::Text:
        return msg(QStringLiteral("应为文本。"), QStringLiteral("Expected text."));
    case FieldType::Integer:
        return msg(QStringLiteral("应为整数。"), QStringLiteral("Expected a whole number."));
    case FieldType::Decimal:
        return msg(QStringLiteral("应为数字。"), QStringLiteral("Expected a number."));
    case FieldType::Date:
        return msg(QStringLiteral("应为有效日期（YYYY-MM-DD）。"),
                   QStringLiteral("Expected a valid date (YYYY-MM-DD)."));
    case FieldType::Choice:
        return msg(QStringLiteral("应为一个选项。"), QStringLiteral("Expected one option."));
    case FieldType::MultiChoice:
        return msg(QStringLiteral("应为选项列表。"), QStringLiteral("Expected a list of options."));
    case FieldType::Code:
        return msg(QStringLiteral("应为编码。"), QStringLiteral("Expected a code."));
    case FieldType::Group:
        return msg(QStringLiteral("应为多行记录列表。"), QStringLiteral("Expected a list of rows."));
    case FieldType::File:
        return msg(QStringLiteral("应为附件引用。"),
                   QStringLiteral("Expected a reference to an attachment."));
    }
    return {};
}

LocalizedText dateBoundText(const QString &bound)
{
    if (bound == u"today")
        return msg(QStringLiteral("今天"), QStringLiteral("today"));
    return msg(bound, bound);
}

bool isEmptyValue(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return true;
    case QJsonValue::String:
        return v.toString().isEmpty();
    case QJsonValue::Array:
        return v.toArray().isEmpty();
    default: // an object is never a field value: it fails the type check instead
        return false;
    }
}

// Strict "YYYY-MM-DD", by hand: it runs for every date on every keystroke.
QDate isoDate(QStringView s)
{
    if (s.size() != 10 || s[4] != u'-' || s[7] != u'-')
        return {};
    int parts[3] = {0, 0, 0};
    const int starts[3] = {0, 5, 8};
    const int lengths[3] = {4, 2, 2};
    for (int p = 0; p < 3; ++p) {
        for (int i = starts[p]; i < starts[p] + lengths[p]; ++i) {
            const char16_t c = s[i].unicode();
            if (c < u'0' || c > u'9')
                return {};
            parts[p] = parts[p] * 10 + (c - u'0');
        }
    }
    return QDate(parts[0], parts[1], parts[2]);
}

double roundTo(double v, int places)
{
    const double scale = std::pow(10.0, places);
    const double scaled = v * scale;
    return std::round(scaled + (scaled >= 0 ? 1e-9 : -1e-9)) / scale;
}

} // namespace

// --- compiled definition ------------------------------------------------------------------------

namespace {

struct CompiledField
{
    const FieldDefinition *def = nullptr;
    QString path; // canonical key: "x" or "group.member"
    QByteArray latin1Id;
    int index = 0;
    QRegularExpression pattern;
    Expression calculate;
    Expression visibleIf;
    QDate minDate;
    QDate maxDate;
    bool minToday = false;
    bool maxToday = false;
    double decimalScale = 100;
    QSet<QString> options;
    QSet<QString> allowedCodes;
    QList<CompiledField> members;
    QHash<QString, int> memberIndex;
};

struct CompiledRule
{
    const RuleDefinition *def = nullptr;
    Expression expression;
    QString rowGroup;
    int rowGroupIndex = -1;
    QStringList references;
    QStringList rowReferences;
};

struct CalcStep
{
    int top = -1;
    int member = -1;
};

} // namespace

struct Validator::Impl
{
    FormDefinition def;
    QList<CompiledField> fields;
    QHash<QString, int> topIndex;
    QList<CompiledRule> rules;
    QList<CalcStep> calcOrder;
    QList<int> derivedFields; // top-level fields whose value the definition may change or clear
    bool hasVisibility = false;
    QString brokenDefinition; // set when the definition did not compile: everything is refused

    void compile();
    CompiledField compileField(const FieldDefinition &f, const QString &path, int index,
                               const FormScope &scope, const QString &group);

    // Evaluation scope: which row bare member names and "group.member" paths bind to.
    // The record as the checks see it: one slot per top-level field (undefined when absent), with
    // calculated values in place and hidden fields emptied. Reading the JSON object once into slots
    // keeps the per-keystroke path free of repeated key searches.
    struct Effective
    {
        QList<QJsonValue> top;
        QList<bool> hidden;
        QSet<QString> hiddenMembers; // "group[i].member"
        QStringList unknown;         // keys of the record no field declares
        QList<ValidationIssue> calcIssues;
    };

    struct Scope
    {
        const Effective *top = nullptr;
        const CompiledField *group = nullptr;
        const QJsonObject *row = nullptr;
    };
    QJsonValue lookup(const Scope &s, const QString &path) const;
    static bool typeOk(const FieldDefinition &f, const QJsonValue &v);

    Effective effective(const QJsonObject &values, QDate today) const;
    void calculatePass(Effective &e, QDate today) const;
    void applyVisibility(Effective &e, QDate today) const;
    std::optional<QJsonValue> convert(const CompiledField &f, const QVariant &v) const;

    void checkField(const CompiledField &f, const QJsonValue &v, const QString &path, Mode mode, QDate today,
                    QList<ValidationIssue> &out) const;
    void checkRules(const Effective &e, Mode mode, QDate today, QList<ValidationIssue> &out) const;
    void sortIssues(QList<ValidationIssue> &issues) const;
};

CompiledField Validator::Impl::compileField(const FieldDefinition &f, const QString &path, int index,
                                            const FormScope &scope, const QString &group)
{
    CompiledField c;
    c.def = &f;
    c.path = path;
    c.latin1Id = f.id.toLatin1();
    if (std::any_of(f.id.cbegin(), f.id.cend(), [](QChar ch) { return ch.unicode() > 127; }))
        brokenDefinition = QStringLiteral("%1: field ids must be ASCII").arg(path);
    c.index = index;
    if (!f.pattern.isEmpty()) {
        c.pattern = QRegularExpression(QRegularExpression::anchoredPattern(f.pattern));
        if (!c.pattern.isValid())
            brokenDefinition = QStringLiteral("%1: invalid pattern").arg(path);
    }
    auto compileExpr = [&](const QString &src, Expression &out, const char *what) {
        if (src.isEmpty())
            return;
        auto e = Expression::parse(src, scope.knownFields(group));
        if (!e) {
            brokenDefinition = QStringLiteral("%1.%2 %3").arg(path, QLatin1String(what), e.error().message);
            return;
        }
        out = std::move(e.value());
    };
    compileExpr(f.calculate, c.calculate, "calculate");
    compileExpr(f.visibleIf, c.visibleIf, "visibleIf");
    if (!f.visibleIf.isEmpty())
        hasVisibility = true;
    c.decimalScale = std::pow(10.0, f.decimals);
    c.minToday = f.minDate == u"today";
    c.maxToday = f.maxDate == u"today";
    c.minDate = c.minToday ? QDate() : isoDate(f.minDate);
    c.maxDate = c.maxToday ? QDate() : isoDate(f.maxDate);
    for (const ChoiceOption &o : f.options)
        c.options.insert(o.code);
    c.allowedCodes = QSet<QString>(f.allowedCodes.cbegin(), f.allowedCodes.cend());
    for (qsizetype i = 0; i < f.fields.size(); ++i) {
        c.members.append(compileField(f.fields[i], path + u'.' + f.fields[i].id, int(i), scope, f.id));
        c.memberIndex.insert(f.fields[i].id, int(i));
    }
    return c;
}

void Validator::Impl::compile()
{
    const FormScope scope(def);
    int index = 0;
    for (const SectionDefinition &s : def.sections) {
        for (const FieldDefinition &f : s.fields) {
            topIndex.insert(f.id, index);
            fields.append(compileField(f, f.id, index, scope, {}));
            ++index;
        }
    }

    for (const CompiledField &f : std::as_const(fields)) {
        const bool derived = !f.calculate.isNull() || !f.visibleIf.isNull() ||
                             std::any_of(f.members.cbegin(), f.members.cend(), [](const CompiledField &m) {
                                 return !m.calculate.isNull() || !m.visibleIf.isNull();
                             });
        if (derived)
            derivedFields.append(f.index);
    }

    QList<std::pair<QString, QStringList>> calcs;
    QHash<QString, CalcStep> steps;
    for (const CompiledField &f : fields) {
        auto add = [&](const CompiledField &c, const QString &group, CalcStep step) {
            if (c.calculate.isNull())
                return;
            QStringList reads;
            for (const QString &r : c.calculate.references())
                reads.append(scope.resolve(r, group));
            calcs.append({c.path, reads});
            steps.insert(c.path, step);
        };
        add(f, {}, CalcStep{f.index, -1});
        for (const CompiledField &m : f.members)
            add(m, f.def->id, CalcStep{f.index, m.index});
    }
    if (!calcs.isEmpty()) {
        QString cycle;
        const QStringList order = FormScope::calculationOrder(calcs, &cycle);
        if (order.isEmpty())
            brokenDefinition = QStringLiteral("calculation cycle: %1").arg(cycle);
        for (const QString &key : order)
            calcOrder.append(steps.value(key));
    }

    const QStringList topKnown = scope.knownFields();
    for (const RuleDefinition &r : def.rules) {
        auto e = Expression::parse(r.expression, topKnown);
        if (!e) {
            brokenDefinition = QStringLiteral("rule %1: %2").arg(r.id, e.error().message);
            continue;
        }
        CompiledRule cr;
        cr.def = &r;
        cr.expression = std::move(e.value());
        cr.references = cr.expression.references();
        cr.rowReferences = cr.expression.rowReferences();
        if (!cr.rowReferences.isEmpty()) {
            cr.rowGroup = cr.rowReferences.first().section(u'.', 0, 0);
            cr.rowGroupIndex = topIndex.value(cr.rowGroup, -1);
        }
        rules.append(std::move(cr));
    }
    if (!brokenDefinition.isEmpty())
        qCWarning(lcForms) << "form definition" << def.id << "does not compile:" << brokenDefinition;
}

bool Validator::Impl::typeOk(const FieldDefinition &f, const QJsonValue &v)
{
    switch (f.type) {
    case FieldType::Text:
    case FieldType::Choice:
    case FieldType::Code:
    case FieldType::File:
        return v.isString();
    case FieldType::Integer: {
        if (!v.isDouble())
            return false;
        const double d = v.toDouble();
        return std::isfinite(d) && d == std::floor(d);
    }
    case FieldType::Decimal:
        return v.isDouble() && std::isfinite(v.toDouble());
    case FieldType::Date:
        return v.isString() && isoDate(v.toString()).isValid();
    case FieldType::MultiChoice:
    case FieldType::Group:
        return v.isArray();
    }
    return false;
}

QJsonValue Validator::Impl::lookup(const Scope &s, const QString &path) const
{
    const qsizetype dot = path.indexOf(u'.');
    if (s.group && s.row) {
        int mi = -1;
        if (dot < 0)
            mi = s.group->memberIndex.value(path, -1);
        else if (QStringView(path).left(dot) == s.group->def->id)
            mi = s.group->memberIndex.value(path.mid(dot + 1), -1);
        if (mi >= 0) {
            const CompiledField &m = s.group->members[mi];
            const QJsonValue v = s.row->value(m.def->id);
            return typeOk(*m.def, v) ? v : QJsonValue();
        }
    }
    if (dot >= 0)
        return {}; // a group member with no current row
    const int ti = topIndex.value(path, -1);
    if (ti < 0)
        return {};
    const QJsonValue &v = s.top->top.at(ti);
    return typeOk(*fields[ti].def, v) ? v : QJsonValue();
}

std::optional<QJsonValue> Validator::Impl::convert(const CompiledField &f, const QVariant &v) const
{
    const FieldType t = f.def->type;
    switch (v.typeId()) {
    case QMetaType::Double: {
        const double d = v.toDouble();
        if (!std::isfinite(d))
            return std::nullopt;
        if (t == FieldType::Integer)
            return QJsonValue(std::round(d));
        if (t == FieldType::Decimal)
            return QJsonValue(roundTo(d, f.def->decimals));
        if (t == FieldType::Text)
            return QJsonValue(num(d));
        return std::nullopt;
    }
    case QMetaType::QString: {
        const QString s = v.toString();
        if (t == FieldType::Text || t == FieldType::Choice || t == FieldType::Code)
            return QJsonValue(s);
        if (t == FieldType::Date && isoDate(s).isValid())
            return QJsonValue(s);
        return std::nullopt;
    }
    case QMetaType::QDate:
        if (t == FieldType::Date || t == FieldType::Text)
            return QJsonValue(v.toDate().toString(Qt::ISODate));
        return std::nullopt;
    case QMetaType::Bool:
        // A yes/no result fills a choice that offers "yes" and "no".
        if (t == FieldType::Choice && f.options.contains(QStringLiteral("yes")) &&
            f.options.contains(QStringLiteral("no")))
            return QJsonValue(v.toBool() ? QStringLiteral("yes") : QStringLiteral("no"));
        return std::nullopt;
    case QMetaType::QVariantList:
        if (t == FieldType::MultiChoice)
            return QJsonValue(QJsonArray::fromVariantList(v.toList()));
        return std::nullopt;
    default:
        return std::nullopt;
    }
}

void Validator::Impl::calculatePass(Effective &e, QDate today) const
{
    e.calcIssues.clear();
    Scope scope;
    scope.top = &e;
    const Expression::Lookup fn = [&](const QString &p) { return lookup(scope, p); };
    auto calcFailed = [&](const QString &path, const QString &why) {
        e.calcIssues.append(ValidationIssue{path, RuleSeverity::Warning, QStringLiteral("calculate"),
                                            msg(QStringLiteral("无法计算：%1").arg(why),
                                                QStringLiteral("Could not be calculated: %1").arg(why))});
    };
    for (const CalcStep &step : calcOrder) {
        const CompiledField &top = fields[step.top];
        if (step.member < 0) {
            scope.group = nullptr;
            scope.row = nullptr;
            const auto r = top.calculate.evaluate(fn, today);
            std::optional<QJsonValue> value;
            if (!r)
                calcFailed(top.path, r.error().message);
            else if (!r->isNull() && !(value = convert(top, *r)))
                calcFailed(
                    top.path,
                    QStringLiteral("the result does not fit a %1 field").arg(fieldTypeId(top.def->type)));
            e.top[top.index] = value ? *value : QJsonValue(QJsonValue::Undefined);
            continue;
        }
        const CompiledField &m = top.members[step.member];
        QJsonArray rows = e.top.at(top.index).toArray();
        if (rows.isEmpty())
            continue;
        scope.group = &top;
        for (qsizetype i = 0; i < rows.size(); ++i) {
            if (!rows.at(i).isObject())
                continue;
            QJsonObject row = rows.at(i).toObject();
            scope.row = &row;
            const auto r = m.calculate.evaluate(fn, today);
            const QString path = QStringLiteral("%1[%2].%3").arg(top.def->id).arg(i).arg(m.def->id);
            std::optional<QJsonValue> value;
            if (!r)
                calcFailed(path, r.error().message);
            else if (!r->isNull() && !(value = convert(m, *r)))
                calcFailed(
                    path, QStringLiteral("the result does not fit a %1 field").arg(fieldTypeId(m.def->type)));
            if (value)
                row.insert(m.def->id, *value);
            else
                row.remove(m.def->id);
            scope.row = nullptr;
            rows[i] = row;
        }
        e.top[top.index] = rows;
    }
}

void Validator::Impl::applyVisibility(Effective &e, QDate today) const
{
    Scope scope;
    scope.top = &e;
    const Expression::Lookup fn = [&](const QString &p) { return lookup(scope, p); };
    auto visible = [&](const Expression &x) {
        const auto r = x.evaluate(fn, today);
        return r && r->typeId() == QMetaType::Bool && r->toBool();
    };
    for (const CompiledField &f : fields) {
        if (!f.visibleIf.isNull()) {
            scope.group = nullptr;
            scope.row = nullptr;
            if (!visible(f.visibleIf)) {
                e.hidden[f.index] = true;
                e.top[f.index] = QJsonValue(QJsonValue::Undefined);
                continue;
            }
        }
        if (f.def->type != FieldType::Group)
            continue;
        const bool anyMemberVisibility =
            std::any_of(f.members.cbegin(), f.members.cend(),
                        [](const CompiledField &m) { return !m.visibleIf.isNull(); });
        if (!anyMemberVisibility || !e.top.at(f.index).isArray())
            continue;
        QJsonArray rows = e.top.at(f.index).toArray();
        scope.group = &f;
        for (qsizetype i = 0; i < rows.size(); ++i) {
            if (!rows.at(i).isObject())
                continue;
            QJsonObject row = rows.at(i).toObject();
            scope.row = &row;
            for (const CompiledField &m : f.members) {
                if (m.visibleIf.isNull() || visible(m.visibleIf))
                    continue;
                e.hiddenMembers.insert(QStringLiteral("%1[%2].%3").arg(f.def->id).arg(i).arg(m.def->id));
                row.remove(m.def->id);
            }
            scope.row = nullptr;
            rows[i] = row;
        }
        e.top[f.index] = rows;
    }
}

Validator::Impl::Effective Validator::Impl::effective(const QJsonObject &values, QDate today) const
{
    Effective e;
    e.top.resize(fields.size());
    e.hidden.resize(fields.size());
    // Ids are ASCII, so a Latin-1 lookup finds each without building a QString per key; the keys
    // are walked only when some of them are not fields.
    qsizetype found = 0;
    for (const CompiledField &f : fields) {
        QJsonValue v = values.value(QLatin1StringView(f.latin1Id));
        if (!v.isUndefined()) {
            ++found;
            e.top[f.index] = std::move(v);
        }
    }
    if (found != values.size()) {
        for (auto it = values.constBegin(); it != values.constEnd(); ++it) {
            const QString key = it.key();
            if (!topIndex.contains(key))
                e.unknown.append(key);
        }
    }
    if (calcOrder.isEmpty() && !hasVisibility)
        return e;
    calculatePass(e, today);
    if (!hasVisibility)
        return e;
    applyVisibility(e, today);
    const bool anyHidden = !e.hiddenMembers.isEmpty() || e.hidden.contains(true);
    if (anyHidden && !calcOrder.isEmpty()) {
        // Hidden values are gone: calculations that read them are computed again, and hidden
        // calculated fields stay empty.
        calculatePass(e, today);
        for (int i = 0; i < e.hidden.size(); ++i) {
            if (e.hidden.at(i))
                e.top[i] = QJsonValue(QJsonValue::Undefined);
        }
        for (const QString &h : std::as_const(e.hiddenMembers)) {
            const int g = topIndex.value(h.section(u'[', 0, 0), -1);
            const int row = h.section(u'[', 1).section(u']', 0, 0).toInt();
            const QString member = h.section(u'.', -1);
            if (g < 0)
                continue;
            QJsonArray rows = e.top.at(g).toArray();
            if (row < rows.size() && rows.at(row).isObject()) {
                QJsonObject o = rows.at(row).toObject();
                o.remove(member);
                rows[row] = o;
                e.top[g] = rows;
            }
        }
        QList<ValidationIssue> kept;
        for (const ValidationIssue &i : std::as_const(e.calcIssues)) {
            const int ti = topIndex.value(i.fieldPath, -1);
            if (!e.hiddenMembers.contains(i.fieldPath) && !(ti >= 0 && e.hidden.at(ti)))
                kept.append(i);
        }
        e.calcIssues = kept;
    }
    return e;
}

void Validator::Impl::checkField(const CompiledField &f, const QJsonValue &v, const QString &path, Mode mode,
                                 QDate today, QList<ValidationIssue> &out) const
{
    const FieldDefinition &d = *f.def;
    auto issue = [&](const QString &rule, LocalizedText text) {
        out.append(ValidationIssue{path, RuleSeverity::Error, rule, std::move(text)});
    };
    if (isEmptyValue(v)) {
        if (mode == Mode::Submit && d.required)
            issue(QStringLiteral("required"),
                  msg(QStringLiteral("此项为必填项。"), QStringLiteral("This field is required.")));
        if (mode == Mode::Submit && d.type == FieldType::Group && d.minRows > 0)
            issue(QStringLiteral("rows"), msg(QStringLiteral("至少需要 %1 行。").arg(d.minRows),
                                              QStringLiteral("At least %1 rows are needed.").arg(d.minRows)));
        return;
    }
    if (!typeOk(d, v)) {
        issue(QStringLiteral("type"), typeMessage(d.type));
        return;
    }
    switch (d.type) {
    case FieldType::Integer:
    case FieldType::Decimal: {
        const double x = v.toDouble();
        const bool low = d.minimum && x < *d.minimum;
        const bool high = d.maximum && x > *d.maximum;
        if (low || high) {
            if (d.minimum && d.maximum)
                issue(QStringLiteral("range"), msg(QStringLiteral("应在 %1 至 %2 之间。")
                                                       .arg(num(*d.minimum), withUnit(*d.maximum, d.unit)),
                                                   QStringLiteral("Must be between %1 and %2.")
                                                       .arg(num(*d.minimum), withUnit(*d.maximum, d.unit))));
            else if (low)
                issue(QStringLiteral("range"),
                      msg(QStringLiteral("不得小于 %1。").arg(withUnit(*d.minimum, d.unit)),
                          QStringLiteral("Must be at least %1.").arg(withUnit(*d.minimum, d.unit))));
            else
                issue(QStringLiteral("range"),
                      msg(QStringLiteral("不得大于 %1。").arg(withUnit(*d.maximum, d.unit)),
                          QStringLiteral("Must be at most %1.").arg(withUnit(*d.maximum, d.unit))));
        }
        if (d.type == FieldType::Decimal) {
            const double scaled = x * f.decimalScale;
            if (std::fabs(scaled - std::round(scaled)) > 1e-6 * std::max(1.0, std::fabs(scaled)))
                issue(QStringLiteral("decimals"),
                      msg(QStringLiteral("最多保留 %1 位小数。").arg(d.decimals),
                          QStringLiteral("At most %1 decimal places.").arg(d.decimals)));
        }
        break;
    }
    case FieldType::Date: {
        const QDate x = isoDate(v.toString());
        const QDate lo = f.minToday ? today : f.minDate;
        const QDate hi = f.maxToday ? today : f.maxDate;
        if (lo.isValid() && x < lo) {
            const LocalizedText b = dateBoundText(d.minDate);
            issue(QStringLiteral("range"),
                  msg(QStringLiteral("不得早于%1。").arg(b.zh == u"今天" ? b.zh : u' ' + b.zh),
                      QStringLiteral("Must be on or after %1.").arg(b.en)));
        } else if (hi.isValid() && x > hi) {
            const LocalizedText b = dateBoundText(d.maxDate);
            issue(QStringLiteral("range"),
                  msg(QStringLiteral("不得晚于%1。").arg(b.zh == u"今天" ? b.zh : u' ' + b.zh),
                      QStringLiteral("Must be on or before %1.").arg(b.en)));
        }
        break;
    }
    case FieldType::Text: {
        const QString s = v.toString();
        // Characters as people count them: one outside the BMP (a rare CJK character in a name)
        // takes two UTF-16 units but is one character.
        if (d.maxLength > 0 && QStringView(s).toUcs4().size() > d.maxLength)
            issue(QStringLiteral("length"), msg(QStringLiteral("最多 %1 个字符。").arg(d.maxLength),
                                                QStringLiteral("At most %1 characters.").arg(d.maxLength)));
        if (!d.pattern.isEmpty() && !f.pattern.match(s).hasMatch()) {
            if (!d.patternHint.isEmpty())
                issue(QStringLiteral("pattern"), d.patternHint);
            else
                issue(QStringLiteral("pattern"), msg(QStringLiteral("格式不正确。"),
                                                     QStringLiteral("Does not have the expected format.")));
        }
        break;
    }
    case FieldType::Choice:
        if (!f.options.contains(v.toString()))
            issue(QStringLiteral("options"),
                  msg(QStringLiteral("不是可选项之一。"), QStringLiteral("Not one of the options.")));
        break;
    case FieldType::MultiChoice: {
        QSet<QString> seen;
        for (const QJsonValue item : v.toArray()) {
            if (!item.isString() || !f.options.contains(item.toString())) {
                issue(QStringLiteral("options"),
                      msg(QStringLiteral("包含不在可选项中的值。"),
                          QStringLiteral("Contains a value that is not one of the options.")));
                break;
            }
            if (seen.contains(item.toString())) {
                issue(QStringLiteral("options"), msg(QStringLiteral("每个选项只能选择一次。"),
                                                     QStringLiteral("Each option may be chosen once.")));
                break;
            }
            seen.insert(item.toString());
        }
        break;
    }
    case FieldType::Code:
        if (!f.allowedCodes.isEmpty() && !f.allowedCodes.contains(v.toString())) {
            const QString system = d.codeSystem.isEmpty() ? QString() : d.codeSystem + u' ';
            issue(QStringLiteral("options"),
                  msg(QStringLiteral("不是允许的%1编码。").arg(system.isEmpty() ? QString() : u' ' + system),
                      QStringLiteral("Not an allowed %1code.").arg(system)));
        }
        break;
    case FieldType::File:
        if (QUuid::fromString(v.toString()).isNull())
            issue(QStringLiteral("type"), typeMessage(d.type));
        break;
    case FieldType::Group: {
        const QJsonArray rows = v.toArray();
        if (mode == Mode::Submit && d.minRows > 0 && rows.size() < d.minRows)
            issue(QStringLiteral("rows"), msg(QStringLiteral("至少需要 %1 行。").arg(d.minRows),
                                              QStringLiteral("At least %1 rows are needed.").arg(d.minRows)));
        if (d.maxRows > 0 && rows.size() > d.maxRows)
            issue(QStringLiteral("rows"), msg(QStringLiteral("最多 %1 行。").arg(d.maxRows),
                                              QStringLiteral("At most %1 rows are allowed.").arg(d.maxRows)));
        break;
    }
    }
}

void Validator::Impl::checkRules(const Effective &e, Mode mode, QDate today,
                                 QList<ValidationIssue> &out) const
{
    Scope scope;
    scope.top = &e;
    const Expression::Lookup fn = [&](const QString &p) { return lookup(scope, p); };

    auto run = [&](const CompiledRule &r, int row) {
        const RuleDefinition &d = *r.def;
        auto rowPath = [&](const QString &path) {
            if (row < 0 || !path.startsWith(r.rowGroup + u'.'))
                return path.contains(u'.') ? path.section(u'.', 0, 0) : path;
            return QStringLiteral("%1[%2].%3").arg(r.rowGroup).arg(row).arg(path.section(u'.', 1));
        };
        if (mode == Mode::Draft) {
            // An unfinished draft is only held to the rules whose fields it already has.
            for (const QString &ref : r.references) {
                if (ref.contains(u'.') && !r.rowReferences.contains(ref))
                    continue; // aggregate argument
                if (isEmptyValue(fn(ref)))
                    return;
            }
        }
        const auto result = r.expression.evaluate(fn, today);
        LocalizedText text = d.message;
        if (result && (result->isNull() || (result->typeId() == QMetaType::Bool && result->toBool())))
            return;
        if (!result) {
            text =
                msg(QStringLiteral("规则“%1”无法检查：%2").arg(d.id, result.error().message),
                    QStringLiteral("Rule '%1' could not be checked: %2").arg(d.id, result.error().message));
        } else if (result->typeId() != QMetaType::Bool) {
            text = msg(QStringLiteral("规则“%1”的结果不是是/否。").arg(d.id),
                       QStringLiteral("Rule '%1' does not give yes or no.").arg(d.id));
        }
        const QStringList targets =
            !d.fields.isEmpty() ? d.fields : (row >= 0 ? r.rowReferences : QStringList());
        if (targets.isEmpty()) {
            out.append(ValidationIssue{QString(), d.severity, d.id, text});
            return;
        }
        QStringList paths;
        for (const QString &t : targets) {
            const QString p = rowPath(t);
            if (!paths.contains(p))
                paths.append(p);
        }
        for (const QString &p : paths)
            out.append(ValidationIssue{p, d.severity, d.id, text});
    };

    for (const CompiledRule &r : rules) {
        if (r.rowGroup.isEmpty()) {
            scope.group = nullptr;
            scope.row = nullptr;
            run(r, -1);
            continue;
        }
        if (r.rowGroupIndex < 0 || e.hidden.at(r.rowGroupIndex))
            continue;
        const QJsonArray rows = e.top.at(r.rowGroupIndex).toArray();
        scope.group = &fields[r.rowGroupIndex];
        for (qsizetype i = 0; i < rows.size(); ++i) {
            if (!rows.at(i).isObject())
                continue;
            const QJsonObject row = rows.at(i).toObject();
            scope.row = &row;
            run(r, int(i));
            scope.row = nullptr;
        }
    }
}

void Validator::Impl::sortIssues(QList<ValidationIssue> &issues) const
{
    // Form order: top-level field, then row, then member; undeclared keys after the fields, form-level
    // issues last. Stable, so the checks of one field keep their order.
    struct Key
    {
        int top;
        int row;
        int member;
    };
    constexpr int kLast = std::numeric_limits<int>::max();
    auto keyOf = [&](const QString &path) -> Key {
        if (path.isEmpty())
            return {kLast, 0, 0};
        const qsizetype bracket = path.indexOf(u'[');
        const QString head = bracket < 0 ? path : path.left(bracket);
        const int ti = topIndex.value(head, -1);
        if (ti < 0)
            return {kLast - 1, 0, 0};
        if (bracket < 0)
            return {ti, -1, -1};
        const int row = path.mid(bracket + 1).section(u']', 0, 0).toInt();
        const qsizetype dot = path.indexOf(u'.', bracket);
        const int mi = dot < 0 ? -1 : fields[ti].memberIndex.value(path.mid(dot + 1), kLast - 1);
        return {ti, row, mi};
    };
    QList<std::pair<Key, ValidationIssue>> keyed;
    keyed.reserve(issues.size());
    for (ValidationIssue &i : issues)
        keyed.append({keyOf(i.fieldPath), std::move(i)});
    std::stable_sort(keyed.begin(), keyed.end(), [](const auto &a, const auto &b) {
        return std::tie(a.first.top, a.first.row, a.first.member) <
               std::tie(b.first.top, b.first.row, b.first.member);
    });
    issues.clear();
    for (auto &k : keyed)
        issues.append(std::move(k.second));
}

// --- Validator -----------------------------------------------------------------------------------

Validator::Validator(FormDefinition definition)
    : d(std::make_unique<Impl>())
{
    d->def = std::move(definition);
    d->compile();
}

Validator::~Validator() = default;
Validator::Validator(Validator &&) noexcept = default;
Validator &Validator::operator=(Validator &&) noexcept = default;

const FormDefinition &Validator::definition() const
{
    return d->def;
}

ValidationResult Validator::validate(const QJsonObject &values, Mode mode, QDate today) const
{
    ValidationResult result;
    if (!d->brokenDefinition.isEmpty()) {
        result.issues.append(
            ValidationIssue{QString(), RuleSeverity::Error, QStringLiteral("definition"),
                            msg(QStringLiteral("表单定义有误，无法校验：%1").arg(d->brokenDefinition),
                                QStringLiteral("The form definition is broken and cannot check values: %1")
                                    .arg(d->brokenDefinition))});
        return result;
    }
    const Impl::Effective e = d->effective(values, today);
    QList<ValidationIssue> &out = result.issues;
    const LocalizedText unknown =
        msg(QStringLiteral("不是本表单的字段。"), QStringLiteral("Not a field of this form."));

    for (const QString &key : e.unknown)
        out.append(ValidationIssue{key, RuleSeverity::Error, QStringLiteral("unknown"), unknown});
    for (const CompiledField &f : std::as_const(d->fields)) {
        const QString &id = f.def->id;
        if (e.hidden.at(f.index))
            continue;
        const QJsonValue &v = e.top.at(f.index);
        d->checkField(f, v, id, mode, today, out);
        if (f.def->type != FieldType::Group || !v.isArray())
            continue;
        const QJsonArray rows = v.toArray();
        for (qsizetype i = 0; i < rows.size(); ++i) {
            const QString rowPath = QStringLiteral("%1[%2]").arg(id).arg(i);
            if (!rows.at(i).isObject()) {
                out.append(ValidationIssue{rowPath, RuleSeverity::Error, QStringLiteral("type"),
                                           msg(QStringLiteral("每一行应为一组字段。"),
                                               QStringLiteral("Each row must be a set of fields."))});
                continue;
            }
            const QJsonObject row = rows.at(i).toObject();
            for (auto it = row.constBegin(); it != row.constEnd(); ++it) {
                if (!f.memberIndex.contains(it.key()))
                    out.append(ValidationIssue{rowPath + u'.' + it.key(), RuleSeverity::Error,
                                               QStringLiteral("unknown"), unknown});
            }
            for (const CompiledField &m : f.members) {
                const QString path = rowPath + u'.' + m.def->id;
                if (!e.hiddenMembers.isEmpty() && e.hiddenMembers.contains(path))
                    continue;
                d->checkField(m, row.value(m.def->id), path, mode, today, out);
            }
        }
    }
    out.append(e.calcIssues);
    d->checkRules(e, mode, today, out);
    if (!out.isEmpty())
        d->sortIssues(out);
    return result;
}

QJsonObject Validator::withCalculated(const QJsonObject &values, QDate today) const
{
    if (!d->brokenDefinition.isEmpty())
        return values;
    const Impl::Effective e = d->effective(values, today);
    QJsonObject out = values;
    for (const int i : std::as_const(d->derivedFields)) {
        const QJsonValue &v = e.top.at(i);
        if (v.isUndefined())
            out.remove(d->fields.at(i).def->id);
        else
            out.insert(d->fields.at(i).def->id, v);
    }
    return out;
}

} // namespace mdp::forms
