#pragma once

#include <QString>

namespace mdp::viewer {

// Who is looking at a document: shown in the watermark and recorded in the audit event.
struct ViewerIdentity
{
    QString displayName; // the account's display name ("Li Wei")
    QString userName;    // the sign-in name ("liwei")

    bool isValid() const { return !userName.trimmed().isEmpty(); }
};

} // namespace mdp::viewer
