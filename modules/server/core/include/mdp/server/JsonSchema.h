#pragma once

#include "mdp/foundation/Result.h"

#include <QByteArrayView>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace mdp::server {

// The nesting depth of a JSON text, read without parsing it (strings and escapes skipped), so a body
// nested a million levels deep is refused before any parser recurses into it.
int jsonNestingDepth(QByteArrayView text);

// Strict validation of request bodies against the schemas of the OpenAPI document the server serves
// (one source for what is documented and what is enforced). The subset of JSON Schema used there:
// type (object, array, string, integer, number, boolean), required, properties,
// additionalProperties: false (the default here: unknown members are refused), items, minItems,
// maxItems, minLength, maxLength, minimum, maximum, enum, pattern, format "byte" (base64) and
// "uuid", and "$ref" to "#/components/schemas/NAME". Secret members are marked "x-secret": true and
// never appear in the call log.
class JsonSchema
{
public:
    // `document` is the whole OpenAPI document (for $ref); `schema` one schema inside it.
    JsonSchema(QJsonObject document, QJsonObject schema);

    // InvalidArgument naming the first offending member as a JSON pointer ("/entries/3/revision").
    Result<void> validate(const QJsonValue &value) const;
    // The value with every member marked x-secret replaced by "***" (for the call log).
    QJsonValue redacted(const QJsonValue &value) const;

private:
    Result<void> check(const QJsonObject &schema, const QJsonValue &value, const QString &pointer) const;
    QJsonValue redact(const QJsonObject &schema, const QJsonValue &value) const;
    QJsonObject resolve(const QJsonObject &schema) const;
    QJsonObject m_document;
    QJsonObject m_schema;
};

} // namespace mdp::server
