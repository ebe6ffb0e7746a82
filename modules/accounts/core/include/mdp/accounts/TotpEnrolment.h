#pragma once

#include "mdp/accounts/Totp.h"

#include <QString>

namespace mdp::accounts {

// What the enrolment dialog shows once: the secret for manual entry and the otpauth:// URI for a
// QR code. The directory keeps the secret; the dialog must not store these.
struct TotpEnrolment
{
    QString secretBase32;
    QString provisioningUri;
    TotpParameters parameters;
};

} // namespace mdp::accounts
