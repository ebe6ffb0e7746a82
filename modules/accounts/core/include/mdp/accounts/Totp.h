#pragma once

#include "mdp/foundation/Clock.h"
#include "mdp/foundation/SecureBytes.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace mdp::accounts {

enum class TotpAlgorithm
{
    Sha1,
    Sha256
};

// "SHA1" / "SHA256", as written in otpauth:// URIs.
QString totpAlgorithmName(TotpAlgorithm algorithm);
std::optional<TotpAlgorithm> totpAlgorithmFromName(QStringView name);

struct TotpParameters
{
    // SHA-1 is the default because most authenticator apps ignore the algorithm parameter.
    TotpAlgorithm algorithm = TotpAlgorithm::Sha1;
    int digits = 6; // 6 to 8
    int periodSeconds = 30;

    bool isValid() const { return digits >= 6 && digits <= 8 && periodSeconds > 0; }
};

// RFC 6238 time-based one-time passwords over an injected clock. The clock must outlive the object.
class Totp
{
public:
    static constexpr int kDefaultSecretLength = 20; // 160 bits, as RFC 4226 recommends
    static constexpr int kDefaultWindow = 1;        // steps accepted either side of now

    Totp(SecureBytes secret, const Clock &clock, TotpParameters parameters = {});

    static SecureBytes generateSecret(int length = kDefaultSecretLength);

    const TotpParameters &parameters() const { return m_parameters; }
    QString secretBase32() const;

    qint64 stepAt(const QDateTime &time) const;
    qint64 currentStep() const;
    QString codeForStep(qint64 step) const;
    QString codeAt(const QDateTime &time) const;
    QString currentCode() const;

    // Accepts a code of a step within `window` steps of now that is later than `lastAcceptedStep`,
    // and returns that step; the caller stores it so the same code cannot be used twice.
    // Returns nullopt for a malformed, wrong, expired or replayed code.
    std::optional<qint64> verify(QStringView code, std::optional<qint64> lastAcceptedStep,
                                 int window = kDefaultWindow) const;

    // otpauth://totp/<issuer>:<account>?secret=...&issuer=...&algorithm=...&digits=...&period=...
    QString provisioningUri(const QString &issuer, const QString &accountName) const;

private:
    SecureBytes m_secret;
    const Clock *m_clock;
    TotpParameters m_parameters;
};

} // namespace mdp::accounts
