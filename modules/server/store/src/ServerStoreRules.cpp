#include "ServerStoreRules.h"

#include <limits>

#include "mdp/crypto/Hash.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <map>
#include <set>

namespace mdp::server::detail {

Q_LOGGING_CATEGORY(lcServerStore, "mdp.server.store")

QString accountKey(const QString &userName)
{
    return userName.toCaseFolded();
}

Result<QString> normaliseSerial(const QString &serialHex)
{
    QString hex = serialHex.trimmed().toLower();
    if (hex.isEmpty())
        return makeError(Error::Code::InvalidArgument, QStringLiteral("no certificate serial given"));
    for (const QChar c : std::as_const(hex)) {
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f')))
            return makeError(Error::Code::InvalidArgument,
                             QStringLiteral("a certificate serial must be hexadecimal"));
    }
    qsizetype zeros = 0;
    while (zeros < hex.size() - 1 && hex.at(zeros) == u'0')
        ++zeros;
    return hex.mid(zeros);
}

Result<void> checkLockoutParameters(int threshold, qint64 backoffSeconds)
{
    if (threshold < 1 || backoffSeconds < 0)
        return makeError(
            Error::Code::InvalidArgument,
            QStringLiteral("the lock-out threshold must be positive and the back-off not negative"));
    return {};
}

void countFailedSignIn(AccountRecord &account, const QDateTime &now, int threshold, qint64 backoffSeconds)
{
    if (account.failedAttempts < std::numeric_limits<int>::max())
        ++account.failedAttempts;
    if (const QDateTime until = backoffUntil(now, account.failedAttempts, threshold, backoffSeconds);
        until.isValid())
        account.lockedUntil = until;
}

bool claimAttempt(AccountRecord &account, const QDateTime &now, int threshold, qint64 backoffSeconds,
                  bool *lockedOut)
{
    const bool waiting = account.lockedUntil.isValid() && account.lockedUntil > now;
    if (lockedOut)
        *lockedOut = waiting;
    if (waiting)
        return false;
    countFailedSignIn(account, now, threshold, backoffSeconds);
    return true;
}

bool clearFailedSignIns(AccountRecord &account)
{
    if (account.failedAttempts == 0 && !account.lockedUntil.isValid())
        return false;
    account.failedAttempts = 0;
    account.lockedUntil = QDateTime();
    return true;
}

QDateTime backoffUntil(const QDateTime &now, int failedAttempts, int threshold, qint64 backoffSeconds)
{
    if (failedAttempts < threshold)
        return {};
    const int exponent = failedAttempts - threshold;
    qint64 delay = backoffSeconds;
    for (int i = 0; i < exponent && delay < kMaximumBackoffSeconds; ++i)
        delay *= 2;
    return now.addSecs(std::min(delay, kMaximumBackoffSeconds)).toUTC();
}

Result<void> validateNewAccount(const AccountRecord &account)
{
    if (account.userName.trimmed().isEmpty())
        return makeError(Error::Code::InvalidArgument, QStringLiteral("an account needs a user name"));
    if (account.failedAttempts < 0)
        return makeError(Error::Code::InvalidArgument, QStringLiteral("failed attempts cannot be negative"));
    return {};
}

QString rolesToJson(const QStringList &roles)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(roles)).toJson(QJsonDocument::Compact));
}

QStringList rolesFromJson(const QString &json)
{
    QStringList roles;
    const QJsonArray array = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const auto &value : array)
        roles << value.toString();
    return roles;
}

QByteArray syncDigest(const QByteArray &ciphertext)
{
    return crypto::hash(crypto::HashAlgorithm::Sha256, ciphertext);
}

QDateTime orNow(const QDateTime &given, const Clock &clock)
{
    return (given.isValid() ? given : clock.now()).toUTC();
}

QDateTime utcFromText(const QVariant &value)
{
    const QString text = value.toString();
    if (text.isEmpty())
        return {};
    return QDateTime::fromString(text, Qt::ISODateWithMs).toUTC();
}

Result<SyncBatchPlan> planSyncBatch(const QList<SyncEntry> &entries, const QDateTime &receivedAt,
                                    const SyncBatchLookups &lookups)
{
    SyncBatchPlan plan;
    QHash<QString, int> inBatch; // entry id -> index of its first occurrence in the batch
    std::map<ObjectKey, qint64> working;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        SyncBatchPlan::Item item;
        item.entry = entries.at(i);
        SyncEntry &entry = item.entry;
        if (entry.entryId.isEmpty() || entry.site.isEmpty() || entry.kind.isEmpty() ||
            entry.objectId.isEmpty())
            return makeError(
                Error::Code::InvalidArgument,
                QStringLiteral("sync entry %1 of the batch lacks its id, site, kind or object id")
                    .arg(i + 1));
        entry.digest = syncDigest(entry.ciphertext);
        entry.receivedAt = receivedAt;
        entry.sequence = 0;

        const auto reusedIn = [&](const QString &where) {
            return makeError(
                Error::Code::Tampered,
                QStringLiteral("sync entry %1 is %2 with other content").arg(entry.entryId, where));
        };
        if (const auto earlier = inBatch.constFind(entry.entryId); earlier != inBatch.constEnd()) {
            const SyncBatchPlan::Item &first = plan.items.at(*earlier);
            if (first.entry.digest != entry.digest)
                return reusedIn(QStringLiteral("repeated in its batch"));
            item.batchIndex = *earlier; // a first occurrence: new or a replay of a stored entry
            ++plan.duplicates;
            plan.items.append(item);
            continue;
        }
        inBatch.insert(entry.entryId, int(i));

        auto stored = lookups.storedEntry(entry.entryId);
        if (!stored)
            return stored.error();
        if (stored->has_value()) {
            if ((*stored)->digest != entry.digest)
                return reusedIn(QStringLiteral("stored already"));
            item.storedSequence = (*stored)->sequence;
            ++plan.duplicates;
            plan.items.append(item);
            continue;
        }

        const ObjectKey object{entry.site, entry.kind, entry.objectId};
        auto current = working.find(object);
        if (current == working.end()) {
            auto revision = lookups.storedRevision(object);
            if (!revision)
                return revision.error();
            current = working.emplace(object, *revision).first;
        }
        // A record's change builds on the revision before it, except the first one the relay sees of an
        // object (a record made before its workstation joined the site joins at the revision it holds).
        // A policy version (kind "policy") replaces the whole document and is numbered by its issuer,
        // so it only needs to be newer than the site's (the same version twice is still a conflict).
        // Not by more than kMaxPolicyVersionStep past the site's (0 before its first), so one
        // workstation cannot push the site's version out of everyone's reach.
        const bool replaces = entry.kind == QLatin1String("policy");
        const bool next = replaces ? entry.revision > current->second &&
                                         entry.revision - current->second <= kMaxPolicyVersionStep
                          : current->second == 0 ? entry.revision >= 1
                                                 : entry.revision == current->second + 1;
        if (!next) {
            plan.conflicts.append(
                SyncConflict{entry.entryId, entry.objectId, entry.revision, current->second});
        } else {
            current->second = entry.revision;
            plan.revisions[object] = entry.revision;
            item.isNew = true;
        }
        plan.items.append(item);
    }
    return plan;
}

Result<void> validateAuditAppend(const AuditHead &head, qint64 expectedPreviousSize,
                                 const QList<AuditFrame> &frames)
{
    if (head.workstation.isEmpty())
        return makeError(Error::Code::InvalidArgument, QStringLiteral("an audit head needs its workstation"));
    if (expectedPreviousSize < 0 || head.treeSize - frames.size() != expectedPreviousSize)
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("audit frames must continue the stored chain: %1 frames do not lead "
                                        "from size %2 to size %3")
                             .arg(frames.size())
                             .arg(expectedPreviousSize)
                             .arg(head.treeSize));
    for (qsizetype i = 0; i < frames.size(); ++i) {
        if (frames.at(i).index != expectedPreviousSize + i)
            return makeError(Error::Code::InvalidArgument,
                             QStringLiteral("audit frame %1 is out of order (index %2)")
                                 .arg(expectedPreviousSize + i)
                                 .arg(frames.at(i).index));
    }
    return {};
}

Result<void> validateCatalogue(const QString &workstation, const QList<CatalogueEntry> &entries)
{
    if (workstation.isEmpty())
        return makeError(Error::Code::InvalidArgument, QStringLiteral("a catalogue needs its workstation"));
    std::set<QString> ids;
    for (const CatalogueEntry &entry : entries) {
        if (entry.entryId.isEmpty())
            return makeError(Error::Code::InvalidArgument, QStringLiteral("a catalogue entry needs its id"));
        if (!ids.insert(entry.entryId).second)
            return makeError(Error::Code::InvalidArgument,
                             QStringLiteral("catalogue entry %1 is given twice").arg(entry.entryId));
    }
    return {};
}

QList<CatalogueEntry> selectCatalogue(QList<CatalogueEntry> entries, const CatalogueQuery &query)
{
    const QString title = query.titleContains.toCaseFolded();
    QList<CatalogueEntry> selected;
    for (CatalogueEntry &entry : entries) {
        if (!query.workstation.isEmpty() && entry.workstation != query.workstation)
            continue;
        if (!title.isEmpty() && !entry.title.toCaseFolded().contains(title))
            continue;
        if (!query.fieldKey.isEmpty() && !entry.fieldKeys.contains(query.fieldKey))
            continue;
        selected.append(std::move(entry));
    }
    // The databases' collations differ: the order is made here.
    std::sort(selected.begin(), selected.end(), [](const CatalogueEntry &a, const CatalogueEntry &b) {
        const QByteArray aw = a.workstation.toUtf8(), bw = b.workstation.toUtf8();
        if (aw != bw)
            return aw < bw;
        return a.entryId.toUtf8() < b.entryId.toUtf8();
    });
    return selected;
}

Result<void> validateConsentWithdrawal(const ConsentWithdrawal &withdrawal)
{
    if (withdrawal.patient.isEmpty() || withdrawal.withdrawnBy.isEmpty() ||
        withdrawal.reason.trimmed().isEmpty())
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("a consent withdrawal names the patient, who filed it and why"));
    return {};
}

Result<void> validateAccessRequest(const StoredAccessRequest &request)
{
    if (request.number.isEmpty() || request.number.size() > 32 || request.requester.isEmpty() ||
        request.status.isEmpty() || request.workstation.isEmpty() || request.document.isEmpty() ||
        request.revision < 1)
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("an access request needs a number, requester, status, workstation, "
                                        "document and a revision of 1 or more"));
    return {};
}

QString accessRequestNumber(int year, qint64 number)
{
    return QStringLiteral("AR-%1-%2").arg(year).arg(number, 6, 10, QLatin1Char('0'));
}

} // namespace mdp::server::detail
