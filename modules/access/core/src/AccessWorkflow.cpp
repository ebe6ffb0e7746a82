#include "mdp/access/AccessWorkflow.h"

#include <QSet>

namespace mdp::access {

namespace {

Error refused(const QString &why)
{
    return makeError(Error::Code::PermissionDenied, why);
}

Error invalid(const QString &why)
{
    return makeError(Error::Code::InvalidArgument, why);
}

Error wrongState(const AccessRequest &request)
{
    return makeError(Error::Code::Conflict, QStringLiteral("request %1 is %2: this step is not open")
                                                .arg(request.number, requestStatusId(request.status)));
}

Result<QString> reasonFor(Verdict verdict, const QString &reason)
{
    const QString why = reason.trimmed();
    if (verdict != Verdict::Approve && why.size() < 2)
        return invalid(QStringLiteral("a rejection or a question to the requester says why"));
    if (why.size() > 2000)
        return invalid(QStringLiteral("a reason has at most 2000 characters"));
    return why;
}

// A scope as its JSON says it (sorted, de-duplicated, checked).
Result<Scope> normalised(const Scope &scope)
{
    return Scope::fromJson(scope.toJson());
}

} // namespace

AccessWorkflow::AccessWorkflow(const ApprovalRules &rules, const Clock &clock)
    : m_rules(rules)
    , m_clock(clock)
{}

QStringList AccessWorkflow::approvers(const AccessRequest &request)
{
    // Only approvals of the scope as it is: an approval of an earlier scope approved something else.
    const QByteArray digest = request.scope.digest();
    QStringList out;
    for (const StepDecision &d : request.decisions) {
        if (d.step >= 0 && d.verdict == Verdict::Approve && d.scopeDigest == digest && !out.contains(d.by))
            out << d.by;
    }
    return out;
}

Result<QStringList> AccessWorkflow::checkApproved(const AccessRequest &request, const ApprovalRules &rules)
{
    if (request.status != RequestStatus::Approved || !request.ethicsPassed)
        return refused(QStringLiteral("request %1 is not approved").arg(request.number));
    if (request.rulesVersion != rules.version())
        return makeError(Error::Code::Conflict,
                         QStringLiteral("request %1 was routed by other rules").arg(request.number));
    if (!request.scope.within(request.ethicsScope))
        return refused(QStringLiteral("the scope is wider than the one ethics passed"));
    auto route = rules.route(request.scope);
    if (!route)
        return route.error();
    const QByteArray digest = request.scope.digest();
    QSet<QString> ethics;
    for (const StepDecision &d : request.decisions)
        if (d.step < 0)
            ethics.insert(d.by);
    // Each step by enough distinct people who may take it, on the scope as it is; one person at one
    // step only; never the requester or an ethics reviewer of the request.
    QSet<QString> used;
    QStringList everyone;
    for (qsizetype i = 0; i < route->steps.size(); ++i) {
        const ApprovalStep &step = route->steps.at(i);
        int count = 0;
        for (const StepDecision &d : request.decisions) {
            if (d.step != i || d.verdict != Verdict::Approve || d.scopeDigest != digest ||
                used.contains(d.by) || d.by == request.requester || ethics.contains(d.by) ||
                !step.roles.contains(d.role) ||
                (d.role == QLatin1String("project-pi") &&
                 !rules.principalInvestigators(request.scope.project).contains(d.by)))
                continue;
            used.insert(d.by);
            everyone << d.by;
            ++count;
        }
        if (count < step.approvers)
            return refused(
                QStringLiteral("step %1 of request %2 lacks its approvers").arg(i + 1).arg(request.number));
    }
    if (request.scope.maxLevel == 5 && everyone.size() < 2)
        return refused(QStringLiteral("level 5 needs two distinct approvers (R-7.1.2)"));
    return everyone;
}

Result<AccessRequest> AccessWorkflow::submit(const Actor &requester, const QString &number,
                                             const QString &purpose, const Scope &scope, int durationDays,
                                             const QString &agreementVersion) const
{
    if (requester.userName.isEmpty())
        return refused(QStringLiteral("nobody is signed in"));
    if (number.trimmed().isEmpty())
        return invalid(QStringLiteral("a request needs its number"));
    const QString why = purpose.trimmed();
    if (why.size() < kMinPurposeChars || why.size() > 4000)
        return invalid(QStringLiteral("describe the academic use in detail: %1 to 4000 characters (R-6.3.1d)")
                           .arg(kMinPurposeChars));
    if (agreementVersion.trimmed().isEmpty())
        return refused(
            QStringLiteral("the data-sharing agreement must be accepted before a request (R-7.2.2)"));
    const int days = durationDays <= 0 ? m_rules.defaultDurationDays() : durationDays;
    if (days > m_rules.maxDurationDays())
        return invalid(
            QStringLiteral("access is granted for at most %1 days").arg(m_rules.maxDurationDays()));
    auto checked = normalised(scope);
    if (!checked)
        return checked.error();
    if (auto route = m_rules.route(checked.value()); !route)
        return route.error();
    AccessRequest r;
    r.number = number.trimmed();
    r.requester = requester.userName;
    r.purpose = why;
    r.scope = checked.value();
    r.durationDays = days;
    r.agreementVersion = agreementVersion.trimmed();
    r.status = RequestStatus::EthicsReview;
    r.step = -1;
    r.rulesVersion = m_rules.version();
    r.submitted = m_clock.now().toUTC();
    r.updated = r.submitted;
    r.revision = 1;
    return r;
}

Result<AccessRequest> AccessWorkflow::ethicsReview(const AccessRequest &request, const Actor &reviewer,
                                                   Verdict verdict, const QString &reason) const
{
    if (request.status != RequestStatus::EthicsReview)
        return wrongState(request);
    QString role;
    for (const QString &r : m_rules.ethicsRoles())
        if (role.isEmpty() && reviewer.roles.contains(r))
            role = r;
    if (role.isEmpty())
        return refused(QStringLiteral("only an ethics reviewer reviews a request for ethics (R-6.3.2)"));
    if (reviewer.userName == request.requester)
        return refused(QStringLiteral("nobody reviews their own request"));
    auto why = reasonFor(verdict, reason);
    if (!why)
        return why.error();
    AccessRequest next = request;
    const QDateTime now = m_clock.now().toUTC();
    next.decisions << StepDecision{-1,  reviewer.userName,     role, verdict, why.value(),
                                   now, request.scope.digest()};
    switch (verdict) {
    case Verdict::Approve:
        next.status = RequestStatus::Approval;
        next.step = 0;
        next.ethicsPassed = true;
        next.ethicsScope = request.scope;
        next.ethicsScopeDigest = request.scope.digest();
        break;
    case Verdict::Reject:
        next.status = RequestStatus::Rejected;
        break;
    case Verdict::MoreInformation:
        next.status = RequestStatus::NeedsInformation;
        next.returnToStep = -1;
        break;
    }
    next.updated = now;
    ++next.revision;
    return next;
}

Result<AccessRequest> AccessWorkflow::decide(const AccessRequest &request, const Actor &approver,
                                             Verdict verdict, const QString &reason) const
{
    if (request.status != RequestStatus::Approval || !request.ethicsPassed)
        return wrongState(request);
    if (request.rulesVersion != m_rules.version())
        return makeError(
            Error::Code::Conflict,
            QStringLiteral("request %1 was routed by rules version %2; version %3 is in force now")
                .arg(request.number)
                .arg(request.rulesVersion)
                .arg(m_rules.version()));
    // approvals hold for the scope ethics passed, never a wider one.
    if (!request.scope.within(request.ethicsScope))
        return refused(
            QStringLiteral("the scope is wider than the one ethics passed: it goes back to ethics"));
    if (approver.userName == request.requester)
        return refused(QStringLiteral("nobody approves their own request"));
    for (const StepDecision &d : request.decisions) {
        if (d.step < 0 && d.by == approver.userName)
            return refused(QStringLiteral("whoever reviewed a request for ethics does not also approve it"));
        if (d.step >= 0 && d.by == approver.userName && d.verdict == Verdict::Approve &&
            d.scopeDigest == request.scope.digest())
            return refused(QStringLiteral("one person's approval counts once"));
    }
    auto route = m_rules.route(request.scope);
    if (!route)
        return route.error();
    if (request.step < 0 || request.step >= route->steps.size())
        return wrongState(request);
    const ApprovalStep &step = route->steps.at(request.step);
    QString role;
    for (const QString &r : step.roles) {
        if (!role.isEmpty())
            break;
        if (r == QLatin1String("project-pi")) {
            if (m_rules.principalInvestigators(request.scope.project).contains(approver.userName))
                role = r;
        } else if (approver.roles.contains(r)) {
            role = r;
        }
    }
    if (role.isEmpty())
        return refused(QStringLiteral("this step of request %1 is decided by: %2")
                           .arg(request.number, step.roles.join(QStringLiteral(", "))));
    auto why = reasonFor(verdict, reason);
    if (!why)
        return why.error();
    AccessRequest next = request;
    const QDateTime now = m_clock.now().toUTC();
    const QByteArray digest = request.scope.digest();
    next.decisions << StepDecision{request.step, approver.userName, role, verdict, why.value(), now, digest};
    next.updated = now;
    ++next.revision;
    if (verdict == Verdict::Reject) {
        next.status = RequestStatus::Rejected;
        return next;
    }
    if (verdict == Verdict::MoreInformation) {
        next.status = RequestStatus::NeedsInformation;
        next.returnToStep = request.step;
        return next;
    }
    // Distinct people who approved this step, on this scope.
    QSet<QString> atStep;
    for (const StepDecision &d : std::as_const(next.decisions))
        if (d.step == request.step && d.verdict == Verdict::Approve && d.scopeDigest == digest)
            atStep.insert(d.by);
    if (atStep.size() < step.approvers)
        return next; // the step waits for more approvers
    next.step = request.step + 1;
    if (next.step < route->steps.size())
        return next;
    // The last step passed.: level 5 needs two distinct approvers at least, whatever the route.
    QSet<QString> everyone;
    for (const StepDecision &d : std::as_const(next.decisions))
        if (d.step >= 0 && d.verdict == Verdict::Approve && d.scopeDigest == digest)
            everyone.insert(d.by);
    if (request.scope.maxLevel == 5 && everyone.size() < 2) {
        next.step = request.step;
        return next;
    }
    next.status = RequestStatus::Approved;
    return next;
}

Result<AccessRequest> AccessWorkflow::answer(const AccessRequest &request, const Actor &requester,
                                             const QString &purpose, const Scope &scope) const
{
    if (request.status != RequestStatus::NeedsInformation)
        return wrongState(request);
    if (requester.userName != request.requester)
        return refused(QStringLiteral("only the requester answers for the request"));
    const QString why = purpose.trimmed();
    if (why.size() < kMinPurposeChars || why.size() > 4000)
        return invalid(QStringLiteral("describe the academic use in detail: %1 to 4000 characters (R-6.3.1d)")
                           .arg(kMinPurposeChars));
    auto checked = normalised(scope);
    if (!checked)
        return checked.error();
    if (request.returnToStep >= 0 && !checked->within(request.ethicsScope))
        return refused(
            QStringLiteral("the scope may only narrow after ethics passed it; a wider one is a new "
                           "request"));
    auto route = m_rules.route(checked.value());
    if (!route)
        return route.error();
    AccessRequest next = request;
    if (request.returnToStep >= 0) {
        if (why != request.purpose) {
            // Another purpose is another question for ethics: the request goes back there.
            next.returnToStep = -1;
            next.ethicsPassed = false;
            next.ethicsScope = Scope();
            next.ethicsScopeDigest.clear();
        } else if (!(checked.value() == request.scope)) {
            // Another scope: the approvals given so far were for something else; the route starts again.
            next.returnToStep = 0;
        }
    }
    next.purpose = why;
    next.scope = checked.value();
    next.status = next.returnToStep >= 0 ? RequestStatus::Approval : RequestStatus::EthicsReview;
    next.step = next.returnToStep;
    next.returnToStep = -1;
    next.updated = m_clock.now().toUTC();
    ++next.revision;
    return next;
}

Result<AccessRequest> AccessWorkflow::withdraw(const AccessRequest &request, const Actor &requester) const
{
    if (requester.userName != request.requester)
        return refused(QStringLiteral("only the requester withdraws the request"));
    if (request.status == RequestStatus::Approved || request.status == RequestStatus::Rejected ||
        request.status == RequestStatus::Withdrawn)
        return wrongState(request);
    AccessRequest next = request;
    next.status = RequestStatus::Withdrawn;
    next.updated = m_clock.now().toUTC();
    ++next.revision;
    return next;
}

} // namespace mdp::access
