#include "mdp/audit/AuditCheckpoint.h"

#include "mdp/audit/AuditEvent.h"
#include "mdp/audit/CanonicalJson.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace mdp::audit {
namespace {

Error malformed(const QString &what)
{
    return makeError(Error::Code::Corrupt, QStringLiteral("audit checkpoint: ") + what);
}

} // namespace

QByteArray AuditCheckpoint::signedBody() const
{
    QJsonObject anchorObject;
    for (auto it = anchors.begin(); it != anchors.end(); ++it)
        anchorObject.insert(it.key(), it.value());
    QJsonObject o;
    o.insert(QStringLiteral("type"), QStringLiteral("mdp.audit.checkpoint"));
    o.insert(QStringLiteral("v"), kFormatVersion);
    o.insert(QStringLiteral("logId"), QString::fromLatin1(logId.toHex()));
    o.insert(QStringLiteral("cipher"), cipher);
    if (logFormat >= 2) // absent from the checkpoints of version-1 logs, whose signatures stay valid
        o.insert(QStringLiteral("logFormat"), logFormat);
    o.insert(QStringLiteral("hash"), QStringLiteral("sm3"));
    o.insert(QStringLiteral("size"), size);
    o.insert(QStringLiteral("bytes"), bytes);
    o.insert(QStringLiteral("root"), QString::fromLatin1(merkleRoot.toHex()));
    o.insert(QStringLiteral("chainHead"), QString::fromLatin1(chainHead.toHex()));
    o.insert(QStringLiteral("anchors"), anchorObject);
    o.insert(QStringLiteral("time"), time.isValid() ? AuditEvent::formatTime(time) : QString());
    o.insert(QStringLiteral("keyId"), keyId);
    return CanonicalJson::serialize(o);
}

QByteArray AuditCheckpoint::toHeadFile() const
{
    return signedBody() + '\n' + signature.toBase64() + '\n';
}

Result<AuditCheckpoint> AuditCheckpoint::fromHeadFile(QByteArrayView bytes)
{
    const qsizetype nl = bytes.indexOf('\n');
    if (nl < 0 || !bytes.endsWith('\n') || bytes.sliced(nl + 1).count('\n') != 1)
        return malformed(QStringLiteral("head file is not two lines"));
    const QByteArrayView body = bytes.first(nl);
    const QByteArrayView sigLine = bytes.sliced(nl + 1, bytes.size() - nl - 2);
    auto sig = QByteArray::fromBase64Encoding(sigLine.toByteArray(), QByteArray::AbortOnBase64DecodingErrors);
    if (!sig || sig.decoded.isEmpty())
        return malformed(QStringLiteral("signature line is not base64"));

    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(body.toByteArray(), &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return malformed(QStringLiteral("body is not a JSON object"));
    const QJsonObject o = doc.object();
    if (o.value(QStringLiteral("type")).toString() != u"mdp.audit.checkpoint" ||
        o.value(QStringLiteral("v")).toInteger(-1) != kFormatVersion)
        return malformed(QStringLiteral("unknown checkpoint type or version"));
    if (o.value(QStringLiteral("hash")).toString() != u"sm3")
        return malformed(QStringLiteral("unknown hash"));

    AuditCheckpoint cp;
    auto hex = [&](const char *key, int expectedSize, QByteArray &outValue) {
        const QString s = o.value(QLatin1String(key)).toString();
        outValue = QByteArray::fromHex(s.toLatin1());
        return outValue.size() == expectedSize && QString::fromLatin1(outValue.toHex()) == s;
    };
    if (!hex("logId", 16, cp.logId) || !hex("root", 32, cp.merkleRoot) || !hex("chainHead", 32, cp.chainHead))
        return malformed(QStringLiteral("logId, root or chainHead is not hex of the right length"));
    cp.cipher = o.value(QStringLiteral("cipher")).toString();
    cp.logFormat = int(o.value(QStringLiteral("logFormat")).toInteger(1));
    if (cp.logFormat < 1)
        return malformed(QStringLiteral("logFormat is not a positive integer"));
    cp.size = o.value(QStringLiteral("size")).toInteger(-1);
    cp.bytes = o.value(QStringLiteral("bytes")).toInteger(-1);
    if (cp.size < 0 || cp.bytes < 0)
        return malformed(QStringLiteral("size or bytes is not a non-negative integer"));
    const QJsonValue anchors = o.value(QStringLiteral("anchors"));
    if (!anchors.isObject())
        return malformed(QStringLiteral("anchors is not an object"));
    const QJsonObject ao = anchors.toObject();
    for (auto it = ao.begin(); it != ao.end(); ++it) {
        const qint64 a = it.value().toInteger(1);
        if (a != it.value().toInteger(2))
            return malformed(QStringLiteral("an anchor is not an integer"));
        cp.anchors.insert(it.key(), a);
    }
    const auto t = AuditEvent::parseTime(o.value(QStringLiteral("time")).toString());
    if (!t)
        return malformed(QStringLiteral("time is not a UTC timestamp"));
    cp.time = *t;
    cp.keyId = o.value(QStringLiteral("keyId")).toString();
    // The bytes that were signed must be exactly what we interpret, not merely equivalent JSON.
    if (cp.signedBody() != body)
        return malformed(QStringLiteral("body is not in canonical form"));
    cp.signature = sig.decoded;
    return cp;
}

} // namespace mdp::audit
