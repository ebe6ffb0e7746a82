#pragma once

#include "mdp/foundation/Result.h"
#include "mdp/foundation/SecureBytes.h"

#include <QString>

namespace mdp::store {
class Database;
}

namespace mdp::mail {

// How the connection to the relay is protected. Plain SMTP is deliberately not offered: notices
// and credentials never cross the network unencrypted.
enum class MailSecurity
{
    StartTls,    // connect in clear, then STARTTLS before anything else (usually port 587)
    ImplicitTls, // TLS from the first byte (usually port 465)
};

// Stable ids "starttls" / "implicit-tls".
QString mailSecurityId(MailSecurity security);

// The SMTP relay the workstation sends notices through. Kept as JSON in the workspace database's
// key/value table (mdp_meta, key "mail.settings"); the database is encrypted, so the password
// rests encrypted too. Nothing here ever writes the password to a log.
struct MailSettings
{
    QString host;
    int port = 587;
    MailSecurity security = MailSecurity::StartTls;
    QString username;             // empty: the relay does not need AUTH
    SecureBytes password;         // UTF-8
    QString fromAddress;          // envelope sender and From: header
    QString caCertificate;        // PEM file trusted in addition to the system store; empty: system only
    int connectTimeoutMs = 15000; // TCP connect plus TLS handshake
    int replyTimeoutMs = 30000;   // each server reply

    static constexpr const char *settingsKey = "mail.settings";

    // InvalidArgument naming the first problem: empty host, port outside 1-65535, sender address
    // that is not a single plain address, non-positive timeouts, password without a user name.
    Result<void> validate() const;

    // NotFound when the workspace has no mail settings yet.
    static Result<MailSettings> load(store::Database &database);
    // Validates, then stores (replacing earlier settings) in one transaction.
    Result<void> save(store::Database &database) const;

    // For logs and status lines: host, port and security, never the user name or password.
    QString describe() const;
};

// True for one plain ASCII "local@domain" address without spaces, angle brackets or line breaks (what
// may go between < > in an SMTP envelope and into a header without injection).
bool isPlainMailAddress(const QString &address);

} // namespace mdp::mail
