#pragma once

#include "mdp/foundation/Result.h"
#include "mdp/policy/Classification.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace mdp::access {

// What a researcher asks to see (R-5.2e, R-6.3.1c): one project's data up to a classification
// ceiling, some categories (none: all), optionally some fields, some patients (pseudonyms) or a
// cohort described in words, and whether counts only or an export is wanted. No patient identifier:
// patients are named by pseudonym.
struct Scope
{
    QString project;
    int maxLevel = 2; // 1..5
    QList<policy::Category> categories;
    QStringList fields;
    QStringList patients; // pseudonyms; empty: the whole project or the cohort below
    QString cohort;       // criteria in words (no identifiers), when patients are not listed
    bool aggregateOnly = false;
    bool exportAllowed = false;

    QJsonObject toJson() const;
    static Result<Scope> fromJson(const QJsonObject &json);
    // SM3 over the canonical JSON: what an ethics pass and each approval are bound to.
    QByteArray digest() const;
    // Whether every part of this scope lies within `outer` (same project, a ceiling no higher, no
    // category, field or patient outer leaves out, no export or row-level access outer does not give).
    bool within(const Scope &outer) const;
    bool operator==(const Scope &) const = default;
};

enum class RequestStatus
{
    EthicsReview,     // submitted: waiting for the ethics review
    Approval,         // passed ethics: at approval step `step`
    NeedsInformation, // sent back to the requester; returns to the same step
    Approved,         // every step passed: a grant is issued
    Rejected,         // by ethics or an approver, with reasons to the requester
    Withdrawn,        // by the requester
};
// A patient's pseudonym as the registry makes them: "P-" or "S-" and 12 to 16 base32 letters.
bool isPseudonym(QStringView text);

QString requestStatusId(RequestStatus status); // "ethics-review", "approval", ...
std::optional<RequestStatus> requestStatusFromId(QStringView id);

enum class Verdict
{
    Approve, // an ethics pass, an approval
    Reject,
    MoreInformation,
};
QString verdictId(Verdict verdict); // "approve", "reject", "more-information"

// One person's decision on a request, at one step (-1: the ethics review).
struct StepDecision
{
    int step = -1;
    QString by;   // user name
    QString role; // the role it was taken in
    Verdict verdict = Verdict::Approve;
    QString reason;
    QDateTime at;
    QByteArray scopeDigest; // the scope it was taken on
};

struct AccessRequest
{
    QString number;    // "AR-<year>-<6 digits>", unique (R-5.2f)
    QString requester; // user name
    QString purpose;   // a detailed academic-use statement (R-6.3.1d)
    Scope scope;
    int durationDays = 90;
    QString agreementVersion; // the data-sharing agreement accepted, empty: none
    RequestStatus status = RequestStatus::EthicsReview;
    int step = -1;         // -1: ethics; 0..: approval steps of the route
    int returnToStep = -1; // while NeedsInformation: where it goes back to
    int rulesVersion = 0;  // the routing rules that picked its steps
    bool ethicsPassed = false;
    Scope ethicsScope;            // the scope ethics passed: approvals are bound to it (never wider)
    QByteArray ethicsScopeDigest; // its digest, for the record
    QList<StepDecision> decisions;
    QDateTime submitted;
    QDateTime updated;
    qint64 revision = 0; // bumped on every change; a change names the revision it read

    QJsonObject toJson() const;
    static Result<AccessRequest> fromJson(const QJsonObject &json);
};

} // namespace mdp::access
