#pragma once

#include "mdp/audit/AuditEvent.h"
#include "mdp/foundation/Clock.h"
#include "mdp/foundation/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace mdp::store {
class Database;
}
namespace mdp::policy {
class Engine;
}
namespace mdp::access {
struct GrantDocument;
}

namespace mdp::workspace {

// The grants of the accounts that sign in here (issue 12; R-5.2j, R-6.3.4, R-7.1.2 e): taken from the
// site server at each server sign-in, kept in the encrypted database, verified again whenever they are
// put in force (the issuer's signature, the account, this workstation's certificate, the time
// window), and enforced by the permission engine, offline too.
class WorkspaceGrants
{
public:
    using Recorder = std::function<Result<void>(audit::AuditEvent)>;
    // This workstation's certificate fingerprint (hex); empty when not linked.
    using Workstation = std::function<QString()>;

    // The server's witness key this workstation pinned (DER; empty before the first witnessed shipment):
    // grants must be signed with it. Until one is pinned, the key the server sends with the grants over
    // the site's mutual TLS is used.
    using PinnedKey = std::function<QByteArray()>;

    WorkspaceGrants(store::Database &db, policy::Engine &engine, Recorder record, const Clock &clock,
                    Workstation workstation, PinnedKey pinnedKey = {});

    // The server's list for one account (envelopes, and the key that signed them): each is verified;
    // the account's grants become exactly the verified ones (one the server no longer lists was revoked
    // or ended there), in one transaction with an "access.grants" event; then every grant is put in
    // force again. Returns how many of the list were taken.
    Result<int> replaceFor(const QString &accountId, const QString &userName,
                           const QList<QByteArray> &envelopes, const QByteArray &issuerKeyDer);
    // Reads every kept grant, verifies it and puts those valid now in force (the engine also checks the
    // window at each decision). One that no longer verifies is dropped with a security alert.
    Result<int> load();
    // After a sync pass: puts the grants in force again when the site revoked some since the last
    // look (R-6.3.4 c; SiteSync noted them and deleted them here). Whether it did.
    Result<bool> reloadIfRevoked();

    // Told the start of every grant taken: a time the site server signed, so one that has passed
    // (the workspace's time floor rises to it).
    void setWitness(std::function<void(const QDateTime &)> witness) { m_witness = std::move(witness); }

    // One account's grants in force now (verified), soonest end first.
    struct Summary
    {
        QString id;
        QString request;
        QString project;
        int maxLevel = 0;
        QDateTime notBefore;
        QDateTime notAfter;
        QStringList approvers;
        bool aggregateOnly = false;
        bool exportAllowed = false;
    };
    Result<QList<Summary>> inForceFor(const QString &accountId);

private:
    store::Database &m_db;
    policy::Engine &m_engine;
    Recorder m_record;
    const Clock &m_clock;
    Workstation m_workstation;
    PinnedKey m_pinnedKey;
    qint64 m_revocationsSeen = -1;
    std::function<void(const QDateTime &)> m_witness;

    // The key a kept grant is checked with: the pinned one when there is one.
    QByteArray keyFor(const QByteArray &kept) const;
    // Opens a kept grant: its signature with keyFor(), the account and this workstation. `ended` is set
    // when it verifies but is outside its window (not in force; no alert).
    Result<access::GrantDocument> openKept(const QByteArray &envelope, const QByteArray &key,
                                           const QString &userName, bool *outsideWindow) const;
};

} // namespace mdp::workspace
