#pragma once

// The rules both backends share, so they behave the same: name and serial normalisation, the
// back-off, validation, and the plan of a sync batch (which entries are new, replays, tampered or
// stale). The backends run these inside their own transaction and locks.

#include "mdp/server/ServerStore.h"

#include <QLoggingCategory>

#include <functional>
#include <map>
#include <tuple>

namespace mdp::server::detail {

Q_DECLARE_LOGGING_CATEGORY(lcServerStore)

// The unique key of an account name: Unicode case folding, so "Alice" and "ALICE" are one account.
QString accountKey(const QString &userName);
// Lower-case hex without leading zeros (the form Certificate::serialHex() gives); InvalidArgument
// when it is not hex.
Result<QString> normaliseSerial(const QString &serialHex);
// The end of the back-off after `failedAttempts` consecutive failures (the count including this
// one), or an invalid time when it is below the threshold. Saturates at kMaximumBackoffSeconds.
inline constexpr qint64 kMaximumBackoffSeconds = 366LL * 24 * 3600;
QDateTime backoffUntil(const QDateTime &now, int failedAttempts, int threshold, qint64 backoffSeconds);
// The sign-in counters both backends keep the same way (inside their own row lock):
// InvalidArgument for a threshold below 1 or a negative back-off;
Result<void> checkLockoutParameters(int threshold, qint64 backoffSeconds);
// one more failure, and the back-off it starts;
void countFailedSignIn(AccountRecord &account, const QDateTime &now, int threshold, qint64 backoffSeconds);
// an attempt about to be checked: false (nothing to write) and `*lockedOut` during a back-off,
// else counted as a failure (true);
bool claimAttempt(AccountRecord &account, const QDateTime &now, int threshold, qint64 backoffSeconds,
                  bool *lockedOut);
// a success clears both; false when there was nothing to clear (nothing to write).
bool clearFailedSignIns(AccountRecord &account);

Result<void> validateNewAccount(const AccountRecord &account);
QString rolesToJson(const QStringList &roles);
QStringList rolesFromJson(const QString &json);
QByteArray syncDigest(const QByteArray &ciphertext);
// The time a caller left invalid is the store's clock's now.
QDateTime orNow(const QDateTime &given, const Clock &clock);
// Parses the ISO 8601 text the SQLCipher backend stores; invalid for NULL/empty.
QDateTime utcFromText(const QVariant &value);

using ObjectKey = std::tuple<QString, QString, QString>; // site, kind, objectId

struct StoredEntry
{
    qint64 sequence = 0;
    QByteArray digest;
};

struct SyncBatchLookups
{
    std::function<Result<std::optional<StoredEntry>>(const QString &entryId)> storedEntry;
    std::function<Result<qint64>(const ObjectKey &object)> storedRevision;
};

// How far one policy version may jump past the site's (workstations refuse a larger step too).
inline constexpr qint64 kMaxPolicyVersionStep = 1000;

struct SyncBatchPlan
{
    struct Item
    {
        SyncEntry entry;           // digest and receivedAt set
        bool isNew = false;        // to be stored
        qint64 storedSequence = 0; // a replay of a stored entry: its sequence
        int batchIndex = -1;       // a replay of an earlier entry of this batch: its index
    };
    QList<Item> items;
    QList<SyncConflict> conflicts;
    int duplicates = 0;
    std::map<ObjectKey, qint64> revisions; // objects' new revisions once stored
};

// Tampered when an entry id is reused with other ciphertext (in the store or within the batch),
// InvalidArgument when an entry lacks its id, site, kind or object id.
Result<SyncBatchPlan> planSyncBatch(const QList<SyncEntry> &entries, const QDateTime &receivedAt,
                                    const SyncBatchLookups &lookups);

// The frames must continue the stored chain: indices expectedPreviousSize, +1, ... up to
// head.treeSize - 1.
Result<void> validateAuditAppend(const AuditHead &head, qint64 expectedPreviousSize,
                                 const QList<AuditFrame> &frames);

// The catalogue rules both backends share: a replacement's validation, the filter of a query (applied
// in this process after the backend read the rows, so case folding is the same on both) and the
// order of the answer.
Result<void> validateCatalogue(const QString &workstation, const QList<CatalogueEntry> &entries);
QList<CatalogueEntry> selectCatalogue(QList<CatalogueEntry> entries, const CatalogueQuery &query);

// Access requests (issue 12), both backends: a number, requester, status, workstation, a JSON document
// and a revision of 1 or more; numbers "AR-<year>-<n>" with n zero-padded to 6 digits.
Result<void> validateAccessRequest(const StoredAccessRequest &request);
// A consent withdrawal names the patient, who filed it and why (both backends).
Result<void> validateConsentWithdrawal(const ConsentWithdrawal &withdrawal);
QString accessRequestNumber(int year, qint64 number);

} // namespace mdp::server::detail
