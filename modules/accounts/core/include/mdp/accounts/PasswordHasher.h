#pragma once

#include "mdp/foundation/Result.h"
#include "mdp/foundation/SecureBytes.h"

#include <QString>

#include <optional>

namespace mdp::accounts {

// Password hashes as self-describing strings "pbkdf2-sm3$<iterations>$<salt base64>$<hash base64>",
// so the cost can be raised later: hashes with fewer iterations still verify and needsRehash()
// tells the caller to replace them after the next successful login.
class PasswordHasher
{
public:
    static constexpr int kProductionIterations = 600'000;
    static constexpr int kSaltLength = 16;
    static constexpr int kHashLength = 32;
    // Stored parameters above this are refused as corrupt rather than computed for minutes.
    static constexpr int kMaximumIterations = 50'000'000;

    // Lower counts are for unit tests only; AccountDirectory implementations enforce the production
    // cost unless explicitly told otherwise by a test-only option.
    explicit PasswordHasher(int iterations = kProductionIterations);

    int iterations() const { return m_iterations; }

    // Fresh random salt every call. The password (UTF-8, takePassword) is NFC-normalised first.
    Result<QString> hash(const SecureBytes &password) const;
    // Constant-time comparison of the derived hash; false for a wrong password or a malformed string.
    bool verify(const SecureBytes &password, QStringView encoded) const;
    // True when `encoded` uses another scheme or fewer iterations than this hasher.
    bool needsRehash(QStringView encoded) const;

    // The iteration count recorded in an encoded hash, if it is well formed.
    static std::optional<int> iterationsOf(QStringView encoded);
    // A well-formed hash that no password matches, costing as much to verify as a real one: used for
    // unknown user names so the response time does not reveal which names exist.
    QString decoyHash() const;

private:
    int m_iterations;
};

} // namespace mdp::accounts
