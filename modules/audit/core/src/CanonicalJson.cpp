#include "mdp/audit/CanonicalJson.h"

#include <QStringList>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>

namespace mdp::audit {
namespace {

void appendUtf8(QByteArray &out, char32_t cp)
{
    if (cp < 0x80) {
        out.append(char(cp));
    } else if (cp < 0x800) {
        out.append(char(0xC0 | (cp >> 6)));
        out.append(char(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.append(char(0xE0 | (cp >> 12)));
        out.append(char(0x80 | ((cp >> 6) & 0x3F)));
        out.append(char(0x80 | (cp & 0x3F)));
    } else {
        out.append(char(0xF0 | (cp >> 18)));
        out.append(char(0x80 | ((cp >> 12) & 0x3F)));
        out.append(char(0x80 | ((cp >> 6) & 0x3F)));
        out.append(char(0x80 | (cp & 0x3F)));
    }
}

void appendHexEscape(QByteArray &out, char16_t unit)
{
    static constexpr char kHex[] = "0123456789abcdef";
    out.append("\\u", 2);
    out.append(kHex[(unit >> 12) & 0xF]);
    out.append(kHex[(unit >> 8) & 0xF]);
    out.append(kHex[(unit >> 4) & 0xF]);
    out.append(kHex[unit & 0xF]);
}

void writeString(QByteArray &out, QStringView s)
{
    out.append('"');
    const qsizetype n = s.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t u = s[i].unicode();
        if (u < 0x20) {
            switch (u) {
            case 0x08:
                out.append("\\b", 2);
                break;
            case 0x09:
                out.append("\\t", 2);
                break;
            case 0x0A:
                out.append("\\n", 2);
                break;
            case 0x0C:
                out.append("\\f", 2);
                break;
            case 0x0D:
                out.append("\\r", 2);
                break;
            default:
                appendHexEscape(out, u);
                break;
            }
        } else if (u == u'"') {
            out.append("\\\"", 2);
        } else if (u == u'\\') {
            out.append("\\\\", 2);
        } else if (QChar::isHighSurrogate(u)) {
            if (i + 1 < n && QChar::isLowSurrogate(s[i + 1].unicode())) {
                appendUtf8(out, QChar::surrogateToUcs4(u, s[i + 1].unicode()));
                ++i;
            } else {
                appendHexEscape(out, u);
            }
        } else if (QChar::isLowSurrogate(u)) {
            appendHexEscape(out, u);
        } else {
            appendUtf8(out, u);
        }
    }
    out.append('"');
}

void writeValue(QByteArray &out, const QJsonValue &v);

void writeObject(QByteArray &out, const QJsonObject &o)
{
    QStringList keys = o.keys();
    // QString's operator< compares UTF-16 code units, which is the RFC 8785 key order.
    std::sort(keys.begin(), keys.end());
    out.append('{');
    bool first = true;
    for (const QString &k : std::as_const(keys)) {
        if (!first)
            out.append(',');
        first = false;
        writeString(out, k);
        out.append(':');
        writeValue(out, o.value(k));
    }
    out.append('}');
}

void writeArray(QByteArray &out, const QJsonArray &a)
{
    out.append('[');
    bool first = true;
    for (const QJsonValue &v : a) {
        if (!first)
            out.append(',');
        first = false;
        writeValue(out, v);
    }
    out.append(']');
}

void writeValue(QByteArray &out, const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out.append("null", 4);
        break;
    case QJsonValue::Bool:
        v.toBool() ? out.append("true", 4) : out.append("false", 5);
        break;
    case QJsonValue::Double: {
        // toInteger() answers its default for anything that is not a whole qint64, so two different
        // defaults agreeing means the value really is that integer (exact even beyond 2^53).
        const qint64 a = v.toInteger(1);
        if (a == v.toInteger(2))
            out.append(QByteArray::number(a));
        else
            out.append(CanonicalJson::formatNumber(v.toDouble()));
        break;
    }
    case QJsonValue::String:
        writeString(out, v.toString());
        break;
    case QJsonValue::Array:
        writeArray(out, v.toArray());
        break;
    case QJsonValue::Object:
        writeObject(out, v.toObject());
        break;
    }
}

} // namespace

QByteArray CanonicalJson::serialize(const QJsonValue &value)
{
    QByteArray out;
    out.reserve(256);
    writeValue(out, value);
    return out;
}

QByteArray CanonicalJson::serialize(const QJsonObject &object)
{
    QByteArray out;
    out.reserve(256);
    writeObject(out, object);
    return out;
}

QByteArray CanonicalJson::serialize(const QJsonArray &array)
{
    QByteArray out;
    writeArray(out, array);
    return out;
}

void CanonicalJson::appendString(QByteArray &out, QStringView text)
{
    writeString(out, text);
}

void CanonicalJson::appendObject(QByteArray &out, const QJsonObject &object)
{
    writeObject(out, object);
}

QByteArray CanonicalJson::formatNumber(double value)
{
    if (!std::isfinite(value))
        return QByteArrayLiteral("null"); // JSON has no NaN/Infinity; JSON.stringify writes null
    if (value == 0)
        return QByteArrayLiteral("0");
    // Shortest round-trip digits in scientific form, then laid out by the ECMAScript rules
    // (ECMA-262 Number::toString): k digits, decimal exponent n.
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, std::abs(value), std::chars_format::scientific);
    const std::string_view sci(buf, std::size_t(res.ptr - buf));
    const std::size_t e = sci.find('e');
    std::string digits;
    for (std::size_t i = 0; i < e; ++i) {
        if (sci[i] != '.')
            digits.push_back(sci[i]);
    }
    while (digits.size() > 1 && digits.back() == '0')
        digits.pop_back();
    const int exp10 = std::atoi(std::string(sci.substr(e + 1)).c_str());
    const int k = int(digits.size());
    const int n = exp10 + 1;
    std::string out;
    if (value < 0)
        out.push_back('-');
    if (k <= n && n <= 21) {
        out += digits;
        out.append(std::size_t(n - k), '0');
    } else if (0 < n && n <= 21) {
        out += digits.substr(0, std::size_t(n));
        out.push_back('.');
        out += digits.substr(std::size_t(n));
    } else if (-6 < n && n <= 0) {
        out += "0.";
        out.append(std::size_t(-n), '0');
        out += digits;
    } else {
        out.push_back(digits[0]);
        if (k > 1) {
            out.push_back('.');
            out += digits.substr(1);
        }
        out.push_back('e');
        out.push_back(n - 1 >= 0 ? '+' : '-');
        out += std::to_string(std::abs(n - 1));
    }
    return QByteArray(out.data(), qsizetype(out.size()));
}

bool CanonicalJson::hasUnpairedSurrogate(QStringView text)
{
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t u = text[i].unicode();
        if (QChar::isHighSurrogate(u)) {
            if (i + 1 >= n || !QChar::isLowSurrogate(text[i + 1].unicode()))
                return true;
            ++i;
        } else if (QChar::isLowSurrogate(u)) {
            return true;
        }
    }
    return false;
}

} // namespace mdp::audit
