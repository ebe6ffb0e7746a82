#pragma once

#include "mdp/audit/AuditBundle.h"
#include "mdp/crypto/Signature.h"
#include "mdp/foundation/Result.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

namespace mdp::audit {

// The auditor's questions over events already verified (an opened bundle), answered from indexes
// built once: what one user did over a time range, everything done to one datum by anyone, a
// patient's access history, per-user figures, and activity per day.
class AuditTrail
{
public:
    AuditTrail(QList<AuditBundleEvent> events, QHash<QString, QString> accountNames);

    const QList<AuditBundleEvent> &events() const { return m_events; }
    // The user name for an account id (the id itself when unknown).
    QString nameOf(const QString &accountId) const;

    // Positions in events(), in sequence order. `user` is a user name or an account id; an invalid
    // bound is open, the range [from, to).
    QList<int> byUser(const QString &user, const QDateTime &from, const QDateTime &to) const;
    // "type:id", or a bare id of any type.
    QList<int> byData(const QString &dataId) const;
    // Every event naming the patient's pseudonym (views, queries, downloads, changes, grants).
    QList<int> patientHistory(const QString &pseudonym) const
    {
        return byData(QStringLiteral("patient:") + pseudonym);
    }

    struct UserFigures
    {
        QString accountId, userName;
        int events = 0, failures = 0, reads = 0, changes = 0, downloads = 0, alerts = 0;
        QDateTime first, last;
    };
    QList<UserFigures> perUser() const; // most events first
    // Events per day (UTC), for one user (name or id) or, with an empty one, everybody.
    QMap<QDate, int> timeline(const QString &user = {}) const;

private:
    QString accountIdOf(const QString &user) const;
    QList<AuditBundleEvent> m_events;
    QHash<QString, QString> m_names;
    QHash<QString, QList<int>> m_byEntity; // AuditEntity::key()
    QHash<QString, QList<int>> m_byBareId;
    QHash<QString, QList<int>> m_byUser;
};

// The auditor's own reads in the offline mode (the audit of the audit): one signed line per question
// asked of a bundle, chained (SM3), in a file on the auditor's machine. The next export takes the file
// back (`mdp audit export --reads FILE`) and records each read in the workstation's trail.
class AuditReadLog
{
public:
    // MDP_AUDIT_READ_LOG, else one file per auditor key in the user's data folder (created).
    static QString defaultPath(const crypto::PublicKey &auditor);
    // Appends one read, durably: the bundle, the question ("by-user", "by-data", "patient", ...) and
    // its parameters. Creates the file when missing; a last line a crash cut short is dropped.
    static Result<void> append(const QString &path, const crypto::SigningKey &auditor,
                               const QString &bundleId, const QString &query, const QJsonObject &parameters,
                               const QDateTime &at);
    struct Read
    {
        QDateTime at;
        QString bundleId, query;
        QJsonObject parameters;
        QByteArray digest; // SM3 of the line: the read's identity
    };
    // Every read, after checking each line's signature with `auditor` and the chain; Tampered with the
    // line number otherwise.
    static Result<QList<Read>> verify(QByteArrayView file, const crypto::PublicKey &auditor);
};

} // namespace mdp::audit
