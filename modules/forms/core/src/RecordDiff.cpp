#include "mdp/forms/RecordDiff.h"

#include <QJsonArray>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace mdp::forms {

namespace {

bool isEmptyValue(const QJsonValue &v)
{
    return v.isNull() || v.isUndefined() || (v.isString() && v.toString().isEmpty()) ||
           (v.isArray() && v.toArray().isEmpty()) || (v.isObject() && v.toObject().isEmpty());
}

void compare(const QString &path, const QJsonValue &before, const QJsonValue &after, QList<FieldChange> &out)
{
    const bool b = isEmptyValue(before);
    const bool a = isEmptyValue(after);
    if (b && a)
        return;
    if (b) {
        out.append(FieldChange{path, FieldChange::Kind::Added, QJsonValue(), after});
    } else if (a) {
        out.append(FieldChange{path, FieldChange::Kind::Removed, before, QJsonValue()});
    } else if (before != after) {
        out.append(FieldChange{path, FieldChange::Kind::Changed, before, after});
    }
}

// Row members in definition order, then keys the definition does not know (values entered under
// an older version), sorted, so nothing that changed goes unreported.
void compareRows(const FieldDefinition &group, const QJsonArray &before, const QJsonArray &after,
                 QList<FieldChange> &out)
{
    const qsizetype rows = std::max(before.size(), after.size());
    for (qsizetype i = 0; i < rows; ++i) {
        const QJsonObject b = i < before.size() ? before.at(i).toObject() : QJsonObject();
        const QJsonObject a = i < after.size() ? after.at(i).toObject() : QJsonObject();
        const QString rowPath = QStringLiteral("%1[%2]").arg(group.id).arg(i);
        QSet<QString> known;
        for (const FieldDefinition &m : group.fields) {
            known.insert(m.id);
            compare(rowPath + u'.' + m.id, b.value(m.id), a.value(m.id), out);
        }
        QStringList extra;
        for (const QString &k : b.keys() + a.keys()) {
            if (!known.contains(k) && !extra.contains(k))
                extra.append(k);
        }
        extra.sort();
        for (const QString &k : std::as_const(extra))
            compare(rowPath + u'.' + k, b.value(k), a.value(k), out);
    }
}

} // namespace

QList<FieldChange> diffRecords(const FormDefinition &definition, const QJsonObject &before,
                               const QJsonObject &after)
{
    QList<FieldChange> out;
    QSet<QString> known;
    for (const FieldDefinition *f : definition.fields()) {
        known.insert(f->id);
        const QJsonValue b = before.value(f->id);
        const QJsonValue a = after.value(f->id);
        if (f->type == FieldType::Group && (b.isArray() || b.isUndefined() || b.isNull()) &&
            (a.isArray() || a.isUndefined() || a.isNull())) {
            compareRows(*f, b.toArray(), a.toArray(), out);
            continue;
        }
        compare(f->id, b, a, out);
    }
    QStringList extra;
    for (const QString &k : before.keys() + after.keys()) {
        if (!known.contains(k) && !extra.contains(k))
            extra.append(k);
    }
    extra.sort();
    for (const QString &k : std::as_const(extra))
        compare(k, before.value(k), after.value(k), out);
    return out;
}

namespace {

QString numberText(double v, int decimals, bool fixed)
{
    if (fixed)
        return QString::number(v, 'f', decimals);
    return QString::number(v, 'g', 15);
}

QString withUnit(const QString &number, const QString &unit)
{
    if (unit.isEmpty())
        return number;
    if (unit == u"%" || unit == u"°")
        return number + unit;
    return number + u' ' + unit;
}

QString optionLabel(const FieldDefinition &field, const QString &code, QStringView language)
{
    for (const ChoiceOption &o : field.options) {
        if (o.code == code) {
            const QString label = o.label.text(language);
            return label.isEmpty() ? code : label;
        }
    }
    return code;
}

} // namespace

QString displayValue(const FieldDefinition &field, const QJsonValue &value, QStringView language)
{
    if (isEmptyValue(value))
        return QStringLiteral("—");
    const bool chinese = language.startsWith(u"zh", Qt::CaseInsensitive);
    switch (field.type) {
    case FieldType::Integer:
        if (value.isDouble())
            return withUnit(numberText(value.toDouble(), 0, false), field.unit);
        break;
    case FieldType::Decimal:
        if (value.isDouble())
            return withUnit(numberText(value.toDouble(), field.decimals, true), field.unit);
        break;
    case FieldType::Choice:
        if (value.isString())
            return optionLabel(field, value.toString(), language);
        break;
    case FieldType::MultiChoice:
        if (value.isArray()) {
            QStringList labels;
            for (const QJsonValue v : value.toArray())
                labels.append(v.isString() ? optionLabel(field, v.toString(), language)
                                           : QStringLiteral("?"));
            return labels.join(chinese ? QStringLiteral("、") : QStringLiteral(", "));
        }
        break;
    case FieldType::Group:
        if (value.isArray()) {
            const qsizetype n = value.toArray().size();
            if (chinese)
                return QStringLiteral("%1 行").arg(n);
            return n == 1 ? QStringLiteral("1 row") : QStringLiteral("%1 rows").arg(n);
        }
        break;
    case FieldType::Code:
        if (value.isString()) {
            // The meaning first and the code beside it: coders check the code, clinicians read the label.
            const QString code = value.toString();
            const QString label = field.codeLabel(code, language);
            if (label != code)
                return QStringLiteral("%1 (%2)").arg(label, code);
            return field.codeSystem.isEmpty() ? code : QStringLiteral("%1 (%2)").arg(code, field.codeSystem);
        }
        break;
    case FieldType::File:
        if (value.isString())
            return chinese ? QStringLiteral("附件 %1").arg(value.toString().left(8))
                           : QStringLiteral("Attachment %1").arg(value.toString().left(8));
        break;
    case FieldType::Text:
    case FieldType::Date:
        if (value.isString())
            return value.toString();
        break;
    }
    // A value of the wrong type (entered under another version of the form): shown as it is.
    switch (value.type()) {
    case QJsonValue::Bool:
        return value.toBool() ? (chinese ? QStringLiteral("是") : QStringLiteral("yes"))
                              : (chinese ? QStringLiteral("否") : QStringLiteral("no"));
    case QJsonValue::Double:
        return numberText(value.toDouble(), 0, false);
    case QJsonValue::String:
        return value.toString();
    default:
        return QStringLiteral("…");
    }
}

} // namespace mdp::forms
