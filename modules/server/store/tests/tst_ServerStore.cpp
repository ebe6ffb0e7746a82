// mdp-grantd's store (issue 11): one suite, every test run against both backends (the embedded
// SQLCipher store and PostgreSQL, the latter started by the suite itself on loopback). Proves:
// R-7.4.1 (the central store: sync relay with one total order, all-or-nothing batches, idempotent
// replays, tampering refused; the central copy of audit chains), R-9.3 (central accounts: unique names,
// optimistic updates, failed sign-in counting and back-off that hold across server instances) and
// R-7.3.2 (revocation and published documents the server distributes).
#include "PostgresFixture.h"
#include "mdp/crypto/Crypto.h"
#include "mdp/crypto/Hash.h"
#include "mdp/crypto/Random.h"
#include "mdp/foundation/Clock.h"
#include "mdp/server/ServerStore.h"

#include <QtTest>

#include <atomic>
#include <barrier>
#include <thread>

using namespace mdp;
using namespace mdp::server;

namespace {

// Milliseconds on purpose: both backends must give them back.
const QDateTime kStart(QDate(2026, 12, 1), QTime(9, 0, 0, 123), Qt::UTC);
const QString kSite = QStringLiteral("site-a");
const QString kKind = QStringLiteral("form-record");
const QString kMarker = QStringLiteral("PLAINTEXT-MARKER-Zhang-San-4711");

#define CHECK_OK(expr)                                                                                       \
    do {                                                                                                     \
        auto r_ = (expr);                                                                                    \
        QVERIFY2(r_.ok(), r_.ok() ? "" : qPrintable(r_.error().toString()));                                 \
    } while (0)

#define TAKE(var, expr)                                                                                      \
    auto var##Result_ = (expr);                                                                              \
    QVERIFY2(var##Result_.ok(), var##Result_.ok() ? "" : qPrintable(var##Result_.error().toString()));       \
    auto var = std::move(var##Result_).value()

#define CHECK_ERROR(expr, expected)                                                                          \
    do {                                                                                                     \
        auto r_ = (expr);                                                                                    \
        QVERIFY2(!r_.ok(), "expected a failure");                                                            \
        QCOMPARE(Error::codeName(r_.error().code), Error::codeName(expected));                               \
    } while (0)

AccountRecord account(const QString &name)
{
    AccountRecord a;
    a.userName = name;
    a.displayName = QStringLiteral("Dr. %1").arg(name);
    a.roles = {QStringLiteral("clinician"), QStringLiteral("researcher")};
    a.kdfSalt = QByteArray("\x00\x01salt\xff", 7);
    a.kdfParameters = QStringLiteral(R"({"kdf":"pbkdf2-sm3","iterations":600000})");
    a.verifier = QByteArrayLiteral("$argon2id$v=19$m=65536,t=3,p=1$c2FsdA$aGFzaA");
    a.wrappedBundle = QByteArray("\x00wrapped\x00bundle\x80", 16);
    return a;
}

SyncEntry entry(const QString &id, const QString &objectId, qint64 revision, const QString &site = kSite)
{
    SyncEntry e;
    e.entryId = id;
    e.site = site;
    e.originWorkstation = QStringLiteral("ab01cd02");
    e.kind = kKind;
    e.objectId = objectId;
    e.revision = revision;
    e.ciphertext = QByteArray("\x00\xff sealed ", 10) + id.toUtf8() + QByteArray(1, '\0');
    return e;
}

AuditHead head(const QString &workstation, qint64 size, const QDateTime &at)
{
    AuditHead h;
    h.workstation = workstation;
    h.treeSize = size;
    h.rootHash = crypto::hash(crypto::HashAlgorithm::Sm3, QByteArray::number(size));
    h.checkpoint = QByteArrayLiteral("checkpoint ") + QByteArray::number(size);
    h.witnessSignature = QByteArray("\x30\x45\x00sig", 6);
    h.witnessedAt = at;
    h.frontier = QByteArray("\x00frontier ", 10) + QByteArray::number(size);
    return h;
}

QList<AuditFrame> frames(qint64 from, qint64 to)
{
    QList<AuditFrame> list;
    for (qint64 i = from; i < to; ++i)
        list.append(AuditFrame{i, crypto::hash(crypto::HashAlgorithm::Sm3, QByteArray::number(i)),
                               QByteArray("\x00frame ", 7) + QByteArray::number(i)});
    return list;
}

bool isUtcWithMs(const QDateTime &t, const QDateTime &expected)
{
    return t.isValid() && t.offsetFromUtc() == 0 && t.toMSecsSinceEpoch() == expected.toMSecsSinceEpoch();
}

QByteArray readFiles(const QString &dir)
{
    QByteArray all;
    const QFileInfoList files = QDir(dir).entryInfoList(QDir::Files);
    for (const QFileInfo &info : files) {
        QFile file(info.filePath());
        if (file.open(QIODevice::ReadOnly))
            all += file.readAll();
    }
    return all;
}

} // namespace

class tst_ServerStore : public QObject
{
    Q_OBJECT

    ManualClock m_clock{kStart};
    QTemporaryDir m_dir;
    SecureBytes m_key;
    std::unique_ptr<PostgresFixture> m_pg;
    QString m_pgUnavailable;
    int m_databases = 0;
    QString m_lastLocation; // file path or connection string of the last fresh store

    // A fresh, empty store of `backend`; m_lastLocation says where, for reopening.
    Result<std::unique_ptr<ServerStore>> freshStore(const QString &backend)
    {
        ++m_databases;
        if (backend == QLatin1String("sqlcipher")) {
            m_lastLocation = m_dir.filePath(QStringLiteral("store-%1.db").arg(m_databases));
            return openSqlCipherServerStore(m_lastLocation, m_key, m_clock);
        }
        m_lastLocation = m_pg->createDatabase(QStringLiteral("store_%1").arg(m_databases));
        if (m_lastLocation.isEmpty())
            return makeError(Error::Code::Io, QStringLiteral("createdb failed"));
        return openPostgresServerStore(m_lastLocation, m_clock);
    }

    Result<std::unique_ptr<ServerStore>> reopen(const QString &backend)
    {
        if (backend == QLatin1String("sqlcipher"))
            return openSqlCipherServerStore(m_lastLocation, m_key, m_clock);
        return openPostgresServerStore(m_lastLocation, m_clock);
    }

    static void backends()
    {
        QTest::addColumn<QString>("backend");
        QTest::newRow("sqlcipher") << QStringLiteral("sqlcipher");
        QTest::newRow("postgresql") << QStringLiteral("postgresql");
    }

#define OPEN_STORE(store)                                                                                    \
    QFETCH(QString, backend);                                                                                \
    if (backend == QLatin1String("postgresql") && !m_pg)                                                     \
        QSKIP(qPrintable(m_pgUnavailable));                                                                  \
    TAKE(store, freshStore(backend));                                                                        \
    QCOMPARE(store->backendName(), backend)

private Q_SLOTS:
    void initTestCase()
    {
        crypto::initialise();
        QVERIFY(m_dir.isValid());
        m_key = crypto::randomKey(32);
        QElapsedTimer timer;
        timer.start();
        auto pg = PostgresFixture::start();
        if (pg) {
            m_pg = std::move(*pg);
            qInfo("PostgreSQL started on port %d in %lld ms", m_pg->port(), qint64(timer.elapsed()));
        } else if (pg.error().code == Error::Code::NotFound) {
            m_pgUnavailable = pg.error().message;
        } else {
            QFAIL(qPrintable(pg.error().toString()));
        }
    }

    void init()
    {
        m_clock.set(kStart);
    }

    // --- schema ---------------------------------------------------------------------------------------

    void schemaIsMigratedOnce_data()
    {
        backends();
    }
    void schemaIsMigratedOnce()
    {
        OPEN_STORE(store);
        QCOMPARE(store->schemaVersion(), 6);
        CHECK_OK(store->createAccount(account(QStringLiteral("alice"))));
        store.reset();
        // Opening again applies nothing (a second run of 001 would fail on the existing tables) and
        // keeps the data.
        TAKE(again, reopen(backend));
        QCOMPARE(again->schemaVersion(), 6);
        TAKE(found, again->findAccount(QStringLiteral("alice")));
        QVERIFY(found.has_value());
    }

    // --- accounts (R-9.3) -----------------------------------------------------------------------------

    void accountNamesAreUniqueCaseInsensitively_data()
    {
        backends();
    }
    void accountNamesAreUniqueCaseInsensitively()
    {
        OPEN_STORE(store);
        TAKE(created, store->createAccount(account(QStringLiteral("Alice"))));
        QCOMPARE(created.revision, qint64(1));
        QVERIFY(isUtcWithMs(created.created, kStart));
        CHECK_ERROR(store->createAccount(account(QStringLiteral("ALICE"))), Error::Code::AlreadyExists);
        CHECK_ERROR(store->createAccount(account(QStringLiteral("alice"))), Error::Code::AlreadyExists);
        CHECK_OK(store->createAccount(account(QStringLiteral("Łukasz"))));
        CHECK_ERROR(store->createAccount(account(QStringLiteral("łUKASZ"))), Error::Code::AlreadyExists);
        CHECK_ERROR(store->createAccount(account(QString())), Error::Code::InvalidArgument);
        // Values are parameters, never SQL text.
        const QString quoted = QStringLiteral("o'brien\"; DROP TABLE accounts; --");
        CHECK_OK(store->createAccount(account(quoted)));
        TAKE(foundQuoted, store->findAccount(quoted.toUpper()));
        QVERIFY(foundQuoted.has_value());
        QCOMPARE(foundQuoted->userName, quoted);

        TAKE(found, store->findAccount(QStringLiteral("aLiCe")));
        QVERIFY(found.has_value());
        const AccountRecord expected = account(QStringLiteral("Alice"));
        QCOMPARE(found->userName, QStringLiteral("Alice")); // stored as given
        QCOMPARE(found->displayName, expected.displayName);
        QCOMPARE(found->roles, expected.roles);
        QCOMPARE(found->kdfSalt, expected.kdfSalt);
        QCOMPARE(found->kdfParameters, expected.kdfParameters);
        QCOMPARE(found->verifier, expected.verifier);
        QCOMPARE(found->wrappedBundle, expected.wrappedBundle);
        QVERIFY(found->totpSecretSealed.isEmpty());
        QVERIFY(!found->lockedByAdministrator);
        QCOMPARE(found->failedAttempts, 0);
        QVERIFY(!found->lockedUntil.isValid());
        QCOMPARE(found->revision, qint64(1));
        QVERIFY(isUtcWithMs(found->created, kStart));
        QVERIFY(isUtcWithMs(found->updated, kStart));

        TAKE(missing, store->findAccount(QStringLiteral("bob")));
        QVERIFY(!missing.has_value());
        TAKE(all, store->listAccounts());
        QCOMPARE(all.size(), 3); // in the order of their case-folded names' code points
        QCOMPARE(all.at(0).userName, QStringLiteral("Alice"));
        QCOMPARE(all.at(1).userName, quoted);
        QCOMPARE(all.at(2).userName, QStringLiteral("Łukasz"));
    }

    void updateAccountRefusesAStaleRevision_data()
    {
        backends();
    }
    void updateAccountRefusesAStaleRevision()
    {
        OPEN_STORE(store);
        TAKE(created, store->createAccount(account(QStringLiteral("Alice"))));
        m_clock.advance(1500);

        AccountRecord changed = created;
        changed.userName = QStringLiteral("ALICE"); // names the account; the stored name stays
        changed.displayName = QStringLiteral("Prof. Alice");
        changed.roles = {QStringLiteral("auditor")};
        changed.totpSecretSealed = QByteArray("\x01sealed-totp\x00", 13);
        changed.lockedByAdministrator = true;
        changed.created = kStart.addDays(-100); // ignored
        TAKE(updated, store->updateAccount(changed));
        QCOMPARE(updated.revision, qint64(2));
        QCOMPARE(updated.userName, QStringLiteral("Alice"));
        QVERIFY(isUtcWithMs(updated.created, kStart));
        QVERIFY(isUtcWithMs(updated.updated, kStart.addMSecs(1500)));

        // A second writer that read revision 1 does not overwrite the first one's change.
        AccountRecord stale = created;
        stale.displayName = QStringLiteral("overwritten");
        CHECK_ERROR(store->updateAccount(stale), Error::Code::Conflict);
        TAKE(found, store->findAccount(QStringLiteral("alice")));
        QCOMPARE(found->displayName, QStringLiteral("Prof. Alice"));
        QCOMPARE(found->roles, QStringList{QStringLiteral("auditor")});
        QCOMPARE(found->totpSecretSealed, changed.totpSecretSealed);
        QVERIFY(found->lockedByAdministrator);
        QCOMPARE(found->revision, qint64(2));

        AccountRecord unknown = account(QStringLiteral("nobody"));
        unknown.revision = 1;
        CHECK_ERROR(store->updateAccount(unknown), Error::Code::NotFound);
    }

    void failedSignInsCountAndBackOff_data()
    {
        backends();
    }
    void failedSignInsCountAndBackOff()
    {
        OPEN_STORE(store);
        CHECK_OK(store->createAccount(account(QStringLiteral("alice"))));
        const int threshold = 3;
        const qint64 backoff = 60;

        TAKE(first, store->recordFailedSignIn(QStringLiteral("ALICE"), threshold, backoff));
        QCOMPARE(first.failedAttempts, 1);
        QVERIFY(!first.lockedUntil.isValid());
        QCOMPARE(first.revision, qint64(2)); // a change like any other: a stale admin edit conflicts
        TAKE(second, store->recordFailedSignIn(QStringLiteral("alice"), threshold, backoff));
        QCOMPARE(second.failedAttempts, 2);
        QVERIFY(!second.lockedUntil.isValid());

        // Reaching the threshold: now + backoff * 2^(attempts - threshold).
        m_clock.advance(10);
        TAKE(third, store->recordFailedSignIn(QStringLiteral("alice"), threshold, backoff));
        QCOMPARE(third.failedAttempts, 3);
        QVERIFY(isUtcWithMs(third.lockedUntil, m_clock.now().addSecs(60)));
        m_clock.advance(61000);
        TAKE(fourth, store->recordFailedSignIn(QStringLiteral("alice"), threshold, backoff));
        QCOMPARE(fourth.failedAttempts, 4);
        QVERIFY(isUtcWithMs(fourth.lockedUntil, m_clock.now().addSecs(120)));
        TAKE(fifth, store->recordFailedSignIn(QStringLiteral("alice"), threshold, backoff));
        QVERIFY(isUtcWithMs(fifth.lockedUntil, m_clock.now().addSecs(240)));
        QCOMPARE(fifth.revision, qint64(6));

        TAKE(stored, store->findAccount(QStringLiteral("alice")));
        QCOMPARE(stored->failedAttempts, 5);
        QVERIFY(isUtcWithMs(stored->lockedUntil, m_clock.now().addSecs(240)));

        // Very many failures: the back-off saturates (one year and a day) instead of overflowing.
        for (int i = 0; i < 70; ++i)
            CHECK_OK(store->recordFailedSignIn(QStringLiteral("alice"), threshold, backoff));
        TAKE(many, store->findAccount(QStringLiteral("alice")));
        QCOMPARE(many->failedAttempts, 75);
        QVERIFY(isUtcWithMs(many->lockedUntil, m_clock.now().addSecs(366LL * 24 * 3600)));

        CHECK_ERROR(store->recordFailedSignIn(QStringLiteral("nobody"), threshold, backoff),
                    Error::Code::NotFound);
        CHECK_ERROR(store->recordFailedSignIn(QStringLiteral("alice"), 0, backoff),
                    Error::Code::InvalidArgument);
    }

    // An attempt is counted before its password is checked, so parallel guesses cannot outrun the
    // threshold (R-7.3.1 lock-out at the server); during the back-off nothing runs and nothing changes.
    void signInAttemptsAreClaimedBeforeTheCheck_data()
    {
        backends();
    }
    void signInAttemptsAreClaimedBeforeTheCheck()
    {
        OPEN_STORE(store);
        CHECK_OK(store->createAccount(account(QStringLiteral("alice"))));
        const int threshold = 3;
        const qint64 backoff = 60;
        for (int i = 1; i <= threshold; ++i) {
            bool lockedOut = true;
            TAKE(claimed, store->claimSignInAttempt(QStringLiteral("Alice"), threshold, backoff, &lockedOut));
            QVERIFY(!lockedOut);
            QCOMPARE(claimed.failedAttempts, i);
        }
        // The third claim started the back-off: the fourth guess does not run at all.
        bool lockedOut = false;
        TAKE(refused, store->claimSignInAttempt(QStringLiteral("alice"), threshold, backoff, &lockedOut));
        QVERIFY(lockedOut);
        QCOMPARE(refused.failedAttempts, threshold);
        TAKE(stored, store->findAccount(QStringLiteral("alice")));
        QCOMPARE(stored->revision, refused.revision);
        QVERIFY(isUtcWithMs(stored->lockedUntil, m_clock.now().addSecs(60)));

        // After the back-off the next attempt is claimed again; a right password clears the count.
        m_clock.advance(61000);
        TAKE(next, store->claimSignInAttempt(QStringLiteral("alice"), threshold, backoff, &lockedOut));
        QVERIFY(!lockedOut);
        QCOMPARE(next.failedAttempts, threshold + 1);
        TAKE(cleared, store->recordSuccessfulSignIn(QStringLiteral("alice")));
        QCOMPARE(cleared.failedAttempts, 0);
        CHECK_ERROR(store->claimSignInAttempt(QStringLiteral("nobody"), threshold, backoff, &lockedOut),
                    Error::Code::NotFound);
    }

    void successfulSignInResetsTheLock_data()
    {
        backends();
    }
    void successfulSignInResetsTheLock()
    {
        OPEN_STORE(store);
        TAKE(created, store->createAccount(account(QStringLiteral("alice"))));
        AccountRecord locked = created;
        locked.lockedByAdministrator = true;
        CHECK_OK(store->updateAccount(locked));
        for (int i = 0; i < 4; ++i)
            CHECK_OK(store->recordFailedSignIn(QStringLiteral("alice"), 3, 30));

        TAKE(reset, store->recordSuccessfulSignIn(QStringLiteral("Alice")));
        QCOMPARE(reset.failedAttempts, 0);
        QVERIFY(!reset.lockedUntil.isValid());
        QVERIFY(reset.lockedByAdministrator); // an administrator's lock is the administrator's to lift
        TAKE(stored, store->findAccount(QStringLiteral("alice")));
        QCOMPARE(stored->failedAttempts, 0);
        QVERIFY(!stored->lockedUntil.isValid());
        QCOMPARE(stored->revision, reset.revision);

        // Nothing to reset: nothing written.
        TAKE(again, store->recordSuccessfulSignIn(QStringLiteral("alice")));
        QCOMPARE(again.revision, reset.revision);
        CHECK_ERROR(store->recordSuccessfulSignIn(QStringLiteral("nobody")), Error::Code::NotFound);
    }

    // --- sync relay (R-7.4.1) -------------------------------------------------------------------------

    void aSyncBatchIsStoredWhole_data()
    {
        backends();
    }
    void aSyncBatchIsStoredWhole()
    {
        OPEN_STORE(store);
        TAKE(empty, store->appendSyncBatch({}));
        QVERIFY(empty.applied);
        QVERIFY(empty.sequences.isEmpty());

        const QList<SyncEntry> batch{entry(QStringLiteral("e1"), QStringLiteral("A"), 1),
                                     entry(QStringLiteral("e2"), QStringLiteral("B"), 1),
                                     entry(QStringLiteral("e3"), QStringLiteral("A"), 2)};
        TAKE(outcome, store->appendSyncBatch(batch));
        QVERIFY(outcome.applied);
        QCOMPARE(outcome.duplicates, 0);
        QVERIFY(outcome.conflicts.isEmpty());
        QCOMPARE(outcome.sequences.size(), 3);
        QVERIFY(outcome.sequences.at(0) > 0);
        QVERIFY(outcome.sequences.at(0) < outcome.sequences.at(1));
        QVERIFY(outcome.sequences.at(1) < outcome.sequences.at(2));

        TAKE(a, store->currentRevision(kSite, kKind, QStringLiteral("A")));
        QCOMPARE(a, qint64(2));
        TAKE(b, store->currentRevision(kSite, kKind, QStringLiteral("B")));
        QCOMPARE(b, qint64(1));
        TAKE(other, store->currentRevision(kSite, QStringLiteral("notice"), QStringLiteral("A")));
        QCOMPARE(other, qint64(0)); // objects are per kind (and site)

        TAKE(stored, store->syncEntriesAfter(kSite, 0, 10));
        QCOMPARE(stored.size(), 3);
        for (int i = 0; i < 3; ++i) {
            const SyncEntry &e = stored.at(i);
            QCOMPARE(e.sequence, outcome.sequences.at(i));
            QCOMPARE(e.entryId, batch.at(i).entryId);
            QCOMPARE(e.site, kSite);
            QCOMPARE(e.originWorkstation, batch.at(i).originWorkstation);
            QCOMPARE(e.kind, kKind);
            QCOMPARE(e.objectId, batch.at(i).objectId);
            QCOMPARE(e.revision, batch.at(i).revision);
            QCOMPARE(e.ciphertext, batch.at(i).ciphertext);
            QCOMPARE(e.digest, crypto::hash(crypto::HashAlgorithm::Sha256, batch.at(i).ciphertext));
            QVERIFY(isUtcWithMs(e.receivedAt, kStart));
        }
    }

    void aStaleRevisionRefusesTheWholeBatch_data()
    {
        backends();
    }
    void aStaleRevisionRefusesTheWholeBatch()
    {
        OPEN_STORE(store);
        TAKE(first, store->appendSyncBatch({entry(QStringLiteral("e1"), QStringLiteral("A"), 1)}));
        QVERIFY(first.applied);

        // The conflict is the third entry: the two good ones before it are not stored either.
        TAKE(refused, store->appendSyncBatch({entry(QStringLiteral("e2"), QStringLiteral("C"), 1),
                                              entry(QStringLiteral("e3"), QStringLiteral("D"), 1),
                                              entry(QStringLiteral("e4"), QStringLiteral("A"), 1)}));
        QVERIFY(!refused.applied);
        QVERIFY(refused.sequences.isEmpty());
        QCOMPARE(refused.conflicts.size(), 1);
        QCOMPARE(refused.conflicts.at(0).entryId, QStringLiteral("e4"));
        QCOMPARE(refused.conflicts.at(0).objectId, QStringLiteral("A"));
        QCOMPARE(refused.conflicts.at(0).offeredRevision, qint64(1));
        QCOMPARE(refused.conflicts.at(0).currentRevision, qint64(1));
        TAKE(stored, store->syncEntriesAfter(kSite, 0, 100));
        QCOMPARE(stored.size(), 1);
        TAKE(c, store->currentRevision(kSite, kKind, QStringLiteral("C")));
        QCOMPARE(c, qint64(0));

        // Skipping a revision is as stale as repeating one. An object the relay has not seen joins at
        // the revision its workstation holds (a record made before the workstation joined the site),
        // and from there on goes one revision at a time.
        TAKE(skipped, store->appendSyncBatch({entry(QStringLiteral("e5"), QStringLiteral("A"), 3)}));
        QVERIFY(!skipped.applied);
        QCOMPARE(skipped.conflicts.at(0).currentRevision, qint64(1));
        TAKE(joined, store->appendSyncBatch({entry(QStringLiteral("e6"), QStringLiteral("E"), 4)}));
        QVERIFY(joined.applied);
        TAKE(jumped, store->appendSyncBatch({entry(QStringLiteral("e6b"), QStringLiteral("E"), 6)}));
        QVERIFY(!jumped.applied);
        QCOMPARE(jumped.conflicts.at(0).currentRevision, qint64(4));

        // The refused entries' ids were not taken: the corrected batch goes through.
        TAKE(corrected, store->appendSyncBatch({entry(QStringLiteral("e2"), QStringLiteral("C"), 1),
                                                entry(QStringLiteral("e3"), QStringLiteral("D"), 1),
                                                entry(QStringLiteral("e4"), QStringLiteral("A"), 2)}));
        QVERIFY(corrected.applied);
        QCOMPARE(corrected.sequences.size(), 3);
    }

    void aReplayReturnsTheEarlierSequences_data()
    {
        backends();
    }
    void aReplayReturnsTheEarlierSequences()
    {
        OPEN_STORE(store);
        const QList<SyncEntry> batch{entry(QStringLiteral("e1"), QStringLiteral("A"), 1),
                                     entry(QStringLiteral("e2"), QStringLiteral("A"), 2)};
        TAKE(first, store->appendSyncBatch(batch));
        QVERIFY(first.applied);

        // The workstation did not hear the answer and sends the same batch again.
        m_clock.advance(5000);
        TAKE(replay, store->appendSyncBatch(batch));
        QVERIFY(replay.applied);
        QCOMPARE(replay.duplicates, 2);
        QCOMPARE(replay.sequences, first.sequences);
        TAKE(stored, store->syncEntriesAfter(kSite, 0, 100));
        QCOMPARE(stored.size(), 2);
        QVERIFY(isUtcWithMs(stored.at(1).receivedAt, kStart)); // not received again

        // Part replay, part new.
        TAKE(mixed,
             store->appendSyncBatch({batch.at(1), entry(QStringLiteral("e3"), QStringLiteral("A"), 3)}));
        QVERIFY(mixed.applied);
        QCOMPARE(mixed.duplicates, 1);
        QCOMPARE(mixed.sequences.at(0), first.sequences.at(1));
        QVERIFY(mixed.sequences.at(1) > first.sequences.at(1));

        // The same entry twice within one batch is stored once.
        const SyncEntry e4 = entry(QStringLiteral("e4"), QStringLiteral("B"), 1);
        TAKE(twice, store->appendSyncBatch({e4, e4}));
        QVERIFY(twice.applied);
        QCOMPARE(twice.duplicates, 1);
        QCOMPARE(twice.sequences.size(), 2);
        QCOMPARE(twice.sequences.at(0), twice.sequences.at(1));
        TAKE(all, store->syncEntriesAfter(kSite, 0, 100));
        QCOMPARE(all.size(), 4);
    }

    void aReusedEntryIdWithOtherContentIsTampered_data()
    {
        backends();
    }
    void aReusedEntryIdWithOtherContentIsTampered()
    {
        OPEN_STORE(store);
        CHECK_OK(store->appendSyncBatch({entry(QStringLiteral("e1"), QStringLiteral("A"), 1)}));

        SyncEntry forged = entry(QStringLiteral("e1"), QStringLiteral("A"), 1);
        forged.ciphertext += "!";
        CHECK_ERROR(store->appendSyncBatch({entry(QStringLiteral("e2"), QStringLiteral("B"), 1), forged}),
                    Error::Code::Tampered);
        TAKE(b, store->currentRevision(kSite, kKind, QStringLiteral("B")));
        QCOMPARE(b, qint64(0));

        SyncEntry e3 = entry(QStringLiteral("e3"), QStringLiteral("C"), 1);
        SyncEntry e3forged = e3;
        e3forged.ciphertext = "other";
        CHECK_ERROR(store->appendSyncBatch({e3, e3forged}), Error::Code::Tampered);

        TAKE(stored, store->syncEntriesAfter(kSite, 0, 100));
        QCOMPARE(stored.size(), 1);
        QCOMPARE(stored.at(0).ciphertext, entry(QStringLiteral("e1"), QStringLiteral("A"), 1).ciphertext);

        SyncEntry noId = entry(QString(), QStringLiteral("A"), 2);
        CHECK_ERROR(store->appendSyncBatch({noId}), Error::Code::InvalidArgument);
    }

    void syncEntriesArePagedPerSite_data()
    {
        backends();
    }
    void syncEntriesArePagedPerSite()
    {
        OPEN_STORE(store);
        const QString other = QStringLiteral("site-b");
        for (int i = 1; i <= 7; ++i) {
            CHECK_OK(store->appendSyncBatch({entry(QStringLiteral("a%1").arg(i), QStringLiteral("A"), i)}));
            CHECK_OK(
                store->appendSyncBatch({entry(QStringLiteral("b%1").arg(i), QStringLiteral("A"), i, other)}));
        }
        QStringList seen;
        qint64 after = 0;
        int pages = 0;
        for (;;) {
            TAKE(page, store->syncEntriesAfter(kSite, after, 3));
            if (page.isEmpty())
                break;
            ++pages;
            QVERIFY(page.size() <= 3);
            for (const SyncEntry &e : std::as_const(page)) {
                QCOMPARE(e.site, kSite);
                QVERIFY(e.sequence > after);
                after = e.sequence;
                seen << e.entryId;
            }
        }
        QCOMPARE(pages, 3);
        QCOMPARE(seen, (QStringList{QStringLiteral("a1"), QStringLiteral("a2"), QStringLiteral("a3"),
                                    QStringLiteral("a4"), QStringLiteral("a5"), QStringLiteral("a6"),
                                    QStringLiteral("a7")}));
        TAKE(b, store->syncEntriesAfter(other, 0, 100));
        QCOMPARE(b.size(), 7);
        TAKE(none, store->syncEntriesAfter(kSite, 0, 0));
        QVERIFY(none.isEmpty());
        TAKE(unknown, store->syncEntriesAfter(QStringLiteral("site-z"), 0, 10));
        QVERIFY(unknown.isEmpty());
        CHECK_ERROR(store->syncEntriesAfter(kSite, 0, -1), Error::Code::InvalidArgument);
        // The same object id at two sites is two objects.
        TAKE(revA, store->currentRevision(kSite, kKind, QStringLiteral("A")));
        TAKE(revB, store->currentRevision(other, kKind, QStringLiteral("A")));
        QCOMPARE(revA, qint64(7));
        QCOMPARE(revB, qint64(7));
    }

    // --- audit shipping (R-7.4.1 central copy) -------------------------------------------------------

    void auditFramesAppendAtTheExpectedSize_data()
    {
        backends();
    }
    void auditFramesAppendAtTheExpectedSize()
    {
        OPEN_STORE(store);
        const QString ws = QStringLiteral("ws-01");
        TAKE(none, store->auditHead(ws));
        QVERIFY(!none.has_value());

        const QDateTime witnessed = kStart.addSecs(7);
        CHECK_OK(store->appendAuditFrames(head(ws, 3, witnessed), 0, frames(0, 3)));
        TAKE(h3, store->auditHead(ws));
        QVERIFY(h3.has_value());
        QCOMPARE(h3->treeSize, qint64(3));
        QCOMPARE(h3->rootHash, head(ws, 3, witnessed).rootHash);
        QCOMPARE(h3->checkpoint, head(ws, 3, witnessed).checkpoint);
        QCOMPARE(h3->witnessSignature, head(ws, 3, witnessed).witnessSignature);
        QVERIFY(isUtcWithMs(h3->witnessedAt, witnessed));
        QCOMPARE(h3->frontier, head(ws, 3, witnessed).frontier);

        // Another shipper that still believed the chain empty: refused, nothing changed.
        CHECK_ERROR(store->appendAuditFrames(head(ws, 2, witnessed), 0, frames(0, 2)), Error::Code::Conflict);
        CHECK_ERROR(store->appendAuditFrames(head(ws, 5, witnessed), 2, frames(2, 5)), Error::Code::Conflict);
        TAKE(still, store->auditHead(ws));
        QCOMPARE(still->treeSize, qint64(3));

        // Frames must continue the chain exactly.
        CHECK_ERROR(store->appendAuditFrames(head(ws, 6, witnessed), 3, frames(4, 6)),
                    Error::Code::InvalidArgument);
        CHECK_ERROR(store->appendAuditFrames(head(ws, 5, witnessed), 3, frames(3, 6)),
                    Error::Code::InvalidArgument);

        CHECK_OK(store->appendAuditFrames(head(ws, 5, witnessed.addSecs(60)), 3, frames(3, 5)));
        TAKE(range, store->auditFrames(ws, 2, 4));
        QCOMPARE(range.size(), 2);
        QCOMPARE(range.at(0).index, qint64(2));
        QCOMPARE(range.at(1).index, qint64(3));
        QCOMPARE(range.at(1).leafHash, frames(3, 4).at(0).leafHash);
        QCOMPARE(range.at(1).frame, frames(3, 4).at(0).frame);
        TAKE(all, store->auditFrames(ws, 0, 100));
        QCOMPARE(all.size(), 5);

        // A re-witnessed head without new frames.
        CHECK_OK(store->appendAuditFrames(head(ws, 5, witnessed.addSecs(120)), 5, {}));
        CHECK_OK(store->appendAuditFrames(head(QStringLiteral("ws-00"), 1, witnessed), 0, frames(0, 1)));
        TAKE(heads, store->auditHeads());
        QCOMPARE(heads.size(), 2);
        QCOMPARE(heads.at(0).workstation, QStringLiteral("ws-00"));
        QCOMPARE(heads.at(1).treeSize, qint64(5));
        QCOMPARE(heads.at(1).frontier, head(ws, 5, witnessed).frontier);
        QVERIFY(isUtcWithMs(heads.at(1).witnessedAt, witnessed.addSecs(120)));
        TAKE(otherFrames, store->auditFrames(QStringLiteral("ws-00"), 0, 10));
        QCOMPARE(otherFrames.size(), 1);
    }

    void auditFindingsAreKept_data()
    {
        backends();
    }
    void auditFindingsAreKept()
    {
        OPEN_STORE(store);
        TAKE(none, store->auditFindings());
        QVERIFY(none.isEmpty());
        CHECK_OK(store->recordAuditFinding(QStringLiteral("ws-02"), QStringLiteral("chain cut after size 12"),
                                           QByteArray("\x00proof", 6)));
        CHECK_OK(
            store->recordAuditFinding(QStringLiteral("ws-01"), QStringLiteral("root differs at size 4"), {}));
        TAKE(findings, store->auditFindings());
        QCOMPARE(findings.size(), 2);
        QCOMPARE(findings.at(0).first, QStringLiteral("ws-02"));
        QCOMPARE(findings.at(0).second, QStringLiteral("chain cut after size 12"));
        QCOMPARE(findings.at(1).first, QStringLiteral("ws-01"));
    }

    // --- revocation and published documents (R-7.3.2) -------------------------------------------------

    void revocationIsIdempotent_data()
    {
        backends();
    }
    void revocationIsIdempotent()
    {
        OPEN_STORE(store);
        TAKE(before, store->isRevoked(QStringLiteral("ab12")));
        QVERIFY(!before);
        const QDateTime at = kStart.addSecs(-30);
        CHECK_OK(store->revokeSerial(
            RevokedSerial{QStringLiteral("00AB12"), at, QStringLiteral("keyCompromise")}));
        CHECK_OK(
            store->revokeSerial(RevokedSerial{QStringLiteral("ab12"), QDateTime(), QStringLiteral("again")}));
        TAKE(revoked, store->isRevoked(QStringLiteral("AB12")));
        QVERIFY(revoked);
        TAKE(other, store->isRevoked(QStringLiteral("ab13")));
        QVERIFY(!other);
        CHECK_OK(store->revokeSerial(
            RevokedSerial{QStringLiteral("7f"), QDateTime(), QStringLiteral("superseded")}));
        TAKE(list, store->revokedSerials());
        QCOMPARE(list.size(), 2);
        QCOMPARE(list.at(0).serialHex, QStringLiteral("ab12"));
        QCOMPARE(list.at(0).reason, QStringLiteral("keyCompromise")); // the first revocation stands
        QVERIFY(isUtcWithMs(list.at(0).revokedAt, at));
        QCOMPARE(list.at(1).serialHex, QStringLiteral("7f"));
        QVERIFY(isUtcWithMs(list.at(1).revokedAt, kStart)); // none given: the store's clock
        CHECK_ERROR(store->revokeSerial(RevokedSerial{QStringLiteral("xyz"), at, {}}),
                    Error::Code::InvalidArgument);
    }

    void publishRefusesAnOlderOrEqualVersion_data()
    {
        backends();
    }
    void publishRefusesAnOlderOrEqualVersion()
    {
        OPEN_STORE(store);
        const QString policy = QStringLiteral("policy");
        TAKE(none, store->latestDocument(policy));
        QVERIFY(!none.has_value());
        CHECK_OK(store->publish(PublishedDocument{policy, 1, QByteArray("\x00v1", 3), {}}));
        CHECK_OK(store->publish(PublishedDocument{policy, 3, QByteArray("\x00v3", 3), kStart.addSecs(5)}));
        CHECK_ERROR(store->publish(PublishedDocument{policy, 3, "again", {}}), Error::Code::Conflict);
        CHECK_ERROR(store->publish(PublishedDocument{policy, 2, "older", {}}), Error::Code::Conflict);
        CHECK_ERROR(store->publish(PublishedDocument{policy, 0, "zero", {}}), Error::Code::InvalidArgument);
        CHECK_OK(store->publish(PublishedDocument{QStringLiteral("crl"), 1, "crl", {}}));
        TAKE(latest, store->latestDocument(policy));
        QVERIFY(latest.has_value());
        QCOMPARE(latest->kind, policy);
        QCOMPARE(latest->version, qint64(3));
        QCOMPARE(latest->envelope, QByteArray("\x00v3", 3));
        QVERIFY(isUtcWithMs(latest->published, kStart.addSecs(5)));
        TAKE(crl, store->latestDocument(QStringLiteral("crl")));
        QCOMPARE(crl->version, qint64(1));
        QVERIFY(isUtcWithMs(crl->published, kStart));
    }

    void documentVersionsAreListedOldestFirst_data()
    {
        backends();
    }
    void documentVersionsAreListedOldestFirst()
    {
        OPEN_STORE(store);
        TAKE(none, store->documentVersions(QStringLiteral("policy")));
        QVERIFY(none.isEmpty());
        CHECK_OK(store->publish(PublishedDocument{QStringLiteral("policy"), 2, "v2", {}}));
        CHECK_OK(store->publish(PublishedDocument{QStringLiteral("classification"), 1, "c1", {}}));
        m_clock.advance(1000);
        CHECK_OK(store->publish(PublishedDocument{QStringLiteral("policy"), 7, "v7", {}}));
        TAKE(versions, store->documentVersions(QStringLiteral("policy")));
        QCOMPARE(versions.size(), 2);
        QCOMPARE(versions.at(0).version, qint64(2));
        QCOMPARE(versions.at(0).envelope, QByteArray("v2"));
        QVERIFY(isUtcWithMs(versions.at(0).published, kStart));
        QCOMPARE(versions.at(1).version, qint64(7));
        QVERIFY(isUtcWithMs(versions.at(1).published, kStart.addMSecs(1000)));
    }

    // --- catalogue (R-9.2 catalogue query) -------------------------------------------------------------

    static CatalogueEntry catalogueEntry(const QString &id, const QString &title, const QStringList &fields)
    {
        CatalogueEntry entry;
        entry.entryId = id;
        entry.version = QStringLiteral("3");
        entry.title = title;
        entry.fieldKeys = fields;
        entry.resource = QStringLiteral(R"({"resourceType":"Questionnaire","id":"%1"})").arg(id).toUtf8();
        entry.workstation = QStringLiteral("ignored");
        return entry;
    }

    // Issue 12 (R-5.2f, R-6.3.3, R-6.3.4): request numbers are unique per year across instances; an
    // update names the revision it read (two approvers at once never both count); an approval and its
    // grant are stored together or not at all.
    void accessRequestsAndGrants_data()
    {
        backends();
    }
    void accessRequestsAndGrants()
    {
        OPEN_STORE(store);
        TAKE(first, store->nextAccessRequestNumber(2026));
        TAKE(second, store->nextAccessRequestNumber(2026));
        TAKE(nextYear, store->nextAccessRequestNumber(2027));
        QCOMPARE(first, QStringLiteral("AR-2026-000001"));
        QCOMPARE(second, QStringLiteral("AR-2026-000002"));
        QCOMPARE(nextYear, QStringLiteral("AR-2027-000001"));
        CHECK_ERROR(store->nextAccessRequestNumber(99), Error::Code::InvalidArgument);

        StoredAccessRequest r{first,
                              QStringLiteral("res.chen"),
                              QStringLiteral("ethics-review"),
                              QString(64, QLatin1Char('a')),
                              QByteArray("{\"v\":1}"),
                              1,
                              {}};
        CHECK_OK(store->createAccessRequest(r));
        CHECK_ERROR(store->createAccessRequest(r), Error::Code::AlreadyExists);
        StoredAccessRequest other = r;
        other.number = second;
        other.requester = QStringLiteral("res.wu");
        CHECK_OK(store->createAccessRequest(other));

        r.status = QStringLiteral("approval");
        r.document = "{\"v\":2}";
        r.revision = 2;
        CHECK_OK(store->updateAccessRequest(r, 1, std::nullopt));
        CHECK_ERROR(store->updateAccessRequest(r, 1, std::nullopt), Error::Code::Conflict); // stale
        TAKE(mine, store->accessRequests(QStringLiteral("res.chen"), {}));
        QCOMPARE(mine.size(), 1);
        QCOMPARE(mine.first().revision, qint64(2));
        QCOMPARE(mine.first().document, QByteArray("{\"v\":2}"));
        TAKE(pending, store->accessRequests(QString(), {QStringLiteral("approval")}));
        QCOMPARE(pending.size(), 1);

        r.status = QStringLiteral("approved");
        r.revision = 3;
        const StoredGrant grant{
            QStringLiteral("G-1"), r.number, r.requester, "envelope", kStart.addDays(90), {}, {}, {}, {}};
        CHECK_OK(store->updateAccessRequest(r, 2, grant));
        TAKE(grants, store->grantsOf(QStringLiteral("res.chen")));
        QCOMPARE(grants.size(), 1);
        QCOMPARE(grants.first().envelope, QByteArray("envelope"));
        QVERIFY(isUtcWithMs(grants.first().notAfter, kStart.addDays(90)));

        // A second grant for the same request: refused, and the request's update with it.
        StoredAccessRequest again = r;
        again.revision = 4;
        again.document = "{\"v\":4}";
        StoredGrant twice = grant;
        twice.id = QStringLiteral("G-2");
        CHECK_ERROR(store->updateAccessRequest(again, 3, twice), Error::Code::AlreadyExists);
        TAKE(kept, store->accessRequest(r.number));
        QVERIFY(kept.has_value());
        QCOMPARE(kept->revision, qint64(3));
        QCOMPARE(kept->document, r.document);
        TAKE(stillOne, store->grantsOf(QStringLiteral("res.chen")));
        QCOMPARE(stillOne.size(), 1);

        // Revocation (R-6.3.4 c): once, with a reason; listed; the grant shows it.
        CHECK_ERROR(store->revokeGrant(GrantRevocation{
                        QStringLiteral("G-9"), {}, QStringLiteral("dm.liu"), QStringLiteral("closed")}),
                    Error::Code::NotFound);
        CHECK_ERROR(store->revokeGrant(GrantRevocation{grant.id, {}, QStringLiteral("dm.liu"), QString()}),
                    Error::Code::InvalidArgument);
        // Delivery (R-5.2k-l): the recipient key first and once, the data once, purged for good.
        CHECK_ERROR(store->putDelivery(grant.id, "sealed-data", "sealed-key", "provider-signed",
                                       QStringLiteral("dm.liu")),
                    Error::Code::NotFound);
        CHECK_ERROR(store->setDeliveryRecipient(QStringLiteral("G-9"), "public-key", "holder-signed"),
                    Error::Code::NotFound);
        CHECK_OK(store->setDeliveryRecipient(grant.id, "public-key", "holder-signed"));
        CHECK_ERROR(store->setDeliveryRecipient(grant.id, "another-key", "holder-signed"),
                    Error::Code::AlreadyExists);
        CHECK_OK(store->putDelivery(grant.id, "sealed-data", "sealed-key", "provider-signed",
                                    QStringLiteral("dm.liu")));
        CHECK_ERROR(store->putDelivery(grant.id, "other-data", "other-key", "provider-signed",
                                       QStringLiteral("dm.ma")),
                    Error::Code::AlreadyExists);
        TAKE(delivered, store->delivery(grant.id));
        QVERIFY(delivered.has_value());
        QCOMPARE(delivered->recipientKey, QByteArray("public-key"));
        QCOMPARE(delivered->ciphertext, QByteArray("sealed-data"));
        QCOMPARE(delivered->wrappedKey, QByteArray("sealed-key"));
        QCOMPARE(delivered->recipientAttestation, QByteArray("holder-signed"));
        QCOMPARE(delivered->deliveryAttestation, QByteArray("provider-signed"));
        QCOMPARE(delivered->preparedBy, QStringLiteral("dm.liu"));
        QVERIFY(delivered->preparedAt.isValid());
        QVERIFY(!delivered->purgedAt.isValid());

        CHECK_OK(store->revokeGrant(
            GrantRevocation{grant.id, {}, QStringLiteral("dm.liu"), QStringLiteral("the project closed")}));
        CHECK_ERROR(store->revokeGrant(
                        GrantRevocation{grant.id, {}, QStringLiteral("dm.ma"), QStringLiteral("again")}),
                    Error::Code::AlreadyExists);
        TAKE(revocations, store->grantRevocations());
        QCOMPARE(revocations.size(), 1);
        QCOMPARE(revocations.first().revokedBy, QStringLiteral("dm.liu"));
        TAKE(all, store->allGrants());
        QCOMPARE(all.size(), 1);
        TAKE(one, store->grant(grant.id));
        QVERIFY(one.has_value() && one->revokedAt.isValid());
        TAKE(none, store->grant(QStringLiteral("G-9")));
        QVERIFY(!none.has_value());
        QVERIFY(all.first().revokedAt.isValid());
        QCOMPARE(all.first().revocationReason, QStringLiteral("the project closed"));
        CHECK_OK(store->purgeDelivery(grant.id));
        TAKE(purged, store->delivery(grant.id));
        QVERIFY(purged.has_value());
        QVERIFY(purged->ciphertext.isEmpty() && purged->wrappedKey.isEmpty() &&
                purged->recipientKey.isEmpty());
        QVERIFY(purged->purgedAt.isValid());
        CHECK_ERROR(store->putDelivery(grant.id, "late-data", "late-key", "provider-signed",
                                       QStringLiteral("dm.liu")),
                    Error::Code::AlreadyExists);
    }

    // R-6.3.4 c: a consent withdrawal is kept with the revocation of the grants it names, in one
    // transaction: an unknown grant among them writes neither; filed again, the first record stays.
    void consentWithdrawalIsKeptWithItsRevocations_data()
    {
        backends();
    }
    void consentWithdrawalIsKeptWithItsRevocations()
    {
        OPEN_STORE(store);
        TAKE(number, store->nextAccessRequestNumber(2026));
        StoredAccessRequest r{number,
                              QStringLiteral("res.chen"),
                              QStringLiteral("approval"),
                              QString(64, QLatin1Char('a')),
                              QByteArray("{\"v\":1}"),
                              1,
                              {}};
        CHECK_OK(store->createAccessRequest(r));
        r.status = QStringLiteral("approved");
        r.revision = 2;
        const StoredGrant grant{
            QStringLiteral("G-7"), r.number, r.requester, "envelope", kStart.addDays(90), {}, {}, {}, {}};
        CHECK_OK(store->updateAccessRequest(r, 1, grant));
        const ConsentWithdrawal withdrawal{QStringLiteral("P-AAAAAAAAAAAA"),
                                           {},
                                           QStringLiteral("dr.wang"),
                                           QStringLiteral("the patient withdrew consent")};
        CHECK_ERROR(
            store->withdrawConsent(
                ConsentWithdrawal{QStringLiteral("P-AAAAAAAAAAAA"), {}, QStringLiteral("dr.wang"), QString()},
                {grant.id}),
            Error::Code::InvalidArgument);
        // An unknown grant among those named: nothing at all is written.
        CHECK_ERROR(store->withdrawConsent(withdrawal, {grant.id, QStringLiteral("G-404")}),
                    Error::Code::NotFound);
        TAKE(notYet, store->consentWithdrawnAmong({withdrawal.patient}));
        QVERIFY(notYet.isEmpty());
        TAKE(noneRevoked, store->grantRevocations());
        QVERIFY(noneRevoked.isEmpty());

        TAKE(revoked, store->withdrawConsent(withdrawal, {grant.id}));
        QCOMPARE(revoked, QStringList{grant.id});
        TAKE(among, store->consentWithdrawnAmong(
                        {QStringLiteral("P-BBBBBBBBBBBB"), withdrawal.patient, withdrawal.patient}));
        QCOMPARE(among, QStringList{withdrawal.patient});
        TAKE(one, store->grant(grant.id));
        QVERIFY(one.has_value() && one->revokedAt.isValid());
        QCOMPARE(one->revocationReason, withdrawal.reason);
        // Filed again: kept once, and a grant revoked already is not revoked twice.
        TAKE(again, store->withdrawConsent(withdrawal, {grant.id}));
        QVERIFY(again.isEmpty());
        TAKE(revocations, store->grantRevocations());
        QCOMPARE(revocations.size(), 1);
    }

    void catalogueIsReplacedWholePerWorkstation_data()
    {
        backends();
    }
    void catalogueIsReplacedWholePerWorkstation()
    {
        OPEN_STORE(store);
        const QString ws1 = QStringLiteral("workstation-1");
        const QString ws2 = QStringLiteral("workstation-2");
        CHECK_OK(store->replaceCatalogue(
            ws1, {catalogueEntry(QStringLiteral("crf-breast"), QStringLiteral("Breast cancer CRF"),
                                 {QStringLiteral("er"), QStringLiteral("pr")}),
                  catalogueEntry(QStringLiteral("crf-lung"), QStringLiteral("Lung CRF"),
                                 {QStringLiteral("egfr")})}));
        CHECK_OK(store->replaceCatalogue(
            ws2, {catalogueEntry(QStringLiteral("crf-breast"), QStringLiteral("Breast (site B)"),
                                 {QStringLiteral("er")})}));
        TAKE(all, store->catalogue());
        QCOMPARE(all.size(), 3);
        QCOMPARE(all.at(0).workstation, ws1);
        QCOMPARE(all.at(0).entryId, QStringLiteral("crf-breast"));
        QCOMPARE(all.at(0).fieldKeys, (QStringList{QStringLiteral("er"), QStringLiteral("pr")}));
        QCOMPARE(all.at(0).version, QStringLiteral("3"));
        QCOMPARE(all.at(0).resource, QByteArray(R"({"resourceType":"Questionnaire","id":"crf-breast"})"));
        QVERIFY(isUtcWithMs(all.at(0).published, kStart));
        QCOMPARE(all.at(1).entryId, QStringLiteral("crf-lung"));
        QCOMPARE(all.at(2).workstation, ws2);

        // A new publication replaces the whole of that workstation's catalogue, and only it.
        m_clock.advance(5000);
        CHECK_OK(store->replaceCatalogue(
            ws1,
            {catalogueEntry(QStringLiteral("crf-liver"), QStringLiteral("Liver"), {QStringLiteral("alt")})}));
        TAKE(mine, store->catalogue(CatalogueQuery{ws1, {}, {}}));
        QCOMPARE(mine.size(), 1);
        QCOMPARE(mine.at(0).entryId, QStringLiteral("crf-liver"));
        QVERIFY(isUtcWithMs(mine.at(0).published, kStart.addMSecs(5000)));
        TAKE(theirs, store->catalogue(CatalogueQuery{ws2, {}, {}}));
        QCOMPARE(theirs.size(), 1);
        QCOMPARE(theirs.at(0).title, QStringLiteral("Breast (site B)"));
        QVERIFY(isUtcWithMs(theirs.at(0).published, kStart));

        // Refused whole: nothing of the refused replacement is applied.
        CHECK_ERROR(
            store->replaceCatalogue(ws1, {catalogueEntry(QStringLiteral("a"), QStringLiteral("A"), {}),
                                          catalogueEntry(QStringLiteral("a"), QStringLiteral("B"), {})}),
            Error::Code::InvalidArgument);
        CHECK_ERROR(store->replaceCatalogue(ws1, {catalogueEntry(QString(), QStringLiteral("A"), {})}),
                    Error::Code::InvalidArgument);
        CHECK_ERROR(store->replaceCatalogue(QString(), {}), Error::Code::InvalidArgument);
        TAKE(still, store->catalogue(CatalogueQuery{ws1, {}, {}}));
        QCOMPARE(still.size(), 1);

        // An empty publication withdraws the workstation's entries.
        CHECK_OK(store->replaceCatalogue(ws1, {}));
        TAKE(left, store->catalogue());
        QCOMPARE(left.size(), 1);
        QCOMPARE(left.at(0).workstation, ws2);
    }

    void catalogueIsSearchedByTitleAndField_data()
    {
        backends();
    }
    void catalogueIsSearchedByTitleAndField()
    {
        OPEN_STORE(store);
        CHECK_OK(store->replaceCatalogue(
            QStringLiteral("ws-a"),
            {catalogueEntry(QStringLiteral("crf-breast"), QStringLiteral("Breast cancer CRF"),
                            {QStringLiteral("er"), QStringLiteral("her2")}),
             catalogueEntry(QStringLiteral("crf-gastric"), QStringLiteral("胃癌 随访 Follow-up"),
                            {QStringLiteral("her2"), QStringLiteral("stage")})}));
        CHECK_OK(store->replaceCatalogue(
            QStringLiteral("ws-b"), {catalogueEntry(QStringLiteral("crf-lung"), QStringLiteral("LUNG CANCER"),
                                                    {QStringLiteral("egfr")})}));
        TAKE(cancer, store->catalogue(CatalogueQuery{{}, QStringLiteral("Cancer"), {}}));
        QCOMPARE(cancer.size(), 2);
        QCOMPARE(cancer.at(0).entryId, QStringLiteral("crf-breast"));
        QCOMPARE(cancer.at(1).entryId, QStringLiteral("crf-lung"));
        TAKE(chinese, store->catalogue(CatalogueQuery{{}, QStringLiteral("随访"), {}}));
        QCOMPARE(chinese.size(), 1);
        TAKE(her2, store->catalogue(CatalogueQuery{{}, {}, QStringLiteral("her2")}));
        QCOMPARE(her2.size(), 2);
        TAKE(partialKey, store->catalogue(CatalogueQuery{{}, {}, QStringLiteral("her")}));
        QVERIFY(partialKey.isEmpty()); // a field key matches whole
        TAKE(both, store->catalogue(CatalogueQuery{{}, QStringLiteral("follow"), QStringLiteral("her2")}));
        QCOMPARE(both.size(), 1);
        QCOMPARE(both.at(0).entryId, QStringLiteral("crf-gastric"));
    }

    // --- threads ---------------------------------------------------------------------------------------

    // The server calls one store from several threads: its connection is guarded.
    void oneStoreServesSeveralThreads_data()
    {
        backends();
    }
    void oneStoreServesSeveralThreads()
    {
        OPEN_STORE(store);
        CHECK_OK(store->createAccount(account(QStringLiteral("alice"))));
        constexpr int kThreads = 4;
        constexpr int kEach = 25;
        std::atomic<int> failures{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < kThreads; ++t) {
            threads.emplace_back([&, t] {
                for (int i = 0; i < kEach; ++i) {
                    if (!store->recordFailedSignIn(QStringLiteral("alice"), 1000, 1))
                        ++failures;
                    const QString object = QStringLiteral("t%1").arg(t);
                    if (!store->appendSyncBatch(
                            {entry(QStringLiteral("t%1-%2").arg(t).arg(i), object, i + 1)}))
                        ++failures;
                }
            });
        }
        for (auto &thread : threads)
            thread.join();
        QCOMPARE(failures.load(), 0);
        TAKE(stored, store->findAccount(QStringLiteral("alice")));
        QCOMPARE(stored->failedAttempts, kThreads * kEach);
        TAKE(entries, store->syncEntriesAfter(kSite, 0, 1000));
        QCOMPARE(entries.size(), kThreads * kEach);
    }

    // --- SQLCipher only --------------------------------------------------------------------------------

    // The embedded store serves one server (it answers revocations from memory): a second one opening
    // the same file is refused with the reason, and a revocation made by the first is answered at once.
    void sqlCipherStoreIsHeldByOneServer()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("grantd.db"));
        TAKE(first, openSqlCipherServerStore(path, m_key, m_clock));
        TAKE(before, first->isRevoked(QStringLiteral("0a1b")));
        QVERIFY(!before);
        auto second = openSqlCipherServerStore(path, m_key, m_clock);
        QVERIFY(!second);
        QVERIFY2(second.error().code == Error::Code::Locked, qPrintable(second.error().toString()));
        QVERIFY2(second.error().message.contains(QStringLiteral("another mdp-grantd")),
                 qPrintable(second.error().message));
        CHECK_OK(first->revokeSerial(
            RevokedSerial{QStringLiteral("0A1B"), m_clock.now(), QStringLiteral("lost")}));
        TAKE(after, first->isRevoked(QStringLiteral("a1b")));
        QVERIFY(after);
        first.reset();
        TAKE(reopened, openSqlCipherServerStore(path, m_key, m_clock));
        TAKE(kept, reopened->isRevoked(QStringLiteral("a1b")));
        QVERIFY(kept);
    }

    void sqlCipherFileIsEncrypted()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("grantd.db"));
        {
            TAKE(store, openSqlCipherServerStore(path, m_key, m_clock));
            AccountRecord a = account(QStringLiteral("marker"));
            a.displayName = kMarker;
            CHECK_OK(store->createAccount(a));
            SyncEntry e = entry(kMarker, kMarker, 1, kMarker);
            CHECK_OK(store->appendSyncBatch({e}));
            CHECK_OK(store->recordAuditFinding(kMarker, kMarker, kMarker.toUtf8()));
        }
        const QByteArray bytes = readFiles(dir.path());
        QVERIFY(bytes.size() > 4096);
        QVERIFY(!bytes.contains(kMarker.toUtf8()));
        QVERIFY(!bytes.contains("SQLite format 3"));
        QVERIFY(!bytes.contains("CREATE TABLE"));

        SecureBytes wrong = m_key;
        wrong.data()[0] = char(wrong.data()[0] ^ 0x01);
        auto refused = openSqlCipherServerStore(path, wrong, m_clock);
        QVERIFY(!refused);
        QCOMPARE(Error::codeName(refused.error().code), Error::codeName(Error::Code::WrongPassphrase));

        TAKE(reopened, openSqlCipherServerStore(path, m_key, m_clock));
        TAKE(found, reopened->findAccount(QStringLiteral("MARKER")));
        QCOMPARE(found->displayName, kMarker);
    }

    // --- PostgreSQL: several server instances ----------------------------------------------------------

    // Two instances (two connections, as two grantd processes) starting together on an empty database:
    // the advisory lock lets one migrate while the other waits.
    void postgresInstancesStartTogether()
    {
        if (!m_pg)
            QSKIP(qPrintable(m_pgUnavailable));
        const QString database = m_pg->createDatabase(QStringLiteral("together"));
        QVERIFY(!database.isEmpty());
        constexpr int kInstances = 4;
        std::vector<std::unique_ptr<ServerStore>> stores(kInstances);
        std::vector<QString> errors(kInstances);
        std::barrier start(kInstances);
        std::vector<std::thread> threads;
        for (int i = 0; i < kInstances; ++i) {
            threads.emplace_back([&, i] {
                start.arrive_and_wait();
                auto opened = openPostgresServerStore(database, m_clock);
                if (opened)
                    stores[i] = std::move(*opened);
                else
                    errors[i] = opened.error().toString();
            });
        }
        for (auto &thread : threads)
            thread.join();
        for (int i = 0; i < kInstances; ++i) {
            QVERIFY2(stores[i], qPrintable(errors[i]));
            QCOMPARE(stores[i]->schemaVersion(), 6);
        }
    }

    // R-7.4.1, R-9.3 across instances: racing batches for the same objects, a contended revision
    // chain, failed sign-ins, optimistic updates and audit appends, each from two instances at once.
    void postgresRulesHoldAcrossInstances()
    {
        if (!m_pg)
            QSKIP(qPrintable(m_pgUnavailable));
        const QString database = m_pg->createDatabase(QStringLiteral("instances"));
        QVERIFY(!database.isEmpty());
        TAKE(one, openPostgresServerStore(database, m_clock));
        TAKE(two, openPostgresServerStore(database, m_clock));
        ServerStore *instances[2] = {one.get(), two.get()};
        CHECK_OK(one->createAccount(account(QStringLiteral("alice"))));

        constexpr int kRounds = 40;
        constexpr int kChain = 30;
        constexpr int kFailures = 50;
        std::barrier sync(2);
        std::atomic<int> errors{0};
        std::atomic<int> raceWins[kRounds] = {};
        std::atomic<int> raceConflicts{0};
        std::atomic<int> chainConflicts{0};
        std::atomic<int> updateWins{0};
        std::atomic<int> updateConflicts{0};
        std::atomic<int> auditWins{0};
        std::atomic<int> auditConflicts{0};
        QString firstError;
        std::mutex errorMutex;
        const auto fail = [&](const Error &error) {
            std::lock_guard lock(errorMutex);
            if (firstError.isEmpty())
                firstError = error.toString();
            ++errors;
        };

        std::vector<std::thread> threads;
        for (int t = 0; t < 2; ++t) {
            threads.emplace_back([&, t] {
                ServerStore &store = *instances[t];
                // 1. Both append a batch creating the same two objects at once: exactly one wins.
                for (int round = 0; round < kRounds; ++round) {
                    const QString x = QStringLiteral("race-%1-x").arg(round);
                    const QString y = QStringLiteral("race-%1-y").arg(round);
                    const QList<SyncEntry> batch =
                        t == 0 ? QList<SyncEntry>{entry(QStringLiteral("r%1-t0a").arg(round), x, 1),
                                                  entry(QStringLiteral("r%1-t0b").arg(round), y, 1)}
                               : QList<SyncEntry>{entry(QStringLiteral("r%1-t1a").arg(round), y, 1),
                                                  entry(QStringLiteral("r%1-t1b").arg(round), x, 1)};
                    sync.arrive_and_wait();
                    auto outcome = store.appendSyncBatch(batch);
                    if (!outcome)
                        fail(outcome.error());
                    else if (outcome->applied)
                        ++raceWins[round];
                    else
                        ++raceConflicts;
                }
                // 2. A contended chain: read the revision, offer the next; retry on conflict.
                sync.arrive_and_wait();
                for (int made = 0; made < kChain;) {
                    auto current = store.currentRevision(kSite, kKind, QStringLiteral("chain"));
                    if (!current) {
                        fail(current.error());
                        break;
                    }
                    auto outcome =
                        store.appendSyncBatch({entry(QStringLiteral("chain-t%1-%2").arg(t).arg(made),
                                                     QStringLiteral("chain"), *current + 1)});
                    if (!outcome) {
                        fail(outcome.error());
                        break;
                    }
                    if (outcome->applied)
                        ++made;
                    else
                        ++chainConflicts;
                }
                // 3. Failed sign-ins from both instances: no increment lost.
                sync.arrive_and_wait();
                for (int i = 0; i < kFailures; ++i) {
                    if (auto counted = store.recordFailedSignIn(QStringLiteral("alice"), 1000, 1); !counted)
                        fail(counted.error());
                }
                // 4. Two administrators editing the account they both read: one conflict.
                sync.arrive_and_wait();
                auto read = store.findAccount(QStringLiteral("alice"));
                sync.arrive_and_wait();
                if (read && read->has_value()) {
                    AccountRecord edit = **read;
                    edit.displayName = QStringLiteral("edited by %1").arg(t);
                    auto updated = store.updateAccount(edit);
                    if (updated)
                        ++updateWins;
                    else if (updated.error().code == Error::Code::Conflict)
                        ++updateConflicts;
                    else
                        fail(updated.error());
                } else {
                    fail(read ? Error{Error::Code::NotFound, QStringLiteral("alice")} : read.error());
                }
                // 5. Two shippers of the same workstation's first frames.
                for (int round = 0; round < 10; ++round) {
                    const QString ws = QStringLiteral("ws-%1").arg(round);
                    sync.arrive_and_wait();
                    auto appended = store.appendAuditFrames(head(ws, 2 + t, kStart), 0, frames(0, 2 + t));
                    if (appended)
                        ++auditWins;
                    else if (appended.error().code == Error::Code::Conflict)
                        ++auditConflicts;
                    else
                        fail(appended.error());
                }
            });
        }
        for (auto &thread : threads)
            thread.join();
        QVERIFY2(errors.load() == 0, qPrintable(firstError));

        for (int round = 0; round < kRounds; ++round)
            QCOMPARE(raceWins[round].load(), 1);
        QCOMPARE(raceConflicts.load(), kRounds);
        TAKE(raced, one->syncEntriesAfter(kSite, 0, 100000));
        QCOMPARE(raced.size(), 2 * kRounds + 2 * kChain);

        // The chain: revisions 1..60, each exactly once, in sequence order.
        TAKE(chainRevision, two->currentRevision(kSite, kKind, QStringLiteral("chain")));
        QCOMPARE(chainRevision, qint64(2 * kChain));
        qint64 expected = 1;
        qint64 lastSequence = 0;
        for (const SyncEntry &e : std::as_const(raced)) {
            QVERIFY(e.sequence > lastSequence);
            lastSequence = e.sequence;
            if (e.objectId == QLatin1String("chain"))
                QCOMPARE(e.revision, expected++);
        }
        QCOMPARE(expected, qint64(2 * kChain + 1));
        qInfo("chain: %d conflicts retried", chainConflicts.load());

        TAKE(alice, two->findAccount(QStringLiteral("alice")));
        QCOMPARE(updateWins.load(), 1);
        QCOMPARE(updateConflicts.load(), 1);
        QCOMPARE(alice->failedAttempts, 2 * kFailures);
        QCOMPARE(alice->revision, qint64(1 + 2 * kFailures + 1));

        QCOMPARE(auditWins.load(), 10);
        QCOMPARE(auditConflicts.load(), 10);
        TAKE(heads, one->auditHeads());
        QCOMPARE(heads.size(), 10);
        for (const AuditHead &h : std::as_const(heads)) {
            TAKE(stored, two->auditFrames(h.workstation, 0, 100));
            QCOMPARE(stored.size(), int(h.treeSize)); // frames of the winner only
        }
    }
};

QTEST_GUILESS_MAIN(tst_ServerStore)
#include "tst_ServerStore.moc"
