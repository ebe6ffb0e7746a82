#pragma once

#include "mdp/audit/AuditEvent.h"
#include "mdp/foundation/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <deque>

namespace mdp::audit {

// Alert rules over audit events (R-7.4.2: SIEM-like rules; issue 13). Rules are data: a versioned JSON
// document, checked strictly (an unknown key, a window of no length, a threshold below one are
// refused, never read as a default):
//
//   {"version": 1, "utcOffsetMinutes": 480, "rules": [
//     {"id": "failed-sign-in-burst", "severity": "serious",
//      "title": {"en": "...", "zh_CN": "..."},
//      "types": ["account.login", "user.login"], "outcomes": ["failure"],
//      "detail": {"alert": ["audit-log-cut"]},      // optional: detail values accepted, as strings
//      "detailAtLeast": {"level": 4},               // optional: numeric detail at least this
//      "outOfHours": {"from": "20:00", "to": "07:00"}, // optional: only at these local times
//      "groupBy": "agent",                          // agent | address | node | entity:<type> | none
//      "windowSeconds": 300, "threshold": 5, "cooldownSeconds": 900}]}
//
// A rule fires when `threshold` matching events of one group fall within `windowSeconds` (by the
// event's recorded time); it then stays quiet for that group for `cooldownSeconds`. "failure" in
// `outcomes` stands for every failure outcome.
struct AlertRule
{
    QString id;
    QString severity = QStringLiteral("serious"); // minor | serious | major
    QString titleEn;
    QString titleZh;
    QStringList types;
    QStringList outcomes; // empty: any
    QHash<QString, QStringList> detailIn;
    QHash<QString, double> detailAtLeast;
    int outOfHoursFrom = -1; // minutes after local midnight; -1: any time
    int outOfHoursTo = -1;
    QString groupBy = QStringLiteral("agent");
    qint64 windowSeconds = 60;
    int threshold = 1;
    qint64 cooldownSeconds = 600;
};

struct AlertRuleSet
{
    int version = 0;
    int utcOffsetMinutes = 480; // local time for out-of-hours rules (China Standard Time)
    QList<AlertRule> rules;

    static Result<AlertRuleSet> parse(const QByteArray &json);
    // The platform's rules: failed sign-in bursts, bulk access, downloads and exports, privilege
    // changes, identifying data out of hours, access after a grant's end, audit gaps.
    static QByteArray defaultDocument();
};

// One firing: which rule, for which group, how many events in the window and when.
struct Alert
{
    QString ruleId;
    QString severity;
    QString title; // English; the rule set has the Chinese too
    QString group;
    int count = 0;
    QDateTime first;
    QDateTime last;

    // What a fired alert is recorded as: "security.alert" with detail alert "rule", the rule, its
    // group, the count and the window seen; the outcome by severity. Agent and source: the caller's.
    AuditEvent toAuditEvent() const;
};

// Evaluates a rule set over events as they are recorded. Not thread-safe; memory per group is
// bounded by the rule's threshold.
class AlertEvaluator
{
public:
    explicit AlertEvaluator(AlertRuleSet rules);
    const AlertRuleSet &rules() const { return m_rules; }

    // The alerts this event completes (none for most events). The event's `recorded` time is its time
    // (`occurred` when `recorded` is not set yet).
    QList<Alert> observe(const AuditEvent &event);
    // Whether `event` matches `rule` (types, outcomes, detail, hours), whatever the counts.
    bool matches(const AlertRule &rule, const AuditEvent &event) const;

private:
    struct GroupState
    {
        std::deque<QDateTime> times;
        QDateTime quietUntil;
    };
    AlertRuleSet m_rules;
    QHash<QString, GroupState> m_state; // "<rule>\n<group>"

    static QString groupOf(const AlertRule &rule, const AuditEvent &event);
};

} // namespace mdp::audit
