#pragma once

#include "mdp/access/AccessRequest.h"
#include "mdp/access/ApprovalRules.h"
#include "mdp/foundation/Clock.h"
#include "mdp/foundation/Result.h"

#include <QString>
#include <QStringList>

namespace mdp::access {

// Who acts: the user name and roles of the session (the caller takes them from the session, never
// from a request).
struct Actor
{
    QString userName;
    QStringList roles;
};

// The request's life (R-5.2e-j, R-6.3.1-R-6.3.3, R-7.1.2 e): pure rules over an AccessRequest, the
// same on the workstation and the server. Every call checks who may make it and what state allows
// it, and returns the request as it is after the change (the caller stores it with its audit event,
// naming the revision it read). Nothing here grants anything: an Approved request is what a grant is
// issued from (GrantDocument).
class AccessWorkflow
{
public:
    AccessWorkflow(const ApprovalRules &rules, const Clock &clock);

    // R-5.2e/f, R-6.3.1c/d: purpose (at least kMinPurposeChars), a valid scope, a duration within the
    // rules, the data-sharing agreement accepted. The number is the caller's (unique in its store).
    Result<AccessRequest> submit(const Actor &requester, const QString &number, const QString &purpose,
                                 const Scope &scope, int durationDays, const QString &agreementVersion) const;
    // an ethics reviewer who is not the requester passes, rejects (reason required) or asks
    // for more information (reason required).
    Result<AccessRequest> ethicsReview(const AccessRequest &request, const Actor &reviewer, Verdict verdict,
                                       const QString &reason) const;
    // someone the current step's roles name, who is not the requester, did not review it for
    // ethics and has not approved it before, approves, rejects or asks for more information. The
    // scope must still be the one ethics passed. Level 5: two distinct approvers at least.
    Result<AccessRequest> decide(const AccessRequest &request, const Actor &approver, Verdict verdict,
                                 const QString &reason) const;
    // The requester answers a request for more information: purpose and scope may change, but at an
    // approval step the scope may only narrow within what ethics passed (a wider one is a new
    // request). It returns to the step that asked; after ethics, another purpose goes back to ethics
    // and another scope starts the approvals again.
    Result<AccessRequest> answer(const AccessRequest &request, const Actor &requester, const QString &purpose,
                                 const Scope &scope) const;
    Result<AccessRequest> withdraw(const AccessRequest &request, const Actor &requester) const;

    // The people who approved the scope as it is (not ethics), in order.
    static QStringList approvers(const AccessRequest &request);
    // Checks an approved request again from its decisions alone, before a grant is issued: every step
    // of its route approved on the final scope by enough distinct people holding the step's roles,
    // one person at one step only, never the requester or an ethics reviewer, level 5 by two at least.
    // Returns the approvers.
    static Result<QStringList> checkApproved(const AccessRequest &request, const ApprovalRules &rules);
    static constexpr int kMinPurposeChars = 30;

private:
    const ApprovalRules &m_rules;
    const Clock &m_clock;
};

} // namespace mdp::access
