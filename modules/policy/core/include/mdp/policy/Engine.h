#pragma once

#include "mdp/policy/PolicySet.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <mutex>

namespace mdp::policy {

// Who asks (R-6.6.4a: roles and attributes). Built by the service layer from the signed-in session,
// never from what a caller passes.
struct Subject
{
    QString accountId;
    QStringList roles;    // role ids held now
    QStringList projects; // project memberships
    QString site;
    bool secondFactor = false;    // signed in with a second factor this session
    bool trainingDone = false;    // data-protection training on file
    bool agreementSigned = false; // data-use agreement signed (R-7.2.4c)
};

// What is asked for.
struct Resource
{
    QString kind; // "patient", "form-record", "document", "image-series", "cohort", "export"
    int level = 3;
    Category category = Category::HealthStatus;
    QString project; // empty: not tied to a project (a search across the workspace)
    QString site;    // empty: the workspace's own
    QString patient; // pseudonymous key of the patient it belongs to, for L5 narrowing; may be empty
    bool consentWithdrawn = false;
};

// Where and when.
struct Environment
{
    QDateTime now;
    bool online = true;
    bool workstationTrusted = true; // the workstation's certificate is valid and not revoked
};

// A time-limited access grant (R-6.5.1c): what an approved request gives one account.
struct Grant
{
    QString id;
    QString accountId;
    QString project;
    int maxLevel = 2;
    QList<Category> categories; // empty: every category
    QDateTime notBefore;
    QDateTime notAfter;
    bool aggregateOnly = false;
    bool exportAllowed = false;
    int approvals = 1;    // approval levels passed (ethics, data manager, ...): L5 needs the policy's minimum
    QStringList patients; // L5: the patients it is narrowed to (pseudonymous keys); empty otherwise

    bool covers(Category category) const { return categories.isEmpty() || categories.contains(category); }
};

// What a permit obliges the service to do before data reaches the subject.
struct Obligations
{
    int maskAboveLevel = kMaxLevel; // fields classified above this level are masked
    bool pseudonymise = false;      // identifiers replaced by keyed pseudonyms; names, contacts dropped
    bool deidentify = false;        // free text, documents, images de-identified; dates generalised
    bool aggregateOnly = false;     // counts only, none below minCellSize shown exactly
    int minCellSize = 0;
    bool watermark = false;
    bool noExport = false;
    bool deepAudit = false; // record what was shown, not only that it was

    bool operator==(const Obligations &) const = default;
};

// Why a decision came out as it did; a stable id goes into the audit trail.
enum class Reason
{
    Permitted,
    PermittedByGrant,
    PermittedAggregate,
    NoPolicy,
    NoRole,           // the subject holds no role the policy knows
    ActionNotAllowed, // no role of the subject may do this at all
    DeniedByRule,     // a deny rule matched (consent withdrawn, offline export, ...)
    TrainingMissing,
    AgreementMissing,
    SecondFactorRequired,
    OutOfScope,              // another site's patient, a project the subject is not in
    LevelAboveReach,         // the resource's level is above what the role opens
    NoGrant,                 // a grant would be needed
    GrantDoesNotCover,       // grants exist but none covers this project, level, category or time
    MultiLevelGrantRequired, // level 5
    InvalidRequest,          // no valid time in the environment, or the decision could not be recorded
};
QString reasonId(Reason reason); // "no-grant", ...

// The scope a denied subject would have to request (what the request-access entry carries).
struct NeededScope
{
    Action action = Action::Read;
    QString project;
    int level = 0;
    Category category = Category::HealthStatus;
    bool secondFactor = false;
};

struct Decision
{
    bool permitted = false;
    Reason reason = Reason::NoPolicy;
    Obligations obligations;
    NeededScope needed; // when denied
    QString ruleId;     // the deny rule or the grant that decided, if any
    QString role;       // the role the decision went through
    int policyVersion = 0;

    // A sentence for the person, translated ("You have no grant for project BC-2026 at level 3:
    // request access to see these records."), never naming a patient.
    QString explanation() const;
    // Stable, untranslated fields for the audit event: effect, reason, rule, role, policy version,
    // obligations, needed scope.
    QJsonObject auditDetail() const;
};

// The permission engine (R-6.6.4a-c, R-7.1.2). Holds the policy in force and the grants; decides in
// well under 10 µs without allocating on the common path, whatever the number of grants (grants are
// indexed by account and project). Thread-safe: decisions run concurrently with replacing the policy
// or the grants, each decision sees one consistent snapshot.
class Engine
{
public:
    Engine();
    ~Engine();

    // Puts `policy` in force unconditionally: the built-in default at start. Later documents go
    // through acceptSignedPolicy and replacePolicy.
    void setPolicy(PolicySet policy);
    // Puts `policy` in force only if the one in force is still `expectedVersion` and `policy` is
    // newer: two updates racing cannot install an older one after a newer.
    bool replacePolicy(PolicySet policy, int expectedVersion);
    int policyVersion() const;
    std::shared_ptr<const PolicySet> policy() const;

    // Replaces every grant (the central server's list, or the local grant store after a change).
    void setGrants(const QList<Grant> &grants);
    int grantCount() const;

    Decision decide(const Subject &subject, Action action, const Resource &resource,
                    const Environment &environment) const;

private:
    struct State;
    std::shared_ptr<const State> snapshot() const;

    mutable std::mutex m_mutex; // guards the pointer only; decisions work on the snapshot
    std::shared_ptr<const State> m_state;
};

} // namespace mdp::policy
