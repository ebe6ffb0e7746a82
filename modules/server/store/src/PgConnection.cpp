#include "PgConnection.h"

#include "ServerStoreRules.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSet>
#include <QtEndian>

#include <libpq-fe.h>

#include <cstring>
#include <map>
#include <vector>

namespace mdp::server::detail {

namespace {

// Type OIDs (pg_type.h; stable across releases).
constexpr Oid kBoolOid = 16;
constexpr Oid kByteaOid = 17;
constexpr Oid kInt8Oid = 20;
constexpr Oid kInt2Oid = 21;
constexpr Oid kInt4Oid = 23;
constexpr Oid kTextOid = 25;
constexpr Oid kTimestampTzOid = 1184;

// timestamptz in binary: microseconds since 2000-01-01 00:00 UTC.
constexpr qint64 kPgEpochMsecs = 946684800000LL;

constexpr int kMaxAttempts = 10;

void logNotice(void *, const char *message)
{
    qCDebug(lcServerStore) << "postgresql:" << QString::fromUtf8(message).trimmed();
}

Error::Code codeForState(const QByteArray &state)
{
    if (state == "23505")
        return Error::Code::AlreadyExists;
    if (state == "40001" || state == "40P01")
        return Error::Code::Conflict;
    if (state.startsWith("23") || state.startsWith("22") || state.startsWith("42"))
        return Error::Code::InvalidArgument;
    return Error::Code::Io;
}

} // namespace

PgParam PgParam::text(const QString &value)
{
    return PgParam{value.toUtf8(), kTextOid, false, false};
}

PgParam PgParam::integer(qint64 value)
{
    return PgParam{QByteArray::number(value), kInt8Oid, false, false};
}

PgParam PgParam::boolean(bool value)
{
    return PgParam{value ? QByteArrayLiteral("true") : QByteArrayLiteral("false"), kBoolOid, false, false};
}

PgParam PgParam::bytes(const QByteArray &value)
{
    return PgParam{value, kByteaOid, false, true};
}

PgParam PgParam::time(const QDateTime &value)
{
    if (!value.isValid())
        return PgParam{{}, kTimestampTzOid, true, false};
    return PgParam{value.toUTC().toString(Qt::ISODateWithMs).toUtf8(), kTimestampTzOid, false, false};
}

PgResult::PgResult(pg_result *result)
    : m_result(result, &PQclear)
{}

int PgResult::rows() const
{
    return m_result ? PQntuples(m_result.get()) : 0;
}

bool PgResult::isNull(int row, int column) const
{
    return PQgetisnull(m_result.get(), row, column) != 0;
}

QString PgResult::text(int row, int column) const
{
    return QString::fromUtf8(PQgetvalue(m_result.get(), row, column),
                             PQgetlength(m_result.get(), row, column));
}

QByteArray PgResult::bytes(int row, int column) const
{
    if (isNull(row, column))
        return {};
    const int length = PQgetlength(m_result.get(), row, column);
    return length > 0 ? QByteArray(PQgetvalue(m_result.get(), row, column), length) : QByteArray("");
}

qint64 PgResult::integer(int row, int column) const
{
    if (isNull(row, column))
        return 0;
    const char *value = PQgetvalue(m_result.get(), row, column);
    switch (PQftype(m_result.get(), column)) {
    case kInt8Oid:
        return qFromBigEndian<qint64>(value);
    case kInt4Oid:
        return qFromBigEndian<qint32>(value);
    case kInt2Oid:
        return qFromBigEndian<qint16>(value);
    default:
        qCWarning(lcServerStore) << "column" << column << "is not an integer";
        return 0;
    }
}

bool PgResult::boolean(int row, int column) const
{
    return !isNull(row, column) && PQgetlength(m_result.get(), row, column) == 1 &&
           *PQgetvalue(m_result.get(), row, column) != 0;
}

QDateTime PgResult::time(int row, int column) const
{
    if (isNull(row, column) || PQftype(m_result.get(), column) != kTimestampTzOid ||
        PQgetlength(m_result.get(), row, column) != 8)
        return {};
    const qint64 micros = qFromBigEndian<qint64>(PQgetvalue(m_result.get(), row, column));
    if (micros == std::numeric_limits<qint64>::max() || micros == std::numeric_limits<qint64>::min())
        return {}; // +/- infinity
    // Floor division, so times before 2000 round the same way as after.
    const qint64 msecs = micros >= 0 ? micros / 1000 : -((-micros + 999) / 1000);
    return QDateTime::fromMSecsSinceEpoch(kPgEpochMsecs + msecs, Qt::UTC);
}

Result<std::unique_ptr<PgConnection>> PgConnection::connect(const QString &connectionString)
{
    std::unique_ptr<PgConnection> connection(new PgConnection);
    connection->m_conn = PQconnectdb(connectionString.toUtf8().constData());
    if (!connection->m_conn)
        return makeError(Error::Code::Io, QStringLiteral("cannot allocate a PostgreSQL connection"));
    if (PQstatus(connection->m_conn) != CONNECTION_OK)
        return makeError(Error::Code::Io,
                         QStringLiteral("cannot connect to PostgreSQL: %1")
                             .arg(QString::fromUtf8(PQerrorMessage(connection->m_conn)).trimmed()));
    PQsetNoticeProcessor(connection->m_conn, &logNotice, nullptr);
    return connection;
}

PgConnection::~PgConnection()
{
    if (m_conn)
        PQfinish(m_conn);
}

Result<void> PgConnection::ensureConnected()
{
    if (PQstatus(m_conn) == CONNECTION_OK)
        return {};
    // Lost between requests (server restart, fail-over): one reconnection attempt, never inside a
    // transaction (its statements are gone with the old session).
    qCWarning(lcServerStore) << "PostgreSQL connection lost; reconnecting";
    PQreset(m_conn);
    if (PQstatus(m_conn) != CONNECTION_OK)
        return makeError(Error::Code::Io, QStringLiteral("PostgreSQL connection lost: %1")
                                              .arg(QString::fromUtf8(PQerrorMessage(m_conn)).trimmed()));
    return {};
}

Error PgConnection::failure(pg_result *result, const QString &what)
{
    QString message;
    m_lastSqlState.clear();
    if (result) {
        m_lastSqlState = QByteArray(PQresultErrorField(result, PG_DIAG_SQLSTATE));
        // The primary message only: DETAIL would repeat key values.
        message = QString::fromUtf8(PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY));
        PQclear(result);
    }
    if (message.isEmpty())
        message = QString::fromUtf8(PQerrorMessage(m_conn)).trimmed();
    if (PQstatus(m_conn) != CONNECTION_OK && m_lastSqlState.isEmpty())
        m_lastSqlState = "08006";
    return makeError(
        codeForState(m_lastSqlState),
        QStringLiteral("%1: %2 (SQLSTATE %3)").arg(what, message, QString::fromLatin1(m_lastSqlState)));
}

Result<PgResult> PgConnection::exec(const QString &sql, const QList<PgParam> &params)
{
    if (m_transactionDepth == 0) {
        if (auto connected = ensureConnected(); !connected)
            return connected.error();
    }
    static const char kEmpty[] = "";
    const QByteArray statement = sql.toUtf8();
    const auto count = std::size_t(params.size());
    std::vector<Oid> types(count);
    std::vector<const char *> values(count);
    std::vector<int> lengths(count);
    std::vector<int> formats(count);
    for (std::size_t i = 0; i < count; ++i) {
        const PgParam &param = params.at(qsizetype(i));
        // Text parameters end at the first NUL: refuse rather than store a truncated value.
        if (!param.binary && param.value.contains('\0'))
            return makeError(Error::Code::InvalidArgument,
                             QStringLiteral("parameter %1 contains a NUL character").arg(i + 1));
        types[i] = param.type;
        values[i] = param.isNull ? nullptr : (param.value.isEmpty() ? kEmpty : param.value.constData());
        lengths[i] = int(param.value.size());
        formats[i] = param.binary ? 1 : 0;
    }
    PGresult *result = PQexecParams(m_conn, statement.constData(), int(count), types.data(), values.data(),
                                    lengths.data(), formats.data(), /*resultFormat binary*/ 1);
    const ExecStatusType status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
        return PgResult(result);
    return failure(result, QStringLiteral("PostgreSQL statement failed"));
}

Result<void> PgConnection::execScript(const QString &sql)
{
    PGresult *result = PQexec(m_conn, sql.toUtf8().constData());
    const ExecStatusType status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
        PQclear(result);
        return {};
    }
    return failure(result, QStringLiteral("PostgreSQL script failed"));
}

Result<void> PgConnection::transaction(const std::function<Result<void>()> &work, bool retryOnUniqueViolation)
{
    if (m_transactionDepth > 0)
        return work();
    for (int attempt = 1;; ++attempt) {
        if (auto connected = ensureConnected(); !connected)
            return connected.error();
        if (auto begun = exec(QStringLiteral("BEGIN ISOLATION LEVEL READ COMMITTED")); !begun)
            return begun.error();
        m_lastSqlState.clear();
        ++m_transactionDepth;
        Result<void> done = work();
        if (done) {
            auto committed = exec(QStringLiteral("COMMIT"));
            --m_transactionDepth;
            if (committed)
                return {};
            done = committed.error();
        } else {
            (void)exec(QStringLiteral("ROLLBACK"));
            --m_transactionDepth;
        }
        const bool retry = m_lastSqlState == "40001" || m_lastSqlState == "40P01" ||
                           (retryOnUniqueViolation && m_lastSqlState == "23505");
        if (!retry || attempt >= kMaxAttempts)
            return done;
        qCDebug(lcServerStore) << "retrying a transaction after SQLSTATE" << m_lastSqlState << "attempt"
                               << attempt;
    }
}

Result<int> PgConnection::migrate(const QString &resourcePrefix, qint64 advisoryLockKey, const QDateTime &now)
{
    const QString folder =
        resourcePrefix.startsWith(u':') ? resourcePrefix : QStringLiteral(":") + resourcePrefix;
    const QDir dir(folder);
    static const QRegularExpression pattern(QStringLiteral("^(\\d+)_[A-Za-z0-9_-]+\\.sql$"));
    std::map<int, QString> scripts;
    const QStringList entries = dir.entryList(QDir::Files, QDir::Name);
    for (const QString &entry : entries) {
        const auto match = pattern.match(entry);
        const int version = match.hasMatch() ? match.captured(1).toInt() : 0;
        if (version <= 0 || !scripts.emplace(version, entry).second)
            return makeError(
                Error::Code::InvalidArgument,
                QStringLiteral("migration %1/%2 is misnamed or its number is used twice").arg(folder, entry));
    }
    if (scripts.empty())
        return makeError(Error::Code::NotFound,
                         QStringLiteral("no migrations found at %1 (resource not linked?)").arg(folder));

    // Two instances starting together: the second waits here until the first has migrated, then
    // finds nothing left to do.
    if (auto locked =
            exec(QStringLiteral("SELECT pg_advisory_lock($1)"), {PgParam::integer(advisoryLockKey)});
        !locked)
        return locked.error();
    const auto unlock = qScopeGuard([&] {
        (void)exec(QStringLiteral("SELECT pg_advisory_unlock($1)"), {PgParam::integer(advisoryLockKey)});
    });

    if (auto created =
            exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, "
                                "name text NOT NULL, applied_at timestamptz NOT NULL)"));
        !created)
        return created.error();
    auto done = exec(QStringLiteral("SELECT version FROM schema_migrations"));
    if (!done)
        return done.error();
    QSet<int> applied;
    int newest = 0;
    for (int row = 0; row < done->rows(); ++row) {
        const int version = int(done->integer(row, 0));
        applied.insert(version);
        newest = std::max(newest, version);
    }
    const int head = scripts.rbegin()->first;
    if (newest > head)
        return makeError(
            Error::Code::Unsupported,
            QStringLiteral("the server store schema in this database (version %1) is newer than this "
                           "program knows (version %2)")
                .arg(newest)
                .arg(head));
    int ran = 0;
    for (const auto &[version, entry] : scripts) {
        if (applied.contains(version))
            continue;
        QFile file(dir.filePath(entry));
        if (!file.open(QIODevice::ReadOnly))
            return makeError(Error::Code::Io,
                             QStringLiteral("cannot read migration %1/%2").arg(folder, entry));
        const QString script = QString::fromUtf8(file.readAll());
        auto migrated = transaction([&]() -> Result<void> {
            if (auto ok = execScript(script); !ok)
                return makeError(ok.error().code,
                                 QStringLiteral("migration %1: %2").arg(entry, ok.error().message));
            auto recorded = exec(QStringLiteral("INSERT INTO schema_migrations (version, name, applied_at) "
                                                "VALUES ($1, $2, $3)"),
                                 {PgParam::integer(version), PgParam::text(entry), PgParam::time(now)});
            if (!recorded)
                return recorded.error();
            return {};
        });
        if (!migrated)
            return migrated.error();
        ++ran;
    }
    return ran;
}

Result<int> PgConnection::schemaVersion()
{
    auto exists = exec(QStringLiteral("SELECT to_regclass('schema_migrations') IS NOT NULL"));
    if (!exists)
        return exists.error();
    if (!exists->boolean(0, 0))
        return 0;
    auto newest = exec(QStringLiteral("SELECT coalesce(max(version), 0) FROM schema_migrations"));
    if (!newest)
        return newest.error();
    return int(newest->integer(0, 0));
}

} // namespace mdp::server::detail
