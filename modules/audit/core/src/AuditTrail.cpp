#include "mdp/audit/AuditTrail.h"

#include "mdp/crypto/Hash.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QStandardPaths>

#include <algorithm>

#include <unistd.h>

namespace mdp::audit {

AuditTrail::AuditTrail(QList<AuditBundleEvent> events, QHash<QString, QString> accountNames)
    : m_events(std::move(events))
    , m_names(std::move(accountNames))
{
    for (int i = 0; i < m_events.size(); ++i) {
        const AuditEvent &e = m_events.at(i).event;
        m_byUser[e.agent.userId].append(i);
        for (const AuditEntity &entity : e.entities) {
            QList<int> &typed = m_byEntity[entity.key()];
            if (typed.isEmpty() || typed.last() != i)
                typed.append(i);
            QList<int> &bare = m_byBareId[entity.id];
            if (bare.isEmpty() || bare.last() != i)
                bare.append(i);
        }
    }
}

QString AuditTrail::nameOf(const QString &accountId) const
{
    return m_names.value(accountId, accountId);
}

QString AuditTrail::accountIdOf(const QString &user) const
{
    if (m_byUser.contains(user))
        return user;
    for (auto it = m_names.cbegin(); it != m_names.cend(); ++it)
        if (it.value().compare(user, Qt::CaseInsensitive) == 0)
            return it.key();
    return user;
}

QList<int> AuditTrail::byUser(const QString &user, const QDateTime &from, const QDateTime &to) const
{
    QList<int> out;
    for (int i : m_byUser.value(accountIdOf(user))) {
        const QDateTime &t = m_events.at(i).event.recorded;
        if ((!from.isValid() || t >= from) && (!to.isValid() || t < to))
            out.append(i);
    }
    return out;
}

QList<int> AuditTrail::byData(const QString &dataId) const
{
    const qsizetype colon = dataId.indexOf(QLatin1Char(':'));
    if (colon > 0 && colon < dataId.size() - 1)
        return m_byEntity.value(AuditEntity{dataId.left(colon), dataId.mid(colon + 1)}.key());
    return m_byBareId.value(dataId.trimmed());
}

QList<AuditTrail::UserFigures> AuditTrail::perUser() const
{
    QList<UserFigures> out;
    for (auto it = m_byUser.cbegin(); it != m_byUser.cend(); ++it) {
        UserFigures f;
        f.accountId = it.key();
        f.userName = nameOf(it.key());
        for (int i : it.value()) {
            const AuditEvent &e = m_events.at(i).event;
            ++f.events;
            if (e.outcome != AuditOutcome::Success)
                ++f.failures;
            if (e.action == AuditAction::Read)
                ++f.reads;
            else if (e.action != AuditAction::Execute)
                ++f.changes;
            if (e.type.contains(QLatin1String("download")) || e.type.contains(QLatin1String("export")))
                ++f.downloads;
            if (e.type == QLatin1String("security.alert"))
                ++f.alerts;
            if (!f.first.isValid() || e.recorded < f.first)
                f.first = e.recorded;
            if (!f.last.isValid() || e.recorded > f.last)
                f.last = e.recorded;
        }
        out.append(f);
    }
    std::sort(out.begin(), out.end(), [](const UserFigures &a, const UserFigures &b) {
        return a.events != b.events ? a.events > b.events : a.userName < b.userName;
    });
    return out;
}

QMap<QDate, int> AuditTrail::timeline(const QString &user) const
{
    QMap<QDate, int> out;
    if (user.isEmpty()) {
        for (const AuditBundleEvent &e : m_events)
            ++out[e.event.recorded.toUTC().date()];
    } else {
        for (int i : m_byUser.value(accountIdOf(user)))
            ++out[m_events.at(i).event.recorded.toUTC().date()];
    }
    return out;
}

namespace {

const QByteArray kReadGenesis = QByteArrayLiteral("mdp-audit-reads-v1");

// One read: base64(body) '.' base64(signature over exactly those body bytes), then '\n'. The body is
// compact JSON with the previous body's SM3 in "prev"; a read's identity is its body's SM3.
std::optional<QByteArray> strictBase64(QByteArrayView text)
{
    QByteArray::FromBase64Result r =
        QByteArray::fromBase64Encoding(text.toByteArray(), QByteArray::AbortOnBase64DecodingErrors);
    if (r.decodingStatus != QByteArray::Base64DecodingStatus::Ok || r.decoded.toBase64() != text)
        return std::nullopt; // only the one spelling of each value
    return r.decoded;
}

} // namespace

QString AuditReadLog::defaultPath(const crypto::PublicKey &auditor)
{
    const QString configured = qEnvironmentVariable("MDP_AUDIT_READ_LOG");
    if (!configured.isEmpty())
        return configured;
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) +
                        QStringLiteral("/audit-reads");
    QDir().mkpath(dir);
    return dir + QLatin1Char('/') + QString::fromLatin1(auditor.fingerprint().toHex().left(16)) +
           QStringLiteral(".log");
}

Result<void> AuditReadLog::append(const QString &path, const crypto::SigningKey &auditor,
                                  const QString &bundleId, const QString &query,
                                  const QJsonObject &parameters, const QDateTime &at)
{
    QFile file(path);
    QByteArray previous = crypto::hash(crypto::HashAlgorithm::Sm3, kReadGenesis);
    qint64 keep = 0; // bytes of whole lines: a line a crash cut short is dropped (it never answered)
    if (file.exists()) {
        if (!file.open(QIODevice::ReadOnly))
            return makeError(Error::Code::Io, QStringLiteral("the read log %1 cannot be read").arg(path));
        const QByteArray all = file.readAll();
        file.close();
        keep = all.lastIndexOf('\n') + 1;
        const QByteArray whole = all.left(keep);
        const qsizetype lastStart = whole.lastIndexOf('\n', keep - 2) + 1;
        if (keep > 0) {
            const QByteArray last = whole.mid(lastStart, keep - 1 - lastStart);
            const auto body =
                strictBase64(QByteArrayView(last).first(std::max<qsizetype>(last.indexOf('.'), 0)));
            if (!body)
                return makeError(Error::Code::Corrupt,
                                 QStringLiteral("the read log %1 is damaged").arg(path));
            previous = crypto::hash(crypto::HashAlgorithm::Sm3, *body);
        }
    }
    const QByteArray body =
        QJsonDocument(QJsonObject{{QStringLiteral("at"), AuditEvent::formatTime(at)},
                                  {QStringLiteral("bundle"), bundleId},
                                  {QStringLiteral("query"), query},
                                  {QStringLiteral("parameters"), parameters},
                                  {QStringLiteral("prev"), QString::fromLatin1(previous.toHex())}})
            .toJson(QJsonDocument::Compact);
    auto signature = auditor.sign(body);
    if (!signature)
        return signature.error();
    if (!file.open(QIODevice::ReadWrite) || !file.resize(keep) || !file.seek(keep))
        return makeError(Error::Code::Io, QStringLiteral("the read log %1 cannot be written").arg(path));
    const QByteArray line = body.toBase64() + '.' + signature->toBase64() + '\n';
    if (file.write(line) != line.size() || !file.flush() || ::fsync(file.handle()) != 0)
        return makeError(Error::Code::Io, QStringLiteral("the read log %1 cannot be written").arg(path));
    return {};
}

Result<QList<AuditReadLog::Read>> AuditReadLog::verify(QByteArrayView file, const crypto::PublicKey &auditor)
{
    QList<Read> out;
    QByteArray previous = crypto::hash(crypto::HashAlgorithm::Sm3, kReadGenesis);
    int number = 0;
    const QList<QByteArray> lines = file.toByteArray().split('\n');
    for (qsizetype n = 0; n < lines.size(); ++n) {
        const QByteArray &line = lines.at(n);
        ++number;
        if (line.isEmpty() && n == lines.size() - 1)
            break; // after the last newline
        const auto refused = [number] {
            return makeError(
                Error::Code::Tampered,
                QStringLiteral("the read log's line %1 is not the auditor's, or a line before it is "
                               "missing")
                    .arg(number));
        };
        const qsizetype dot = line.indexOf('.');
        if (dot <= 0)
            return refused();
        const auto body = strictBase64(QByteArrayView(line).first(dot));
        const auto signature = strictBase64(QByteArrayView(line).sliced(dot + 1));
        if (!body || !signature || !auditor.verify(*body, *signature))
            return refused();
        const QJsonObject o = QJsonDocument::fromJson(*body).object();
        if (o.value(u"prev").toString().toLatin1() != previous.toHex())
            return refused();
        previous = crypto::hash(crypto::HashAlgorithm::Sm3, *body);
        Read r;
        r.at = AuditEvent::parseTime(o.value(u"at").toString()).value_or(QDateTime());
        r.bundleId = o.value(u"bundle").toString();
        r.query = o.value(u"query").toString();
        r.parameters = o.value(u"parameters").toObject();
        r.digest = previous;
        out.append(r);
    }
    return out;
}

} // namespace mdp::audit
