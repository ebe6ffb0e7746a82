#pragma once

#include "mdp/foundation/Result.h"
#include "mdp/foundation/SecureBytes.h"
#include "mdp/registry/Patient.h"

#include <QByteArray>
#include <QJsonObject>
#include <QStringView>

#include <memory>

namespace mdp::registry {

// Patient identity at rest (issue 9 part 2). Names, their readings, phone, e-mail, address and
// identifier values are sealed with SM4-GCM under the workspace data key "identity", which only the
// key slots of accounts whose roles may see identity reach; the database's own page key, which
// every role's slot reaches, no longer suffices to read them. The identifier index (the unique
// key_hash) is an HMAC-SM3 under a key derived from the same key, so a role without it cannot test
// guessed resident ID numbers against the index either.
//
// Each sealed value names what it belongs to in its associated data (a patient id, an index entry,
// a version), so a sealed value moved to another row does not open. Not thread-safe: one per
// connection.
class IdentitySeal
{
public:
    // A 32-byte identity key.
    static Result<std::unique_ptr<IdentitySeal>> open(const SecureBytes &identityKey);
    ~IdentitySeal();
    IdentitySeal(const IdentitySeal &) = delete;
    IdentitySeal &operator=(const IdentitySeal &) = delete;

    // A patient's identity fields (name, readings, contact), sealed for `patientId`.
    Result<QByteArray> sealPatient(const QString &patientId, const Patient &patient);
    // Fills the identity fields of `patient` from its sealed column; Error::Code::Tampered when the
    // value does not open for this patient.
    Result<void> openPatient(const QString &patientId, QByteArrayView sealed, Patient &patient);

    // An identifier's value, bound to its index entry.
    Result<QString> sealIdentifier(QByteArrayView keyHash, const QString &value);
    Result<QString> openIdentifier(QByteArrayView keyHash, const QString &stored);
    // Keyed index of an identifier (type, issuer, normalised value).
    QByteArray identifierKey(QStringView typeId, QStringView issuer, QStringView normalisedValue) const;

    // A history snapshot's identity part (names, contact, identifiers), bound to its version.
    Result<QString> sealSnapshot(const QString &patientId, int version, const QJsonObject &identity);
    Result<QJsonObject> openSnapshot(const QString &patientId, int version, const QString &stored);

    // Whether a stored identifier value or snapshot part is sealed (rows written before identity
    // was sealed are not, until a session holding the key converts them).
    static bool isSealedText(QStringView stored);

private:
    IdentitySeal();
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace mdp::registry
