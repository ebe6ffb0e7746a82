#pragma once

#include "mdp/foundation/SecureBytes.h"

#include <QString>
#include <QStringView>
#include <QUuid>

namespace mdp::registry {

// Keyed pseudonyms (R-6.1.1c). The registry key is the workspace data key "registry-pseudonym";
// separate HMAC-SM3 keys for pseudonyms, the identifier index and each project are derived from it
// with HKDF-SM3, so none of them can be computed without it. A patient's pseudonym is a MAC of its
// random internal id, so it carries nothing of the national ID or the name.
class Pseudonymizer
{
public:
    explicit Pseudonymizer(const SecureBytes &registryKey);

    // "P-" + the first 60 bits of HMAC-SM3(pseudonym key, uuid) in RFC 4648 base32 (12 characters).
    QString patientPseudonym(const QUuid &patientId) const;
    // "S-" + 16 base32 characters: HMAC-SM3 under a key derived for the project, so the same
    // patient has unrelated pseudonyms in two projects.
    QString projectPseudonym(QStringView projectId, const QUuid &patientId) const;
    // Keyed index of an identifier (type, issuer, normalised value): what the unique index holds.
    QByteArray identifierKey(QStringView typeId, QStringView issuer, QStringView normalisedValue) const;

    static bool looksLikePatientPseudonym(QStringView text);

private:
    SecureBytes m_pseudonymKey;
    SecureBytes m_identifierKey;
    SecureBytes m_projectRoot;
};

} // namespace mdp::registry
