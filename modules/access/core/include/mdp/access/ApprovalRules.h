#pragma once

#include "mdp/access/AccessRequest.h"
#include "mdp/foundation/Result.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace mdp::access {

// Who approves what (R-6.3.3b), as data with a version: routes picked by the scope's classification
// ceiling and volume (patients asked for, or "unknown" for a whole project or a cohort); each route a
// list of steps, each step the roles that may decide it and how many distinct people must approve.
// "project-pi" names the project's principal investigators (listed per project in the rules).
//
// {"version": 1, "ethicsRoles": ["ethics-reviewer"], "defaultDurationDays": 90, "maxDurationDays": 365,
//  "projects": {"BC-2026": {"pi": ["dr.wang"]}},
//  "routes": [{"maxLevel": 3, "maxPatients": 1000, "steps": [{"roles": ["data-manager"], "approvers": 1}]},
//             ...]}
struct ApprovalStep
{
    QStringList roles;
    int approvers = 1;
};

struct ApprovalRoute
{
    int minLevel = 1;
    int maxLevel = 5;
    qint64 maxPatients = -1; // -1: any volume (a whole project or a cohort counts as unbounded)
    QList<ApprovalStep> steps;
};

class ApprovalRules
{
public:
    static QByteArray defaultDocument(); // the built-in rules (resource)
    static Result<ApprovalRules> parse(const QByteArray &json);

    int version() const { return m_version; }
    QStringList ethicsRoles() const { return m_ethicsRoles; }
    int defaultDurationDays() const { return m_defaultDurationDays; }
    int maxDurationDays() const { return m_maxDurationDays; }
    QStringList principalInvestigators(const QString &project) const { return m_pis.value(project); }
    // The first route that fits the scope. Level-5 scope always ends with at least two distinct
    // approvers whatever the route says: the rules cannot lower that.
    Result<ApprovalRoute> route(const Scope &scope) const;

private:
    int m_version = 0;
    QStringList m_ethicsRoles;
    int m_defaultDurationDays = 90;
    int m_maxDurationDays = 365;
    QHash<QString, QStringList> m_pis;
    QList<ApprovalRoute> m_routes;
};

} // namespace mdp::access
