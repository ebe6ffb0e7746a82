#pragma once

#include "mdp/foundation/Clock.h"
#include "mdp/foundation/Result.h"
#include "mdp/workspace/AuditQueries.h"
#include "mdp/workspace/Workspace.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <memory>

namespace mdp::workspace {

// A read-only look at a workspace that failed its integrity checks (issue 9 part 4). Such a workspace
// does not open for work: Workspace::open() refuses and says why. An account whose key slot holds the
// audit key (auditor, system administrator) may open it here instead, to find out what happened:
// its password opens the slot (a wrong one is counted like any sign-in), its second factor is checked
// without recording anything, the full offline verification runs, and every event it could verify in
// order, up to the first problem, is kept for queries. Nothing in the workspace folder is written: the
// damaged log and database are the evidence. (Only the keyring's failure count may change, as at any
// sign-in.)
class AuditReview
{
public:
    // PermissionDenied when the account's roles do not reach the audit key; the sign-in's own
    // answers (bad credentials, a missing second factor) as Workspace::open() gives them.
    static Result<std::unique_ptr<AuditReview>> open(const QString &directory, const SignIn &signIn,
                                                     const Clock &clock = SystemClock::instance());
    ~AuditReview();

    QString directory() const { return m_directory; }
    QString userName() const { return m_userName; }
    // Why the workspace does not open: the verification's verdict (problem empty when it found none).
    const IntegrityReport &integrity() const { return m_integrity; }
    // The events read and verified, in sequence order (up to the first problem).
    const QList<AuditRow> &events() const { return m_events; }
    // User names by account id, as far as the database can still tell.
    const QHash<QString, QString> &accountNames() const { return m_names; }

    // What one account did in [from, to) (recorded time; an invalid bound is open). Unknown names
    // give NotFound.
    Result<QList<AuditRow>> byUserName(const QString &userName, const QDateTime &from,
                                       const QDateTime &to) const;
    // What was done to one datum, "type:id".
    Result<QList<AuditRow>> byDataId(const QString &dataId) const;

private:
    friend class Workspace;
    AuditReview() = default;

    QString m_directory;
    QString m_userName;
    IntegrityReport m_integrity;
    QList<AuditRow> m_events;
    QHash<QString, QString> m_names;
};

} // namespace mdp::workspace
