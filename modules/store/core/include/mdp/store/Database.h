#pragma once

#include "mdp/foundation/Clock.h"
#include "mdp/foundation/Result.h"
#include "mdp/foundation/SecureBytes.h"

#include <QString>
#include <QVariant>
#include <QVariantList>

#include <functional>
#include <memory>
#include <optional>

namespace mdp::store {

// Page cipher of the SQLCipher database. SM4-CBC is the default (national algorithms: SM4 pages,
// HMAC-SM3 page authentication); AES-256-CBC keeps stock SQLCipher 3.x pages (HMAC-SHA1). Page
// format of each: modules/store/README.md.
enum class PageCipher
{
    Sm4Cbc,
    Aes256Cbc
};
QString pageCipherName(PageCipher cipher); // "sm4-cbc" / "aes-256-cbc"
std::optional<PageCipher> pageCipherFromName(QStringView name);

using Row = QVariantList;
class Database;

// Called after every committed write transaction with the new commit counter, so a higher layer
// can anchor it (the audit chain) and detect a rolled-back database file at the next open.
class CommitObserver
{
public:
    virtual ~CommitObserver() = default;
    // Inside the outermost write transaction, just before it commits: what is written here commits
    // with it (the audit log's checkpoint, so the database vouches for the audit as well). A failure
    // rolls the transaction back.
    virtual Result<void> committing(Database &database)
    {
        (void)database;
        return {};
    }
    virtual void committed(qint64 commitCounter) = 0;
};

// An open, keyed SQLCipher database. Not thread-safe: one connection per thread.
class Database
{
public:
    struct Options
    {
        QString path;
        SecureBytes key; // raw 256-bit key from the key hierarchy
        PageCipher cipher = PageCipher::Sm4Cbc;
        bool create = false;      // create the file if missing
        bool unencrypted = false; // only for benchmarks' baseline; never for workspace data
        // Opens for reading only (an offline check): nothing is written, not even the store's
        // migrations or a write-ahead-log checkpoint at close; writing statements fail.
        bool readOnly = false;
        // SQLCipher page size: part of the file format, so it must be the same at every open.
        // Measured with SQLCipher 3.4.1's OpenSSL 3 provider, which set up cipher and HMAC for every
        // page: SQLCipher's default of 1024 was the slowest (AES time ratio about 1.4 insert / 1.9 read);
        // 4096 brought AES to about 1.1-1.5; 8192 and 16384 were not reliably better under load
        // and read more per cache miss on a large database.
        int pageSize = 4096;
        // Page cache per connection (decrypted pages). With 8 MiB a 9 MB table already thrashed and
        // each re-read page was decrypted again (SM4 point reads x5.8 against unkeyed); 64 MiB keeps
        // a workstation's working set decrypted once.
        int cacheKiB = 65536;
        const Clock *clock = nullptr; // stamps schema_migrations.applied_at; system clock if null
    };

    // Refuses to open unless the linked library answers PRAGMA cipher_version (it is really
    // SQLCipher) and the key decrypts the file (Error::Code::WrongPassphrase otherwise).
    // The cipher is not recorded in the file in a readable form: the caller must remember it and
    // pass the same one (a database written with SM4 does not open as AES, and vice versa).
    // Applies the store's own migrations (module "store": mdp_meta with the commit counter).
    // Error codes: NotFound (missing file without `create`), WrongPassphrase, Unsupported (not
    // SQLCipher 3.4.1, the cipher was not accepted, or pages would not go through the libgcrypt
    // page provider), InvalidArgument (key not 32 bytes), Io.
    static Result<std::unique_ptr<Database>> open(Options options);
    ~Database();

    QString path() const;
    QString cipherVersion() const;
    PageCipher cipher() const;

    bool isEncrypted() const;

    // Runs one or more statements without parameters (schema, pragmas). Not wrapped in a
    // transaction: writes made through exec() outside transaction() do not bump the counter.
    Result<void> exec(const QString &sql);
    // One statement with positional parameters (?1, ?2 or ?); returns rows changed. A writing
    // statement issued outside a transaction runs inside its own transaction() (counter bumped).
    // Parameters: invalid QVariant = NULL, bool/integers = INTEGER, double = REAL, QString = TEXT
    // (UTF-8), QByteArray = BLOB, QDateTime = TEXT ISO 8601 UTC with milliseconds, QDate = TEXT.
    // Columns come back as qlonglong, double, QString, QByteArray or an invalid QVariant (NULL).
    // Error codes: AlreadyExists (UNIQUE / PRIMARY KEY violation), InvalidArgument (other
    // constraints, SQL errors, bad parameters), Conflict (busy: another writer holds the lock
    // beyond the busy timeout), Corrupt, Io.
    Result<qint64> execute(const QString &sql, const QVariantList &params = {});
    Result<QList<Row>> query(const QString &sql, const QVariantList &params = {});
    Result<std::optional<Row>> queryOne(const QString &sql, const QVariantList &params = {});
    // A read-only query streamed row by row: `visit` sees each row as it is stepped (nothing is
    // collected, so a million rows cost one row of memory) and returns false to stop early. The row
    // is reused; copy what must outlive the call.
    Result<void> forEachRow(const QString &sql, const QVariantList &params,
                            const std::function<bool(const Row &row)> &visit);
    qint64 lastInsertRowId() const;

    // BEGIN IMMEDIATE ... COMMIT around `work`; rolls back if it fails. Every committed write
    // transaction increments the commit counter stored in the database itself (mdp_meta,
    // key 'commit_counter') inside that same transaction, then the observer is told.
    // Nested calls become savepoints; only the outermost commit bumps the counter.
    // Waits up to the busy timeout (5 s) for another connection or process that is writing.
    Result<void> transaction(const std::function<Result<void>()> &work);
    qint64 commitCounter() const;
    void setCommitObserver(CommitObserver *observer);
    // Whether a transaction() (or a transaction opened by exec()) is open on this connection, so
    // what is written now commits or rolls back with it.
    bool inTransaction() const;

    // Applies numbered migrations `<prefix>/NNN_name.sql` from Qt resources in order, once each,
    // recording (module, version) in schema_migrations. Each runs in its own transaction.
    // `resourcePrefix` is a resource folder such as ":/mdp/store/migrations" (the leading ':' may
    // be left out). Returns how many were applied now. Refuses (Unsupported) a database whose
    // recorded version for the module is newer than the newest script.
    Result<int> migrate(const QString &module, const QString &resourcePrefix);
    Result<int> schemaVersion(const QString &module);

    // Full integrity check (PRAGMA integrity_check); error names the first problem. Every page is
    // read through the codec, so a page whose HMAC fails is reported as Corrupt as well
    // (SQLCipher 3.4.1 has no PRAGMA cipher_integrity_check).
    Result<void> checkIntegrity();

    // Re-encrypts every page under `newKey` (a data-key rotation, issue 9 part 6): the write-ahead
    // log is folded in and switched off for the rewrite (SQLCipher cannot rekey a WAL database),
    // SQLCipher rewrites each page in one rollback-journal transaction, then WAL comes back. A crash
    // before the journal is gone leaves the database under the old key. Needs this to be the only
    // open connection and no transaction open; Conflict otherwise.
    Result<void> rekey(SecureBytes newKey);

private:
    Database();
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace mdp::store
