#pragma once

#include "mdp/foundation/Result.h"
#include "mdp/policy/Classification.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <array>
#include <functional>

namespace mdp::policy {

// What a subject does with a resource.
enum class Action
{
    Search, // find and list (results come prepared; hidden ones are counted)
    Read,   // open a patient, a record, a document, an image series
    Write,  // enter or change data
    Export, // take data out of the workstation
};
QString actionId(Action action); // "search", "read", "write", "export"
std::optional<Action> actionFromId(QStringView id);
constexpr int kActionCount = 4;

// How far a role reaches without a grant.
enum class Scope
{
    All,   // every patient of the workspace (data managers, administrators)
    Site,  // patients of the subject's own site (the care team)
    Grant, // only what a grant covers (researchers)
};

// One role's rights, as the policy document states them.
struct RoleRule
{
    QString role;                             // "clinician", ...
    std::array<bool, kActionCount> actions{}; // indexed by Action
    int rawCeiling = 0;                       // highest level shown unmasked
    int reach = 0; // highest level opened at all without a grant (fields above rawCeiling masked)
    Scope scope = Scope::Grant;
    bool aggregateWithoutGrant = false; // may search for counts (minimum cell size) without a grant
    bool needsTraining = false;
    bool needsAgreement = false; // a signed data-use agreement (R-7.2.4c)
    bool ignoresConsent = false; // may still read a patient who withdrew consent (to carry out erasure)
};

// The controls of one level.
struct LevelRule
{
    int level = 1;
    bool deidentify = false;      // L2: shared only fully de-identified
    bool watermark = false;       // L3
    bool projectLimited = false;  // L3: de-identified access only within the grant's project
    bool secondFactor = false;    // L4, L5
    bool deepAudit = false;       // L4, L5: every read recorded with what was shown
    bool multiLevelGrant = false; // L5: only through a grant with multi-level approval, narrowed
};

// A deny rule evaluated before the roles: "no export offline", "nothing of a patient who withdrew
// consent", "nothing above level 2 on a workstation whose certificate is not trusted".
struct DenyRule
{
    QString id;
    std::array<bool, kActionCount> actions{}; // the actions it applies to
    std::optional<bool> consentWithdrawn;     // matches when the resource's consent state is this
    std::optional<bool> online;
    std::optional<bool> workstationTrusted;
    int minLevel = 1; // applies to resources at or above this level
};

// A policy document: data, not code (R-6.6.4c). Versioned, reviewable as JSON, and signed by the
// workspace's key when a data manager puts it in force; a workstation refuses one whose signature
// does not verify or whose version is not newer than the one in force.
class PolicySet
{
public:
    static constexpr QStringView kFormat = u"mdp.policy.v1";
    // Floors no document lowers: counts below 5 are never shown exactly, a level-5 grant lasts at
    // most 90 days.
    static constexpr int kMinimumCellSizeFloor = 5;
    static constexpr int kLevel5MaxDaysCeiling = 90;

    // The built-in default policy (a resource of this module), unsigned.
    static const QByteArray &defaultDocument();

    // Parses and validates a document. Error::Code::InvalidArgument naming the first fault (unknown
    // role action, level out of range, duplicate role, missing field ...).
    static Result<PolicySet> parse(QByteArrayView json);
    PolicySet(const PolicySet &) = default;
    PolicySet(PolicySet &&) = default;
    PolicySet &operator=(const PolicySet &) = default;
    PolicySet &operator=(PolicySet &&) = default;

    int version() const { return m_version; }
    QDateTime issued() const { return m_issued; }
    QString issuer() const { return m_issuer; }
    int minCellSize() const { return m_minCellSize; }
    int level5MaxDays() const { return m_level5MaxDays; }
    int level5MinApprovals() const { return m_level5MinApprovals; }
    const RoleRule *role(const QString &roleId) const;
    const QList<RoleRule> &roles() const { return m_roles; }
    const LevelRule &level(int level) const; // level clamped to 1..5
    const QList<DenyRule> &denyRules() const { return m_denyRules; }
    // Field classifications decided by data managers (field id -> classification); consulted before the
    // default rules when a form is classified.
    const QHash<QString, Classification> &fieldClassifications() const { return m_fields; }

    // The document as parsed (the bytes a signature covers).
    const QByteArray &document() const { return m_document; }

private:
    PolicySet() = default; // only parse() makes one

    QByteArray m_document;
    int m_version = 0;
    QDateTime m_issued;
    QString m_issuer;
    int m_minCellSize = 5;
    int m_level5MaxDays = 30;
    int m_level5MinApprovals = 2;
    QList<RoleRule> m_roles;
    QHash<QString, int> m_roleIndex;
    std::array<LevelRule, 5> m_levels{};
    QList<DenyRule> m_denyRules;
    QHash<QString, Classification> m_fields;
};

// A document with its signature, as stored and as the central server sends it:
// {"document": base64, "signature": base64, "key": hex fingerprint of the signing key}.
struct SignedPolicy
{
    QByteArray document;
    QByteArray signature;
    QByteArray keyFingerprint;

    QByteArray toJson() const;
    static Result<SignedPolicy> fromJson(QByteArrayView json);
};

// What a policy signature covers: the format name, a zero byte, the document. The prefix keeps a
// signature made for anything else (a checkpoint, a grant) from passing as a policy's.
QByteArray policySigningMessage(QByteArrayView document);
// Checks a signature over policySigningMessage(document); the workspace passes its SM2 public key's
// verify, pinned to the key it trusts.
using SignatureCheck = std::function<bool(QByteArrayView message, QByteArrayView signature)>;

// Parse, verify and check the version against `current` (0 when none is in force): what a
// workstation does before it replaces the policy in force. On any failure the caller keeps the old
// one. Error::Code::Tampered when the signature does not verify, InvalidArgument when the document
// does not parse, RolledBack when its version is not newer.
Result<PolicySet> acceptSignedPolicy(const SignedPolicy &signedPolicy, const SignatureCheck &check,
                                     int currentVersion);

} // namespace mdp::policy
