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
// Enrolling and exporting need Permission::ReadAuditTrail in the session (auditor, system
// administrator); a key is enrolled only for an account with the auditor role, by that auditor or by
// an administrator. Each is recorded (audit.recipient-enrol, audit.export); an export's event is
// durable before the bundle is written, so no bundle exists that the trail does not name.
class AuditExport
{
public:
    explicit AuditExport(Workspace &workspace);

    Result<void> enrolKey(const QString &auditorUserName, const crypto::PublicKey &key);
    // The key enrolled for an auditor (NotFound when none).
    Result<crypto::PublicKey> enrolledKey(const QString &auditorUserName);

    struct Summary
    {
        qint64 first = 0, end = 0; // events [first, end) of the log
        qint64 witnessed = -1;     // events the server had witnessed (-1: none yet)
        QString recipient;         // the auditor's user name
        QByteArray fingerprint;    // of the auditor's key
    };
    // An invalid bound is open. The file is replaced atomically.
    Result<Summary> exportBundle(const QString &path, const QDateTime &from, const QDateTime &to,
                                 const QString &auditorUserName);

    // The auditor's offline reads (audit::AuditReadLog), brought back: each line checked against the
    // auditor's enrolled key and recorded once as audit.read (detail offline: true) in this trail,
    // where the next bundle carries them. Returns how many were new. Tampered names the bad line.
    Result<int> takeReads(const QByteArray &readLog, const QString &auditorUserName);

private:
    Result<QString> auditorAccountId(const QString &userName);
    Workspace &m_workspace;
};

} // namespace mdp::workspace
