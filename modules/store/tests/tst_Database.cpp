#include "mdp/crypto/Random.h"
#include "mdp/store/Database.h"

#include <QtTest>

#include <atomic>
#include <thread>

using namespace mdp;
using namespace mdp::store;

namespace {

const QString kMarker = QStringLiteral("MARKER-Zhang-San-张三-4711");

class RecordingObserver final : public CommitObserver
{
public:
    void committed(qint64 commitCounter) override { seen.append(commitCounter); }
    QList<qint64> seen;
};

QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

// Every file SQLite may leave next to the database (WAL, shared memory, journals).
QByteArray readDatabaseFiles(const QString &path)
{
    QByteArray all;
    const QFileInfo info(path);
    const QStringList names = info.dir().entryList({info.fileName() + QStringLiteral("*")}, QDir::Files);
    for (const QString &name : names)
        all += readAll(info.dir().filePath(name));
    return all;
}

// QVERIFY2 evaluates its message even when the check passes.
template<typename R> QByteArray why(const R &result)
{
    return result.ok() ? QByteArray() : result.error().toString().toUtf8();
}

QByteArray utf16le(const QString &text)
{
    return QByteArray(reinterpret_cast<const char *>(text.utf16()), text.size() * 2);
}

} // namespace

class tst_Database : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    SecureBytes m_key = crypto::randomKey(32);

    QString dbPath(const QString &name) const { return m_dir.filePath(name); }

    std::unique_ptr<Database> openDb(const QString &name, PageCipher cipher = PageCipher::Sm4Cbc,
                                     const SecureBytes *key = nullptr)
    {
        Database::Options options;
        options.path = dbPath(name);
        options.key = key ? *key : m_key;
        options.cipher = cipher;
        options.create = true;
        auto db = Database::open(std::move(options));
        if (!db) {
            qWarning() << db.error().toString();
            return nullptr;
        }
        return std::move(*db);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    //
    void openAppliesStoreMigrationAndReportsSqlCipher()
    {
        auto db = openDb(QStringLiteral("fresh.db"));
        QVERIFY(db);
        QVERIFY(!db->cipherVersion().isEmpty());
        QCOMPARE(db->cipher(), PageCipher::Sm4Cbc);
        QVERIFY(db->isEncrypted());
        QCOMPARE(db->schemaVersion(QStringLiteral("store")).value(), 1);
        auto journal = db->queryOne(QStringLiteral("PRAGMA journal_mode"));
        QVERIFY(journal.ok());
        QCOMPARE(journal->value().value(0).toString(), QStringLiteral("wal"));
        auto temp = db->queryOne(QStringLiteral("PRAGMA temp_store"));
        QCOMPARE(temp->value().value(0).toInt(), 2); // MEMORY: no temporary file is ever written
        auto fk = db->queryOne(QStringLiteral("PRAGMA foreign_keys"));
        QCOMPARE(fk->value().value(0).toInt(), 1);
        const auto others = QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup |
                            QFileDevice::WriteOther;
        QCOMPARE(QFileInfo(dbPath(QStringLiteral("fresh.db"))).permissions() & others,
                 QFileDevice::Permissions());
        QCOMPARE(QFileInfo(dbPath(QStringLiteral("fresh.db-wal"))).permissions() & others,
                 QFileDevice::Permissions());
    }

    void valuesRoundTripWithTheirTypes()
    {
        auto db = openDb(QStringLiteral("types.db"));
        QVERIFY(db);
        auto created =
            db->exec(QStringLiteral("CREATE TABLE v (i INTEGER, d REAL, t TEXT, b BLOB, n, f INTEGER, "
                                    "e TEXT, eb BLOB, ts TEXT)"));
        QVERIFY2(created.ok(), why(created).constData());
        const QByteArray blob("\x00\x01\xff binary \x00", 12);
        const QDateTime when(QDate(2026, 3, 4), QTime(5, 6, 7, 890), Qt::UTC);
        auto changed = db->execute(QStringLiteral("INSERT INTO v VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                                   {QVariant(qlonglong(9'007'199'254'740'993LL)), 3.25, kMarker, blob,
                                    QVariant(), true, QString(QLatin1String("")), QByteArray(), when});
        QVERIFY2(changed.ok(), why(changed).constData());
        QCOMPARE(changed.value(), 1);
        QVERIFY(db->lastInsertRowId() > 0);

        auto row =
            db->queryOne(QStringLiteral("SELECT i, d, t, b, n, f, e, eb, ts, typeof(e), typeof(eb) FROM v"));
        QVERIFY2(row.ok(), why(row).constData());
        QVERIFY(row->has_value());
        const Row &r = **row;
        QCOMPARE(r.at(0).toLongLong(), 9'007'199'254'740'993LL);
        QCOMPARE(r.at(0).typeId(), QMetaType::LongLong);
        QCOMPARE(r.at(1).toDouble(), 3.25);
        QCOMPARE(r.at(2).toString(), kMarker);
        QCOMPARE(r.at(2).typeId(), QMetaType::QString);
        QCOMPARE(r.at(3).toByteArray(), blob);
        QCOMPARE(r.at(3).typeId(), QMetaType::QByteArray);
        QVERIFY(!r.at(4).isValid());
        QCOMPARE(r.at(5).toLongLong(), 1);
        QCOMPARE(r.at(6).toString(), QString());
        QCOMPARE(r.at(9).toString(), QStringLiteral("text"));  // empty string is not NULL
        QCOMPARE(r.at(10).toString(), QStringLiteral("blob")); // empty blob is not NULL
        QCOMPARE(QDateTime::fromString(r.at(8).toString(), Qt::ISODateWithMs), when);

        auto none = db->queryOne(QStringLiteral("SELECT i FROM v WHERE i = ?1"), {-1});
        QVERIFY(none.ok());
        QVERIFY(!none->has_value());
    }

    void parameterMistakesAreRefused()
    {
        auto db = openDb(QStringLiteral("params.db"));
        QVERIFY(db);
        QVERIFY(db->exec(QStringLiteral("CREATE TABLE p (x)")).ok());
        auto missing = db->execute(QStringLiteral("INSERT INTO p VALUES (?1)"));
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, Error::Code::InvalidArgument);
        auto two = db->execute(QStringLiteral("INSERT INTO p VALUES (1); INSERT INTO p VALUES (2)"));
        QVERIFY(!two.ok());
        QCOMPARE(db->queryOne(QStringLiteral("SELECT count(*) FROM p"))->value().value(0).toInt(), 0);
        QVERIFY(db->exec(QStringLiteral("CREATE UNIQUE INDEX p_x ON p (x)")).ok());
        QVERIFY(db->execute(QStringLiteral("INSERT INTO p VALUES (1)")).ok());
        auto duplicate = db->execute(QStringLiteral("INSERT INTO p VALUES (1)"));
        QVERIFY(!duplicate.ok());
        QCOMPARE(duplicate.error().code, Error::Code::AlreadyExists);
    }

    //
    void wrongKeyIsRefusedAndLeavesTheFileUntouched()
    {
        {
            auto db = openDb(QStringLiteral("locked.db"));
            QVERIFY(db);
            QVERIFY(db->execute(QStringLiteral("CREATE TABLE t (x)")).ok());
            QVERIFY(db->execute(QStringLiteral("INSERT INTO t VALUES (?1)"), {kMarker}).ok());
        }
        const QString path = dbPath(QStringLiteral("locked.db"));
        const QByteArray before = readAll(path);
        const QStringList filesBefore =
            m_dir.path().isEmpty() ? QStringList() : QDir(m_dir.path()).entryList(QDir::Files);
        QVERIFY(!before.isEmpty());

        const SecureBytes otherKey = crypto::randomKey(32);
        Database::Options options;
        options.path = path;
        options.key = otherKey;
        auto refused = Database::open(std::move(options));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, Error::Code::WrongPassphrase);
        QCOMPARE(refused.error().message, QStringLiteral("the key does not open this database"));
        QCOMPARE(readAll(path), before);
        QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files), filesBefore);

        // The right key still opens it.
        auto db = openDb(QStringLiteral("locked.db"));
        QVERIFY(db);
        QCOMPARE(db->queryOne(QStringLiteral("SELECT x FROM t"))->value().value(0).toString(), kMarker);
    }

    // Issue 9 part 6 (R-7.4.3 key lifecycle): a data-key rotation re-encrypts every page; afterwards
    // the old key opens nothing and the new one opens everything, in write-ahead mode again.
    void rekeyReencryptsEveryPage_data()
    {
        QTest::addColumn<int>("cipher");
        QTest::newRow("sm4") << int(PageCipher::Sm4Cbc);
        QTest::newRow("aes") << int(PageCipher::Aes256Cbc);
    }

    void rekeyReencryptsEveryPage()
    {
        QFETCH(int, cipher);
        const QString name = QStringLiteral("rekey-%1.db").arg(cipher);
        const SecureBytes oldKey = crypto::randomKey(32);
        const SecureBytes newKey = crypto::randomKey(32);
        {
            auto db = openDb(name, PageCipher(cipher), &oldKey);
            QVERIFY(db);
            QVERIFY(db->execute(QStringLiteral("CREATE TABLE t (x)")).ok());
            QVERIFY(db->transaction([&]() -> Result<void> {
                          for (int i = 0; i < 2000; ++i) {
                              if (auto r = db->execute(QStringLiteral("INSERT INTO t VALUES (?1)"),
                                                       {kMarker + QString::number(i)});
                                  !r)
                                  return r.error();
                          }
                          return {};
                      }).ok());
            const QByteArray before = readAll(dbPath(name));
            auto rekeyed = db->rekey(newKey);
            QVERIFY2(rekeyed.ok(), why(rekeyed).constData());
            QCOMPARE(db->queryOne(QStringLiteral("PRAGMA journal_mode"))->value().value(0).toString(),
                     QStringLiteral("wal"));
            QCOMPARE(db->queryOne(QStringLiteral("SELECT count(*) FROM t"))->value().value(0).toInt(), 2000);
            // The pages on disk changed (new key), the data did not.
            QVERIFY(readAll(dbPath(name)) != before);
            QVERIFY(db->execute(QStringLiteral("INSERT INTO t VALUES ('after')")).ok());
        }
        Database::Options old;
        old.path = dbPath(name);
        old.key = oldKey;
        old.cipher = PageCipher(cipher);
        QCOMPARE(Database::open(std::move(old)).error().code, Error::Code::WrongPassphrase);
        auto db = openDb(name, PageCipher(cipher), &newKey);
        QVERIFY(db);
        QCOMPARE(db->queryOne(QStringLiteral("SELECT count(*) FROM t"))->value().value(0).toInt(), 2001);
        QVERIFY(db->checkIntegrity().ok());
    }

    // A second connection on the file: the rewrite would pull the pages from under it.
    void rekeyIsRefusedWhileAnotherConnectionIsOpen()
    {
        auto db = openDb(QStringLiteral("rekey-busy.db"));
        QVERIFY(db);
        QVERIFY(db->execute(QStringLiteral("CREATE TABLE t (x)")).ok());
        auto other = openDb(QStringLiteral("rekey-busy.db"));
        QVERIFY(other);
        QVERIFY(other->queryOne(QStringLiteral("SELECT count(*) FROM t")).ok());
        auto refused = db->rekey(crypto::randomKey(32));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, Error::Code::Conflict);
        other.reset();
        // The database still opens with its key.
        QVERIFY(db->execute(QStringLiteral("INSERT INTO t VALUES (1)")).ok());
    }

    void pagesAreEncrypted_data()
    {
        QTest::addColumn<int>("cipher");
        QTest::newRow("sm4-cbc") << int(PageCipher::Sm4Cbc);
        QTest::newRow("aes-256-cbc") << int(PageCipher::Aes256Cbc);
    }

    //
    void pagesAreEncrypted()
    {
        QFETCH(int, cipher);
        const QString name = QStringLiteral("marker-%1.db").arg(cipher);
        {
            auto db = openDb(name, PageCipher(cipher));
            QVERIFY(db);
            QVERIFY(db->execute(QStringLiteral("CREATE TABLE t (a TEXT, b BLOB)")).ok());
            QVERIFY(db->execute(QStringLiteral("INSERT INTO t VALUES (?1, ?2)"), {kMarker, utf16le(kMarker)})
                        .ok());
            // Checked with the WAL still present, then again after the close checkpoints it.
            const QByteArray live = readDatabaseFiles(dbPath(name));
            QVERIFY(!live.contains(kMarker.toUtf8()));
            QVERIFY(!live.contains(utf16le(kMarker)));
        }
        const QByteArray raw = readDatabaseFiles(dbPath(name));
        QVERIFY(raw.size() > 4096);
        QVERIFY(!raw.contains(kMarker.toUtf8()));
        QVERIFY(!raw.contains(utf16le(kMarker)));
        QVERIFY(!raw.contains("SQLite format 3"));
    }

    // Control for pagesAreEncrypted: the same probe does find the marker in a plain database.
    void markerProbeFindsPlaintextInUnkeyedDatabase()
    {
        Database::Options options;
        options.path = dbPath(QStringLiteral("plain.db"));
        options.unencrypted = true;
        options.create = true;
        {
            auto db = Database::open(std::move(options));
            QVERIFY(db.ok());
            QVERIFY(!(*db)->isEncrypted());
            QVERIFY((*db)->execute(QStringLiteral("CREATE TABLE t (a TEXT, b BLOB)")).ok());
            QVERIFY(
                (*db)
                    ->execute(QStringLiteral("INSERT INTO t VALUES (?1, ?2)"), {kMarker, utf16le(kMarker)})
                    .ok());
        }
        const QByteArray raw = readDatabaseFiles(dbPath(QStringLiteral("plain.db")));
        QVERIFY(raw.contains(kMarker.toUtf8()));
        QVERIFY(raw.contains(utf16le(kMarker)));
        QVERIFY(raw.startsWith("SQLite format 3"));
    }

    //
    void pageCipherMustMatchToOpen()
    {
        {
            auto sm4 = openDb(QStringLiteral("sm4.db"), PageCipher::Sm4Cbc);
            QVERIFY(sm4);
            QVERIFY(sm4->execute(QStringLiteral("CREATE TABLE t (x)")).ok());
            auto aes = openDb(QStringLiteral("aes.db"), PageCipher::Aes256Cbc);
            QVERIFY(aes);
            QVERIFY(aes->execute(QStringLiteral("CREATE TABLE t (x)")).ok());
        }
        for (const auto &[file, wrong] : {std::pair{QStringLiteral("sm4.db"), PageCipher::Aes256Cbc},
                                          std::pair{QStringLiteral("aes.db"), PageCipher::Sm4Cbc}}) {
            Database::Options options;
            options.path = dbPath(file);
            options.key = m_key;
            options.cipher = wrong;
            auto refused = Database::open(std::move(options));
            QVERIFY2(!refused.ok(), qPrintable(file));
            QCOMPARE(refused.error().code, Error::Code::WrongPassphrase);
        }
        QVERIFY(openDb(QStringLiteral("sm4.db"), PageCipher::Sm4Cbc));
        QVERIFY(openDb(QStringLiteral("aes.db"), PageCipher::Aes256Cbc));
    }

    // SQLCipher 3.4.1 would store half of a 256-bit raw key as the SM4 file salt, in clear.
    void sm4FileHeaderDoesNotRevealKeyMaterial()
    {
        {
            auto db = openDb(QStringLiteral("salt.db"), PageCipher::Sm4Cbc);
            QVERIFY(db);
        }
        const QByteArray header = readAll(dbPath(QStringLiteral("salt.db"))).left(16);
        QCOMPARE(header.size(), 16);
        const QByteArray key = m_key.view().toByteArray();
        for (int i = 0; i + 8 <= key.size(); ++i)
            QVERIFY(!header.contains(key.mid(i, 8)));
    }

    void keyOfWrongLengthAndMissingFileAreRefused()
    {
        Database::Options shortKey;
        shortKey.path = dbPath(QStringLiteral("short.db"));
        shortKey.key = crypto::randomKey(16);
        shortKey.create = true;
        auto refused = Database::open(std::move(shortKey));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, Error::Code::InvalidArgument);
        QVERIFY(!QFile::exists(dbPath(QStringLiteral("short.db"))));

        Database::Options missing;
        missing.path = dbPath(QStringLiteral("missing.db"));
        missing.key = m_key;
        auto notFound = Database::open(std::move(missing));
        QVERIFY(!notFound.ok());
        QCOMPARE(notFound.error().code, Error::Code::NotFound);
    }

    //
    void failedTransactionLeavesNoChangeAndNoCounterBump()
    {
        auto db = openDb(QStringLiteral("rollback.db"));
        QVERIFY(db);
        RecordingObserver observer;
        db->setCommitObserver(&observer);
        QVERIFY(db->transaction([&]() -> Result<void> {
                      if (auto r = db->exec(QStringLiteral("CREATE TABLE t (x)")); !r)
                          return r;
                      auto r = db->execute(QStringLiteral("INSERT INTO t VALUES (1)"));
                      return r ? Result<void>() : Result<void>(r.error());
                  }).ok());
        const qint64 counter = db->commitCounter();
        QCOMPARE(observer.seen, QList<qint64>{counter});

        auto failed = db->transaction([&]() -> Result<void> {
            if (auto r = db->execute(QStringLiteral("INSERT INTO t VALUES (2)")); !r)
                return r.error();
            if (auto r = db->execute(QStringLiteral("UPDATE t SET x = 10")); !r)
                return r.error();
            return makeError(Error::Code::Cancelled, QStringLiteral("work gave up"));
        });
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().code, Error::Code::Cancelled);
        auto rows = db->query(QStringLiteral("SELECT x FROM t ORDER BY x"));
        QVERIFY(rows.ok());
        QCOMPARE(rows->size(), 1);
        QCOMPARE(rows->first().first().toInt(), 1);
        QCOMPARE(db->commitCounter(), counter);
        QCOMPARE(observer.seen.size(), 1);

        // A failing statement inside the work is rolled back too.
        auto sqlFailure = db->transaction([&]() -> Result<void> {
            if (auto r = db->execute(QStringLiteral("INSERT INTO t VALUES (3)")); !r)
                return r.error();
            auto r = db->execute(QStringLiteral("INSERT INTO no_such_table VALUES (4)"));
            return r ? Result<void>() : Result<void>(r.error());
        });
        QVERIFY(!sqlFailure.ok());
        QCOMPARE(db->queryOne(QStringLiteral("SELECT count(*) FROM t"))->value().value(0).toInt(), 1);
        QCOMPARE(db->commitCounter(), counter);
    }

    void failingNestedTransactionUndoesOnlyItsOwnWork()
    {
        auto db = openDb(QStringLiteral("nested.db"));
        QVERIFY(db);
        QVERIFY(db->exec(QStringLiteral("CREATE TABLE t (x)")).ok());
        const qint64 before = db->commitCounter();
        auto outer = db->transaction([&]() -> Result<void> {
            if (auto r = db->execute(QStringLiteral("INSERT INTO t VALUES (1)")); !r)
                return r.error();
            auto inner = db->transaction([&]() -> Result<void> {
                if (auto r = db->execute(QStringLiteral("INSERT INTO t VALUES (2)")); !r)
                    return r.error();
                return makeError(Error::Code::Cancelled, QStringLiteral("inner gave up"));
            });
            return inner.ok()
                       ? Result<void>(makeError(Error::Code::Unknown, QStringLiteral("inner should fail")))
                       : Result<void>();
        });
        QVERIFY(outer.ok());
        auto rows = db->query(QStringLiteral("SELECT x FROM t"));
        QCOMPARE(rows->size(), 1);
        QCOMPARE(rows->first().first().toInt(), 1);
        QCOMPARE(db->commitCounter(), before + 1);
    }

    //
    void commitCounterCountsCommittedWritesAndNotifiesObserver()
    {
        qint64 start = 0;
        {
            auto db = openDb(QStringLiteral("counter.db"));
            QVERIFY(db);
            QVERIFY(db->exec(QStringLiteral("CREATE TABLE t (x)")).ok());
            RecordingObserver observer;
            db->setCommitObserver(&observer);
            start = db->commitCounter();
            QVERIFY(start >= 1); // the store's own migration was a committed write
            for (int i = 0; i < 3; ++i) {
                QVERIFY(db->transaction([&]() -> Result<void> {
                              auto r = db->execute(QStringLiteral("INSERT INTO t VALUES (?1)"), {i});
                              return r ? Result<void>() : Result<void>(r.error());
                          }).ok());
            }
            // A write outside transaction() gets its own transaction and counts as well.
            QVERIFY(db->execute(QStringLiteral("INSERT INTO t VALUES (99)")).ok());
            // Reads do not.
            QVERIFY(db->query(QStringLiteral("SELECT * FROM t")).ok());
            QCOMPARE(db->commitCounter(), start + 4);
            QCOMPARE(observer.seen, (QList<qint64>{start + 1, start + 2, start + 3, start + 4}));
            auto stored =
                db->queryOne(QStringLiteral("SELECT value FROM mdp_meta WHERE key = 'commit_counter'"));
            QCOMPARE(stored->value().value(0).toLongLong(), start + 4);
        }
        auto reopened = openDb(QStringLiteral("counter.db"));
        QVERIFY(reopened);
        QCOMPARE(reopened->commitCounter(), start + 4);
    }

    void migratesEmptyDatabaseToHeadOnce()
    {
        auto db = openDb(QStringLiteral("migrate.db"));
        QVERIFY(db);
        const QString module = QStringLiteral("test");
        QCOMPARE(db->schemaVersion(module).value(), 0);
        auto applied = db->migrate(module, QStringLiteral(":/mdp/store/test/migrations"));
        QVERIFY2(applied.ok(), why(applied).constData());
        QCOMPARE(applied.value(), 3);
        QCOMPARE(db->schemaVersion(module).value(), 3);
        const qint64 counter = db->commitCounter();

        auto again = db->migrate(module, QStringLiteral("/mdp/store/test/migrations"));
        QVERIFY(again.ok());
        QCOMPARE(again.value(), 0);
        QCOMPARE(db->commitCounter(), counter);
        auto recorded =
            db->query(QStringLiteral("SELECT version, applied_at FROM schema_migrations WHERE module = ?1 "
                                     "ORDER BY version"),
                      {module});
        QCOMPARE(recorded->size(), 3);
        QVERIFY(QDateTime::fromString(recorded->at(0).at(1).toString(), Qt::ISODateWithMs).isValid());
        auto index =
            db->queryOne(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'index' AND name = "
                                        "'visits_by_subject'"));
        QVERIFY(index->has_value());
    }

    void migratesPreviousReleaseDatabaseToHead()
    {
        const QString module = QStringLiteral("test");
        ManualClock clock(QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC));
        {
            auto db = openDb(QStringLiteral("previous.db"));
            QVERIFY(db);
            auto v1 = db->migrate(module, QStringLiteral(":/mdp/store/test/migrations-v1"));
            QVERIFY(v1.ok());
            QCOMPARE(v1.value(), 1);
            QVERIFY(db->execute(QStringLiteral("INSERT INTO subjects (code, enrolled_at) VALUES (?1, ?2)"),
                                {QStringLiteral("S-001"), QStringLiteral("2025-12-01")})
                        .ok());
        }
        Database::Options options;
        options.path = dbPath(QStringLiteral("previous.db"));
        options.key = m_key;
        options.clock = &clock;
        auto opened = Database::open(std::move(options));
        QVERIFY(opened.ok());
        Database &db = **opened;
        QCOMPARE(db.schemaVersion(module).value(), 1);
        auto head = db.migrate(module, QStringLiteral(":/mdp/store/test/migrations"));
        QVERIFY2(head.ok(), why(head).constData());
        QCOMPARE(head.value(), 2);
        QCOMPARE(db.schemaVersion(module).value(), 3);
        auto subject = db.queryOne(QStringLiteral("SELECT id, code, site FROM subjects"));
        QVERIFY(subject->has_value());
        QCOMPARE((*subject)->at(1).toString(), QStringLiteral("S-001"));
        QCOMPARE((*subject)->at(2).toString(), QStringLiteral("unknown"));
        QVERIFY(db.execute(QStringLiteral("INSERT INTO visits (subject_id, seen_at) VALUES (?1, ?2)"),
                           {(*subject)->at(0), QStringLiteral("2026-01-02")})
                    .ok());
        auto orphan =
            db.execute(QStringLiteral("INSERT INTO visits (subject_id, seen_at) VALUES (999, 'x')"));
        QVERIFY(!orphan.ok()); // foreign keys are enforced
        auto stamp =
            db.queryOne(QStringLiteral("SELECT applied_at FROM schema_migrations WHERE module = ?1 AND "
                                       "version = 3"),
                        {module});
        QCOMPARE(stamp->value().value(0).toString(), QStringLiteral("2026-01-02T03:04:05.000Z"));
        QVERIFY(db.checkIntegrity().ok());
    }

    void databaseFromNewerReleaseIsRefused()
    {
        auto db = openDb(QStringLiteral("newer.db"));
        QVERIFY(db);
        QVERIFY(db->migrate(QStringLiteral("test"), QStringLiteral(":/mdp/store/test/migrations")).ok());
        auto older = db->migrate(QStringLiteral("test"), QStringLiteral(":/mdp/store/test/migrations-v1"));
        QVERIFY(!older.ok());
        QCOMPARE(older.error().code, Error::Code::Unsupported);
        auto missing = db->migrate(QStringLiteral("test"), QStringLiteral(":/mdp/store/test/nowhere"));
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, Error::Code::NotFound);
    }

    //
    void tamperedPageIsReportedByIntegrityCheck()
    {
        const QString name = QStringLiteral("tamper.db");
        {
            auto db = openDb(name);
            QVERIFY(db);
            QVERIFY(db->exec(QStringLiteral("CREATE TABLE t (x BLOB)")).ok());
            QVERIFY(db->transaction([&]() -> Result<void> {
                          for (int i = 0; i < 200; ++i) {
                              auto r = db->execute(QStringLiteral("INSERT INTO t VALUES (?1)"),
                                                   {QByteArray(500, char('a' + i % 26))});
                              if (!r)
                                  return r.error();
                          }
                          return {};
                      }).ok());
            QVERIFY(db->checkIntegrity().ok());
        }
        const QString path = dbPath(name);
        QByteArray bytes = readAll(path);
        QVERIFY(bytes.size() > 16 * 4096);
        const qsizetype offset = (bytes.size() / 2 / 4096) * 4096 + 1000;
        bytes[offset] = char(bytes[offset] ^ 0x01);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
        file.close();

        auto db = openDb(name);
        QVERIFY(db);
        auto check = db->checkIntegrity();
        QVERIFY(!check.ok());
        QCOMPARE(check.error().code, Error::Code::Corrupt);
    }

    //
    void twoConnectionsWritingConcurrentlyDoNotCorrupt()
    {
        const QString name = QStringLiteral("concurrent.db");
        qint64 start = 0;
        {
            auto db = openDb(name);
            QVERIFY(db);
            QVERIFY(db->exec(QStringLiteral("CREATE TABLE t (writer INTEGER, n INTEGER, pad BLOB)")).ok());
            start = db->commitCounter();
        }
        constexpr int kTransactions = 40;
        constexpr int kRows = 10;
        std::atomic<int> committed{0};
        std::atomic<int> busy{0};
        std::atomic<int> otherFailures{0};
        auto writer = [&](int id) {
            auto db = openDb(name);
            if (!db) {
                ++otherFailures;
                return;
            }
            for (int t = 0; t < kTransactions; ++t) {
                auto result = db->transaction([&]() -> Result<void> {
                    for (int r = 0; r < kRows; ++r) {
                        auto ins = db->execute(QStringLiteral("INSERT INTO t VALUES (?1, ?2, ?3)"),
                                               {id, t * kRows + r, QByteArray(200, 'x')});
                        if (!ins)
                            return ins.error();
                    }
                    return {};
                });
                if (result.ok())
                    ++committed;
                else if (result.error().code == Error::Code::Conflict &&
                         result.error().message.contains(u"busy"))
                    ++busy;
                else
                    ++otherFailures;
            }
        };
        std::thread a(writer, 1);
        std::thread b(writer, 2);
        a.join();
        b.join();
        qInfo("concurrent writers: %d transactions committed, %d refused as busy", committed.load(),
              busy.load());
        QCOMPARE(otherFailures.load(), 0);
        QCOMPARE(committed.load() + busy.load(), 2 * kTransactions);
        QVERIFY(committed.load() > 0);

        auto db = openDb(name);
        QVERIFY(db);
        QCOMPARE(db->queryOne(QStringLiteral("SELECT count(*) FROM t"))->value().value(0).toInt(),
                 committed.load() * kRows);
        QCOMPARE(db->commitCounter(), start + committed.load());
        QVERIFY(db->checkIntegrity().ok());
    }
};

QTEST_GUILESS_MAIN(tst_Database)
#include "tst_Database.moc"
