#pragma once

#include "mdp/foundation/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <functional>
#include <optional>

namespace mdp::workspace {

// How long an account may sign in offline after its last sign-in through the server, by default.
constexpr int kDefaultOfflineSignInHours = 72;

// Where this workstation's central server (mdp-grantd) is and who the workstation is to it: the site
// CA that issued the server's certificate, and the workstation's own client certificate and key
// (issued by `mdp pki issue workstation`). Kept in the encrypted database; the key never leaves it
// except into the TLS library.
struct ServerSettings
{
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 8443;
    QString serverName = QStringLiteral("localhost"); // as in the server certificate
    QByteArray caPem;
    QByteArray certificatePem;
    QByteArray privateKeyPem; // write-only: settings() returns it empty
    // The site's sync key (32 bytes; SM4-GCM seals every sync entry end to end, the server never holds
    // it). Write-only like the key. Empty: the key the link holds is kept; a link without one does not
    // sync (audit shipping goes on) until a server sign-in's key bundle brings it.
    QByteArray siteKey;
    // The site's identity scope key (32 bytes, write-only), for a site without a server sign-in yet: a
    // session that holds the identity key keeps the key derived from it (patients' identity in the
    // site sync is sealed under that one, so only roles that see identity read it).
    QByteArray siteIdentityKey;
};

// What the sync status indicator shows.
struct ServerStatus
{
    enum class State
    {
        NotConfigured,      // no server: the workstation works alone
        Connecting,         // configured, no answer yet
        Connected,          // the last call went through
        Unreachable,        // the server did not answer: work goes on, the offline queue waits
        CertificateRefused, // the server refused this workstation's certificate (revoked, expired)
        AuditRefused,       // the server refused the audit chain (cut or rewritten: reported there)
    };
    State state = State::NotConfigured;
    QString message;              // the last error, as the server or the network put it
    QDateTime lastContact;        // UTC
    QString workstation;          // this workstation's certificate name (its identity at the server)
    QDateTime certificateExpires; // UTC
    qint64 auditEvents = 0;       // durable events of the local chain
    qint64 auditWitnessed = 0;    // events the server holds and counter-signed
    QDateTime witnessedAt;
    // Site sync: off without a site key.
    bool syncEnabled = false;
    qint64 syncPending = 0;          // changes waiting in the outbox to be pushed
    qint64 syncLastSequence = 0;     // the relay sequence applied last
    qint64 syncConflicts = 0;        // changes the server refused as stale (kept, not pushed again)
    qint64 syncParked = 0;           // patients and events from the site waiting for a session that
                                     // may see identity to apply them
    QString syncMessage;             // the last conflict or sync error, without patient data
    qint64 revokedCertificates = -1; // in the site's signed revocations last checked; -1: not yet
};

// The workstation's link to mdp-grantd (issue 11 part 7; near real time, R-7.4.3 in transit):
// its settings, the state of the connection, and the shipping of the audit chain to the server's
// central copy, which counter-signs each checkpoint. Shipping runs in the background while the
// workspace is open (every `interval`, and soon after new audit events); the latest witness is kept
// beside the workspace (server-witness.json: sizes, roots and signatures, no data).
class ServerLink
{
public:
    virtual ~ServerLink() = default;

    // Administrators only (Permission::AdministerAccounts), recorded ("server.configure"): checks the
    // certificate against the CA, the key against the certificate, then stores the settings and
    // restarts the link. InvalidArgument names what does not fit.
    virtual Result<void> configure(const ServerSettings &settings) = 0;
    // Administrators only, recorded: the workstation works alone again.
    virtual Result<void> disconnect() = 0;
    virtual std::optional<ServerSettings> settings() const = 0; // without the private key
    virtual ServerStatus status() const = 0;
    // Ships what the server does not hold yet, now, on the calling thread (the background does the
    // same), then, with a site key, pushes this workstation's changes and applies the site's
    // returns the status after it.
    virtual Result<ServerStatus> shipAuditNow() = 0;
    // Single sign-on: while the server cannot be reached, an account signs in here with its
    // local password only within this many hours of its last sign-in here through the server (72
    // unless set). Administrators only, recorded ("server.offline-period").
    virtual Result<void> setOfflineSignInHours(int hours) = 0;
    virtual int offlineSignInHours() const = 0;
    // Told (on the link's own thread) whenever the status changes.
    virtual void setStatusListener(std::function<void(const ServerStatus &)> listener) = 0;
};

} // namespace mdp::workspace
