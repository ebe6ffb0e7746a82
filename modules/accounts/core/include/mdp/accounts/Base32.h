#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

namespace mdp::accounts {

// RFC 4648 base32 (alphabet A-Z 2-7), as authenticator apps expect TOTP secrets.
// Encoding writes upper case without '=' padding.
QString base32Encode(QByteArrayView data);
// Accepts either case, optional '=' padding and spaces or hyphens between groups (as people type
// them); nullopt for any other character or an impossible length.
std::optional<QByteArray> base32Decode(QStringView text);

} // namespace mdp::accounts
