#pragma once

#include "mdp/access/AccessRequest.h"
#include "mdp/access/ApprovalRules.h"
#include "mdp/foundation/Result.h"
#include "mdp/policy/Engine.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace mdp::crypto {
class PublicKey;
class SigningKey;
} // namespace mdp::crypto

namespace mdp::access {

// A grant (R-5.2j, R-6.3.4): a signed document naming who may see what, on which workstation, for
// what purpose, under which obligations, from when until when. Issued from an approved request with
// exactly the approved scope; the workstation verifies the issuer's signature, its own certificate
// and the time window before the permission engine enforces it, offline as well.
struct GrantDocument
{
    QString id;
    QString requestNumber;
    QString subject;     // user name
    QString workstation; // SHA-256 fingerprint (hex) of the workstation certificate it is bound to
    Scope scope;
    QString purpose;
    QStringList approvers;
    int rulesVersion = 0;
    QString issuer;
    QDateTime notBefore;
    QDateTime notAfter;
    // What the data is delivered under: de-identified and pseudonymised always, counts only or an
    // export as approved, and the local copy destroyed at the end (R-5.2k, R-7.2.4).
    bool aggregateOnly = false;
    bool exportAllowed = false;

    static constexpr int kDefaultDays = 90; // 3 months (R-6.3.4a)

    // From an Approved request only, checked again against `rules` (AccessWorkflow::checkApproved);
    // not-after is not-before plus the request's duration.
    static Result<GrantDocument> issue(const AccessRequest &approved, const ApprovalRules &rules,
                                       const QString &id, const QString &workstation, const QString &issuer,
                                       const QDateTime &notBefore);

    QByteArray canonical() const; // compact JSON, keys sorted
    // {"document": base64, "signature": base64}: the issuer's SM2 signature over
    // "mdp-grant-v1\n" + canonical().
    Result<QByteArray> sign(const crypto::SigningKey &issuerKey) const;
    // Checks the signature against the issuer's key, that the grant is for `subject` on
    // `workstation`, and that `now` lies in [notBefore, notAfter). Each failure says which
    // (Tampered, PermissionDenied, Expired as PermissionDenied with the reason).
    static Result<GrantDocument> verify(const QByteArray &envelope, const crypto::PublicKey &issuerKey,
                                        const QString &subject, const QString &workstation,
                                        const QDateTime &now);
    // The signature and the document only (no subject, workstation or time checked).
    static Result<GrantDocument> open(const QByteArray &envelope, const crypto::PublicKey &issuerKey);

    // What the permission engine enforces, for the subject's local account id.
    policy::Grant toPolicyGrant(const QString &accountId) const;
};

} // namespace mdp::access
