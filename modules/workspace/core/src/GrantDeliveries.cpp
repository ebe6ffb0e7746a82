#include "GrantDeliveries.h"

#include "mdp/crypto/Aead.h"
#include "mdp/crypto/KeyHierarchy.h"
#include "mdp/crypto/Signature.h"
#include "mdp/foundation/AtomicFile.h"
#include "mdp/store/Database.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace mdp::workspace {

namespace {

const QString kPurpose = QStringLiteral("grant-delivery");

// What the provider's seal and this side's open are bound to.
QByteArray associatedData(const QString &grantId)
{
    return QByteArrayLiteral("mdp-delivery-v1\n") + grantId.toUtf8();
}

// The 16-byte SM4 key the data key seals the private key with.
Result<crypto::Aead> sealerOf(const SecureBytes &dataKey)
{
    return crypto::Aead::create(crypto::AeadCipher::Sm4Gcm, SecureBytes(dataKey.view().first(16)));
}

} // namespace

GrantDeliveries::GrantDeliveries(QString directory, crypto::KeyHierarchy &keys, store::Database &db,
                                 Recorder record, const Clock &clock)
    : m_directory(std::move(directory))
    , m_keys(keys)
    , m_db(db)
    , m_record(std::move(record))
    , m_clock(clock)
{}

QString GrantDeliveries::keyNameOf(const QString &grantId)
{
    return QStringLiteral("grant-delivery-") + grantId.toLower();
}

QString GrantDeliveries::pathOf(const QString &grantId) const
{
    return QDir(m_directory).filePath(QStringLiteral("deliveries/%1.sealed").arg(grantId.toLower()));
}

Result<GrantDeliveries::Recipient> GrantDeliveries::recipientFor(const QString &grantId,
                                                                 const QString &accountId)
{
    static const QRegularExpression grantIdPattern(QStringLiteral("^G-[0-9a-f-]{36}$"));
    if (!grantIdPattern.match(grantId).hasMatch())
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("not a grant id: %1").arg(grantId.left(40)));
    auto row =
        m_db.queryOne(QStringLiteral("SELECT public_key, published_at IS NOT NULL, received_at IS NOT NULL "
                                     "FROM access_deliveries WHERE grant_id = ?1"),
                      {grantId});
    if (!row)
        return row.error();
    if (row->has_value())
        return Recipient{(*row)->at(0).toByteArray(), (*row)->at(1).toBool(), (*row)->at(2).toBool()};
    auto pair = crypto::SigningKey::generate(crypto::SignatureAlgorithm::Sm2);
    if (!pair)
        return pair.error();
    Recipient made{pair->publicKey().der(), false, false};
    auto done = m_db.transaction([&]() -> Result<void> {
        auto dataKey = m_keys.createDataKey(keyNameOf(grantId), kPurpose);
        if (!dataKey)
            return dataKey.error();
        auto sealer = sealerOf(*dataKey);
        if (!sealer)
            return sealer.error();
        auto sealed = sealer->sealWithRandomNonce(associatedData(grantId), pair->privateKeyDer().view());
        if (!sealed)
            return sealed.error();
        auto inserted =
            m_db.execute(QStringLiteral("INSERT INTO access_deliveries (grant_id, account_id, public_key, "
                                        "sealed_private_key) VALUES (?1, ?2, ?3, ?4)"),
                         {grantId, accountId, made.publicKey, *sealed});
        if (!inserted)
            return inserted.error();
        audit::AuditEvent event;
        event.type = QStringLiteral("access.delivery-key");
        event.action = audit::AuditAction::Create;
        event.entities << audit::AuditEntity{QStringLiteral("grant"), grantId}
                       << audit::AuditEntity{QStringLiteral("account"), accountId};
        return m_record(std::move(event));
    });
    if (!done)
        return done.error();
    return made;
}

Result<void> GrantDeliveries::markPublished(const QString &grantId)
{
    auto updated =
        m_db.execute(QStringLiteral("UPDATE access_deliveries SET published_at = ?2 WHERE grant_id = ?1"),
                     {grantId, m_clock.now().toMSecsSinceEpoch()});
    if (!updated)
        return updated.error();
    return {};
}

Result<void> GrantDeliveries::keep(const QString &grantId, const AccessDesk::SealedDelivery &sealed)
{
    if (!QDir().mkpath(QFileInfo(pathOf(grantId)).path()))
        return makeError(Error::Code::Io, QStringLiteral("the deliveries folder could not be made"));
    const QByteArray file =
        QJsonDocument(
            QJsonObject{{QStringLiteral("format"), QStringLiteral("mdp-delivery-v1")},
                        {QStringLiteral("grant"), grantId},
                        {QStringLiteral("wrappedKey"), QString::fromLatin1(sealed.wrappedKey.toBase64())},
                        {QStringLiteral("ciphertext"), QString::fromLatin1(sealed.ciphertext.toBase64())}})
            .toJson(QJsonDocument::Compact);
    // The data as received: sealed, never opened to disk.
    if (auto written = writeFileAtomically(pathOf(grantId), file); !written)
        return written;
    return m_db.transaction([&]() -> Result<void> {
        auto updated =
            m_db.execute(QStringLiteral("UPDATE access_deliveries SET received_at = ?2 WHERE grant_id = ?1"),
                         {grantId, m_clock.now().toMSecsSinceEpoch()});
        if (!updated)
            return updated.error();
        audit::AuditEvent event;
        event.type = QStringLiteral("access.delivery-received");
        event.action = audit::AuditAction::Create;
        event.entities << audit::AuditEntity{QStringLiteral("grant"), grantId};
        event.detail = {{QStringLiteral("bytes"), sealed.ciphertext.size()}};
        return m_record(std::move(event));
    });
}

Result<QByteArray> GrantDeliveries::open(const QString &grantId)
{
    QFile file(pathOf(grantId));
    if (!file.open(QIODevice::ReadOnly))
        return makeError(Error::Code::Unsupported,
                         QStringLiteral("no data was delivered under this grant yet"));
    const QJsonObject sealed = QJsonDocument::fromJson(file.read(qint64(64) << 20)).object();
    if (sealed.value(u"grant").toString() != grantId)
        return makeError(Error::Code::Corrupt, QStringLiteral("the delivered file is not this grant's"));
    auto row = m_db.queryOne(
        QStringLiteral("SELECT sealed_private_key FROM access_deliveries WHERE grant_id = ?1"), {grantId});
    if (!row)
        return row.error();
    if (!row->has_value())
        return makeError(Error::Code::Crypto,
                         QStringLiteral("the grant's key is gone: its data cannot be opened"));
    auto dataKey = m_keys.dataKey(keyNameOf(grantId));
    if (!dataKey)
        return makeError(Error::Code::Crypto,
                         QStringLiteral("the grant's key is gone: its data cannot be opened"));
    auto sealer = sealerOf(*dataKey);
    if (!sealer)
        return sealer.error();
    auto privateDer = sealer->openEnvelope(associatedData(grantId), (*row)->at(0).toByteArray());
    if (!privateDer)
        return privateDer.error();
    auto privateKey = crypto::SigningKey::fromPrivateDer(*privateDer);
    if (!privateKey)
        return privateKey.error();
    auto contentKey =
        privateKey->decrypt(QByteArray::fromBase64(sealed.value(u"wrappedKey").toString().toLatin1()));
    if (!contentKey)
        return contentKey.error();
    auto aead = crypto::Aead::create(crypto::AeadCipher::Sm4Gcm, *contentKey);
    if (!aead)
        return aead.error();
    return aead->openEnvelope(associatedData(grantId),
                              QByteArray::fromBase64(sealed.value(u"ciphertext").toString().toLatin1()));
}

Result<int>
GrantDeliveries::destroyEnded(const std::function<bool(const QString &, const QString &)> &inForce)
{
    auto rows = m_db.query(QStringLiteral("SELECT grant_id, account_id FROM access_deliveries"));
    if (!rows)
        return rows.error();
    int destroyed = 0;
    for (const store::Row &row : rows.value()) {
        const QString grantId = row.at(0).toString();
        if (inForce(grantId, row.at(1).toString()))
            continue;
        // The key first: once it is gone, the file and any copy of it are noise.
        auto done = m_db.transaction([&]() -> Result<void> {
            if (auto gone = m_keys.destroyDataKey(keyNameOf(grantId));
                !gone && gone.error().code != Error::Code::NotFound)
                return gone.error();
            auto removed =
                m_db.execute(QStringLiteral("DELETE FROM access_deliveries WHERE grant_id = ?1"), {grantId});
            if (!removed)
                return removed.error();
            audit::AuditEvent event;
            event.type = QStringLiteral("access.delivery-destroyed");
            event.action = audit::AuditAction::Delete;
            event.entities << audit::AuditEntity{QStringLiteral("grant"), grantId};
            return m_record(std::move(event));
        });
        if (!done)
            return done.error();
        QFile::remove(pathOf(grantId));
        ++destroyed;
    }
    return destroyed;
}

} // namespace mdp::workspace
