#pragma once

#include "mdp/audit/AuditEvent.h"
#include "mdp/foundation/Clock.h"
#include "mdp/foundation/Result.h"
#include "mdp/workspace/SiteAccess.h"

#include <QByteArray>
#include <QSet>
#include <QString>

#include <functional>

namespace mdp::store {
class Database;
}
namespace mdp::crypto {
class KeyHierarchy;
}

namespace mdp::workspace {

// Data delivered under a grant, on the holder's workstation (issue 12; R-5.2k-l, R-7.2.4e). Each grant
// gets an SM2 key pair of its own; its private key is sealed under the data key
// "grant-delivery-<grant>" and kept in the database, its public key published to the site server, for
// the providing site to seal the data's key for. The sealed data is kept as received, in
// deliveries/<grant>.sealed beside the workspace, and opened in memory only. Destroying the data key
// at the grant's end or revocation leaves the file, and any copy of it, unreadable.
class GrantDeliveries
{
public:
    using Recorder = std::function<Result<void>(audit::AuditEvent)>;
    GrantDeliveries(QString directory, crypto::KeyHierarchy &keys, store::Database &db, Recorder record,
                    const Clock &clock);

    struct Recipient
    {
        QByteArray publicKey; // DER
        bool published = false;
        bool received = false;
    };
    // The grant's recipient key (made and kept on first use).
    Result<Recipient> recipientFor(const QString &grantId, const QString &accountId);
    Result<void> markPublished(const QString &grantId);
    // Keeps what the server sent, as received (sealed), with an "access.delivery-received" event.
    Result<void> keep(const QString &grantId, const AccessDesk::SealedDelivery &sealed);
    // The delivered package (JSON) opened in memory; Unsupported when nothing was received, Crypto
    // when it does not open (its key destroyed, or another grant's data).
    Result<QByteArray> open(const QString &grantId);
    // Destroys every delivery whose grant `inForce` does not say is in force for its account: the data
    // key, the file, the row; each with an "access.delivery-destroyed" event. How many.
    Result<int>
    destroyEnded(const std::function<bool(const QString &grantId, const QString &accountId)> &inForce);

    QString pathOf(const QString &grantId) const;
    static QString keyNameOf(const QString &grantId);

private:
    QString m_directory;
    crypto::KeyHierarchy &m_keys;
    store::Database &m_db;
    Recorder m_record;
    const Clock &m_clock;
};

} // namespace mdp::workspace
