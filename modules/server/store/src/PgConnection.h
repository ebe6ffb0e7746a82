#pragma once

// A thin libpq wrapper for PostgresServerStore: parameterised statements only (PQexecParams; bytea
// travels as binary parameters, never spliced into SQL text), results in binary format, transactions
// that retry on serialisation failures and deadlocks, and the numbered migrations under an advisory
// lock. Not thread-safe: the store guards its connection with a mutex.

#include "mdp/foundation/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <functional>
#include <memory>

struct pg_conn;
struct pg_result;

namespace mdp::server::detail {

// One statement parameter. Types are named explicitly so no statement depends on inference.
struct PgParam
{
    QByteArray value;
    unsigned int type = 0; // OID
    bool isNull = false;
    bool binary = false;

    static PgParam text(const QString &value);
    static PgParam integer(qint64 value); // int8
    static PgParam boolean(bool value);
    static PgParam bytes(const QByteArray &value); // bytea, binary
    static PgParam time(const QDateTime &value);   // timestamptz; NULL when invalid
};

// A statement's result (binary format). Accessors decode by the column's type.
class PgResult
{
public:
    PgResult() = default;
    explicit PgResult(pg_result *result);
    int rows() const;
    bool isNull(int row, int column) const;
    QString text(int row, int column) const;
    QByteArray bytes(int row, int column) const;
    qint64 integer(int row, int column) const; // int2, int4 or int8
    bool boolean(int row, int column) const;
    QDateTime time(int row, int column) const; // timestamptz -> UTC with ms; invalid for NULL

private:
    std::shared_ptr<pg_result> m_result;
};

class PgConnection
{
public:
    static Result<std::unique_ptr<PgConnection>> connect(const QString &connectionString);
    ~PgConnection();

    // Error codes: AlreadyExists (unique violation, 23505), Conflict (serialisation failure or
    // deadlock), InvalidArgument (other constraint, data or syntax errors), Io (connection and the rest).
    Result<PgResult> exec(const QString &sql, const QList<PgParam> &params = {});
    // BEGIN (read committed) ... COMMIT around `work`, rolled back when it fails. A serialisation
    // failure or deadlock, and with `retryOnUniqueViolation` a unique violation (two instances
    // inserting the same key at once: the retry then sees the other's row), runs `work` again.
    Result<void> transaction(const std::function<Result<void>()> &work, bool retryOnUniqueViolation = false);
    // Applies `<resourcePrefix>/NNN_name.sql` in order, once each, recorded in schema_migrations,
    // each in its own transaction, all under a session advisory lock. Returns how many ran now.
    Result<int> migrate(const QString &resourcePrefix, qint64 advisoryLockKey, const QDateTime &now);
    Result<int> schemaVersion();

private:
    PgConnection() = default;
    Result<void> ensureConnected();
    Result<void> execScript(const QString &sql);
    Error failure(pg_result *result, const QString &what);

    pg_conn *m_conn = nullptr;
    QByteArray m_lastSqlState;
    int m_transactionDepth = 0;
};

} // namespace mdp::server::detail
