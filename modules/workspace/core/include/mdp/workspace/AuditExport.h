#pragma once

#include "mdp/crypto/Signature.h"
#include "mdp/foundation/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace mdp::workspace {

class Workspace;

// The auditor's bundle from this workstation (issue 13, R-7.4.2): the audit events recorded in a time
// range, sealed for one auditor's enrolled key and signed with the workstation's node key, with the
// site server's latest witness (mdp/audit/AuditBundle.h). The auditor opens it offline, read-only,
// with `mdp-workstation --audit BUNDLE`.
//
// Exporting needs Permission::ReadAuditTrail in the session (auditor, system administrator). A key is
// enrolled by the auditor it is for, signed in, with proof of holding it (a signature over
// enrolmentChallenge()); one key per auditor, no key for two accounts, none for a locked account.
// Each is recorded (audit.recipient-enrol, audit.export); an export's event names the bundle and is
// durable before the file is written, so no bundle exists that the trail does not name.
class AuditExport
{
public:
    explicit AuditExport(Workspace &workspace);

    // What the key's holder signs to enrol it: "mdp-auditor-enrol-v1", the account id, the key's
    // fingerprint, one per line.
    Result<QByteArray> enrolmentChallenge(const QString &auditorUserName, const crypto::PublicKey &key);
    Result<void> enrolKey(const QString &auditorUserName, const crypto::PublicKey &key,
                          const QByteArray &proof);
    // The key enrolled for an auditor (NotFound when none).
    Result<crypto::PublicKey> enrolledKey(const QString &auditorUserName);

    struct Summary
    {
        qint64 first = 0, end = 0; // events [first, end) of the log
        qint64 witnessed = -1;     // events the server had witnessed (-1: none yet)
        QString recipient;         // the auditor's user name
        QByteArray fingerprint;    // of the auditor's key
        QString bundleId;          // as the audit.export event names it
    };
    // An invalid bound is open. The file is replaced atomically.
    Result<Summary> exportBundle(const QString &path, const QDateTime &from, const QDateTime &to,
                                 const QString &auditorUserName);

    // The auditor's offline reads (audit::AuditReadLog), brought back: each line checked against the
    // auditor's enrolled key, each bundle it names one exported here for that auditor, and every read
    // recorded once as audit.read (detail offline: true) in this trail, all or none, where the next
    // bundle carries them. Returns how many were new. Tampered names the bad line.
    Result<int> takeReads(const QByteArray &readLog, const QString &auditorUserName);

private:
    Result<QString> auditorAccountId(const QString &userName, bool refuseLocked = true);
    Result<crypto::PublicKey> keyOf(const QString &accountId, const QString &userName);
    Workspace &m_workspace;
};

} // namespace mdp::workspace
