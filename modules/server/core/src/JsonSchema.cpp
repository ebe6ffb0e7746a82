#include "mdp/server/JsonSchema.h"

#include <QHash>
#include <QJsonArray>
#include <QMutex>
#include <QRegularExpression>
#include <QUuid>

#include <cmath>

namespace mdp::server {

int jsonNestingDepth(QByteArrayView text)
{
    int depth = 0;
    int deepest = 0;
    bool inString = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            deepest = std::max(deepest, ++depth);
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return deepest;
}

JsonSchema::JsonSchema(QJsonObject document, QJsonObject schema)
    : m_document(std::move(document))
    , m_schema(std::move(schema))
{}

Result<void> JsonSchema::validate(const QJsonValue &value) const
{
    return check(m_schema, value, QString());
}

QJsonValue JsonSchema::redacted(const QJsonValue &value) const
{
    return redact(m_schema, value);
}

QJsonObject JsonSchema::resolve(const QJsonObject &schema) const
{
    QJsonObject current = schema;
    for (int hops = 0; hops < 16 && current.contains(QLatin1String("$ref")); ++hops) {
        const QString ref = current.value(QLatin1String("$ref")).toString();
        static const QString prefix = QStringLiteral("#/components/schemas/");
        if (!ref.startsWith(prefix))
            return {};
        current = m_document.value(QLatin1String("components"))
                      .toObject()
                      .value(QLatin1String("schemas"))
                      .toObject()
                      .value(ref.mid(prefix.size()))
                      .toObject();
    }
    return current;
}

namespace {

Error invalid(const QString &pointer, const QString &what)
{
    return makeError(Error::Code::InvalidArgument,
                     QStringLiteral("%1: %2").arg(pointer.isEmpty() ? QStringLiteral("/") : pointer, what));
}

// Schema patterns, compiled once (every request is checked against the same few), anchored as a
// whole: PCRE's "$" would let a trailing newline through.
QRegularExpression compiledPattern(const QString &pattern)
{
    static QMutex mutex;
    static QHash<QString, QRegularExpression> compiled;
    QMutexLocker lock(&mutex);
    auto it = compiled.constFind(pattern);
    if (it == compiled.constEnd())
        it = compiled.insert(pattern, QRegularExpression(QRegularExpression::anchoredPattern(pattern)));
    return *it;
}

bool isBase64(const QString &text)
{
    static const QRegularExpression shape(
        QRegularExpression::anchoredPattern(QStringLiteral("[A-Za-z0-9+/]*={0,2}")));
    return text.size() % 4 == 0 && shape.match(text).hasMatch();
}

} // namespace

Result<void> JsonSchema::check(const QJsonObject &rawSchema, const QJsonValue &value,
                               const QString &pointer) const
{
    const QJsonObject schema = resolve(rawSchema);
    if (schema.isEmpty())
        return makeError(Error::Code::InvalidArgument, QStringLiteral("%1: no schema").arg(pointer));
    const QString type = schema.value(QLatin1String("type")).toString();

    if (schema.contains(QLatin1String("enum"))) {
        if (!schema.value(QLatin1String("enum")).toArray().contains(value))
            return invalid(pointer, QStringLiteral("not one of the allowed values"));
    }

    if (type == QLatin1String("object")) {
        if (!value.isObject())
            return invalid(pointer, QStringLiteral("expected an object"));
        const QJsonObject object = value.toObject();
        const QJsonObject properties = schema.value(QLatin1String("properties")).toObject();
        for (const QJsonValue required : schema.value(QLatin1String("required")).toArray()) {
            if (!object.contains(required.toString()))
                return invalid(pointer + QLatin1Char('/') + required.toString(), QStringLiteral("required"));
        }
        const QJsonValue additional = schema.value(QLatin1String("additionalProperties"));
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString member = pointer + QLatin1Char('/') + it.key();
            if (properties.contains(it.key())) {
                if (auto ok = check(properties.value(it.key()).toObject(), it.value(), member); !ok)
                    return ok;
            } else if (additional.isObject()) {
                if (auto ok = check(additional.toObject(), it.value(), member); !ok)
                    return ok;
            } else if (!(additional.isBool() && additional.toBool())) {
                return invalid(member, QStringLiteral("unknown member"));
            }
        }
        const int maxProperties = schema.value(QLatin1String("maxProperties")).toInt(-1);
        if (maxProperties >= 0 && object.size() > maxProperties)
            return invalid(pointer, QStringLiteral("more than %1 members").arg(maxProperties));
        return {};
    }
    if (type == QLatin1String("array")) {
        if (!value.isArray())
            return invalid(pointer, QStringLiteral("expected an array"));
        const QJsonArray array = value.toArray();
        const int minItems = schema.value(QLatin1String("minItems")).toInt(0);
        const int maxItems = schema.value(QLatin1String("maxItems")).toInt(-1);
        if (array.size() < minItems)
            return invalid(pointer, QStringLiteral("fewer than %1 items").arg(minItems));
        if (maxItems >= 0 && array.size() > maxItems)
            return invalid(pointer, QStringLiteral("more than %1 items").arg(maxItems));
        const QJsonObject items = schema.value(QLatin1String("items")).toObject();
        for (int i = 0; i < array.size(); ++i) {
            if (auto ok = check(items, array.at(i), pointer + QLatin1Char('/') + QString::number(i)); !ok)
                return ok;
        }
        return {};
    }
    if (type == QLatin1String("string")) {
        if (!value.isString())
            return invalid(pointer, QStringLiteral("expected a string"));
        const QString text = value.toString();
        const int minLength = schema.value(QLatin1String("minLength")).toInt(0);
        const int maxLength = schema.value(QLatin1String("maxLength")).toInt(-1);
        if (text.size() < minLength)
            return invalid(pointer, QStringLiteral("shorter than %1").arg(minLength));
        if (maxLength >= 0 && text.size() > maxLength)
            return invalid(pointer, QStringLiteral("longer than %1").arg(maxLength));
        if (schema.contains(QLatin1String("pattern"))) {
            const QRegularExpression pattern =
                compiledPattern(schema.value(QLatin1String("pattern")).toString());
            if (!pattern.match(text).hasMatch())
                return invalid(pointer, QStringLiteral("does not match the pattern"));
        }
        const QString format = schema.value(QLatin1String("format")).toString();
        if (format == QLatin1String("byte") && !isBase64(text))
            return invalid(pointer, QStringLiteral("not base64"));
        if (format == QLatin1String("uuid") && QUuid::fromString(text).isNull())
            return invalid(pointer, QStringLiteral("not a UUID"));
        return {};
    }
    if (type == QLatin1String("integer") || type == QLatin1String("number")) {
        if (!value.isDouble())
            return invalid(pointer, QStringLiteral("expected a number"));
        const double number = value.toDouble();
        if (type == QLatin1String("integer") && (std::floor(number) != number || std::abs(number) > 9.0e15))
            return invalid(pointer, QStringLiteral("expected an integer"));
        if (schema.contains(QLatin1String("minimum")) &&
            number < schema.value(QLatin1String("minimum")).toDouble())
            return invalid(pointer, QStringLiteral("below the minimum"));
        if (schema.contains(QLatin1String("maximum")) &&
            number > schema.value(QLatin1String("maximum")).toDouble())
            return invalid(pointer, QStringLiteral("above the maximum"));
        return {};
    }
    if (type == QLatin1String("boolean")) {
        if (!value.isBool())
            return invalid(pointer, QStringLiteral("expected true or false"));
        return {};
    }
    return makeError(Error::Code::InvalidArgument,
                     QStringLiteral("%1: schema has no known type").arg(pointer));
}

QJsonValue JsonSchema::redact(const QJsonObject &rawSchema, const QJsonValue &value) const
{
    const QJsonObject schema = resolve(rawSchema);
    if (schema.value(QLatin1String("x-secret")).toBool())
        return QStringLiteral("***");
    if (value.isObject()) {
        const QJsonObject properties = schema.value(QLatin1String("properties")).toObject();
        QJsonObject out;
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            out.insert(it.key(), redact(properties.value(it.key()).toObject(), it.value()));
        return out;
    }
    if (value.isArray()) {
        const QJsonObject items = schema.value(QLatin1String("items")).toObject();
        QJsonArray out;
        const QJsonArray array = value.toArray();
        // The log names how many, not what: sync batches carry ciphertext the log has no use for.
        if (array.size() > 8)
            return QStringLiteral("[%1 items]").arg(array.size());
        for (const QJsonValue item : array)
            out.append(redact(items, item));
        return out;
    }
    if (value.isString() && schema.value(QLatin1String("format")).toString() == QLatin1String("byte"))
        return QStringLiteral("[%1 base64 chars]").arg(value.toString().size());
    return value;
}

} // namespace mdp::server
