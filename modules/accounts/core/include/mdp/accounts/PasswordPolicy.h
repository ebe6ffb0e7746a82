#pragma once

#include "mdp/foundation/Result.h"
#include "mdp/foundation/SecureBytes.h"

#include <QString>

namespace mdp::accounts {

// Rules a new password must meet. The failure message names every rule that was broken so the
// dialog can show it as it is; it never repeats the password.
class PasswordPolicy
{
public:
    static constexpr int kMinimumLength = 10;  // in Unicode code points
    static constexpr int kMaximumLength = 256; // bounds the hashing work per attempt
    static constexpr int kMinimumCharacterClasses = 3;
    static constexpr int kMinimumUserNameLengthChecked = 3;

    // Error::Code::InvalidArgument with a translated explanation when a rule is broken. The password
    // is the UTF-8 of what was typed (takePassword); the copies made to check it are wiped.
    Result<void> check(const SecureBytes &password, const QString &userName) const;

    // The rules in one sentence, for a hint under the password field.
    static QString description();
};

} // namespace mdp::accounts
