#include "mdp/forms/FormDefinition.h"

#include "FormScope.h"
#include "mdp/forms/Expression.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

#include <cmath>

namespace mdp::forms {

QString LocalizedText::text(QStringView language) const
{
    const bool chinese = language.startsWith(u"zh", Qt::CaseInsensitive);
    if (chinese)
        return zh.isEmpty() ? en : zh;
    return en.isEmpty() ? zh : en;
}

bool FieldDefinition::operator==(const FieldDefinition &) const = default;

QString FieldDefinition::codeLabel(const QString &code, QStringView language) const
{
    for (const ChoiceOption &option : options) {
        if (option.code == code)
            return option.label.text(language);
    }
    const auto label = codeLabels.constFind(code);
    if (label != codeLabels.cend() && !label->isEmpty())
        return label->text(language);
    return code;
}

namespace {

struct TypeName
{
    FieldType type;
    QStringView id;
};

constexpr TypeName kTypes[] = {
    {FieldType::Text, u"text"}, {FieldType::Integer, u"integer"}, {FieldType::Decimal, u"decimal"},
    {FieldType::Date, u"date"}, {FieldType::Choice, u"choice"},   {FieldType::MultiChoice, u"multi-choice"},
    {FieldType::Code, u"code"}, {FieldType::Group, u"group"},     {FieldType::File, u"file"},
};

// Ids the validator uses for its own checks: a rule of the same id would make issues ambiguous.
const QStringList &reservedRuleIds()
{
    static const QStringList ids{QStringLiteral("required"), QStringLiteral("range"),
                                 QStringLiteral("pattern"),  QStringLiteral("type"),
                                 QStringLiteral("options"),  QStringLiteral("rows"),
                                 QStringLiteral("unknown"),  QStringLiteral("length"),
                                 QStringLiteral("decimals"), QStringLiteral("calculate")};
    return ids;
}

bool isKeyword(const QString &id)
{
    return id == u"and" || id == u"or" || id == u"not" || id == u"true" || id == u"false" || id == u"null";
}

// Reads one definition with a JSON location for every complaint. The first error wins; later reads
// are no-ops so the parsing code stays straight-line.
class Reader
{
public:
    std::optional<Error> error;

    bool ok() const { return !error; }

    void fail(const QString &where, const QString &what)
    {
        if (!error)
            error = makeError(Error::Code::InvalidArgument,
                              where.isEmpty() ? what : QStringLiteral("%1: %2").arg(where, what));
    }

    static QString at(const QString &base, const QString &key)
    {
        return base.isEmpty() ? key : base + u'.' + key;
    }
    static QString index(const QString &base, const QString &key, qsizetype i)
    {
        return QStringLiteral("%1[%2]").arg(at(base, key)).arg(i);
    }

    void checkKeys(const QJsonObject &o, const QString &where, std::initializer_list<QStringView> allowed)
    {
        for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
            bool known = false;
            for (QStringView a : allowed) {
                if (a == it.key()) {
                    known = true;
                    break;
                }
            }
            if (!known) {
                fail(where.isEmpty() ? it.key() : at(where, it.key()), QStringLiteral("unknown key"));
                return;
            }
        }
    }

    QString string(const QJsonObject &o, const QString &where, const QString &key, bool required = false)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull()) {
            if (required)
                fail(at(where, key), QStringLiteral("missing"));
            return {};
        }
        if (!v.isString()) {
            fail(at(where, key), QStringLiteral("expected text"));
            return {};
        }
        if (required && v.toString().trimmed().isEmpty())
            fail(at(where, key), QStringLiteral("must not be empty"));
        return v.toString();
    }

    std::optional<double> number(const QJsonObject &o, const QString &where, const QString &key)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull())
            return std::nullopt;
        if (!v.isDouble() || !std::isfinite(v.toDouble())) {
            fail(at(where, key), QStringLiteral("expected a number"));
            return std::nullopt;
        }
        return v.toDouble();
    }

    int integer(const QJsonObject &o, const QString &where, const QString &key, int fallback, int lo, int hi)
    {
        const auto n = number(o, where, key);
        if (!n)
            return fallback;
        if (*n != std::floor(*n) || *n < lo || *n > hi) {
            fail(at(where, key), QStringLiteral("expected a whole number from %1 to %2").arg(lo).arg(hi));
            return fallback;
        }
        return int(*n);
    }

    bool boolean(const QJsonObject &o, const QString &where, const QString &key)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull())
            return false;
        if (!v.isBool())
            fail(at(where, key), QStringLiteral("expected true or false"));
        return v.toBool();
    }

    QStringList strings(const QJsonObject &o, const QString &where, const QString &key)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isArray()) {
            fail(at(where, key), QStringLiteral("expected a list of text"));
            return {};
        }
        QStringList out;
        const QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (!a.at(i).isString() || a.at(i).toString().isEmpty()) {
                fail(index(where, key, i), QStringLiteral("expected non-empty text"));
                return {};
            }
            out.append(a.at(i).toString());
        }
        return out;
    }

    LocalizedText localized(const QJsonObject &o, const QString &where, const QString &key,
                            bool required = false)
    {
        const QJsonValue v = o.value(key);
        LocalizedText t;
        if (v.isString()) {
            t.en = v.toString();
        } else if (v.isObject()) {
            const QJsonObject lo = v.toObject();
            checkKeys(lo, at(where, key), {u"zh", u"en"});
            t.zh = string(lo, at(where, key), QStringLiteral("zh"));
            t.en = string(lo, at(where, key), QStringLiteral("en"));
        } else if (!v.isUndefined() && !v.isNull()) {
            fail(at(where, key), QStringLiteral("expected text or an object with \"zh\" and \"en\""));
        }
        if (required && t.zh.trimmed().isEmpty() && t.en.trimmed().isEmpty())
            fail(at(where, key), QStringLiteral("missing"));
        return t;
    }

    QJsonArray array(const QJsonObject &o, const QString &where, const QString &key, bool required)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull()) {
            if (required)
                fail(at(where, key), QStringLiteral("missing"));
            return {};
        }
        if (!v.isArray()) {
            fail(at(where, key), QStringLiteral("expected a list"));
            return {};
        }
        return v.toArray();
    }

    QJsonObject object(const QJsonValue &v, const QString &where)
    {
        if (!v.isObject()) {
            fail(where, QStringLiteral("expected an object"));
            return {};
        }
        return v.toObject();
    }

    void checkId(const QString &id, const QString &where, const QRegularExpression &re, const QString &shape)
    {
        if (ok() && !re.match(id).hasMatch())
            fail(where, QStringLiteral("'%1' is not a valid id (%2)").arg(id, shape));
    }

    FieldDefinition field(const QJsonObject &o, const QString &where, bool inGroup)
    {
        static const QRegularExpression idRe(QStringLiteral("^[A-Za-z][A-Za-z0-9_]*$"));
        static const QRegularExpression categoryRe(QStringLiteral("^[a-z][a-z0-9-]*$"));
        FieldDefinition f;
        checkKeys(o, where, {u"id",        u"type",       u"label",        u"help",        u"classification",
                             u"required",  u"minimum",    u"maximum",      u"minDate",     u"maxDate",
                             u"decimals",  u"unit",       u"pattern",      u"patternHint", u"maxLength",
                             u"options",   u"codeSystem", u"allowedCodes", u"codeLabels",  u"calculate",
                             u"visibleIf", u"fields",     u"minRows",      u"maxRows"});
        f.id = string(o, where, QStringLiteral("id"), true);
        checkId(f.id, at(where, QStringLiteral("id")), idRe,
                QStringLiteral("a letter, then letters, digits or _"));
        if (ok() && isKeyword(f.id))
            fail(at(where, QStringLiteral("id")), QStringLiteral("'%1' is a reserved word").arg(f.id));
        const QString typeId = string(o, where, QStringLiteral("type"), true);
        if (!ok())
            return f;
        const auto type = fieldTypeFromId(typeId);
        if (!type) {
            fail(at(where, QStringLiteral("type")), QStringLiteral("unknown field type '%1'").arg(typeId));
            return f;
        }
        f.type = *type;
        f.label = localized(o, where, QStringLiteral("label"), true);
        f.help = localized(o, where, QStringLiteral("help"));
        if (o.contains(u"classification")) {
            const QString cw = at(where, QStringLiteral("classification"));
            const QJsonObject c = object(o.value(u"classification"), cw);
            checkKeys(c, cw, {u"category", u"level"});
            if (c.contains(u"category")) {
                f.classification.category = string(c, cw, QStringLiteral("category"), true);
                checkId(f.classification.category, at(cw, QStringLiteral("category")), categoryRe,
                        QStringLiteral("lower-case letters, digits and -"));
            }
            f.classification.level = integer(c, cw, QStringLiteral("level"), 3, 1, 5);
        }
        f.required = boolean(o, where, QStringLiteral("required"));

        auto onlyFor = [&](QStringView key, std::initializer_list<FieldType> types, const QString &which) {
            if (!ok() || !o.contains(key))
                return;
            for (FieldType t : types) {
                if (t == f.type)
                    return;
            }
            fail(at(where, key.toString()), QStringLiteral("only allowed for %1 fields").arg(which));
        };
        const QString numeric = QStringLiteral("integer and decimal");
        onlyFor(u"minimum", {FieldType::Integer, FieldType::Decimal}, numeric);
        onlyFor(u"maximum", {FieldType::Integer, FieldType::Decimal}, numeric);
        onlyFor(u"unit", {FieldType::Integer, FieldType::Decimal}, numeric);
        onlyFor(u"decimals", {FieldType::Decimal}, QStringLiteral("decimal"));
        onlyFor(u"minDate", {FieldType::Date}, QStringLiteral("date"));
        onlyFor(u"maxDate", {FieldType::Date}, QStringLiteral("date"));
        onlyFor(u"pattern", {FieldType::Text}, QStringLiteral("text"));
        onlyFor(u"patternHint", {FieldType::Text}, QStringLiteral("text"));
        onlyFor(u"maxLength", {FieldType::Text}, QStringLiteral("text"));
        onlyFor(u"options", {FieldType::Choice, FieldType::MultiChoice},
                QStringLiteral("choice and multi-choice"));
        onlyFor(u"codeSystem", {FieldType::Code}, QStringLiteral("code"));
        onlyFor(u"allowedCodes", {FieldType::Code}, QStringLiteral("code"));
        onlyFor(u"codeLabels", {FieldType::Code}, QStringLiteral("code"));
        onlyFor(u"fields", {FieldType::Group}, QStringLiteral("group"));
        onlyFor(u"minRows", {FieldType::Group}, QStringLiteral("group"));
        onlyFor(u"maxRows", {FieldType::Group}, QStringLiteral("group"));
        if (!ok())
            return f;

        f.minimum = number(o, where, QStringLiteral("minimum"));
        f.maximum = number(o, where, QStringLiteral("maximum"));
        if (ok() && f.minimum && f.maximum && *f.minimum > *f.maximum)
            fail(at(where, QStringLiteral("minimum")), QStringLiteral("greater than maximum"));
        f.unit = string(o, where, QStringLiteral("unit"));
        f.decimals = integer(o, where, QStringLiteral("decimals"), 2, 0, 10);
        f.minDate = string(o, where, QStringLiteral("minDate"));
        f.maxDate = string(o, where, QStringLiteral("maxDate"));
        QDate minD;
        QDate maxD;
        for (const auto &[key, value, out] : {std::tuple{QStringLiteral("minDate"), f.minDate, &minD},
                                              std::tuple{QStringLiteral("maxDate"), f.maxDate, &maxD}}) {
            if (!ok() || value.isEmpty() || value == u"today")
                continue;
            *out = value.size() == 10 ? QDate::fromString(value, Qt::ISODate) : QDate();
            if (!out->isValid())
                fail(at(where, key), QStringLiteral("expected YYYY-MM-DD or \"today\""));
        }
        if (ok() && minD.isValid() && maxD.isValid() && minD > maxD)
            fail(at(where, QStringLiteral("minDate")), QStringLiteral("later than maxDate"));
        if (ok() && f.minDate == u"today" && maxD.isValid())
            fail(at(where, QStringLiteral("minDate")), QStringLiteral("\"today\" with a fixed maxDate"));

        f.pattern = string(o, where, QStringLiteral("pattern"));
        if (ok() && !f.pattern.isEmpty()) {
            const QRegularExpression re(f.pattern);
            if (!re.isValid())
                fail(at(where, QStringLiteral("pattern")),
                     QStringLiteral("invalid regular expression at offset %1: %2")
                         .arg(re.patternErrorOffset())
                         .arg(re.errorString()));
        }
        f.patternHint = localized(o, where, QStringLiteral("patternHint"));
        f.maxLength = integer(o, where, QStringLiteral("maxLength"), 0, 0, 1000000);

        if (f.type == FieldType::Choice || f.type == FieldType::MultiChoice) {
            const QJsonArray opts = array(o, where, QStringLiteral("options"), true);
            if (ok() && opts.isEmpty())
                fail(at(where, QStringLiteral("options")),
                     QStringLiteral("a choice needs at least one option"));
            QSet<QString> codes;
            for (qsizetype i = 0; ok() && i < opts.size(); ++i) {
                const QString ow = index(where, QStringLiteral("options"), i);
                const QJsonObject oo = object(opts.at(i), ow);
                checkKeys(oo, ow, {u"code", u"label"});
                ChoiceOption opt;
                opt.code = string(oo, ow, QStringLiteral("code"), true);
                opt.label = localized(oo, ow, QStringLiteral("label"), true);
                if (ok() && codes.contains(opt.code))
                    fail(at(ow, QStringLiteral("code")),
                         QStringLiteral("duplicate option '%1'").arg(opt.code));
                codes.insert(opt.code);
                f.options.append(opt);
            }
        }
        f.codeSystem = string(o, where, QStringLiteral("codeSystem"));
        f.allowedCodes = strings(o, where, QStringLiteral("allowedCodes"));
        if (ok() &&
            QSet<QString>(f.allowedCodes.begin(), f.allowedCodes.end()).size() != f.allowedCodes.size())
            fail(at(where, QStringLiteral("allowedCodes")), QStringLiteral("duplicate code"));
        if (ok() && o.contains(u"codeLabels")) {
            const QString lw = at(where, QStringLiteral("codeLabels"));
            const QJsonObject labels = object(o.value(u"codeLabels"), lw);
            for (auto it = labels.constBegin(); ok() && it != labels.constEnd(); ++it) {
                if (!f.allowedCodes.isEmpty() && !f.allowedCodes.contains(it.key())) {
                    fail(at(lw, it.key()), QStringLiteral("not one of the allowed codes"));
                    break;
                }
                f.codeLabels.insert(it.key(), localized(labels, lw, it.key(), true));
            }
        }

        f.calculate = string(o, where, QStringLiteral("calculate"));
        f.visibleIf = string(o, where, QStringLiteral("visibleIf"));
        if (ok() && !f.calculate.isEmpty() && (f.type == FieldType::Group || f.type == FieldType::File))
            fail(at(where, QStringLiteral("calculate")),
                 QStringLiteral("not allowed for %1 fields").arg(typeId));

        if (f.type == FieldType::Group) {
            if (inGroup) {
                fail(at(where, QStringLiteral("type")), QStringLiteral("groups cannot be nested"));
                return f;
            }
            const QJsonArray members = array(o, where, QStringLiteral("fields"), true);
            if (ok() && members.isEmpty())
                fail(at(where, QStringLiteral("fields")), QStringLiteral("a group needs at least one field"));
            QSet<QString> ids;
            for (qsizetype i = 0; ok() && i < members.size(); ++i) {
                const QString mw = index(where, QStringLiteral("fields"), i);
                FieldDefinition m = field(object(members.at(i), mw), mw, true);
                if (ok() && ids.contains(m.id))
                    fail(at(mw, QStringLiteral("id")), QStringLiteral("duplicate field id '%1'").arg(m.id));
                ids.insert(m.id);
                f.fields.append(m);
            }
            f.minRows = integer(o, where, QStringLiteral("minRows"), 0, 0, 100000);
            f.maxRows = integer(o, where, QStringLiteral("maxRows"), 0, 0, 100000);
            if (ok() && f.maxRows > 0 && f.maxRows < f.minRows)
                fail(at(where, QStringLiteral("maxRows")), QStringLiteral("less than minRows"));
        }
        return f;
    }
};

QJsonValue localizedJson(const LocalizedText &t)
{
    QJsonObject o;
    if (!t.zh.isEmpty())
        o.insert(QStringLiteral("zh"), t.zh);
    if (!t.en.isEmpty())
        o.insert(QStringLiteral("en"), t.en);
    return o;
}

QJsonObject fieldJson(const FieldDefinition &f)
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), f.id);
    o.insert(QStringLiteral("type"), fieldTypeId(f.type));
    if (!f.label.isEmpty())
        o.insert(QStringLiteral("label"), localizedJson(f.label));
    if (!f.help.isEmpty())
        o.insert(QStringLiteral("help"), localizedJson(f.help));
    o.insert(QStringLiteral("classification"),
             QJsonObject{{QStringLiteral("category"), f.classification.category},
                         {QStringLiteral("level"), f.classification.level}});
    if (f.required)
        o.insert(QStringLiteral("required"), true);
    if (f.minimum)
        o.insert(QStringLiteral("minimum"), *f.minimum);
    if (f.maximum)
        o.insert(QStringLiteral("maximum"), *f.maximum);
    if (!f.minDate.isEmpty())
        o.insert(QStringLiteral("minDate"), f.minDate);
    if (!f.maxDate.isEmpty())
        o.insert(QStringLiteral("maxDate"), f.maxDate);
    if (f.type == FieldType::Decimal)
        o.insert(QStringLiteral("decimals"), f.decimals);
    if (!f.unit.isEmpty())
        o.insert(QStringLiteral("unit"), f.unit);
    if (!f.pattern.isEmpty())
        o.insert(QStringLiteral("pattern"), f.pattern);
    if (!f.patternHint.isEmpty())
        o.insert(QStringLiteral("patternHint"), localizedJson(f.patternHint));
    if (f.maxLength > 0)
        o.insert(QStringLiteral("maxLength"), f.maxLength);
    if (!f.options.isEmpty()) {
        QJsonArray opts;
        for (const ChoiceOption &c : f.options)
            opts.append(QJsonObject{{QStringLiteral("code"), c.code},
                                    {QStringLiteral("label"), localizedJson(c.label)}});
        o.insert(QStringLiteral("options"), opts);
    }
    if (!f.codeSystem.isEmpty())
        o.insert(QStringLiteral("codeSystem"), f.codeSystem);
    if (!f.allowedCodes.isEmpty())
        o.insert(QStringLiteral("allowedCodes"), QJsonArray::fromStringList(f.allowedCodes));
    if (!f.codeLabels.isEmpty()) {
        QJsonObject labels;
        // A label whose code was taken off the list (the designer edits the list alone) is dropped
        // rather than written into a definition the parser would refuse.
        for (auto it = f.codeLabels.cbegin(); it != f.codeLabels.cend(); ++it) {
            if (f.allowedCodes.isEmpty() || f.allowedCodes.contains(it.key()))
                labels.insert(it.key(), localizedJson(it.value()));
        }
        o.insert(QStringLiteral("codeLabels"), labels);
    }
    if (!f.calculate.isEmpty())
        o.insert(QStringLiteral("calculate"), f.calculate);
    if (!f.visibleIf.isEmpty())
        o.insert(QStringLiteral("visibleIf"), f.visibleIf);
    if (f.type == FieldType::Group) {
        QJsonArray members;
        for (const FieldDefinition &m : f.fields)
            members.append(fieldJson(m));
        o.insert(QStringLiteral("fields"), members);
        if (f.minRows > 0)
            o.insert(QStringLiteral("minRows"), f.minRows);
        if (f.maxRows > 0)
            o.insert(QStringLiteral("maxRows"), f.maxRows);
    }
    return o;
}

// The column of `path` in `source`, for complaints the parser cannot see (a group member used where
// no row is current).
int columnOf(const QString &source, const QString &path)
{
    static const QRegularExpression nameChar(QStringLiteral("[A-Za-z0-9_.]"));
    qsizetype from = 0;
    for (;;) {
        const qsizetype i = source.indexOf(path, from);
        if (i < 0)
            return 1;
        const bool startOk = i == 0 || !nameChar.match(source.mid(i - 1, 1)).hasMatch();
        const qsizetype end = i + path.size();
        const bool endOk = end >= source.size() || !nameChar.match(source.mid(end, 1)).hasMatch();
        if (startOk && endOk)
            return int(i) + 1;
        from = i + 1;
    }
}

// Second pass: every expression compiled in its scope, row bindings checked, calculation order
// acyclic, rule targets known.
std::optional<Error> checkExpressions(const FormDefinition &def)
{
    const FormScope scope(def);
    const QStringList topKnown = scope.knownFields();
    QHash<QString, QStringList> groupKnown;
    auto fail = [](const QString &where, const QString &what) {
        return makeError(Error::Code::InvalidArgument, QStringLiteral("%1 %2").arg(where, what));
    };
    QList<std::pair<QString, QStringList>> calculations;
    QHash<QString, QString> calcLocation;

    // Compiles one expression of a field in context `group`; returns an error or records dependencies.
    auto compile = [&](const QString &source, const QString &where, const QString &group,
                       const QString &selfKey, bool isCalculate) -> std::optional<Error> {
        if (source.isEmpty())
            return std::nullopt;
        const QStringList &known =
            group.isEmpty() ? topKnown
                            : (groupKnown.contains(group) ? groupKnown[group]
                                                          : (groupKnown[group] = scope.knownFields(group)));
        auto e = Expression::parse(source, known);
        if (!e)
            return fail(where, e.error().message);
        for (const QString &row : e->rowReferences()) {
            const QString rowGroup = row.section(u'.', 0, 0);
            if (rowGroup != group) {
                return fail(where,
                            QStringLiteral("at column %1: '%2' is a member of group '%3'; outside its rows "
                                           "use count(), sum() or increasing()")
                                .arg(columnOf(source, row))
                                .arg(row, rowGroup));
            }
        }
        QStringList reads;
        for (const QString &r : e->references()) {
            const QString key = scope.resolve(r, group);
            if (!isCalculate && key == selfKey)
                return fail(
                    where,
                    QStringLiteral("at column %1: a field cannot depend on itself").arg(columnOf(source, r)));
            reads.append(key);
        }
        if (isCalculate) {
            calculations.append({selfKey, reads});
            calcLocation.insert(selfKey, where);
        }
        return std::nullopt;
    };

    for (qsizetype si = 0; si < def.sections.size(); ++si) {
        const SectionDefinition &s = def.sections[si];
        for (qsizetype fi = 0; fi < s.fields.size(); ++fi) {
            const FieldDefinition &f = s.fields[fi];
            const QString where = QStringLiteral("sections[%1].fields[%2]").arg(si).arg(fi);
            if (auto err = compile(f.calculate, where + QStringLiteral(".calculate"), {}, f.id, true))
                return err;
            if (auto err = compile(f.visibleIf, where + QStringLiteral(".visibleIf"), {}, f.id, false))
                return err;
            for (qsizetype mi = 0; mi < f.fields.size(); ++mi) {
                const FieldDefinition &m = f.fields[mi];
                const QString mw = QStringLiteral("%1.fields[%2]").arg(where).arg(mi);
                const QString key = f.id + u'.' + m.id;
                if (auto err = compile(m.calculate, mw + QStringLiteral(".calculate"), f.id, key, true))
                    return err;
                if (auto err = compile(m.visibleIf, mw + QStringLiteral(".visibleIf"), f.id, key, false))
                    return err;
            }
        }
    }

    QString cycle;
    if (!calculations.isEmpty() && FormScope::calculationOrder(calculations, &cycle).isEmpty())
        return fail(calcLocation.value(cycle.section(QStringLiteral(" -> "), 0, 0)),
                    QStringLiteral("is part of a calculation cycle: %1").arg(cycle));

    for (qsizetype ri = 0; ri < def.rules.size(); ++ri) {
        const RuleDefinition &r = def.rules[ri];
        const QString where = QStringLiteral("rules[%1]").arg(ri);
        auto e = Expression::parse(r.expression, topKnown);
        if (!e)
            return fail(where + QStringLiteral(".expression"), e.error().message);
        QString rowGroup;
        for (const QString &row : e->rowReferences()) {
            const QString g = row.section(u'.', 0, 0);
            if (!rowGroup.isEmpty() && g != rowGroup)
                return fail(
                    where + QStringLiteral(".expression"),
                    QStringLiteral("at column %1: a rule may read the rows of one group only ('%2' and '%3')")
                        .arg(columnOf(r.expression, row))
                        .arg(rowGroup, g));
            rowGroup = g;
        }
        for (qsizetype k = 0; k < r.fields.size(); ++k) {
            if (!topKnown.contains(r.fields[k]))
                return makeError(
                    Error::Code::InvalidArgument,
                    QStringLiteral("%1.fields[%2]: unknown field '%3'").arg(where).arg(k).arg(r.fields[k]));
        }
    }
    return std::nullopt;
}

} // namespace

QString fieldTypeId(FieldType type)
{
    for (const TypeName &t : kTypes) {
        if (t.type == type)
            return t.id.toString();
    }
    return {};
}

std::optional<FieldType> fieldTypeFromId(QStringView id)
{
    for (const TypeName &t : kTypes) {
        if (t.id == id)
            return t.type;
    }
    return std::nullopt;
}

Result<FormDefinition> FormDefinition::fromJson(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return makeError(
            Error::Code::InvalidArgument,
            QStringLiteral("JSON at offset %1: %2").arg(parseError.offset).arg(parseError.errorString()));
    if (!doc.isObject())
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("a form definition must be a JSON object"));
    const QJsonObject o = doc.object();

    static const QRegularExpression formIdRe(QStringLiteral("^[a-z0-9][a-z0-9-]*$"));
    static const QRegularExpression sectionIdRe(QStringLiteral("^[A-Za-z][A-Za-z0-9_-]*$"));
    static const QRegularExpression eventRe(QStringLiteral("^[a-z][a-z0-9-]*$"));

    Reader rd;
    FormDefinition def;
    rd.checkKeys(
        o, {},
        {u"id", u"version", u"title", u"description", u"category", u"eventTypes", u"sections", u"rules"});
    def.id = rd.string(o, {}, QStringLiteral("id"), true);
    rd.checkId(def.id, QStringLiteral("id"), formIdRe, QStringLiteral("lower-case letters, digits and -"));
    def.version = rd.integer(o, {}, QStringLiteral("version"), 1, 1, 1000000);
    def.title = rd.localized(o, {}, QStringLiteral("title"), true);
    def.description = rd.localized(o, {}, QStringLiteral("description"));
    def.category = rd.string(o, {}, QStringLiteral("category"), true);
    rd.checkId(def.category, QStringLiteral("category"), eventRe,
               QStringLiteral("lower-case letters, digits and -"));
    def.eventTypes = rd.strings(o, {}, QStringLiteral("eventTypes"));
    for (qsizetype i = 0; rd.ok() && i < def.eventTypes.size(); ++i)
        rd.checkId(def.eventTypes[i], QStringLiteral("eventTypes[%1]").arg(i), eventRe,
                   QStringLiteral("lower-case letters, digits and -"));

    const QJsonArray sections = rd.array(o, {}, QStringLiteral("sections"), true);
    if (rd.ok() && sections.isEmpty())
        rd.fail(QStringLiteral("sections"), QStringLiteral("a form needs at least one section"));
    QSet<QString> sectionIds;
    QSet<QString> fieldIds;
    for (qsizetype si = 0; rd.ok() && si < sections.size(); ++si) {
        const QString sw = QStringLiteral("sections[%1]").arg(si);
        const QJsonObject so = rd.object(sections.at(si), sw);
        rd.checkKeys(so, sw, {u"id", u"title", u"fields"});
        SectionDefinition s;
        s.id = rd.string(so, sw, QStringLiteral("id"), true);
        rd.checkId(s.id, sw + QStringLiteral(".id"), sectionIdRe,
                   QStringLiteral("a letter, then letters, digits, _ or -"));
        if (rd.ok() && sectionIds.contains(s.id))
            rd.fail(sw + QStringLiteral(".id"), QStringLiteral("duplicate section id '%1'").arg(s.id));
        sectionIds.insert(s.id);
        s.title = rd.localized(so, sw, QStringLiteral("title"));
        const QJsonArray fields = rd.array(so, sw, QStringLiteral("fields"), true);
        if (rd.ok() && fields.isEmpty())
            rd.fail(sw + QStringLiteral(".fields"), QStringLiteral("a section needs at least one field"));
        for (qsizetype fi = 0; rd.ok() && fi < fields.size(); ++fi) {
            const QString fw = QStringLiteral("%1.fields[%2]").arg(sw).arg(fi);
            FieldDefinition f = rd.field(rd.object(fields.at(fi), fw), fw, false);
            if (rd.ok() && fieldIds.contains(f.id))
                rd.fail(fw + QStringLiteral(".id"), QStringLiteral("duplicate field id '%1'").arg(f.id));
            fieldIds.insert(f.id);
            s.fields.append(f);
        }
        def.sections.append(s);
    }

    const QJsonArray rules = rd.array(o, {}, QStringLiteral("rules"), false);
    QSet<QString> ruleIds;
    static const QRegularExpression ruleIdRe(QStringLiteral("^[A-Za-z][A-Za-z0-9_-]*$"));
    for (qsizetype ri = 0; rd.ok() && ri < rules.size(); ++ri) {
        const QString rw = QStringLiteral("rules[%1]").arg(ri);
        const QJsonObject ro = rd.object(rules.at(ri), rw);
        rd.checkKeys(ro, rw, {u"id", u"expression", u"severity", u"message", u"fields"});
        RuleDefinition r;
        r.id = rd.string(ro, rw, QStringLiteral("id"), true);
        rd.checkId(r.id, rw + QStringLiteral(".id"), ruleIdRe,
                   QStringLiteral("a letter, then letters, digits, _ or -"));
        if (rd.ok() && reservedRuleIds().contains(r.id))
            rd.fail(rw + QStringLiteral(".id"),
                    QStringLiteral("'%1' is reserved for built-in checks").arg(r.id));
        if (rd.ok() && ruleIds.contains(r.id))
            rd.fail(rw + QStringLiteral(".id"), QStringLiteral("duplicate rule id '%1'").arg(r.id));
        ruleIds.insert(r.id);
        r.expression = rd.string(ro, rw, QStringLiteral("expression"), true);
        const QString severity = rd.string(ro, rw, QStringLiteral("severity"));
        if (severity == u"warning")
            r.severity = RuleSeverity::Warning;
        else if (rd.ok() && !severity.isEmpty() && severity != u"error")
            rd.fail(rw + QStringLiteral(".severity"), QStringLiteral("expected \"error\" or \"warning\""));
        r.message = rd.localized(ro, rw, QStringLiteral("message"), true);
        r.fields = rd.strings(ro, rw, QStringLiteral("fields"));
        def.rules.append(r);
    }
    if (rd.error)
        return *rd.error;
    if (auto err = checkExpressions(def))
        return *err;
    return def;
}

QJsonObject FormDefinition::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), id);
    o.insert(QStringLiteral("version"), version);
    o.insert(QStringLiteral("title"), localizedJson(title));
    if (!description.isEmpty())
        o.insert(QStringLiteral("description"), localizedJson(description));
    o.insert(QStringLiteral("category"), category);
    if (!eventTypes.isEmpty())
        o.insert(QStringLiteral("eventTypes"), QJsonArray::fromStringList(eventTypes));
    QJsonArray secs;
    for (const SectionDefinition &s : sections) {
        QJsonObject so;
        so.insert(QStringLiteral("id"), s.id);
        if (!s.title.isEmpty())
            so.insert(QStringLiteral("title"), localizedJson(s.title));
        QJsonArray fs;
        for (const FieldDefinition &f : s.fields)
            fs.append(fieldJson(f));
        so.insert(QStringLiteral("fields"), fs);
        secs.append(so);
    }
    o.insert(QStringLiteral("sections"), secs);
    if (!rules.isEmpty()) {
        QJsonArray rs;
        for (const RuleDefinition &r : rules) {
            QJsonObject ro;
            ro.insert(QStringLiteral("id"), r.id);
            ro.insert(QStringLiteral("expression"), r.expression);
            ro.insert(QStringLiteral("severity"), r.severity == RuleSeverity::Warning
                                                      ? QStringLiteral("warning")
                                                      : QStringLiteral("error"));
            ro.insert(QStringLiteral("message"), localizedJson(r.message));
            if (!r.fields.isEmpty())
                ro.insert(QStringLiteral("fields"), QJsonArray::fromStringList(r.fields));
            rs.append(ro);
        }
        o.insert(QStringLiteral("rules"), rs);
    }
    return o;
}

const FieldDefinition *FormDefinition::field(QStringView path) const
{
    const qsizetype dot = path.indexOf(u'.');
    const QStringView head = dot < 0 ? path : path.left(dot);
    for (const SectionDefinition &s : sections) {
        for (const FieldDefinition &f : s.fields) {
            if (f.id != head)
                continue;
            if (dot < 0)
                return &f;
            if (f.type != FieldType::Group)
                return nullptr;
            const QStringView member = path.mid(dot + 1);
            for (const FieldDefinition &m : f.fields) {
                if (m.id == member)
                    return &m;
            }
            return nullptr;
        }
    }
    return nullptr;
}

QString FormDefinition::codeLabel(QStringView path, const QString &code, QStringView language) const
{
    const FieldDefinition *f = field(path);
    return f ? f->codeLabel(code, language) : code;
}

QList<const FieldDefinition *> FormDefinition::fields() const
{
    QList<const FieldDefinition *> out;
    for (const SectionDefinition &s : sections) {
        for (const FieldDefinition &f : s.fields)
            out.append(&f);
    }
    return out;
}

int FormDefinition::fieldCount() const
{
    int n = 0;
    for (const SectionDefinition &s : sections) {
        for (const FieldDefinition &f : s.fields)
            n += 1 + int(f.fields.size());
    }
    return n;
}

} // namespace mdp::forms
