#include "mdp/store/Database.h"

#include "mdp/crypto/Hash.h"

#include "StoreLogging.h"

#include "GcryptCipherProvider.h"

// The codec entry points (sqlite3_key_v2) are declared only when SQLITE_HAS_CODEC is set, which
// is how Debian's libsqlcipher was built (PRAGMA compile_options lists HAS_CODEC).
#define SQLITE_HAS_CODEC 1
#include <sqlcipher/sqlite3.h>

#include <QDate>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSet>

#include <map>

namespace mdp::store {
namespace {

constexpr int kBusyTimeoutMs = 5000;
constexpr int kStatementCacheLimit = 512;
const QString kStoreModule = QStringLiteral("store");
const QString kStoreMigrations = QStringLiteral(":/mdp/store/migrations");

Error sqliteError(sqlite3 *db, int rc, const QString &what)
{
    Error::Code code = Error::Code::Unknown;
    switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return makeError(
            Error::Code::Conflict,
            what + QStringLiteral(": the database is busy (another connection is writing); try again"));
    case SQLITE_CONSTRAINT:
        code = (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY)
                   ? Error::Code::AlreadyExists
                   : Error::Code::InvalidArgument;
        break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        code = Error::Code::Corrupt;
        break;
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_CANTOPEN:
    case SQLITE_PROTOCOL:
        code = Error::Code::Io;
        break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
        code = Error::Code::PermissionDenied;
        break;
    case SQLITE_ERROR:
    case SQLITE_RANGE:
    case SQLITE_MISMATCH:
    case SQLITE_TOOBIG:
        code = Error::Code::InvalidArgument;
        break;
    default:
        break;
    }
    // sqlite3_errmsg describes the last failure on this connection; fall back to the generic text
    // when the code we hold came from somewhere else.
    const char *text = (db && sqlite3_extended_errcode(db) == rc) ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    return makeError(code, what + QStringLiteral(": ") + QString::fromUtf8(text));
}

// "x'<hex>'" raw-key spec in memory that is wiped when it goes out of scope.
SecureBytes rawKeySpec(const SecureBytes &key)
{
    static constexpr char digits[] = "0123456789abcdef";
    SecureBytes spec(key.size() * 2 + 3);
    char *out = spec.data();
    *out++ = 'x';
    *out++ = '\'';
    for (std::size_t i = 0; i < key.size(); ++i) {
        const auto byte = key.udata()[i];
        *out++ = digits[byte >> 4];
        *out++ = digits[byte & 0x0f];
    }
    *out = '\'';
    return spec;
}

// SQLCipher 3.4.1 reads a raw key "x'<hex>'" of exactly key_sz bytes as the page key, and one of
// key_sz + 16 bytes as "key followed by salt", writing that salt in clear into the first 16 bytes
// of the file. key_sz is what the provider reports for the cipher (GcryptCipherProvider: 16 for
// SM4, 32 for AES-256), so handing SM4 our 256-bit key would publish its second half in the
// header. The SM4 page key is therefore derived to exactly 16 bytes (and separated from any
// other use of the database key); AES-256 takes the 32-byte key as is.
SecureBytes pageKey(const SecureBytes &key, PageCipher cipher)
{
    if (cipher == PageCipher::Aes256Cbc)
        return key;
    return crypto::hkdf(crypto::HashAlgorithm::Sm3, key.view(), {},
                        QByteArrayView("mdp/store/sqlcipher/sm4-cbc-page-key/v1"), 16);
}

bool isPowerOfTwo(int value)
{
    return value > 0 && (value & (value - 1)) == 0;
}

// Statements that change data or schema and may run inside a transaction. PRAGMA, VACUUM,
// ATTACH and transaction control must stay outside one, so they are never wrapped.
bool isWrappableWrite(sqlite3_stmt *stmt)
{
    if (sqlite3_stmt_readonly(stmt))
        return false;
    static const QRegularExpression first(QStringLiteral("^\\s*(\\w+)"));
    const auto match = first.match(QString::fromUtf8(sqlite3_sql(stmt)));
    const QString keyword = match.captured(1).toUpper();
    static const QStringList writes = {QStringLiteral("INSERT"), QStringLiteral("UPDATE"),
                                       QStringLiteral("DELETE"), QStringLiteral("REPLACE"),
                                       QStringLiteral("CREATE"), QStringLiteral("DROP"),
                                       QStringLiteral("ALTER"),  QStringLiteral("WITH")};
    return writes.contains(keyword);
}

Result<void> bindValue(sqlite3_stmt *stmt, int index, const QVariant &value)
{
    int rc = SQLITE_OK;
    if (!value.isValid() || value.isNull()) {
        rc = sqlite3_bind_null(stmt, index);
    } else {
        switch (value.typeId()) {
        case QMetaType::Bool:
            rc = sqlite3_bind_int(stmt, index, value.toBool() ? 1 : 0);
            break;
        case QMetaType::Int:
        case QMetaType::UInt:
        case QMetaType::Short:
        case QMetaType::UShort:
        case QMetaType::Char:
        case QMetaType::SChar:
        case QMetaType::UChar:
        case QMetaType::Long:
        case QMetaType::LongLong:
            rc = sqlite3_bind_int64(stmt, index, value.toLongLong());
            break;
        case QMetaType::ULong:
        case QMetaType::ULongLong: {
            const qulonglong v = value.toULongLong();
            if (v > qulonglong(std::numeric_limits<qint64>::max()))
                return makeError(
                    Error::Code::InvalidArgument,
                    QStringLiteral("parameter %1 does not fit a 64-bit signed integer").arg(index));
            rc = sqlite3_bind_int64(stmt, index, qint64(v));
            break;
        }
        case QMetaType::Double:
        case QMetaType::Float:
            rc = sqlite3_bind_double(stmt, index, value.toDouble());
            break;
        case QMetaType::QString: {
            const QByteArray utf8 = value.toString().toUtf8();
            // A null data pointer would bind NULL; an empty string must stay an empty string.
            rc = sqlite3_bind_text(stmt, index, utf8.isEmpty() ? "" : utf8.constData(), int(utf8.size()),
                                   SQLITE_TRANSIENT);
            break;
        }
        case QMetaType::QByteArray: {
            const QByteArray bytes = value.toByteArray();
            rc = bytes.isEmpty()
                     ? sqlite3_bind_zeroblob(stmt, index, 0)
                     : sqlite3_bind_blob(stmt, index, bytes.constData(), int(bytes.size()), SQLITE_TRANSIENT);
            break;
        }
        case QMetaType::QDateTime: {
            const QByteArray text = value.toDateTime().toUTC().toString(Qt::ISODateWithMs).toUtf8();
            rc = sqlite3_bind_text(stmt, index, text.constData(), int(text.size()), SQLITE_TRANSIENT);
            break;
        }
        case QMetaType::QDate: {
            const QByteArray text = value.toDate().toString(Qt::ISODate).toUtf8();
            rc = sqlite3_bind_text(stmt, index, text.constData(), int(text.size()), SQLITE_TRANSIENT);
            break;
        }
        default:
            return makeError(Error::Code::InvalidArgument,
                             QStringLiteral("parameter %1 has unsupported type %2")
                                 .arg(index)
                                 .arg(QString::fromLatin1(value.typeName())));
        }
    }
    if (rc != SQLITE_OK)
        return sqliteError(sqlite3_db_handle(stmt), rc,
                           QStringLiteral("cannot bind parameter %1").arg(index));
    return {};
}

QVariant columnValue(sqlite3_stmt *stmt, int column)
{
    switch (sqlite3_column_type(stmt, column)) {
    case SQLITE_INTEGER:
        return QVariant(qlonglong(sqlite3_column_int64(stmt, column)));
    case SQLITE_FLOAT:
        return QVariant(sqlite3_column_double(stmt, column));
    case SQLITE_TEXT: {
        const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(stmt, column));
        return QVariant(QString::fromUtf8(text, sqlite3_column_bytes(stmt, column)));
    }
    case SQLITE_BLOB: {
        const auto *data = static_cast<const char *>(sqlite3_column_blob(stmt, column));
        const int size = sqlite3_column_bytes(stmt, column);
        return QVariant(size > 0 ? QByteArray(data, size) : QByteArray(""));
    }
    default:
        return QVariant();
    }
}

} // namespace

struct Database::Impl
{
    sqlite3 *db = nullptr;
    QString path;
    PageCipher cipher = PageCipher::Sm4Cbc;
    bool encrypted = true;
    QString cipherVersion;
    QHash<QString, sqlite3_stmt *> cache;
    CommitObserver *observer = nullptr;
    const Clock *clock = nullptr;
    qint64 counter = 0;
    bool metaReady = false;
    int savepointDepth = 0;

    ~Impl()
    {
        for (sqlite3_stmt *stmt : std::as_const(cache))
            sqlite3_finalize(stmt);
        cache.clear();
        if (db)
            sqlite3_close_v2(db); // rolls back a transaction left open
    }

    // A prepared statement borrowed from the cache (reset on release) or owned for one use.
    class Statement
    {
    public:
        Statement(sqlite3_stmt *stmt, bool owned)
            : m_stmt(stmt)
            , m_owned(owned)
        {}
        Statement(Statement &&other) noexcept
            : m_stmt(std::exchange(other.m_stmt, nullptr))
            , m_owned(other.m_owned)
        {}
        Statement(const Statement &) = delete;
        Statement &operator=(const Statement &) = delete;
        Statement &operator=(Statement &&) = delete;
        ~Statement()
        {
            if (!m_stmt)
                return;
            if (m_owned) {
                sqlite3_finalize(m_stmt);
            } else {
                sqlite3_reset(m_stmt);
                sqlite3_clear_bindings(m_stmt);
            }
        }
        sqlite3_stmt *get() const { return m_stmt; }

    private:
        sqlite3_stmt *m_stmt;
        bool m_owned;
    };

    Result<Statement> prepare(const QString &sql)
    {
        if (auto it = cache.constFind(sql); it != cache.constEnd())
            return Statement(*it, false);
        const QByteArray utf8 = sql.toUtf8();
        sqlite3_stmt *stmt = nullptr;
        const char *tail = nullptr;
        const int rc = sqlite3_prepare_v2(db, utf8.constData(), int(utf8.size()), &stmt, &tail);
        if (rc != SQLITE_OK) {
            sqlite3_finalize(stmt);
            return sqliteError(db, rc, QStringLiteral("cannot prepare statement"));
        }
        if (!stmt)
            return makeError(Error::Code::InvalidArgument, QStringLiteral("the statement is empty"));
        // Anything but whitespace or comments after the first statement would be silently ignored.
        if (tail && tail < utf8.constData() + utf8.size()) {
            sqlite3_stmt *extra = nullptr;
            sqlite3_prepare_v2(db, tail, int(utf8.constData() + utf8.size() - tail), &extra, nullptr);
            if (extra) {
                sqlite3_finalize(extra);
                sqlite3_finalize(stmt);
                return makeError(
                    Error::Code::InvalidArgument,
                    QStringLiteral("only one statement is allowed here; use exec() for scripts"));
            }
        }
        // No eviction: a statement in use higher up the stack must never be finalised under it.
        if (cache.size() >= kStatementCacheLimit)
            return Statement(stmt, true);
        cache.insert(sql, stmt);
        return Statement(stmt, false);
    }

    static Result<void> bindAll(sqlite3_stmt *stmt, const QVariantList &params)
    {
        const int expected = sqlite3_bind_parameter_count(stmt);
        if (expected != params.size())
            return makeError(Error::Code::InvalidArgument,
                             QStringLiteral("the statement takes %1 parameters, %2 given")
                                 .arg(expected)
                                 .arg(params.size()));
        for (int i = 0; i < params.size(); ++i) {
            if (auto bound = bindValue(stmt, i + 1, params.at(i)); !bound)
                return bound.error();
        }
        return {};
    }

    Result<QList<Row>> step(sqlite3_stmt *stmt, bool collect)
    {
        QList<Row> rows;
        const int columns = sqlite3_column_count(stmt);
        for (;;) {
            const int rc = sqlite3_step(stmt);
            if (rc == SQLITE_DONE)
                return rows;
            if (rc != SQLITE_ROW)
                return sqliteError(db, rc, QStringLiteral("statement failed"));
            if (!collect)
                continue;
            Row row;
            row.reserve(columns);
            for (int c = 0; c < columns; ++c)
                row.append(columnValue(stmt, c));
            rows.append(std::move(row));
        }
    }

    // Runs one cached statement without transaction wrapping (internal statements, pragmas).
    Result<QList<Row>> run(const QString &sql, const QVariantList &params = {}, bool collect = true)
    {
        auto stmt = prepare(sql);
        if (!stmt)
            return stmt.error();
        if (auto bound = bindAll(stmt->get(), params); !bound)
            return bound.error();
        return step(stmt->get(), collect);
    }

    Result<void> runScript(const QString &sql)
    {
        const QByteArray utf8 = sql.toUtf8();
        const char *cursor = utf8.constData();
        const char *end = cursor + utf8.size();
        int index = 0;
        while (cursor < end) {
            sqlite3_stmt *stmt = nullptr;
            const char *tail = nullptr;
            int rc = sqlite3_prepare_v2(db, cursor, int(end - cursor), &stmt, &tail);
            ++index;
            if (rc != SQLITE_OK) {
                sqlite3_finalize(stmt);
                return sqliteError(db, rc,
                                   QStringLiteral("statement %1 of the script does not compile").arg(index));
            }
            cursor = tail;
            if (!stmt)
                continue; // whitespace or a comment
            do {
                rc = sqlite3_step(stmt);
            } while (rc == SQLITE_ROW);
            sqlite3_finalize(stmt);
            if (rc != SQLITE_DONE)
                return sqliteError(db, rc, QStringLiteral("statement %1 of the script failed").arg(index));
        }
        return {};
    }

    Result<QString> pragmaText(const QString &sql)
    {
        auto rows = run(sql);
        if (!rows)
            return rows.error();
        if (rows->isEmpty() || rows->first().isEmpty())
            return QString();
        return rows->first().first().toString();
    }

    Result<qint64> readCounter()
    {
        auto rows = run(QStringLiteral("SELECT value FROM mdp_meta WHERE key = 'commit_counter'"));
        if (!rows)
            return rows.error();
        return rows->isEmpty() ? qint64(0) : rows->first().first().toLongLong();
    }

    Result<qint64> bumpCounter()
    {
        if (!metaReady) {
            // Only while the store's own first migration is being applied.
            auto rows =
                run(QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'mdp_meta'"));
            if (!rows)
                return rows.error();
            if (rows->isEmpty())
                return counter;
            metaReady = true;
        }
        auto updated =
            run(QStringLiteral("UPDATE mdp_meta SET value = value + 1 WHERE key = 'commit_counter'"));
        if (!updated)
            return updated.error();
        if (sqlite3_changes(db) == 0) {
            auto inserted =
                run(QStringLiteral("INSERT INTO mdp_meta (key, value) VALUES ('commit_counter', 1)"));
            if (!inserted)
                return inserted.error();
        }
        return readCounter();
    }

    void rollback()
    {
        // Some errors (SQLITE_FULL, SQLITE_IOERR) already ended the transaction.
        if (!sqlite3_get_autocommit(db))
            (void)run(QStringLiteral("ROLLBACK"));
    }
};

Database::Database()
    : d(std::make_unique<Impl>())
{}

Database::~Database() = default;

Result<std::unique_ptr<Database>> Database::open(Options options)
{
    if (!options.unencrypted && options.key.size() != 32)
        return makeError(Error::Code::InvalidArgument, QStringLiteral("the database key must be 32 bytes"));
    if (!isPowerOfTwo(options.pageSize) || options.pageSize < 512 || options.pageSize > 65536)
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("the page size must be a power of two from 512 to 65536"));
    if (options.path.isEmpty())
        return makeError(Error::Code::InvalidArgument, QStringLiteral("no database path given"));
    if (!options.create && !QFileInfo::exists(options.path))
        return makeError(Error::Code::NotFound, QStringLiteral("the database file does not exist"));

    std::unique_ptr<Database> self(new Database());
    Impl &d = *self->d;
    d.path = options.path;
    d.cipher = options.cipher;
    d.encrypted = !options.unencrypted;
    d.clock = options.clock;

    const bool isNew = !QFileInfo::exists(options.path);
    if (options.readOnly && (options.create || isNew))
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("a database opened read-only must already exist"));
    const int flags = (options.readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) |
                      SQLITE_OPEN_NOMUTEX | (options.create ? SQLITE_OPEN_CREATE : 0);
    int rc = sqlite3_open_v2(QFile::encodeName(options.path).constData(), &d.db, flags, nullptr);
    if (rc != SQLITE_OK)
        return sqliteError(d.db, rc, QStringLiteral("cannot open the database file"));
    // Owner-only before anything is written; SQLite gives the -wal and -shm files the same mode.
    if (isNew)
        QFile::setPermissions(options.path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    sqlite3_extended_result_codes(d.db, 1);
    sqlite3_busy_timeout(d.db, kBusyTimeoutMs);

    if (d.encrypted) {
        // Every keyed connection of the process must take its cipher context from the libgcrypt
        // provider (SM4 pages with HMAC-SM3); SQLCipher copies the provider at key time.
        if (auto installed = GcryptCipherProvider::install(); !installed)
            return installed.error();
        // sqlite3_key_v2 is what PRAGMA key calls; using it directly keeps the key out of SQL text,
        // which SQLite copies into the prepared statement and frees without wiping.
        const SecureBytes spec = rawKeySpec(pageKey(options.key, options.cipher));
        options.key.clear();
        rc = sqlite3_key_v2(d.db, "main", spec.data(), int(spec.size()));
        if (rc != SQLITE_OK)
            return sqliteError(d.db, rc, QStringLiteral("cannot set the database key"));
        if (options.cipher == PageCipher::Sm4Cbc) {
            // Deprecated in 3.4.1 (it answers with a notice row) but effective: pages are SM4-CBC
            // with HMAC-SM3 (the provider picks the HMAC from the cipher).
            if (auto set = d.run(QStringLiteral("PRAGMA cipher = 'sm4-cbc'")); !set)
                return set.error();
        }
    }

    auto version = d.pragmaText(QStringLiteral("PRAGMA cipher_version"));
    if (!version)
        return version.error();
    if (version->isEmpty())
        return makeError(
            Error::Code::Unsupported,
            QStringLiteral("the SQLite library in use is not SQLCipher; refusing to open the database"));
    d.cipherVersion = *version;

    if (d.encrypted) {
        if (auto set = d.run(QStringLiteral("PRAGMA cipher_page_size = %1").arg(options.pageSize)); !set)
            return set.error();
        auto active = d.pragmaText(QStringLiteral("PRAGMA cipher"));
        if (!active)
            return active.error();
        if (pageCipherFromName(*active) != options.cipher)
            return makeError(Error::Code::Unsupported,
                             QStringLiteral("SQLCipher did not accept page cipher %1")
                                 .arg(pageCipherName(options.cipher)));
        auto provider = d.pragmaText(QStringLiteral("PRAGMA cipher_provider"));
        if (!provider)
            return provider.error();
        if (*provider != GcryptCipherProvider::name())
            return makeError(Error::Code::Unsupported,
                             QStringLiteral("the database pages would not go through the libgcrypt provider "
                                            "(SQLCipher reports provider '%1')")
                                 .arg(*provider));
    } else {
        if (auto set = d.run(QStringLiteral("PRAGMA page_size = %1").arg(options.pageSize)); !set)
            return set.error();
    }

    // The first read of page 1 decrypts it: this is where a wrong key (or cipher) shows, and
    // nothing has been written to the file yet.
    if (auto probe = d.run(QStringLiteral("SELECT count(*) FROM sqlite_master")); !probe) {
        const int code = sqlite3_extended_errcode(d.db) & 0xff;
        if (code == SQLITE_NOTADB)
            return makeError(Error::Code::WrongPassphrase,
                             QStringLiteral("the key does not open this database"));
        return probe.error();
    }

    auto journal = d.pragmaText(options.readOnly ? QStringLiteral("PRAGMA journal_mode")
                                                 : QStringLiteral("PRAGMA journal_mode = WAL"));
    if (!journal)
        return journal.error();
    if (journal->compare(u"wal", Qt::CaseInsensitive) != 0)
        return makeError(Error::Code::Unsupported,
                         QStringLiteral("the database refused write-ahead logging"));
    const QStringList pragmas = {
        QStringLiteral("PRAGMA synchronous = FULL"),
        QStringLiteral("PRAGMA foreign_keys = ON"),
        QStringLiteral("PRAGMA cache_size = -%1").arg(qMax(options.cacheKiB, 256)),
        QStringLiteral("PRAGMA secure_delete = ON"),
        // Sorts, temporary tables and indices stay in memory: SQLCipher does not encrypt
        // temporary files.
        QStringLiteral("PRAGMA temp_store = MEMORY"),
    };
    for (const QString &pragma : pragmas) {
        if (auto set = d.run(pragma); !set)
            return set.error();
    }
    // Read back: a SQLite built to keep temporaries in files whatever the pragma says
    // (SQLITE_TEMP_STORE=0) would write unencrypted sort runs and temporary tables to /tmp.
    auto tempStore = d.pragmaText(QStringLiteral("PRAGMA temp_store"));
    auto secureDelete = d.pragmaText(QStringLiteral("PRAGMA secure_delete"));
    auto compiled = d.run(QStringLiteral("PRAGMA compile_options"));
    if (!tempStore || !secureDelete || !compiled)
        return makeError(Error::Code::Io, QStringLiteral("the database settings cannot be read back"));
    bool filesForced = false;
    for (const auto &row : compiled.value())
        filesForced = filesForced || (!row.isEmpty() && row.first().toString() == u"TEMP_STORE=0");
    if (tempStore.value() != u"2" || secureDelete.value() != u"1" || filesForced)
        return makeError(Error::Code::Unsupported,
                         QStringLiteral("the database library does not keep temporary data in memory "
                                        "(temp_store %1%2) or does not erase deleted content (secure_delete "
                                        "%3); refusing to open")
                             .arg(tempStore.value(),
                                  filesForced ? QStringLiteral(", forced to files") : QString(),
                                  secureDelete.value()));
    // PRAGMA cipher_memory_security arrived with SQLCipher 4; 3.4.1 ignores it, so it is not set.

    if (!options.readOnly) {
        auto migrated = self->migrate(kStoreModule, kStoreMigrations);
        if (!migrated)
            return migrated.error();
    }
    d.metaReady = true;
    auto counter = d.readCounter();
    if (!counter)
        return counter.error();
    d.counter = *counter;
    qCDebug(lcStore) << "opened database with"
                     << (d.encrypted ? pageCipherName(d.cipher) : QStringLiteral("no"))
                     << "page cipher, SQLCipher" << d.cipherVersion;
    return self;
}

QString Database::path() const
{
    return d->path;
}

QString Database::cipherVersion() const
{
    return d->cipherVersion;
}

PageCipher Database::cipher() const
{
    return d->cipher;
}

bool Database::isEncrypted() const
{
    return d->encrypted;
}

Result<void> Database::exec(const QString &sql)
{
    return d->runScript(sql);
}

Result<qint64> Database::execute(const QString &sql, const QVariantList &params)
{
    auto stmt = d->prepare(sql);
    if (!stmt)
        return stmt.error();
    if (auto bound = Impl::bindAll(stmt->get(), params); !bound)
        return bound.error();
    const int before = sqlite3_total_changes(d->db);
    auto runIt = [&]() -> Result<void> {
        auto done = d->step(stmt->get(), false);
        if (!done)
            return done.error();
        return {};
    };
    Result<void> done =
        (sqlite3_get_autocommit(d->db) && isWrappableWrite(stmt->get())) ? transaction(runIt) : runIt();
    if (!done)
        return done.error();
    // sqlite3_changes keeps the count of the last INSERT/UPDATE/DELETE, even after a CREATE.
    return sqlite3_total_changes(d->db) != before ? qint64(sqlite3_changes(d->db)) : qint64(0);
}

Result<QList<Row>> Database::query(const QString &sql, const QVariantList &params)
{
    auto stmt = d->prepare(sql);
    if (!stmt)
        return stmt.error();
    if (auto bound = Impl::bindAll(stmt->get(), params); !bound)
        return bound.error();
    if (!(sqlite3_get_autocommit(d->db) && isWrappableWrite(stmt->get())))
        return d->step(stmt->get(), true);
    QList<Row> rows;
    auto done = transaction([&]() -> Result<void> {
        auto stepped = d->step(stmt->get(), true);
        if (!stepped)
            return stepped.error();
        rows = std::move(*stepped);
        return {};
    });
    if (!done)
        return done.error();
    return rows;
}

Result<void> Database::forEachRow(const QString &sql, const QVariantList &params,
                                  const std::function<bool(const Row &row)> &visit)
{
    auto stmt = d->prepare(sql);
    if (!stmt)
        return stmt.error();
    if (!sqlite3_stmt_readonly(stmt->get()))
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("forEachRow() is for reading statements"));
    if (auto bound = Impl::bindAll(stmt->get(), params); !bound)
        return bound.error();
    const int columns = sqlite3_column_count(stmt->get());
    Row row;
    row.resize(columns);
    for (;;) {
        const int rc = sqlite3_step(stmt->get());
        if (rc == SQLITE_DONE)
            return {};
        if (rc != SQLITE_ROW)
            return sqliteError(d->db, rc, QStringLiteral("statement failed"));
        for (int c = 0; c < columns; ++c)
            row[c] = columnValue(stmt->get(), c);
        if (!visit(row))
            return {};
    }
}

Result<std::optional<Row>> Database::queryOne(const QString &sql, const QVariantList &params)
{
    auto rows = query(sql, params);
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return std::optional<Row>();
    return std::optional<Row>(rows->first());
}

qint64 Database::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(d->db);
}

Result<void> Database::transaction(const std::function<Result<void>()> &work)
{
    if (!sqlite3_get_autocommit(d->db)) {
        // Nested: a savepoint, so a failing inner step undoes only its own changes.
        const QString name = QStringLiteral("mdp_sp_%1").arg(++d->savepointDepth);
        auto leave = qScopeGuard([this] { --d->savepointDepth; });
        if (auto begun = d->runScript(QStringLiteral("SAVEPOINT ") + name); !begun)
            return begun.error();
        Result<void> result = work();
        if (!result) {
            (void)d->runScript(QStringLiteral("ROLLBACK TO ") + name + QStringLiteral("; RELEASE ") + name);
            return result;
        }
        if (auto released = d->runScript(QStringLiteral("RELEASE ") + name); !released)
            return released.error();
        return {};
    }

    if (auto begun = d->run(QStringLiteral("BEGIN IMMEDIATE")); !begun)
        return begun.error();
    // Rolls back if `work` throws; dismissed on every regular path below.
    auto guard = qScopeGuard([this] { d->rollback(); });
    Result<void> result = work();
    if (!result)
        return result; // guard rolls back
    if (d->observer) {
        if (auto r = d->observer->committing(*this); !r)
            return r; // guard rolls back
    }
    auto counter = d->bumpCounter();
    if (!counter)
        return counter.error();
    if (auto committed = d->run(QStringLiteral("COMMIT")); !committed)
        return committed.error();
    guard.dismiss();
    d->counter = *counter;
    if (d->observer)
        d->observer->committed(d->counter);
    return {};
}

bool Database::inTransaction() const
{
    return !sqlite3_get_autocommit(d->db);
}

qint64 Database::commitCounter() const
{
    // Read from the file: another connection may have committed since.
    if (d->metaReady) {
        if (auto counter = d->readCounter(); counter)
            d->counter = *counter;
    }
    return d->counter;
}

void Database::setCommitObserver(CommitObserver *observer)
{
    d->observer = observer;
}

Result<int> Database::migrate(const QString &module, const QString &resourcePrefix)
{
    if (module.isEmpty())
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("no module name given for the migration"));
    const QString folder =
        resourcePrefix.startsWith(u':') ? resourcePrefix : QStringLiteral(":") + resourcePrefix;
    const QDir dir(folder);
    if (!dir.exists())
        return makeError(Error::Code::NotFound,
                         QStringLiteral("no migrations found at %1 (resource not linked?)").arg(folder));

    static const QRegularExpression pattern(QStringLiteral("^(\\d+)_[A-Za-z0-9_-]+\\.sql$"));
    std::map<int, QString> scripts;
    const QStringList entries = dir.entryList(QDir::Files, QDir::Name);
    for (const QString &entry : entries) {
        const auto match = pattern.match(entry);
        if (!match.hasMatch())
            return makeError(Error::Code::InvalidArgument,
                             QStringLiteral("migration %1/%2 is not named NNN_name.sql").arg(folder, entry));
        const int version = match.captured(1).toInt();
        if (version <= 0 || !scripts.emplace(version, entry).second)
            return makeError(
                Error::Code::InvalidArgument,
                QStringLiteral("migration version %1 in %2 is zero or used twice").arg(version).arg(folder));
    }
    if (scripts.empty())
        return makeError(Error::Code::NotFound, QStringLiteral("no migrations found at %1").arg(folder));

    if (auto created =
            d->runScript(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations ("
                                        "module TEXT NOT NULL, version INTEGER NOT NULL, "
                                        "applied_at TEXT NOT NULL, PRIMARY KEY (module, version))"));
        !created)
        return created.error();

    auto current = schemaVersion(module);
    if (!current)
        return current.error();
    const int head = scripts.rbegin()->first;
    if (*current > head)
        return makeError(
            Error::Code::Unsupported,
            QStringLiteral("the %1 schema of this database (version %2) is newer than this program knows "
                           "(version %3)")
                .arg(module)
                .arg(*current)
                .arg(head));

    auto done = d->run(QStringLiteral("SELECT version FROM schema_migrations WHERE module = ?1"), {module});
    if (!done)
        return done.error();
    QSet<int> already;
    for (const Row &row : std::as_const(*done))
        already.insert(int(row.value(0).toLongLong()));

    const Clock &clock = d->clock ? *d->clock : static_cast<const Clock &>(SystemClock::instance());
    int applied = 0;
    for (const auto &[version, entry] : scripts) {
        if (already.contains(version))
            continue; // no transaction, so no commit-counter bump for a no-op
        QFile file(dir.filePath(entry));
        if (!file.open(QIODevice::ReadOnly))
            return makeError(Error::Code::Io,
                             QStringLiteral("cannot read migration %1/%2").arg(folder, entry));
        const QString script = QString::fromUtf8(file.readAll());
        bool ran = false;
        auto done = transaction([&]() -> Result<void> {
            // Checked again inside the write lock: another connection may have just applied it.
            auto already =
                d->run(QStringLiteral("SELECT 1 FROM schema_migrations WHERE module = ?1 AND version = ?2"),
                       {module, version});
            if (!already)
                return already.error();
            if (!already->isEmpty())
                return {};
            if (auto ok = d->runScript(script); !ok)
                return makeError(
                    ok.error().code,
                    QStringLiteral("migration %1 %2: %3").arg(module, entry, ok.error().message));
            auto recorded =
                d->run(QStringLiteral("INSERT INTO schema_migrations (module, version, applied_at) "
                                      "VALUES (?1, ?2, ?3)"),
                       {module, version, clock.now().toUTC().toString(Qt::ISODateWithMs)});
            if (!recorded)
                return recorded.error();
            ran = true;
            return {};
        });
        if (!done)
            return done.error();
        if (ran) {
            ++applied;
            qCInfo(lcStore) << "applied migration" << module << version;
        }
    }
    return applied;
}

Result<int> Database::schemaVersion(const QString &module)
{
    auto exists = d->run(
        QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"));
    if (!exists)
        return exists.error();
    if (exists->isEmpty())
        return 0;
    auto rows =
        d->run(QStringLiteral("SELECT max(version) FROM schema_migrations WHERE module = ?1"), {module});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return 0;
    return int(rows->first().first().toLongLong());
}

Result<void> Database::rekey(SecureBytes newKey)
{
    if (!d->encrypted)
        return makeError(Error::Code::Unsupported, QStringLiteral("an unencrypted database has no key"));
    if (newKey.size() != 32)
        return makeError(Error::Code::InvalidArgument, QStringLiteral("the database key must be 32 bytes"));
    if (inTransaction())
        return makeError(Error::Code::Conflict, QStringLiteral("a transaction is open"));
    auto folded = d->pragmaText(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    if (!folded)
        return folded.error();
    if (folded->startsWith(u'1'))
        return makeError(
            Error::Code::Conflict,
            QStringLiteral("another connection is using the database; it cannot be re-keyed now"));
    auto journal = d->pragmaText(QStringLiteral("PRAGMA journal_mode = DELETE"));
    if (!journal)
        return journal.error();
    if (journal->compare(u"delete", Qt::CaseInsensitive) != 0)
        return makeError(Error::Code::Conflict,
                         QStringLiteral("another connection holds the database in write-ahead mode"));
    const SecureBytes spec = rawKeySpec(pageKey(newKey, d->cipher));
    newKey.clear();
    const int rc = sqlite3_rekey_v2(d->db, "main", spec.data(), int(spec.size()));
    auto back = d->pragmaText(QStringLiteral("PRAGMA journal_mode = WAL"));
    if (rc != SQLITE_OK)
        return sqliteError(d->db, rc, QStringLiteral("cannot re-key the database"));
    if (!back)
        return back.error();
    // Every page must read back under the new key.
    if (auto probe = d->run(QStringLiteral("SELECT count(*) FROM sqlite_master")); !probe)
        return probe.error();
    return {};
}

Result<void> Database::checkIntegrity()
{
    auto rows = d->run(QStringLiteral("PRAGMA integrity_check"));
    if (!rows) {
        // A page that fails its HMAC cannot be read at all: the check stops with an error.
        return makeError(Error::Code::Corrupt,
                         QStringLiteral("integrity check failed: %1").arg(rows.error().message));
    }
    if (rows->isEmpty())
        return makeError(Error::Code::Corrupt, QStringLiteral("integrity check returned nothing"));
    const QString first = rows->first().value(0).toString();
    if (first == u"ok")
        return {};
    return makeError(
        Error::Code::Corrupt,
        QStringLiteral("integrity check found %1 problem(s); first: %2").arg(rows->size()).arg(first));
}

} // namespace mdp::store
