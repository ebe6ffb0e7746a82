#include "mdp/policy/Engine.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>

namespace mdp::policy {

struct Engine::State
{
    std::shared_ptr<const PolicySet> policy;
    // account -> project -> grants: a decision looks at one account's grants for one project, so its
    // cost does not grow with the number of grants.
    QHash<QString, QHash<QString, QList<Grant>>> grants;
    int grantCount = 0;
};

namespace {

// How telling a refusal is, when several roles refuse: the one that says most about what to do.
int weight(Reason reason)
{
    switch (reason) {
    case Reason::DeniedByRule:
        return 9;
    case Reason::SecondFactorRequired:
    case Reason::MultiLevelGrantRequired:
        return 8;
    case Reason::TrainingMissing:
    case Reason::AgreementMissing:
        return 7;
    case Reason::GrantDoesNotCover:
        return 6;
    case Reason::NoGrant:
        return 5;
    case Reason::OutOfScope:
        return 4;
    case Reason::LevelAboveReach:
        return 3;
    case Reason::ActionNotAllowed:
        return 2;
    default:
        return 1;
    }
}

// Of two permits, the one that shows more: not aggregate-only, then the higher unmasked level.
bool showsMore(const Decision &a, const Decision &b)
{
    if (a.obligations.aggregateOnly != b.obligations.aggregateOnly)
        return !a.obligations.aggregateOnly;
    return a.obligations.maskAboveLevel > b.obligations.maskAboveLevel;
}

bool inTime(const Grant &grant, const QDateTime &now)
{
    return (!grant.notBefore.isValid() || grant.notBefore <= now) && grant.notAfter.isValid() &&
           now < grant.notAfter;
}

class RoleDecision
{
public:
    RoleDecision(const PolicySet &policy, const QHash<QString, QHash<QString, QList<Grant>>> &grants,
                 const RoleRule &role, const Subject &subject, Action action, const Resource &resource,
                 const Environment &environment)
        : m_policy(policy)
        , m_grants(grants)
        , m_role(role)
        , m_subject(subject)
        , m_action(action)
        , m_resource(resource)
        , m_environment(environment)
    {}

    Decision decide() const
    {
        if (!m_role.actions[static_cast<int>(m_action)])
            return deny(Reason::ActionNotAllowed);
        for (const DenyRule &rule : m_policy.denyRules()) {
            if (matches(rule))
                return deny(Reason::DeniedByRule, rule.id);
        }
        const LevelRule &level = m_policy.level(m_resource.level);
        const bool aggregateAllowed =
            m_action == Action::Search && m_role.aggregateWithoutGrant && !level.multiLevelGrant;
        // Counts at the minimum cell size need neither training nor an agreement; content does.
        if (m_role.needsTraining && !m_subject.trainingDone)
            return aggregateAllowed ? aggregate() : deny(Reason::TrainingMissing);
        if (m_role.needsAgreement && !m_subject.agreementSigned)
            return aggregateAllowed ? aggregate() : deny(Reason::AgreementMissing);

        Decision refusal = deny(m_role.scope == Scope::Grant ? Reason::NoGrant : Reason::LevelAboveReach);
        if (m_role.scope != Scope::Grant && m_resource.level <= m_role.reach && !level.multiLevelGrant) {
            if (inScope())
                return direct();
            refusal = deny(Reason::OutOfScope);
        } else if (level.multiLevelGrant) {
            refusal = deny(Reason::MultiLevelGrantRequired);
        }
        Decision byGrant = throughGrant(refusal);
        if (byGrant.permitted)
            return byGrant;
        return aggregateAllowed ? aggregate() : byGrant; // else the most telling refusal
    }

private:
    Decision base() const
    {
        Decision decision;
        decision.role = m_role.role;
        decision.policyVersion = m_policy.version();
        return decision;
    }

    Decision deny(Reason reason, const QString &rule = {}) const
    {
        Decision decision = base();
        decision.reason = reason;
        decision.ruleId = rule;
        decision.needed = {m_action, m_resource.project, m_resource.level, m_resource.category,
                           reason == Reason::SecondFactorRequired};
        return decision;
    }

    // The consent exemption (a data manager carrying out an erasure) reaches the patient to read and
    // change, never to search among or export.
    bool exemptFromConsent(const DenyRule &rule) const
    {
        return m_role.ignoresConsent && rule.consentWithdrawn == std::optional<bool>(true) &&
               (m_action == Action::Read || m_action == Action::Write);
    }

    bool matches(const DenyRule &rule) const
    {
        if (!rule.actions[static_cast<int>(m_action)] || m_resource.level < rule.minLevel)
            return false;
        if (rule.consentWithdrawn &&
            (*rule.consentWithdrawn != m_resource.consentWithdrawn || exemptFromConsent(rule)))
            return false;
        if (rule.online && *rule.online != m_environment.online)
            return false;
        if (rule.workstationTrusted && *rule.workstationTrusted != m_environment.workstationTrusted)
            return false;
        return true;
    }

    bool inScope() const
    {
        switch (m_role.scope) {
        case Scope::All:
            return true;
        case Scope::Site:
            return m_resource.site.isEmpty() || m_resource.site == m_subject.site;
        case Scope::Grant:
            return false;
        }
        return false;
    }

    // Data that leaves the workstation is shared data: level 2's rule (fully de-identified) applies
    // whoever exports it.
    void prepareExport(Obligations &o) const
    {
        o.pseudonymise = true;
        o.deidentify = true;
        o.watermark = true;
        o.maskAboveLevel = std::min(o.maskAboveLevel, kIdentifyingLevel - 1);
        o.deepAudit = true;
    }

    // The role's own reach: the care team at its site, data managers everywhere.
    Decision direct() const
    {
        const bool seesIdentity = m_role.rawCeiling >= kIdentifyingLevel;
        // Below identity, level 3 and up is limited to the projects the subject works on (R-7.1.2 c).
        if (!seesIdentity && m_policy.level(m_resource.level).projectLimited &&
            !m_resource.project.isEmpty() && !m_subject.projects.contains(m_resource.project))
            return deny(Reason::OutOfScope);
        const int shown = std::min(m_resource.level, m_role.rawCeiling);
        if (m_policy.level(shown).secondFactor && !m_subject.secondFactor)
            return deny(Reason::SecondFactorRequired);
        Decision decision = base();
        decision.permitted = true;
        decision.reason = Reason::Permitted;
        Obligations &o = decision.obligations;
        o.maskAboveLevel = std::min(m_role.rawCeiling, kIdentifyingLevel); // level 5 only under its grant
        // Free text, documents and images may hold identifiers whatever their own level: a role that
        // does not see identity gets them de-identified.
        o.pseudonymise = !seesIdentity;
        o.deidentify = !seesIdentity;
        o.watermark = !seesIdentity && m_policy.level(m_resource.level).watermark;
        o.deepAudit =
            m_policy.level(shown).deepAudit || (m_resource.consentWithdrawn && m_role.ignoresConsent);
        o.noExport = !m_role.actions[static_cast<int>(Action::Export)] || m_resource.consentWithdrawn;
        if (m_action == Action::Export)
            prepareExport(o);
        return decision;
    }

    Decision throughGrant(const Decision &refusal) const
    {
        // Grants are for research use: they let one read and search, never write.
        if (m_action == Action::Write)
            return refusal;
        const auto account = m_grants.constFind(m_subject.accountId);
        if (m_subject.accountId.isEmpty() || account == m_grants.cend())
            return refusal;
        const LevelRule &level = m_policy.level(m_resource.level);
        Decision closest = refusal;
        const auto consider = [&](const QList<Grant> &grants) -> std::optional<Decision> {
            for (const Grant &grant : grants) {
                auto decision = underGrant(grant, level);
                if (decision.permitted)
                    return decision;
                if (weight(decision.reason) >= weight(closest.reason))
                    closest = decision;
            }
            return std::nullopt;
        };
        if (!m_resource.project.isEmpty()) {
            const auto project = account->constFind(m_resource.project);
            if (project != account->cend()) {
                if (auto permit = consider(project.value()))
                    return *permit;
            } else {
                closest = deny(Reason::GrantDoesNotCover);
            }
        } else if (m_action == Action::Search) {
            // A search across the workspace: any grant in force lets it run, for counts only; each
            // result is decided again with its own project.
            for (const auto &grants : *account) {
                if (auto permit = consider(grants)) {
                    permit->obligations.aggregateOnly = true;
                    permit->obligations.minCellSize = m_policy.minCellSize();
                    return *permit;
                }
            }
        } else {
            closest = deny(Reason::GrantDoesNotCover);
        }
        return closest;
    }

    Decision underGrant(const Grant &grant, const LevelRule &level) const
    {
        if (!inTime(grant, m_environment.now) || !grant.covers(m_resource.category) ||
            m_resource.level > grant.maxLevel)
            return deny(Reason::GrantDoesNotCover, grant.id);
        // What the grant itself allows: export only when it says so, content only when it is not
        // aggregate-only.
        if ((m_action == Action::Export && !grant.exportAllowed) ||
            (grant.aggregateOnly && m_action != Action::Search))
            return deny(Reason::GrantDoesNotCover, grant.id);
        // Whatever role the subject uses it under: data use needs the training and the signed
        // agreement (R-7.2.4c).
        if (!m_subject.trainingDone)
            return deny(Reason::TrainingMissing, grant.id);
        if (!m_subject.agreementSigned)
            return deny(Reason::AgreementMissing, grant.id);
        bool level5Passed = false;
        if (level.multiLevelGrant) {
            const bool narrow = !m_resource.patient.isEmpty() && grant.patients.contains(m_resource.patient);
            const bool temporary =
                grant.notBefore.isValid() && grant.notBefore.msecsTo(grant.notAfter) <=
                                                 qint64(m_policy.level5MaxDays()) * 24 * 3600 * 1000;
            if (grant.approvals < m_policy.level5MinApprovals() || !narrow || !temporary)
                return deny(Reason::MultiLevelGrantRequired, grant.id);
            level5Passed = true;
        }
        // A grant narrowed to named patients covers those patients only, at every level (the route
        // that approved it was chosen by that volume).
        if (!grant.patients.isEmpty() && !grant.patients.contains(m_resource.patient))
            return deny(Reason::GrantDoesNotCover, grant.id);
        if (level.secondFactor && !m_subject.secondFactor)
            return deny(Reason::SecondFactorRequired, grant.id);
        Decision decision = base();
        decision.permitted = true;
        decision.reason = Reason::PermittedByGrant;
        decision.ruleId = grant.id;
        Obligations &o = decision.obligations;
        // Identity only for a role that sees it anyway and a grant that reaches it; level 5 only
        // where its own checks passed for this patient.
        const bool identity = m_role.rawCeiling >= kIdentifyingLevel && grant.maxLevel >= kIdentifyingLevel;
        o.maskAboveLevel = std::min(grant.maxLevel, level5Passed ? kMaxLevel : kIdentifyingLevel);
        if (!identity)
            o.maskAboveLevel = std::min(o.maskAboveLevel, kIdentifyingLevel - 1);
        o.pseudonymise = !identity;
        o.deidentify = !identity || m_policy.level(grant.maxLevel).deidentify;
        o.watermark = level.watermark;
        o.deepAudit = level.deepAudit;
        o.aggregateOnly = grant.aggregateOnly;
        o.minCellSize = grant.aggregateOnly ? m_policy.minCellSize() : 0;
        o.noExport = !grant.exportAllowed || !m_role.actions[static_cast<int>(Action::Export)];
        if (m_action == Action::Export)
            prepareExport(o);
        return decision;
    }

    Decision aggregate() const
    {
        Decision decision = base();
        decision.permitted = true;
        decision.reason = Reason::PermittedAggregate;
        Obligations &o = decision.obligations;
        o.maskAboveLevel = std::min(m_role.rawCeiling, 1);
        o.pseudonymise = true;
        o.deidentify = true;
        o.aggregateOnly = true;
        o.minCellSize = m_policy.minCellSize();
        o.noExport = true;
        return decision;
    }

    const PolicySet &m_policy;
    const QHash<QString, QHash<QString, QList<Grant>>> &m_grants;
    const RoleRule &m_role;
    const Subject &m_subject;
    Action m_action;
    const Resource &m_resource;
    const Environment &m_environment;
};

} // namespace

QString reasonId(Reason reason)
{
    switch (reason) {
    case Reason::Permitted:
        return QStringLiteral("permitted");
    case Reason::PermittedByGrant:
        return QStringLiteral("permitted-by-grant");
    case Reason::PermittedAggregate:
        return QStringLiteral("permitted-aggregate");
    case Reason::NoPolicy:
        return QStringLiteral("no-policy");
    case Reason::NoRole:
        return QStringLiteral("no-role");
    case Reason::ActionNotAllowed:
        return QStringLiteral("action-not-allowed");
    case Reason::DeniedByRule:
        return QStringLiteral("denied-by-rule");
    case Reason::TrainingMissing:
        return QStringLiteral("training-missing");
    case Reason::AgreementMissing:
        return QStringLiteral("agreement-missing");
    case Reason::SecondFactorRequired:
        return QStringLiteral("second-factor-required");
    case Reason::OutOfScope:
        return QStringLiteral("out-of-scope");
    case Reason::LevelAboveReach:
        return QStringLiteral("level-above-reach");
    case Reason::NoGrant:
        return QStringLiteral("no-grant");
    case Reason::GrantDoesNotCover:
        return QStringLiteral("grant-does-not-cover");
    case Reason::MultiLevelGrantRequired:
        return QStringLiteral("multi-level-grant-required");
    case Reason::InvalidRequest:
        return QStringLiteral("invalid-request");
    }
    return {};
}

QString Decision::explanation() const
{
    const auto tr = [](const char *text) {
        return QCoreApplication::translate("mdp::policy::Decision", text);
    };
    const QString project = needed.project.isEmpty() ? tr("this data") : needed.project;
    switch (reason) {
    case Reason::Permitted:
    case Reason::PermittedByGrant:
        return tr("Access permitted.");
    case Reason::PermittedAggregate:
        return tr("Only counts are shown: open records need an access grant.");
    case Reason::NoPolicy:
        return tr(
            "No access policy is in force on this workstation, so nothing can be opened. A data manager "
            "installs one.");
    case Reason::NoRole:
        return tr("Your account holds no role the access policy knows.");
    case Reason::ActionNotAllowed:
        return tr("Your roles do not allow this (%1).").arg(actionId(needed.action));
    case Reason::DeniedByRule:
        if (ruleId == u"consent-withdrawn")
            return tr("The patient has withdrawn consent: their data can no longer be used.");
        if (ruleId == u"export-offline")
            return tr("Exports need a connection to the authorization server.");
        if (ruleId == u"untrusted-workstation")
            return tr(
                "This workstation's certificate is not trusted: data above level 2 cannot be opened here.");
        return tr("The access policy's rule \"%1\" refuses this.").arg(ruleId);
    case Reason::TrainingMissing:
        return tr("Your data-protection training is not on file.");
    case Reason::AgreementMissing:
        return tr("You have not signed the data-use agreement.");
    case Reason::SecondFactorRequired:
        return tr("Level %1 data needs a second factor: sign in again with your authenticator code.")
            .arg(needed.level);
    case Reason::OutOfScope:
        return tr("This belongs to another site or to a project you are not a member of: request access to "
                  "%1.")
            .arg(project);
    case Reason::LevelAboveReach:
        return tr("This is level %1 data, above what your roles open.").arg(needed.level);
    case Reason::NoGrant:
        return tr("You have no access grant for %1 at level %2 (%3): request access to see it.")
            .arg(project)
            .arg(needed.level)
            .arg(categoryDisplayName(needed.category));
    case Reason::GrantDoesNotCover:
        return tr("Your grants do not cover %1 at level %2 (%3) now: request access to see it.")
            .arg(project)
            .arg(needed.level)
            .arg(categoryDisplayName(needed.category));
    case Reason::InvalidRequest:
        return tr(
            "This access could not be checked and recorded (no valid time, or the audit log refused the "
            "record), so nothing is shown.");
    case Reason::MultiLevelGrantRequired:
        return tr(
            "Level 5 data needs a temporary grant approved at several levels and narrowed to the patients "
            "concerned.");
    }
    return {};
}

QJsonObject Decision::auditDetail() const
{
    QJsonObject detail{
        {QStringLiteral("effect"), permitted ? QStringLiteral("permit") : QStringLiteral("deny")},
        {QStringLiteral("reason"), reasonId(reason)},
        {QStringLiteral("policyVersion"), policyVersion}};
    if (!role.isEmpty())
        detail.insert(QStringLiteral("role"), role);
    if (!ruleId.isEmpty())
        detail.insert(QStringLiteral("rule"), ruleId);
    if (permitted) {
        QJsonArray applied;
        if (obligations.pseudonymise)
            applied << QStringLiteral("pseudonymise");
        if (obligations.deidentify)
            applied << QStringLiteral("deidentify");
        if (obligations.aggregateOnly)
            applied << QStringLiteral("aggregate-only");
        if (obligations.watermark)
            applied << QStringLiteral("watermark");
        if (obligations.noExport)
            applied << QStringLiteral("no-export");
        if (obligations.deepAudit)
            applied << QStringLiteral("deep-audit");
        detail.insert(QStringLiteral("obligations"), applied);
        detail.insert(QStringLiteral("maskAboveLevel"), obligations.maskAboveLevel);
        if (obligations.aggregateOnly)
            detail.insert(QStringLiteral("minCellSize"), obligations.minCellSize);
    } else {
        QJsonObject scope{{QStringLiteral("action"), actionId(needed.action)},
                          {QStringLiteral("level"), needed.level},
                          {QStringLiteral("category"), categoryId(needed.category)}};
        if (!needed.project.isEmpty())
            scope.insert(QStringLiteral("project"), needed.project);
        if (needed.secondFactor)
            scope.insert(QStringLiteral("secondFactor"), true);
        detail.insert(QStringLiteral("needed"), scope);
    }
    return detail;
}

Engine::Engine()
    : m_state(std::make_shared<State>())
{}

Engine::~Engine() = default;

std::shared_ptr<const Engine::State> Engine::snapshot() const
{
    std::lock_guard lock(m_mutex);
    return m_state;
}

void Engine::setPolicy(PolicySet policy)
{
    auto shared = std::make_shared<const PolicySet>(std::move(policy));
    std::lock_guard lock(m_mutex);
    auto next = std::make_shared<State>(*m_state);
    next->policy = std::move(shared);
    m_state = std::move(next);
}

bool Engine::replacePolicy(PolicySet policy, int expectedVersion)
{
    auto shared = std::make_shared<const PolicySet>(std::move(policy));
    std::lock_guard lock(m_mutex);
    const int current = m_state->policy ? m_state->policy->version() : 0;
    if (current != expectedVersion || shared->version() <= current)
        return false;
    auto next = std::make_shared<State>(*m_state);
    next->policy = std::move(shared);
    m_state = std::move(next);
    return true;
}

int Engine::policyVersion() const
{
    const auto state = snapshot();
    return state->policy ? state->policy->version() : 0;
}

std::shared_ptr<const PolicySet> Engine::policy() const
{
    return snapshot()->policy;
}

void Engine::setGrants(const QList<Grant> &grants)
{
    QHash<QString, QHash<QString, QList<Grant>>> index;
    for (const Grant &grant : grants)
        index[grant.accountId][grant.project] << grant;
    std::lock_guard lock(m_mutex);
    auto next = std::make_shared<State>(*m_state);
    next->grants = std::move(index);
    next->grantCount = int(grants.size());
    m_state = std::move(next);
}

int Engine::grantCount() const
{
    return snapshot()->grantCount;
}

Decision Engine::decide(const Subject &subject, Action action, const Resource &resource,
                        const Environment &environment) const
{
    const auto state = snapshot();
    Decision best;
    best.needed = {action, resource.project, resource.level, resource.category, false};
    if (!state->policy)
        return best;
    const PolicySet &policy = *state->policy;
    best.policyVersion = policy.version();
    if (!environment.now.isValid()) {
        best.reason = Reason::InvalidRequest; // no clock, no grant can be checked: nothing opens
        return best;
    }
    best.reason = Reason::NoRole;
    bool decided = false;
    for (qsizetype i = 0; i < subject.roles.size(); ++i) {
        const QString &roleId = subject.roles.at(i);
        const RoleRule *role = policy.role(roleId);
        if (!role || subject.roles.indexOf(roleId) < i)
            continue;
        Decision decision =
            RoleDecision(policy, state->grants, *role, subject, action, resource, environment).decide();
        if (!decided || (decision.permitted && (!best.permitted || showsMore(decision, best))) ||
            (!decision.permitted && !best.permitted && weight(decision.reason) > weight(best.reason)))
            best = std::move(decision);
        decided = true;
    }
    return best;
}

} // namespace mdp::policy
