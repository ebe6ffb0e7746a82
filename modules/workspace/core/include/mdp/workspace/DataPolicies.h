#pragma once

#include "mdp/foundation/Result.h"
#include "mdp/policy/Classification.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace mdp::workspace {

// A policy version as the workspace keeps it.
struct PolicyRecord
{
    int version = 0;
    QDateTime issued;
    QString issuer;
    QString installedBy; // account id; empty for the built-in default
    QDateTime installedAt;
    QString keyId; // the signing key's fingerprint; empty for the built-in default
    QString note;
    bool builtIn = false;
    QByteArray document; // the policy document (JSON)
};

// One thing the classification covers: a form field, an identifier, documents, image series, a
// derived value, with what the rules give it and what is in force.
struct ClassifiedItem
{
    QString key; // "form:<form id>/<field path>", "identifier:resident-id", "document:attachment", ...
    policy::ClassificationSubject subject;
    QString group;                  // the form's title, or the kind's name
    policy::Classification byRule;  // step c): the default rules alone
    policy::Classification inForce; // what the policy in force says (a decision, else byRule)
    bool decided = false;           // a data manager's decision is in force
    int floor = policy::kMinLevel;  // the lowest level a decision may give it
    qint64 openRequest = 0;         // a request not yet put in force, 0 when none
};

struct ClassificationRequest
{
    enum class State
    {
        Requested, // a): waiting for the level review
        Reviewed,  // b): accepted (perhaps adjusted); put in force with the next policy version
        Rejected,
        Decided, // c)-e): matched, decided and in force in policyVersion
    };
    qint64 id = 0;
    QString key;
    QString label;
    policy::Classification proposed;
    QString reason;
    QString requestedBy; // account ids
    QDateTime requestedAt;
    State state = State::Requested;
    std::optional<policy::Classification> reviewed;
    QString reviewedBy;
    QString reviewNote;
    QDateTime reviewedAt;
    QString matchedRule;
    int matchedLevel = 0;
    int decidedLevel = 0;
    int policyVersion = 0;
};
QString requestStateId(ClassificationRequest::State state); // "requested", "reviewed", ...

// Data classification and the access policy in force (R-7.1.1, R-7.1.2, R-6.6.4c). Policies are
// data: every version is a signed document kept in the workspace, the newest one whose signature
// verifies is in force, and a document that does not parse, verify or is not newer is refused with
// the previous one kept. Classification follows the standard's flow: staff request a level for a
// subject (a), a data manager reviews it (b), and putting the reviewed requests in force matches
// each against the rules (c), decides the level, never below its floor (d), and generates, signs
// and installs the next policy version (e). Every step is an audit event written with its change.
// The principal is always the workspace's session.
class DataPolicies
{
public:
    virtual ~DataPolicies() = default;

    // The policy in force and every stored version (newest first). Anyone signed in may read the
    // one in force (it says what they may do); the history needs ManagePolicy or ReadAuditTrail.
    virtual PolicyRecord inForce() const = 0;
    virtual Result<QList<PolicyRecord>> history() const = 0;

    // Puts a policy in force (ManagePolicy): either a signed envelope
    // {"document","signature","key"} made with this workspace's key, which must verify, or a bare
    // policy document, which is checked and then signed here. Refused (and recorded) when it does not
    // parse (InvalidArgument), does not verify (Tampered) or is not newer than the one in force
    // (RolledBack); the policy in force is then unchanged.
    virtual Result<PolicyRecord> install(const QByteArray &json, const QString &note) = 0;

    // Everything classified: the latest version of every form's fields, and the identifiers,
    // documents, image series and derived values the workspace holds. RequestClassification (it holds
    // no patient data: the staff who may ask see what they ask about).
    virtual Result<QList<ClassifiedItem>> items() const = 0;
    // Step a): asks for `key` to be classified as `proposed` (RequestClassification); `reason` is
    // required. Returns the request id.
    virtual Result<qint64> request(const QString &key, const policy::Classification &proposed,
                                   const QString &reason) = 0;
    virtual Result<QList<ClassificationRequest>> requests(bool openOnly) const = 0;
    // Step b): accepts (with the classification the reviewer settles on) or rejects a request
    // (ManagePolicy). A review that lowers the level in force must come from someone other than the
    // requester, and never goes below the subject's floor.
    virtual Result<void> review(qint64 id, bool accept, const policy::Classification &settled,
                                const QString &note) = 0;
    // Steps c) to e) for every reviewed request (ManagePolicy): the next policy version, signed and
    // in force. NotFound when nothing is reviewed.
    virtual Result<PolicyRecord> putInForce(const QString &note) = 0;
};

} // namespace mdp::workspace
