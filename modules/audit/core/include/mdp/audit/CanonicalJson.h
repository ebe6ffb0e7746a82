#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

namespace mdp::audit {

// Deterministic UTF-8 JSON in the manner of RFC 8785 (JCS), so that equal values always hash to
// equal bytes: object keys sorted by UTF-16 code units, no insignificant whitespace, whole numbers
// written as integers, other numbers in ECMAScript shortest form, strings escaped as
// JSON.stringify does (only '"', '\\' and controls below U+0020; everything else literal UTF-8).
// Differences from RFC 8785: integers beyond 2^53 stay exact integers, and an unpaired surrogate is
// written as a \uXXXX escape instead of being refused (AuditEvent::validate() refuses them first).
class CanonicalJson
{
public:
    static QByteArray serialize(const QJsonValue &value);
    static QByteArray serialize(const QJsonObject &object);
    static QByteArray serialize(const QJsonArray &array);
    // Streaming forms, for writers that lay out known members themselves.
    static void appendString(QByteArray &out, QStringView text);
    static void appendObject(QByteArray &out, const QJsonObject &object);

    // ECMAScript Number::toString of a finite double (shortest round trip), as RFC 8785 requires.
    static QByteArray formatNumber(double value);
    // True when the string contains an unpaired UTF-16 surrogate (not representable in UTF-8).
    static bool hasUnpairedSurrogate(QStringView text);
};

} // namespace mdp::audit
