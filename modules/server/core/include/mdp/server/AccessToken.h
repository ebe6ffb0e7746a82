#pragma once

#include "mdp/crypto/Signature.h"
#include "mdp/foundation/Clock.h"
#include "mdp/foundation/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QMutex>
#include <QString>
#include <QStringList>

namespace mdp::server {

struct TokenClaims
{
    QString subject; // user name
    QStringList roles;
    QString site;
    QDateTime issuedAt;
    QDateTime expires;
    QByteArray certificateThumbprint; // cnf.x5t#S256 (raw SHA-256 of the client certificate DER)
    QString tokenId;                  // jti
};

// Short-lived OAuth 2.0 access tokens (RFC 9068 JWT, ES256) bound to the client certificate they were
// issued over (RFC 8705 cnf.x5t#S256): a token replayed over another certificate's connection is
// refused. Any server instance holding the same signing key verifies them: nothing is stored.
class TokenAuthority
{
public:
    TokenAuthority(crypto::SigningKey key, QString issuer, int lifetimeSeconds, const Clock &clock);

    Result<QString> issue(const QString &subject, const QStringList &roles, const QString &site,
                          const QByteArray &certificateThumbprint) const;
    // Unauthenticated for a bad signature, a malformed or expired token, or one bound to another
    // certificate than `presentedThumbprint`.
    Result<TokenClaims> verify(QByteArrayView token, const QByteArray &presentedThumbprint) const;
    int lifetimeSeconds() const;

private:
    crypto::SigningKey m_key;
    crypto::PublicKey m_public; // derived once: deriving it per request cost more than the verification
    // Tokens whose signature verified, with their claims (bounded): a warm connection's next request
    // checks expiry and binding again but not the signature.
    mutable QMutex m_mutex;
    mutable QHash<QByteArray, TokenClaims> m_verified;
    QString m_issuer;
    int m_lifetime;
    const Clock &m_clock;
};

} // namespace mdp::server
