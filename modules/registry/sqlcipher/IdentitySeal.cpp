#include "mdp/registry/IdentitySeal.h"

#include "mdp/crypto/Aead.h"
#include "mdp/crypto/Hash.h"
#include "mdp/registry/Pseudonymizer.h"

#include <QJsonDocument>

namespace mdp::registry {

namespace {

const QLatin1StringView kSealedPrefix("sealed:");

QByteArray context(QByteArrayView kind, QByteArrayView what)
{
    return QByteArrayLiteral("mdp-identity/1|") + kind.toByteArray() + '|' + what.toByteArray();
}

Error tampered(QStringView what)
{
    return makeError(Error::Code::Tampered,
                     QStringLiteral("sealed identity (%1) does not open: it was altered or moved").arg(what));
}

} // namespace

struct IdentitySeal::Impl
{
    crypto::Aead aead;
    // The registry's keyed identifier index, keyed from the identity key instead of the pseudonym key.
    Pseudonymizer index;

    Impl(crypto::Aead a, const SecureBytes &identityKey)
        : aead(std::move(a))
        , index(identityKey)
    {}

    Result<QString> sealText(const QByteArray &aad, QByteArrayView plain)
    {
        auto sealed = aead.sealWithRandomNonce(aad, plain);
        if (!sealed)
            return sealed.error();
        return QString(kSealedPrefix) + QString::fromLatin1(sealed->toBase64());
    }

    Result<QByteArray> openText(const QByteArray &aad, const QString &stored, QStringView what)
    {
        if (!isSealedText(stored))
            return tampered(what);
        const QByteArray envelope =
            QByteArray::fromBase64(QStringView(stored).mid(kSealedPrefix.size()).toLatin1());
        auto opened = aead.openEnvelope(aad, envelope);
        if (!opened)
            return tampered(what);
        return opened.value();
    }
};

IdentitySeal::IdentitySeal() = default;
IdentitySeal::~IdentitySeal() = default;

Result<std::unique_ptr<IdentitySeal>> IdentitySeal::open(const SecureBytes &identityKey)
{
    if (identityKey.size() != 32)
        return makeError(Error::Code::InvalidArgument, QStringLiteral("the identity key must be 32 bytes"));
    const SecureBytes sealKey =
        crypto::hkdf(crypto::HashAlgorithm::Sm3, identityKey.view(), {}, "mdp identity seal v1", 16);
    auto aead = crypto::Aead::create(crypto::AeadCipher::Sm4Gcm, sealKey);
    if (!aead)
        return aead.error();
    std::unique_ptr<IdentitySeal> seal(new IdentitySeal);
    seal->d = std::make_unique<Impl>(std::move(aead.value()), identityKey);
    return seal;
}

Result<QByteArray> IdentitySeal::sealPatient(const QString &patientId, const Patient &p)
{
    const QJsonObject o{{QStringLiteral("family"), p.name.family},
                        {QStringLiteral("given"), p.name.given},
                        {QStringLiteral("family_latin"), p.name.familyLatin},
                        {QStringLiteral("given_latin"), p.name.givenLatin},
                        {QStringLiteral("pinyin"), p.pinyin},
                        {QStringLiteral("initials"), p.pinyinInitials},
                        {QStringLiteral("phone"), p.contact.phone},
                        {QStringLiteral("email"), p.contact.email},
                        {QStringLiteral("address"), p.contact.address}};
    const QByteArray plain = QJsonDocument(o).toJson(QJsonDocument::Compact);
    return d->aead.sealWithRandomNonce(context("patient", patientId.toLatin1()), plain);
}

Result<void> IdentitySeal::openPatient(const QString &patientId, QByteArrayView sealed, Patient &p)
{
    auto opened = d->aead.openEnvelope(context("patient", patientId.toLatin1()), sealed);
    if (!opened)
        return tampered(u"patient");
    const QJsonObject o = QJsonDocument::fromJson(opened.value()).object();
    p.name.family = o.value(u"family").toString();
    p.name.given = o.value(u"given").toString();
    p.name.familyLatin = o.value(u"family_latin").toString();
    p.name.givenLatin = o.value(u"given_latin").toString();
    p.pinyin = o.value(u"pinyin").toString();
    p.pinyinInitials = o.value(u"initials").toString();
    p.contact.phone = o.value(u"phone").toString();
    p.contact.email = o.value(u"email").toString();
    p.contact.address = o.value(u"address").toString();
    return {};
}

Result<QString> IdentitySeal::sealIdentifier(QByteArrayView keyHash, const QString &value)
{
    return d->sealText(context("identifier", keyHash.toByteArray().toHex()), value.toUtf8());
}

Result<QString> IdentitySeal::openIdentifier(QByteArrayView keyHash, const QString &stored)
{
    auto plain = d->openText(context("identifier", keyHash.toByteArray().toHex()), stored, u"identifier");
    if (!plain)
        return plain.error();
    return QString::fromUtf8(plain.value());
}

QByteArray IdentitySeal::identifierKey(QStringView typeId, QStringView issuer,
                                       QStringView normalisedValue) const
{
    return d->index.identifierKey(typeId, issuer, normalisedValue);
}

Result<QString> IdentitySeal::sealSnapshot(const QString &patientId, int version, const QJsonObject &identity)
{
    return d->sealText(context("version", patientId.toLatin1() + '|' + QByteArray::number(version)),
                       QJsonDocument(identity).toJson(QJsonDocument::Compact));
}

Result<QJsonObject> IdentitySeal::openSnapshot(const QString &patientId, int version, const QString &stored)
{
    auto plain = d->openText(context("version", patientId.toLatin1() + '|' + QByteArray::number(version)),
                             stored, u"history");
    if (!plain)
        return plain.error();
    return QJsonDocument::fromJson(plain.value()).object();
}

bool IdentitySeal::isSealedText(QStringView stored)
{
    return stored.startsWith(kSealedPrefix);
}

} // namespace mdp::registry
